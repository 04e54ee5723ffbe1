"""Registering under load: 50 people register at once to an atelier of 10 places (the
ateliers issue, "Speed and load, measured").

    python benchmarks/atelier_registrations.py [--clients 50] [--capacity 10]
        [--bursts 5] [--workers 4] [--ateliers 5000]

On the benchmark database (see _setup.py), with its generated upcoming ateliers
(generators/ateliers.py; generated first when there are fewer than --ateliers), over
HTTP to bin/start with WEB_CONCURRENCY=--workers gunicorn workers (production settings;
see _http.py). Each burst opens a new session (tomorrow, --capacity places); each of
the --clients visitors GETs its page first, as a browser does, for the CSRF cookie and
the form's token, then all of them POST their registration to /ateliers/<id>/ at the
same moment (a barrier), each with a phone number of their own and the consent, so that
the duplicate refusal never fires. The database then says who got a place.

Prints, for each burst: confirmed, waiting and errors (a status other than 2xx/3xx, a
500 among them, or a connection that failed), against the targets confirmed = capacity,
waiting = clients - capacity, errors = 0; then the POSTs' p50, p95 and slowest over all
bursts but the first (warm-up). The floor, in the same run: /healthz alone, one request
after another, and a burst of as many /healthz at once (the same queueing in front of
the workers, nothing to lock); the ratio is the registrations' figure over the burst
floor's. Then the queries of one registration, through the Django test client.

The sessions, their registrations and the messages they queued are deleted at the end
(Ctrl-C too); the generated ateliers stay.
"""

import argparse
import contextlib
import os
import re
import statistics
import threading
from datetime import time, timedelta

from _http import HEALTHZ, Browser, served_portal
from _setup import CLIENT_ROUNDS, django_on_bench_database, percentile, with_queries

