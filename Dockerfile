# Production image: gunicorn on roseraie_portal.wsgi, static files collected at build time
# and served by whitenoise (hashed, compressed names), running as a non-root user.
# Every setting comes from the environment at run time (README, "Configuration").
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
RUN useradd --system --create-home --uid 10001 roseraie

COPY pyproject.toml README.md ./
COPY roseraie_portal roseraie_portal
COPY services services
COPY permanences permanences
COPY ateliers ateliers
COPY diagnostics diagnostics
RUN pip install .

COPY manage.py ./
COPY bin bin
COPY templates templates
COPY static static
COPY locale locale
COPY fixtures fixtures

# Build-time values only: collectstatic and the catalogs touch no database.
RUN DEBUG=false SECRET_KEY=build-only-not-a-secret SITE_URL=https://build.invalid \
        DATABASE_URL=postgres://build@localhost/build \
        python manage.py collectstatic --no-input \
    && pybabel compile --domain django --directory locale

USER roseraie
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
# The web process; the same image runs the background worker with the command bin/worker.
CMD ["bin/start"]
