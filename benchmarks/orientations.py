"""Speed of the orientation boxes for a structure receiving 20,000 orientations (issue 12).

    python benchmarks/orientations.py [--count 100000] [--rounds 30] [--deep-page N]

On the benchmark database (see _setup.py), generated first when it holds fewer than
--count orientations or when "bench-structure-orientations" does not receive exactly
20,000 of them (generators/orientations.py, a few seconds), logged in as
"bench-partenaire-orientations", the partner attached to that structure (a session made
in the database, its cookie sent by hand), over HTTP to bin/start (gunicorn, production
settings; see _http.py), each request followed by /healthz, the floor:

- /espace/orientations/ (the received box), page 1 and a deep page (the last one by
  default), the sent box (?boite=envoyees: the 2,000 the partner sent) and the detail
  page of an orientation received and still waiting, with a contact (its answer form
  shown); median, p95 and ratio to the floor (target: ≤ 60 ms, the issue's figure for
  the list, printed beside each).

Then the same requests through the Django test client, for what HTTP cannot show: the
number of queries of each request, which must be the same on page 1 and on the last
page, the median of every query, and EXPLAIN (ANALYZE, BUFFERS) of the slowest query (the
highest median; and of the deep page's slowest, when it is another).

Each reading of the detail page writes a trace (the view records who read what): the
traces the benchmark wrote are deleted at the end; the generated orientations stay. The
load average is printed: figures taken while other processes share the cores are not
figures of the code, and the ratio to the floor is the steadier one.
"""

import argparse
import contextlib
import math
import os
import statistics
from urllib.parse import urlencode

from _http import (
    TIMING_HEADER,
    Browser,
    print_floor,
    served_portal,
    time_against_floor,
    timing_columns,
)
from _setup import CLIENT_ROUNDS, django_on_bench_database, print_explain, with_queries

