"""Directory search speed on 10,000 generated services (issue: the services directory).

    python benchmarks/directory_search.py [--services 10000] [--rounds 30]

Prints the median and p95 of /services/?q=… with and without filters, served by the
Django test client (the whole request: middleware, search, filters, template), the number
of SQL queries of each request, and EXPLAIN ANALYZE of the slowest query seen.
Targets: median ≤ 25 ms, p95 ≤ 60 ms.
"""

import argparse
import re
import statistics
import time

from _setup import django_on_bench_database, percentile

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
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from benchmarks.generators.directory import generate_directory
    from services.models import Service

    if Service.objects.count() < args.services:
        print(f"Generating {args.services} services (first run only)…", flush=True)
        generate_directory(services=args.services, clear=True, log=print)
    print(f"{Service.objects.count()} services in the benchmark database.")

    from services.models import Quartier

    quartier = Quartier.objects.order_by("pk").values_list("slug", flat=True).first()
    for params in REQUESTS:
        if params.get("quartier") == "QUARTIER":
            params["quartier"] = quartier
    client = Client()
    for params in REQUESTS:  # warm caches and connections
        assert client.get("/services/", params).status_code == 200

    timings, per_request, slowest = [], {}, (0.0, "")
    for _ in range(args.rounds):
        for params in REQUESTS:
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get("/services/", params)
                elapsed = (time.perf_counter() - start) * 1000
            assert response.status_code == 200
            timings.append(elapsed)
            key = "&".join(f"{k}={v}" for k, v in params.items()) or "(no filter)"
            per_request.setdefault(key, []).append((elapsed, len(queries), response))
            for query in queries.captured_queries:
                if float(query["time"]) * 1000 > slowest[0]:
                    slowest = (float(query["time"]) * 1000, query["sql"])
            reset_queries()

    print(f"\n{'request':<55} {'median':>8} {'p95':>8} {'queries':>8} {'results':>8}")
    for key, runs in per_request.items():
        times = [run[0] for run in runs]
        html = runs[0][2].content.decode()
        found = re.search(r'class="results-count">\s*([\d\s\u202f]+)', html)
        results = found.group(1).strip() if found else "?"
        print(
            f"{key:<55} {statistics.median(times):>6.1f}ms {percentile(times, 0.95):>6.1f}ms"
            f" {runs[0][1]:>8} {results:>8}"
        )
    print(
        f"\nALL: median {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms"
        f" over {len(timings)} requests (targets: median ≤ 25 ms, p95 ≤ 60 ms)"
    )
    print(f"\nSlowest query ({slowest[0]:.1f} ms), EXPLAIN ANALYZE:")
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN ANALYZE " + slowest[1])
        for (line,) in cursor.fetchall():
            print("   ", line)


if __name__ == "__main__":
    main()
