"""Shared by the benchmarks: a database of their own, filled at the scale an issue names.

The benchmarks never touch the development database: they use ``roseraie_bench`` on the
same server (the embedded PostgreSQL, or the one DATABASE_URL names), created and migrated
on first use and kept between runs, so only the first run pays for the data.
"""

import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DATABASE = "roseraie_bench"


def django_on_bench_database():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roseraie_portal.settings")
    # Production settings, as the figures are promised for production: no debug
    # instrumentation of templates and SQL. Plain HTTP from the test client, and static
    # files found without collectstatic.
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 50)
    os.environ["SECURE_SSL_REDIRECT"] = "false"
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


def _create_database(database):
    import psycopg
    from psycopg import sql

    params = {
        "host": database.get("HOST") or database.get("OPTIONS", {}).get("host") or None,
        "port": database.get("PORT") or database.get("OPTIONS", {}).get("port") or None,
        "user": database.get("USER") or None,
        "password": database.get("PASSWORD") or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**{key: value for key, value in params.items() if value}) as conn:
        if not conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DATABASE]
        ).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(BENCH_DATABASE)))


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]
