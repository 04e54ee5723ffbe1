# Roseraie Portal: `make run` serves the portal, `make test` runs the whole suite.
# Both set everything up first (virtualenv, dependencies, database, migrations, demo data).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Development mode unless the caller says otherwise (production reads its own environment).
export DEBUG ?= true

.PHONY: run test setup lint format messages compilemessages migrate demo db stop browser clean

run: setup
	@echo ""
	@echo "  Portail de La Roseraie : http://127.0.0.1:8000/"
	@echo "  Administration : http://127.0.0.1:8000/admin/"
	@echo "  Comptes de démonstration (développement seulement) : coordination, conseiller,"
	@echo "  partenaire ; mot de passe : roseraie-demo"
	@echo "  Le worker des messages (rappels, confirmations) tourne à côté ; Ctrl-C arrête les deux."
	@echo ""
	@$(PY) manage.py db_worker --interval 5 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

# Browser tests run on their own: they are transactional, and the flush after each one
# would empty the reference data (roles, themes) under other tests of the same worker.
# Exit code 5 means "no test selected" (a PYTEST_ARGS filter), not a failure.
test: setup lint browser
	$(PY) -m pytest -n auto --ignore=tests/browser $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(PY) -m pytest -n auto tests/browser $(PYTEST_ARGS) || [ $$? -eq 5 ]

setup: $(VENV)/.installed compilemessages db migrate demo

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

db: $(VENV)/.installed
	@if [ -z "$$DATABASE_URL" ]; then $(PY) -m roseraie_portal.embedded_db start; fi

stop: $(VENV)/.installed
	$(PY) -m roseraie_portal.embedded_db stop

migrate: db
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_demo

# Catalogs are compiled with Babel (pure Python): no GNU gettext needed to set up.
compilemessages: $(VENV)/.installed
	$(VENV)/bin/pybabel compile --domain django --directory locale --statistics

# Extracting strings needs GNU gettext (xgettext): a developer's tool, not a set-up step.
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l en -l ar -l tr --no-location --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'benchmarks/*'

lint: $(VENV)/.installed
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/djlint templates --lint

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djlint templates --reformat

# Browser tests drive the system Chromium (see ../shared/A11Y.md). Where there is none,
# Debian's package is installed when we may (root with apt-get), else Playwright fetches
# its own (needs the internet, and its download site). The W3C HTML checker (vnu.jar,
# tests/portal/test_html_validity.py) needs Java: Debian's, installed the same way.
browser: $(VENV)/.installed
	@if [ ! -x "$${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get install -y --no-install-recommends chromium >/dev/null \
	    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends chromium >/dev/null; }; \
	  else $(PY) -m playwright install chromium; fi; \
	fi
	@if ! command -v java >/dev/null && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get install -y --no-install-recommends default-jre-headless >/dev/null \
	  || { apt-get update >/dev/null && apt-get install -y --no-install-recommends default-jre-headless >/dev/null; }; \
	fi

clean: stop
	rm -rf $(VENV) var staticfiles
