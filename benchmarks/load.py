"""The portal under load: 20 concurrent clients for 60 seconds (issue 11, "Load, measured").

    python benchmarks/load.py [--clients 20] [--seconds 60] [--warm-up 5]

On the benchmark database (see _setup.py), with what the other benchmarks generate there,
generated first when missing, as they would (10,000 services, 5,000 upcoming ateliers,
1,000,000 accompaniments with 20,000 by "bench-conseiller", 100,000 orientations), and a
published diagnostic of the quartier with the most places ("bench-diagnostic", created
when missing). Three accounts, each with a session made in the database and its cookie
sent by hand: "bench-conseiller", "bench-partenaire" (attached to the structure with the
most entries of the fullest year, as benchmarks/bilans.py does) and
"bench-partenaire-orientations".

Over HTTP to bin/start (gunicorn, production settings, WEB_CONCURRENCY workers, 3 unless
set; see _http.py), --clients threads each request, round after round in an order of
their own, the ten kinds of page below, each request on a connection of its own, never
retried; a first --warm-up seconds are not counted (every worker's connection, templates,
the diagnostic's figures kept in its cache). Public: the home page, the directory with a
query, a service, the agenda, the ateliers, a diagnostic; professional: the conseiller's
log and its form, the partner's bilan of that year, the orientations received.

Meanwhile one more client asks /healthz every 100 ms, the floor under the same load: what
any request waits for a worker, here and now. Before the clients start, each page is timed
alone (one request at a time, 5 times after one not counted) and /healthz 30 times: what a
request costs without load. Printed: requests per second, p50 and
p95 per kind and overall, the ratio of each p50 to the loaded floor's, the mean time a
worker spends on a request (workers × seconds / requests: the rest of a response time is
the wait for a worker), and the errors (any status but 200, a failed connection: 0
expected). The load average is printed too: figures taken while other processes share
the cores are not figures of the code alone.
"""

import argparse
import os
import random
import statistics
import threading
import time
from dataclasses import dataclass
from http.client import HTTPException

from _http import HEALTHZ, fetch, served_portal
from _setup import django_on_bench_database, percentile

DIRECTORY_SERVICES = 10_000
ATELIERS = 5_000
ACCOMPANIMENTS = 1_000_000
CONSEILLER_ENTRIES = 20_000  # as benchmarks/accompaniments.py and bilans.py want them
ORIENTATIONS = 100_000
DIAGNOSTIC = "bench-diagnostic"
FLOOR_EVERY_SECONDS = 0.1
ALONE = 5  # requests of each page timed alone, before the load


