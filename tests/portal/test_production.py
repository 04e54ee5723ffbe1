"""The production shape, exercised outside Docker: settings, start script, gunicorn."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from roseraie_portal import embedded_db

BASE_DIR = Path(settings.BASE_DIR)


def database_url(settings_dict) -> str:
    """DATABASE_URL for a connection's settings; a Unix socket goes in the query string."""
    # A DATABASE_URL with the socket in its query string leaves them in OPTIONS.
    options = settings_dict.get("OPTIONS", {})
    user, name = settings_dict["USER"], settings_dict["NAME"]
    host = settings_dict["HOST"] or options.get("host") or "localhost"
    port = settings_dict["PORT"] or options.get("port") or 5432
    if host.startswith("/"):
        return f"postgres://{user}@/{name}?host={quote(host)}&port={port}"
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    return f"postgres://{user}:{password}@{host}:{port}/{name}"


def production_env(database: str, **extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DEBUG", "PYTEST"))
    }
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="portail.example.org",
        SITE_URL="https://portail.example.org",
        DATABASE_URL=database,
    )
    return env | extra


def manage(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wait_for(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {process.stdout.read()}")
        try:
            return get(url)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def test_check_deploy_reports_no_warning_under_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=production_env(database_url(connection.settings_dict)),
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env("postgres://nobody@localhost/none")
    del env["SECRET_KEY"]

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.fixture
def served(request):
    """Run a server command; stop it at the end of the test."""
    processes = []

    def serve(command, env):
        process = subprocess.Popen(
            command,
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        processes.append(process)
        return process

    yield serve
    for process in processes:
        process.terminate()
        process.wait(timeout=20)
        process.stdout.close()


@pytest.mark.django_db
def test_start_script_migrates_then_serves_over_gunicorn(served):
    port = free_port()
    env = production_env(
        database_url(connection.settings_dict),
        ALLOWED_HOSTS="127.0.0.1",
        PORT=str(port),
        BIND="127.0.0.1",
        WEB_CONCURRENCY="1",
        PYTHON=sys.executable,
    )
    process = served([str(BASE_DIR / "bin" / "start")], env)

    assert "_roseraie" in env["DATABASE_URL"]  # the test database, never the development one
    status, _, body = wait_for(f"http://127.0.0.1:{port}/healthz", process)
    assert (status, body) == (200, "ok\n")

    # Production settings are in force: plain HTTP is sent to HTTPS, HTTPS gets HSTS.
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(f"http://127.0.0.1:{port}/accessibilite/", timeout=10)
    with redirect.value as response:
        assert response.code == 301
        assert response.headers["Location"] == f"https://127.0.0.1:{port}/accessibilite/"


def test_healthz_reports_a_stopped_database_then_recovers_without_restart(tmp_path, served):
    pgdata = tmp_path / "pgdata"
    socket_dir, port = embedded_db.start(pgdata)
    try:
        http_port = free_port()
        env = production_env(
            database_url(
                {"USER": "postgres", "NAME": "postgres", "HOST": socket_dir, "PORT": port}
            ),
            ALLOWED_HOSTS="127.0.0.1",
        )
        process = served(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "roseraie_portal.wsgi",
                "--workers",
                "1",
                "--bind",
                f"127.0.0.1:{http_port}",
            ],
            env,
        )
        url = f"http://127.0.0.1:{http_port}/healthz"
        assert wait_for(url, process)[0] == 200

        embedded_db.stop(pgdata)
        status, _, body = get(url)
        assert status == 503
        assert body == "base de données injoignable\n"

        embedded_db.start(pgdata)
        assert get(url)[0] == 200
    finally:
        embedded_db.stop(pgdata)
