"""Directory search speed on 10,000 generated services (issue: the services directory).

    python benchmarks/directory_search.py [--services 10000] [--rounds 30]

On the benchmark database (see _setup.py), generated first when it holds fewer than
--services services (generators/directory.py), the requests below to /services/?q=…, of
every kind (text, filters, text + filters, no filter, page 50), over HTTP to bin/start
(gunicorn with 2 workers unless WEB_CONCURRENCY says otherwise, production settings; see
_http.py), each followed by /healthz, the floor. Prints the median, p95 and ratio to the
floor of each request, of each kind and of all, the results (with words: strong/partial
matches); then, from a pass through the Django test client (a request's queries cannot
be seen over HTTP), the number of SQL queries of each request and EXPLAIN (ANALYZE,
BUFFERS) of the slowest query seen.
Targets: median ≤ 25 ms, p95 ≤ 60 ms.
"""

import argparse
import os
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
    {"q": "aide pour la caf"},
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
    {"page": "50"},
    {"q": "aide logement", "page": "50"},
]


def kind_of(params) -> str:
    if params.get("page") == "50":
        return "page 50"
    text, filters = "q" in params, bool(set(params) - {"q", "page"})
    return {
        (True, False): "text",
        (True, True): "text + filters",
        (False, True): "filters",
        (False, False): "no filter",
    }[text, filters]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    os.environ.setdefault("WEB_CONCURRENCY", "2")
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
        body = responses[0].body.decode()
        found = re.findall(r'class="results-count">\s*([^<\d]*)([\d\u202f]+)', body)
        # With words: the strong matches, then the partial ones; without: all of them.
        results = "/".join(count for _words, count in found) or "0"
        counts = "/".join(str(count) for count in sorted({len(run) for run in queries[name]}))
        print(f"{name:<55} {timing_columns(times, floor)} {counts:>8} {results:>8}")
    print(f"\n{'kind':<55} {TIMING_HEADER}")
    for kind in dict.fromkeys(kind_of(params) for params in names.values()):
        times = [
            response.ms
            for name, responses in runs.items()
            if kind_of(names[name]) == kind
            for response in responses
        ]
        print(f"{kind:<55} {timing_columns(times, floor)}")
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