STRUCTURE_ORIENTATIONS = 20_000
STRUCTURE_SENT = 2_000
TARGET_MS = 60
LIST_URL = "/espace/orientations/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument(
        "--deep-page", type=int, help="Page of the received box measured besides 1 (default: last)."
    )
    args = parser.parse_args()

    django_on_bench_database()
    from django.conf import settings
    from django.test import Client

    from services.views.orientations import PER_PAGE

    print("Load average (1, 5, 15 min) at the start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    partner, structure = data(args.count)
    detail_url = waiting_orientation(structure).get_absolute_url()

    client = Client()
    client.force_login(partner)
    deep_page = args.deep_page or math.ceil(STRUCTURE_ORIENTATIONS / PER_PAGE)
    cases = {
        "received, page 1": (LIST_URL, {}),
        f"received, page {deep_page}": (LIST_URL, {"page": deep_page}),
        "sent (?boite=envoyees)": (LIST_URL, {"boite": "envoyees"}),
        "detail (waiting)": (detail_url, {}),
    }

    with deleting_traces(partner):
        with served_portal() as port:
            session = client.cookies[settings.SESSION_COOKIE_NAME].value
            browser = Browser(port, cookies={settings.SESSION_COOKIE_NAME: session})
            requests = {
                name: lambda url=url, params=params: browser.get(
                    f"{url}?{urlencode(params)}" if params else url
                )
                for name, (url, params) in cases.items()
            }
            print(f"Timing {len(cases)} pages ({args.rounds} rounds)…", flush=True)
            runs, floor = time_against_floor(browser, requests, rounds=args.rounds)

        queries = {name: [] for name in cases}
        client_ms = {name: [] for name in cases}
        for _ in range(CLIENT_ROUNDS):
            for name, (url, params) in cases.items():
                run = with_queries(client, "get", url, params, expected=200)
                queries[name].append(run["queries"])
                client_ms[name].append(run["ms"])
    client.logout()

    report(runs, floor, queries, client_ms, deep_page)
    print("\nLoad average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


def data(count: int):
    """The partner and its structure, generating the orientations first when missing."""
    from django.contrib.auth import get_user_model

    from benchmarks.generators.orientations import (
        PARTNER,
        STRUCTURE_SLUG,
        generate_orientations,
    )
    from services.models import Orientation, Structure

    def received():
        structure = Structure.objects.filter(slug=STRUCTURE_SLUG).first()
        return Orientation.objects.received_by(structure.pk).count() if structure else 0

    if Orientation.objects.count() < count or received() != STRUCTURE_ORIENTATIONS:
        print(f"Generating {count} orientations (first run only)…", flush=True)
        generate_orientations(
            count=count,
            structure_orientations=STRUCTURE_ORIENTATIONS,
            structure_sent=STRUCTURE_SENT,
            clear=True,
            log=print,
        )
    structure = Structure.objects.get(slug=STRUCTURE_SLUG)
    partner = get_user_model().objects.get(username=PARTNER)
    print(
        f"{Orientation.objects.count()} orientations in the benchmark database; "
        f"'{structure.slug}' receives {Orientation.objects.received_by(structure.pk).count()} "
        f"({Orientation.objects.received_by(structure.pk).unanswered().count()} waiting), "
        f"{PARTNER} and its structure sent {Orientation.objects.sent_by(partner).count()}."
    )
    return partner, structure


def waiting_orientation(structure):
    """The newest orientation the structure received and has not answered, with a
    contact when one has it: the fullest detail page (the person, the answer form)."""
    from services.models import Orientation

    waiting = Orientation.objects.received_by(structure.pk).unanswered().order_by("-sent_at")
    return waiting.exclude(phone="").first() or waiting.first()


@contextlib.contextmanager
def deleting_traces(partner):
    """Delete, on the way out, the traces written since (each reading of a detail page
    writes one), even when the benchmark stops half way, once the server has stopped."""
    from services.models import OrientationTrace

    last_before = OrientationTrace.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    try:
        yield
    finally:
        written = OrientationTrace.objects.filter(user=partner, pk__gt=last_before)
        if deleted := written.delete()[0]:
            print(f"Deleted the {deleted} traces the benchmark's readings wrote.")


def report(runs, floor, queries, client_ms, deep_page) -> None:
    print("\nOver HTTP to bin/start; queries and the test client's median from its own pass.")
    print(f"{'request':<24} {TIMING_HEADER} {'queries':>8} {'client':>9} {'KB':>5}   target")
    for name, responses in runs.items():
        times = [response.ms for response in responses]
        counts = "/".join(str(count) for count in sorted({len(run) for run in queries[name]}))
        kb = statistics.median(len(response.body) for response in responses) / 1024
        client = statistics.median(client_ms[name])
        met = "OK" if statistics.median(times) <= TARGET_MS else "MISSED"
        print(
            f"{name:<24} {timing_columns(times, floor)} {counts:>8} {client:>7.1f}ms {kb:>5.0f}"
            f"   median ≤ {TARGET_MS} ms: {met}"
        )
    list_counts = {
        len(run)
        for name in ("received, page 1", f"received, page {deep_page}")
        for run in queries[name]
    }
    print(
        "Received box query count: "
        + (
            f"{min(list_counts)} on page 1 and on page {deep_page}, constant."
            if len(list_counts) == 1
            else f"NOT constant: {sorted(list_counts)}."
        )
    )
    print_floor(floor)

    # The slowest query is the one with the highest median over the rounds: a single
    # slow run (a commit waiting on the disk of a shared machine) says nothing of a plan.
    slowest = {}
    for name, runs_of_name in queries.items():
        print(f"\nQueries of {name}, test client (median ms, in order):")
        medians = []
        for position, (sql, params, _ms) in enumerate(runs_of_name[0]):
            times = [run[position][2] for run in runs_of_name if position < len(run)]
            medians.append((statistics.median(times), sql, params))
            print(f"  {medians[-1][0]:>7.2f}  {' '.join(sql.split())[:110]}")
        totals = [sum(query_ms for _sql, _params, query_ms in run) for run in runs_of_name]
        print(f"  {statistics.median(totals):>7.2f}  in all ({len(runs_of_name[0])} queries)")
        slowest[name] = max(medians, key=lambda query: query[0])

    overall = max(slowest, key=lambda name: slowest[name][0])
    deep = f"received, page {deep_page}"
    shown = [overall] + ([deep] if slowest[deep][1] != slowest[overall][1] else [])
    for name in shown:
        query_ms, sql, params = slowest[name]
        which = "Slowest query" if name == overall else "Slowest query of the deep page"
        print(f"\n{which} (median {query_ms:.1f} ms, {name}), EXPLAIN (ANALYZE, BUFFERS):")
        print_explain(sql, params)


if __name__ == "__main__":
    main()
