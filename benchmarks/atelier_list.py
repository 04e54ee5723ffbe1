"""Speed of the ateliers' list on 5,000 upcoming ateliers (the ateliers issue, "Speed and
load, measured").

    python benchmarks/atelier_list.py [--ateliers 5000] [--rounds 30] [--deep-page N]

On the benchmark database (see _setup.py), with its generated upcoming ateliers and their
registrations (generators/ateliers.py; generated first when there are fewer than
--ateliers), over HTTP to bin/start (gunicorn, production settings; see _http.py), each
request followed by /healthz, the floor: /ateliers/ page 1, a deep page (the last one by
default), and page 1 with "places libres" (the filter that reads the counts): median,
p95 and ratio to the floor. Target: median ≤ 25 ms.

Then the same requests through the Django test client, for what HTTP cannot show: the
number of queries of each, which must be the same on page 1 and the deep page, the
median of each query, and EXPLAIN (ANALYZE, BUFFERS) of the slowest query seen.
"""

import argparse
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

LIST_URL = "/ateliers/"
TARGET_MS = 25


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ateliers", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument(
        "--deep-page", type=int, help="Page of the list measured besides page 1 (default: last)."
    )
    args = parser.parse_args()

    django_on_bench_database()
    from django.test import Client
    from django.utils import timezone

    from ateliers.selectors import upcoming_ateliers
    from ateliers.views import ATELIERS_PER_PAGE
    from benchmarks.generators.ateliers import generate_ateliers, generated

    if generated().filter(date__gt=timezone.localdate()).count() < args.ateliers:
        print(f"Generating {args.ateliers} upcoming ateliers (first run only)…", flush=True)
        generate_ateliers(ateliers=args.ateliers, clear=True, log=print)
    upcoming = upcoming_ateliers().count()
    print(f"{upcoming} upcoming ateliers in the benchmark database.")

    deep_page = args.deep_page or math.ceil(upcoming / ATELIERS_PER_PAGE)
    cases = {
        "page 1": {},
        f"page {deep_page}": {"page": deep_page},
        "page 1, places libres": {"places": "on"},
    }

    with served_portal() as port:
        browser = Browser(port)
        requests = {
            name: lambda params=params: browser.get(f"{LIST_URL}?{urlencode(params)}")
            for name, params in cases.items()
        }
        runs, floor = time_against_floor(browser, requests, rounds=args.rounds)

    client = Client()
    queries = {name: [] for name in cases}
    for _ in range(CLIENT_ROUNDS):
        for name, params in cases.items():
            run = with_queries(client, "get", LIST_URL, params, expected=200)
            queries[name].append(run["queries"])
    report(runs, floor, queries, deep_page)
    print("\nLoad average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


def report(runs: dict, floor: list, queries: dict, deep_page: int) -> None:
    print("\nOver HTTP to bin/start; queries counted by the test-client pass.")
    print(f"{'request':<24} {TIMING_HEADER} {'queries':>8}   target")
    for name, responses in runs.items():
        times = [response.ms for response in responses]
        counts = "/".join(str(count) for count in sorted({len(run) for run in queries[name]}))
        verdict = "OK" if statistics.median(times) <= TARGET_MS else "MISSED"
        print(
            f"{name:<24} {timing_columns(times, floor)} {counts:>8}   "
            f"median ≤ {TARGET_MS} ms: {verdict}"
        )
    paged = {len(run) for name in ("page 1", f"page {deep_page}") for run in queries[name]}
    print(
        "Query count on page 1 and page {}: {}".format(
            deep_page,
            f"{min(paged)}, constant." if len(paged) == 1 else f"NOT constant: {sorted(paged)}.",
        )
    )
    print_floor(floor)

    slowest = (0.0, "", None, "")
    for name, passes in queries.items():
        print(f"\nQueries of {name}, test client (median ms, in order):")
        for position, (sql, _params, _ms) in enumerate(passes[0]):
            times = [run[position][2] for run in passes if position < len(run)]
            print(f"  {statistics.median(times):>7.2f}  {' '.join(sql.split())[:110]}")
        for run in passes:
            for sql, params, query_ms in run:
                if query_ms > slowest[0]:
                    slowest = (query_ms, sql, params, name)

    query_ms, sql, params, name = slowest
    print(f"\nSlowest query seen ({query_ms:.1f} ms, {name}), EXPLAIN (ANALYZE, BUFFERS):")
    print_explain(sql, params)


if __name__ == "__main__":
    main()
