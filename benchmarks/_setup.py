"""Shared by the benchmarks: a database of their own, filled at the scale an issue names,
and what the Django test client still measures (the queries of a request).

The benchmarks never touch the development database: they use ``roseraie_bench`` on the
same server (the embedded PostgreSQL, or the one DATABASE_URL names), created and migrated
on first use and kept between runs, so only the first run pays for the data.
"""

import os
import secrets
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DATABASE = "roseraie_bench"
CLIENT_ROUNDS = 10  # of a test-client pass, after the HTTP one: for the queries only


def django_on_bench_database():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roseraie_portal.settings")
    # Production settings, as the figures are promised for production: no debug
    # instrumentation of templates and SQL. A throwaway key, shared with the server that
    # _http.py starts (it reads the sessions made here). In this process: plain HTTP from
    # the test client, and static files found without collectstatic.
    os.environ["DEBUG"] = "false"
    os.environ["SECRET_KEY"] = "benchmark-only-" + secrets.token_urlsafe(50)
    os.environ["SECURE_SSL_REDIRECT"] = "false"
    os.environ.setdefault("SITE_URL", "http://127.0.0.1")
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    database = settings.DATABASES["default"]
    _create_database(database)
    database["NAME"] = BENCH_DATABASE
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def server_of(database: dict) -> dict:
    """Host, port, user and password of a Django database, wherever the URL put them (a
    Unix socket given in DATABASE_URL's query string lands in OPTIONS)."""
    options = database.get("OPTIONS", {})
    return {
        "host": database.get("HOST") or options.get("host") or None,
        "port": database.get("PORT") or options.get("port") or None,
        "user": database.get("USER") or None,
        "password": database.get("PASSWORD") or None,
    }


def _create_database(database):
    import psycopg
    from psycopg import sql

    params = {**server_of(database), "dbname": "postgres", "autocommit": True}
    with psycopg.connect(**{key: value for key, value in params.items() if value}) as conn:
        if not conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DATABASE]
        ).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(BENCH_DATABASE)))


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def with_queries(client, method, url, data=None, *, expected):
    """One request through the Django test client, with each of its queries timed to the
    microsecond (Django's own query log rounds to the millisecond): ``{"ms", "queries"
    [(sql, params, ms)], "response"}``. Over HTTP, a request's queries cannot be seen."""
    from django.db import connection

    queries = []

    def time_query(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append((sql, params, (time.perf_counter() - start) * 1000))

    with connection.execute_wrapper(time_query):
        start = time.perf_counter()
        response = getattr(client, method)(url, data)
        elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != expected:
        raise SystemExit(f"{method.upper()} {url}: {response.status_code}, not {expected}")
    return {"ms": elapsed, "queries": queries, "response": response}


def print_explain(sql, params) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of a query, in a transaction rolled back: analysing an
    INSERT would otherwise save a row."""
    from django.db import connection, transaction

    print("   ", connection.ops.compose_sql(sql, params))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        for (line,) in cursor.fetchall():
            print("   ", line)
        transaction.set_rollback(True)