@dataclass
class Sample:
    kind: str
    started: float
    ms: float
    status: int | None  # None: the connection failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--warm-up", type=float, default=5)
    args = parser.parse_args()

    django_on_bench_database()
    print("Load average (1, 5, 15 min) at the start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    pages, accounts = data()
    cookies = sessions(accounts)
    workers = os.environ.get("WEB_CONCURRENCY", "3")

    with served_portal() as port:
        print(
            f"{args.clients} clients for {args.seconds:.0f} s (after {args.warm_up:.0f} s of "
            f"warm-up) on {workers} gunicorn workers, /healthz every "
            f"{FLOOR_EVERY_SECONDS * 1000:.0f} ms…",
            flush=True,
        )
        alone = []
        for kind, (account, path) in pages.items():
            samples = [one(port, kind, path, cookies.get(account)) for _ in range(1 + ALONE)]
            alone += samples[1:]
        alone += [one(port, HEALTHZ, HEALTHZ, None) for _ in range(30)]
        samples, floor, elapsed = run(port, pages, cookies, args)
    report(samples, floor, alone, elapsed, list(pages), args, workers)
    print("\nLoad average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


def data():
    """The pages of the mix, as {kind: (account or None, path)}, and the accounts."""
    from bilans import PARTNER
    from bilans import accounts as bilan_accounts
    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from django.db.models.functions import ExtractYear
    from django.utils import timezone
    from orientations import data as orientation_data

    from benchmarks.generators.accompaniments import MAIN_CONSEILLER, generate_accompaniments
    from benchmarks.generators.ateliers import generate_ateliers
    from benchmarks.generators.ateliers import generated as generated_ateliers
    from benchmarks.generators.directory import generate_directory
    from permanences.models import Accompagnement
    from services.models import Service

    if Service.objects.count() < DIRECTORY_SERVICES:
        print(f"Generating {DIRECTORY_SERVICES} services (first run only)…", flush=True)
        generate_directory(services=DIRECTORY_SERVICES, clear=True, log=print)
    if generated_ateliers().filter(date__gt=timezone.localdate()).count() < ATELIERS:
        print(f"Generating {ATELIERS} upcoming ateliers (first run only)…", flush=True)
        generate_ateliers(ateliers=ATELIERS, clear=True, log=print)
    conseiller = get_user_model().objects.filter(username=MAIN_CONSEILLER).first()
    own = Accompagnement.objects.filter(conseiller=conseiller).count() if conseiller else 0
    if Accompagnement.objects.count() < ACCOMPANIMENTS or own != CONSEILLER_ENTRIES:
        print(f"Generating {ACCOMPANIMENTS} accompaniments (first run only)…", flush=True)
        generate_accompaniments(
            count=ACCOMPANIMENTS, conseiller_entries=CONSEILLER_ENTRIES, clear=True, log=print
        )
        conseiller = get_user_model().objects.get(username=MAIN_CONSEILLER)
    orientations_partner, _structure = orientation_data(ORIENTATIONS)

    years = dict(
        Accompagnement.objects.annotate(year=ExtractYear("date"))
        .values_list("year")
        .annotate(entries=Count("pk"))
        .values_list("year", "entries")
    )
    year = max(years, key=years.get)
    _partner_structure, _coordinator, partner = bilan_accounts(year)
    service = Service.objects.filter(slug__startswith="gen-").order_by("pk").first()
    diagnostic = published_diagnostic()
    print(
        f"{Service.objects.count()} services, {generated_ateliers().count()} generated "
        f"ateliers, {Accompagnement.objects.count()} accompaniments ({own} by "
        f"{MAIN_CONSEILLER}; the bilan of {year}: {years[year]} entries), diagnostic of "
        f"'{diagnostic.quartier.name}'."
    )
    pages = {
        "home": (None, "/"),
        "directory ?q=": (None, "/services/?q=aide+logement"),
        "a service": (None, service.get_absolute_url()),
        "agenda": (None, "/agenda/"),
        "ateliers": (None, "/ateliers/"),
        "a diagnostic": (None, diagnostic.get_absolute_url()),
        "log (conseiller)": (MAIN_CONSEILLER, "/espace/accompagnements/"),
        "log form (conseiller)": (MAIN_CONSEILLER, "/espace/accompagnements/nouveau/"),
        "bilan (partenaire)": (PARTNER, f"/espace/bilans/{year}/"),
        "orientations box": (orientations_partner.username, "/espace/orientations/"),
    }
    accounts = [conseiller, partner, orientations_partner]
    return pages, {user.username: user for user in accounts}


def published_diagnostic():
    """The generated diagnostic: the quartier with the most places, published."""
    from django.db.models import Count

    from diagnostics.enums import DiagnosticStatus
    from diagnostics.models import Diagnostic
    from services.models import Quartier

    quartier = Quartier.objects.annotate(places=Count("lieux")).order_by("-places", "pk").first()
    diagnostic, _created = Diagnostic.objects.update_or_create(
        slug=DIAGNOSTIC,
        defaults={
            "title": f"Diagnostic du quartier {quartier.name} (benchmark)",
            "quartier": quartier,
            "status": DiagnosticStatus.PUBLISHED,
            "context": "Généré pour benchmarks/load.py.",
        },
    )
    return diagnostic


def sessions(accounts) -> dict:
    """The session cookie of each account, made in the database."""
    from django.conf import settings
    from django.test import Client

    cookies = {}
    for username, user in accounts.items():
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookies[username] = f"{settings.SESSION_COOKIE_NAME}={session}"
    return cookies


def one(port, kind, path, cookie) -> Sample:
    headers = {"Cookie": cookie} if cookie else {}
    started = time.monotonic()
    try:
        response = fetch(port, "GET", path, headers=headers)
    except (OSError, HTTPException):
        return Sample(kind, started, (time.monotonic() - started) * 1000, None)
    return Sample(kind, started, response.ms, response.status)


def run(port, pages, cookies, args):
    """Every client's samples and the floor's, those of the warm-up left out, and the
    measured seconds."""
    stop = threading.Event()
    samples, floor = [], []
    lock = threading.Lock()

    def client(number):
        order = random.Random(number)
        kinds = list(pages)
        mine = []
        while not stop.is_set():
            order.shuffle(kinds)
            for kind in kinds:
                if stop.is_set():
                    break
                account, path = pages[kind]
                mine.append(one(port, kind, path, cookies.get(account)))
        with lock:
            samples.extend(mine)

    def healthz():
        mine = []
        while not stop.is_set():
            mine.append(one(port, HEALTHZ, HEALTHZ, None))
            time.sleep(FLOOR_EVERY_SECONDS)
        with lock:
            floor.extend(mine)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(args.clients)]
    threads.append(threading.Thread(target=healthz, daemon=True))
    begin = time.monotonic()
    for thread in threads:
        thread.start()
    counted_from = begin + args.warm_up
    time.sleep(args.warm_up + args.seconds)
    stop.set()
    counted_to = time.monotonic()
    for thread in threads:
        thread.join(timeout=60)

    # A request counts when it started in the measured window (the last ones, in flight at
    # the stop, finish and count too).
    def measured(items):
        return [sample for sample in items if sample.started >= counted_from]

    return measured(samples), measured(floor), counted_to - counted_from


def report(samples, floor, alone, elapsed, kinds, args, workers) -> None:
    floor_ms = [sample.ms for sample in floor if sample.status == 200]
    floor_median = statistics.median(floor_ms)
    errors = [sample for sample in samples + floor + alone if sample.status != 200]

    def alone_median(kind) -> str:
        times = [sample.ms for sample in alone if sample.kind == kind and sample.status == 200]
        return f"{statistics.median(times):>7.1f}ms" if times else f"{'':>9}"

    print(
        f"\n{len(samples)} requests in {elapsed:.1f} s by {args.clients} clients on {workers} "
        f"workers: {len(samples) / elapsed:.1f} requests per second."
    )
    print(
        f"{'page':<24} {'requests':>8} {'p50':>9} {'p95':>9} {'ratio':>6} {'errors':>7} "
        f"{'alone p50':>10}"
    )
    for kind in [*kinds, "all pages"]:
        chosen = samples if kind == "all pages" else [s for s in samples if s.kind == kind]
        times = [sample.ms for sample in chosen if sample.status == 200]
        failed = sum(1 for sample in chosen if sample.status != 200)
        if not times:
            print(f"{kind:<24} {len(chosen):>8}   (no 200) {failed:>7}")
            continue
        median = statistics.median(times)
        print(
            f"{kind:<24} {len(chosen):>8} {median:>7.1f}ms {percentile(times, 0.95):>7.1f}ms "
            f"{median / floor_median:>6.1f} {failed:>7}  {alone_median(kind)}"
        )
    print(
        f"{HEALTHZ + ', the floor':<24} {len(floor):>8} {floor_median:>7.1f}ms "
        f"{percentile(floor_ms, 0.95):>7.1f}ms {1:>6.1f} "
        f"{sum(1 for sample in floor if sample.status != 200):>7}  {alone_median(HEALTHZ)}"
    )
    print(
        "(ratio: a page's p50 / the loaded floor's p50, /healthz asked every "
        f"{FLOOR_EVERY_SECONDS * 1000:.0f} ms by one more client during the same run)"
    )
    print(
        f"A worker spends {int(workers) * elapsed / len(samples) * 1000:.0f} ms on a request "
        f"on average ({workers} × {elapsed:.1f} s / {len(samples)}); the rest of a response "
        "time is the wait for a free worker. Alone: each page timed 5 times, one request at a "
        "time, before the load."
    )
    by_status = {}
    for sample in errors:
        label = "no connection" if sample.status is None else str(sample.status)
        by_status[(sample.kind, label)] = by_status.get((sample.kind, label), 0) + 1
    print(f"Errors (any status but 200, a failed connection; target 0): {len(errors)}")
    for (kind, label), count in sorted(by_status.items()):
        print(f"  {kind}: {label} × {count}")


if __name__ == "__main__":
    main()
