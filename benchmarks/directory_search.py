"""Directory search speed on 10,000 generated services (issue: the services directory).

    python benchmarks/directory_search.py [--services 10000] [--rounds 30]

On the benchmark database (see _setup.py), generated first when it holds fewer than
--services services (generators/directory.py), the 12 requests below to /services/?q=…,
with and without filters, over HTTP to bin/start (gunicorn, production settings; see
_http.py), each followed by /healthz, the floor. Prints the median, p95 and ratio to the
floor of each request and of all, the number of results; then, from a pass through the
Django test client (a request's queries cannot be seen over HTTP), the number of SQL
queries of each request and EXPLAIN (ANALYZE, BUFFERS) of the slowest query seen.
Targets: median ≤ 25 ms, p95 ≤ 60 ms.
"""

import argparse
import re
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
from _setup import (
    CLIENT_ROUNDS,
    django_on_bench_database,
    percentile,
    print_explain,
    with_queries,
)

REQUESTS = [
    {"q": "impots"},
    {"q": "alocation"},
    {"q": "la caf"},
    {"q": "sécu"},
    {"q": "j'ai perdu mon travail"},
    {"q": "aide logement", "gratuit": "on"},
    {"q": "papiers", "sans_rdv": "on", "accessible": "on"},
    {"q": "ordinateur", "quartier": "QUARTIER", "langue": "ar"},
    {"q": "santé", "thematique": "sante", "ouvert": "on"},
    {"thematique": "difficultes-financieres", "gratuit": "on"},
    {"itinerant": "on"},
    {},
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    django_on_bench_database()
    from django.test import Client

    from benchmarks.generators.directory import generate_directory
    from services.models import Quartier, Service

    if Service.objects.count() < args.services:
        print(f"Generating {args.services} services (first run only)…", flush=True)
        generate_directory(services=args.services, clear=True, log=print)
    print(f"{Service.objects.count()} services in the benchmark database.")

    quartier = Quartier.objects.order_by("pk").values_list("slug", flat=True).first()
    for params in REQUESTS:
        if params.get("quartier") == "QUARTIER":
            params["quartier"] = quartier
    names = {
        "&".join(f"{k}={v}" for k, v in params.items()) or "(no filter)": params
        for params in REQUESTS
    }

    with served_portal() as port:
        browser = Browser(port)
        cases = {
            name: lambda params=params: browser.get(f"/services/?{urlencode(params)}")
            for name, params in names.items()
        }
        runs, floor = time_against_floor(browser, cases, rounds=args.rounds)

    client = Client()
    queries = {name: [] for name in names}
    for _ in range(CLIENT_ROUNDS):
        for name, params in names.items():
            queries[name].append(
                with_queries(client, "get", "/services/", params, expected=200)["queries"]
            )

    print("\nOver HTTP to bin/start; queries counted by the test-client pass.")
    print(f"{'request':<55} {TIMING_HEADER} {'queries':>8} {'results':>8}")
    for name, responses in runs.items():
        times = [response.ms for response in responses]
        found = re.search(r'class="results-count">\s*([\d\s\u202f]+)', responses[0].body.decode())
        results = found.group(1).strip() if found else "?"
        counts = "/".join(str(count) for count in sorted({len(run) for run in queries[name]}))
        print(f"{name:<55} {timing_columns(times, floor)} {counts:>8} {results:>8}")
    timings = [response.ms for responses in runs.values() for response in responses]
    print(
        f"\nALL: median {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f}"
        f" ms over {len(timings)} requests, ratio "
        f"{statistics.median(timings) / statistics.median(floor):.1f} "
        "(targets: median ≤ 25 ms, p95 ≤ 60 ms)"
    )
    print_floor(floor)

    sql, params, query_ms = max(
        (query for passes in queries.values() for run in passes for query in run),
        key=lambda query: query[2],
    )
    print(
        f"\nSlowest query of the test-client pass ({query_ms:.1f} ms), EXPLAIN (ANALYZE, BUFFERS):"
    )
    print_explain(sql, params)


if __name__ == "__main__":
    main()
