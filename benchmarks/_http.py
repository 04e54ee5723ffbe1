"""Shared by the page benchmarks: the portal served as in production, timed over HTTP.

``served_portal()`` collects the static files, starts ``bin/start`` (migrate, then
gunicorn with WEB_CONCURRENCY workers, 3 unless set) with production settings on the
benchmark database and a free port of 127.0.0.1, waits for /healthz, and stops the server
on the way out, also on Ctrl-C, SIGTERM or an error. The test client would hide the
server's share of a request: gunicorn, WSGI, whitenoise.

``Browser`` talks to it with http.client over one connection, kept alive where the server
allows (gunicorn's sync workers close it after each response; it reopens by itself), and
keeps its cookies itself: production cookies are Secure, which a client's cookie jar
would not send back over plain HTTP.

``fetch`` sends one request on a connection of its own and never sends it again: for the
benchmarks that count failures (a retried POST could be saved twice, a retried GET would
hide a failed connection).

``time_against_floor`` times each page with /healthz right after it, on the same server
in the same run: the floor, what any request costs here and now (gunicorn, WSGI, one
query). This machine is noisy; the ratio of a page to its floor is the steadier figure.
"""

import contextlib
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import quote, urlencode

from _setup import BASE_DIR, BENCH_DATABASE, percentile, server_of

HEALTHZ = "/healthz"
WARM_UP = 3  # rounds run first and not counted: every worker's connection and templates
STARTUP_SECONDS = 60


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    ms: float


class Browser:
    """One visitor: a connection to the served portal and the cookies it was given."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = dict(cookies or {})

    def get(self, path, *, expected=200, headers=None) -> Response:
        return self.request("GET", path, expected=expected, headers=headers)

    def post(self, path, form, *, expected) -> Response:
        body = urlencode(form, doseq=True)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", path, body=body, expected=expected, headers=headers)

    def request(self, method, path, *, body=None, expected, headers=None) -> Response:
        """``expected``: the status the request must get (or the benchmark stops), or None
        to return whatever came."""
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        start = time.perf_counter()
        try:
            self.connection.request(method, path, body, headers)
            answer = self.connection.getresponse()
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            # The server closed an idle kept-alive connection: once more, on a new one.
            self.connection.close()
            start = time.perf_counter()
            self.connection.request(method, path, body, headers)
            answer = self.connection.getresponse()
        content = answer.read()
        elapsed = (time.perf_counter() - start) * 1000
        if expected is not None and answer.status != expected:
            raise SystemExit(f"{method} {path} over HTTP: {answer.status}, not {expected}")
        for header in answer.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.coded_value  # sent back as it came
        return Response(answer.status, answer.headers, content, elapsed)


def fetch(port, method, path, *, body=None, headers=None, timeout=30) -> Response:
    """One request on a new connection, never retried; raises OSError or
    http.client.HTTPException when the connection fails."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        start = time.perf_counter()
        connection.request(method, path, body, headers or {})
        answer = connection.getresponse()
        content = answer.read()
        return Response(
            answer.status, answer.headers, content, (time.perf_counter() - start) * 1000
        )
    finally:
        connection.close()


def time_against_floor(browser, cases, *, rounds):
    """Run each case (a function returning the Response to time) once a round, each
    followed by /healthz; return the Responses of each case and the times of /healthz,
    warm-up rounds left out."""
    runs = {name: [] for name in cases}
    floor = []
    for number in range(WARM_UP + rounds):
        for name, case in cases.items():
            response = case()
            healthz = browser.get(HEALTHZ)
            if number >= WARM_UP:
                runs[name].append(response)
                floor.append(healthz.ms)
    return runs, floor


TIMING_HEADER = f"{'median':>9} {'p95':>9} {'ratio':>6}"


def timing_columns(times, floor) -> str:
    """Median, p95 and the ratio of the median to the median of the floor."""
    median = statistics.median(times)
    ratio = median / statistics.median(floor)
    return f"{median:>7.1f}ms {percentile(times, 0.95):>7.1f}ms {ratio:>6.1f}"


def print_floor(floor) -> None:
    print(
        f"{HEALTHZ}, the floor: median {statistics.median(floor):.1f} ms, "
        f"p95 {percentile(floor, 0.95):.1f} ms over {len(floor)} requests, each right after "
        "a page,\non the same server (ratio: a page's median / the floor's median)."
    )


@contextlib.contextmanager
def served_portal(*, database_url=None, log=None):
    """bin/start on the benchmark database (or on ``database_url``); yields the port it
    listens on. ``log``: a file opened "w+" that receives the server's output, read back
    when the server does not start (a temporary file otherwise)."""
    from django.conf import settings

    port = _free_port()
    env = _production_environment(settings.DATABASES["default"], port)
    if database_url is not None:
        env["DATABASE_URL"] = database_url
    print("Collecting static files, starting bin/start (gunicorn)…", flush=True)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    own_log = log is None
    if own_log:
        log = tempfile.NamedTemporaryFile("w+", prefix="roseraie-bench-", suffix=".log")
    # A session of its own: the server and its workers are stopped together, by us.
    server = subprocess.Popen(
        [str(BASE_DIR / "bin" / "start")],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    stop_on_sigterm = signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    try:
        _wait_for_healthz(port, server, log)
        yield port
    finally:
        _stop(server)
        signal.signal(signal.SIGTERM, stop_on_sigterm)
        if own_log:
            log.close()


def _production_environment(database: dict, port: int) -> dict:
    server = server_of(database)
    user = quote(server["user"] or "", safe="")
    if server["password"]:
        user += ":" + quote(server["password"], safe="")
    host, db_port = server["host"] or "localhost", server["port"] or 5432
    if host.startswith("/"):  # a Unix socket goes in the query string
        url = f"postgres://{user}@/{BENCH_DATABASE}?{urlencode({'host': host, 'port': db_port})}"
    else:
        url = f"postgres://{user}@{host}:{db_port}/{BENCH_DATABASE}"
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return env | {
        "DEBUG": "false",
        "SECRET_KEY": os.environ["SECRET_KEY"],  # the throwaway of _setup.py
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": os.environ["SITE_URL"],  # the one of _setup.py
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": url,
        "BIND": "127.0.0.1",
        "PORT": str(port),
        "PYTHON": sys.executable,
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_healthz(port, server, log) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        try:
            Browser(port).get(HEALTHZ)
            return
        except OSError:
            time.sleep(0.2)
    log.seek(0)
    raise SystemExit(f"bin/start did not answer on /healthz:\n{log.read()[-3000:]}")


def _stop(server) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)  # gunicorn stops its workers gracefully
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