TITLE = "Course aux inscriptions (benchmark)"
FLOOR_ROUNDS = 30


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--capacity", type=int, default=10)
    parser.add_argument("--bursts", type=int, default=5, help="Counted, after one warm-up.")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn's WEB_CONCURRENCY.")
    parser.add_argument("--ateliers", type=int, default=5_000)
    args = parser.parse_args()

    os.environ["WEB_CONCURRENCY"] = str(args.workers)
    django_on_bench_database()
    from django.utils import timezone

    from benchmarks.generators.ateliers import generate_ateliers, generated

    upcoming = generated().filter(date__gt=timezone.localdate()).count()
    if upcoming < args.ateliers:
        print(f"Generating {args.ateliers} upcoming ateliers (first run only)…", flush=True)
        generate_ateliers(ateliers=args.ateliers, clear=True, log=print)
    print(f"{generated().count()} generated ateliers in the benchmark database.")

    bursts, floor_alone, floor_bursts = [], [], []
    with race_sessions(args.capacity) as new_session:
        with served_portal() as port:
            print(
                f"{args.workers} gunicorn workers; 1 warm-up burst, then {args.bursts} bursts "
                f"of {args.clients} registrations to {args.capacity} places.",
                flush=True,
            )
            for number in range(1 + args.bursts):
                floor_bursts.append(healthz_burst(port, args.clients))
                atelier = new_session()
                bursts.append(registration_burst(port, atelier, args.clients, burst=number))
            browser = Browser(port)
            floor_alone = [browser.get(HEALTHZ).ms for _ in range(FLOOR_ROUNDS)]
        queries = client_registrations(new_session(), args.capacity)
    report(bursts, floor_alone, floor_bursts, queries, args)
    print("\nLoad average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


@contextlib.contextmanager
def race_sessions(capacity):
    """Yields a function that makes a new session of ``capacity`` places, tomorrow, where
    the first generated atelier is held; every session made, its registrations and the
    messages they queued are deleted on the way out, even when the benchmark stops half
    way (after the server stopped: no registration is in flight)."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from ateliers.actions import save_atelier
    from ateliers.models import Atelier
    from benchmarks.generators.ateliers import generated

    started, made = timezone.now(), []
    model = generated().order_by("pk").first()

    def new_session():
        atelier = save_atelier(
            atelier=Atelier(
                title=TITLE,
                description="Un atelier où tout le monde s’inscrit en même temps.",
                structure_id=model.structure_id,
                lieu_id=model.lieu_id,
                thematique_id=model.thematique_id,
                date=timezone.localdate() + timedelta(days=1),
                start_time=time(14),
                end_time=time(16),
                capacity=capacity,
            )
        )
        made.append(atelier.pk)
        return atelier

    try:
        yield new_session
    finally:
        Atelier.objects.filter(pk__in=made).delete()
        DBTaskResult.objects.filter(
            task_path__startswith="ateliers.", enqueued_at__gte=started
        ).delete()


def _at_once(count, prepare, fire):
    """Run ``prepare(n)`` in ``count`` threads, then ``fire(n, prepared)`` in all of them
    at the same moment; return what each fire returned, in order."""
    barrier = threading.Barrier(count, timeout=120)
    results, failures = [None] * count, []

    def run(n):
        try:
            prepared = prepare(n)
            barrier.wait()
            results[n] = fire(n, prepared)
        except BaseException as failure:  # said below, once every thread is done
            barrier.abort()
            failures.append(failure)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"A client failed before its request: {failures[0]!r}")
    return results


def healthz_burst(port, clients) -> list[float]:
    return _at_once(
        clients,
        prepare=lambda n: Browser(port),
        fire=lambda n, browser: browser.get(HEALTHZ).ms,
    )


def registration_burst(port, atelier, clients, *, burst) -> dict:
    """Every client GETs the page (its CSRF cookie and token), then all POST at once."""
    from ateliers.enums import InscriptionStatus

    path = atelier.get_absolute_url()

    def prepare(n):
        browser = Browser(port)
        page = browser.get(path).body.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return browser, token

    def fire(n, prepared):
        browser, token = prepared
        form = {
            "csrfmiddlewaretoken": token,
            "first_name": f"Personne {n}",
            "phone": f"06 98 {burst:02d} {n // 100:02d} {n % 100:02d}",
            "email": "",
            "consent": "on",
            "heard_from": "bouche-a-oreille",
        }
        try:
            return browser.post(path, form, expected=None)
        except OSError as error:
            return error

    answers = _at_once(clients, prepare, fire)
    statuses = atelier.inscriptions.values_list("status", flat=True)
    return {
        "ms": [answer.ms for answer in answers if not isinstance(answer, OSError)],
        "statuses": sorted(
            str(answer) if isinstance(answer, OSError) else answer.status for answer in answers
        ),
        "errors": sum(
            1 for answer in answers if isinstance(answer, OSError) or not 200 <= answer.status < 400
        ),
        "confirmed": sum(1 for status in statuses if status == InscriptionStatus.CONFIRMED),
        "waiting": sum(1 for status in statuses if status == InscriptionStatus.WAITING),
    }


def client_registrations(atelier, capacity) -> list[list]:
    """The queries of registrations through the test client: a place, then the list."""
    from django.test import Client

    client = Client()
    runs = []
    for n in range(capacity + CLIENT_ROUNDS):
        form = {
            "first_name": f"Client {n}",
            "phone": f"06 97 00 {n // 100:02d} {n % 100:02d}",
            "consent": "on",
        }
        runs.append(with_queries(client, "post", atelier.get_absolute_url(), form, expected=302))
    return runs


def report(bursts, floor_alone, floor_bursts, queries, args) -> None:
    waiting_target = args.clients - args.capacity
    print("\nOver HTTP to bin/start (production settings); the database counts the places.")
    print(f"{'burst':<8} {'confirmed':>9} {'waiting':>8} {'errors':>7}   statuses")
    all_right = True
    for number, burst in enumerate(bursts):
        right = (burst["confirmed"], burst["waiting"], burst["errors"]) == (
            args.capacity,
            waiting_target,
            0,
        )
        all_right &= right
        counted = {status: burst["statuses"].count(status) for status in burst["statuses"]}
        print(
            f"{'warm-up' if number == 0 else number:<8} {burst['confirmed']:>9} "
            f"{burst['waiting']:>8} {burst['errors']:>7}   "
            + ", ".join(f"{count} × {status}" for status, count in counted.items())
            + ("" if right else "   MISSED")
        )
    print(
        f"Target: confirmed = {args.capacity}, waiting = {waiting_target}, errors = 0 in every "
        f"burst: {'OK' if all_right else 'MISSED'}."
    )

    posts = [ms for burst in bursts[1:] for ms in burst["ms"]]
    floor = [ms for burst in floor_bursts[1:] for ms in burst]
    print(
        f"\n{'':<32} {'p50':>8} {'p95':>8} {'slowest':>8}   over {len(posts)} requests"
        f"\n{'registrations (POST)':<32} {_columns(posts)}"
        f"\n{f'floor: {args.clients} × {HEALTHZ} at once':<32} {_columns(floor)}"
        f"\n{f'floor: {HEALTHZ} alone':<32} {_columns(floor_alone)}"
    )
    print(
        f"Ratio of the registrations to the burst floor: p50 "
        f"{statistics.median(posts) / statistics.median(floor):.1f}, p95 "
        f"{percentile(posts, 0.95) / percentile(floor, 0.95):.1f}. No target set by the issue "
        "for the p95: it is printed."
    )

    counts = sorted({len(run["queries"]) for run in queries})
    confirmed, waiting = queries[: args.capacity], queries[args.capacity :]
    print(
        "\nThrough the test client, one registration: "
        f"{'/'.join(map(str, counts))} queries; median {_median_ms(confirmed):.1f} ms for a "
        f"place, {_median_ms(waiting):.1f} ms for the waiting list."
    )
    print("Queries of a registration (the first, a place), in order:")
    for sql, _params, ms in queries[0]["queries"]:
        print(f"  {ms:>7.2f}  {' '.join(sql.split())[:110]}")


def _columns(times) -> str:
    return (
        f"{statistics.median(times):>6.1f}ms {percentile(times, 0.95):>6.1f}ms {max(times):>6.1f}ms"
    )


def _median_ms(runs) -> float:
    return statistics.median(run["ms"] for run in runs)


if __name__ == "__main__":
    main()
