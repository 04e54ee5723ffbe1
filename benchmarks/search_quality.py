"""Search quality on the demo directory (issue: strong and partial matches).

    python benchmarks/search_quality.py

Loads the demo directory (fixtures/demo, load_demo_directory) into a database of its own,
``roseraie_search_quality`` on the benchmarks' server (see _setup.py), then runs every
query of the labelled set (tests/services/search_queries.py) through the directory page
in its language, with the Django test client. Prints each query's first three results
and its number of strong matches (services matching every word), then precision at 3 (the
share of queries with an expected service among the first three) and the mean number of
strong matches. Target: every query, precision at 3 = 1.
"""

import statistics
import sys

import _setup
from _setup import BASE_DIR, django_on_bench_database

_setup.BENCH_DATABASE = "roseraie_search_quality"
BEFORE_AFTER = "aide pour la caf"


def main():
    django_on_bench_database()
    sys.path.insert(0, str(BASE_DIR))
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from tests.services.search_queries import LABELLED_QUERIES

    call_command("load_demo_directory", verbosity=0)
    setup_test_environment()  # so that responses carry their template context
    client = Client()
    found, strong_counts = 0, []
    print(f"{'lang':<5}{'query':<45}{'strong':>7}{'all':>5}  first three")
    for query in LABELLED_QUERIES:
        prefix = "" if query.language == "fr" else f"/{query.language}"
        response = client.get(f"{prefix}/services/", {"q": query.text})
        page = response.context["page"]
        first = [service.slug for service in page.object_list][:3]
        hit = bool(set(query.expected) & set(first))
        found += hit
        strong_counts.append(response.context["strong_count"])
        print(
            f"{query.language:<5}{query.text:<45}{response.context['strong_count']:>7}"
            f"{page.paginator.count:>5}  {'' if hit else 'MISS '}{', '.join(first)}"
        )
    print(
        f"\nPrecision at 3: {found / len(LABELLED_QUERIES):.2f} ({found} of "
        f"{len(LABELLED_QUERIES)} queries); mean number of strong matches: "
        f"{statistics.mean(strong_counts):.1f} (median {statistics.median(strong_counts)})."
    )
    response = client.get("/services/", {"q": BEFORE_AFTER})
    print(
        f"« {BEFORE_AFTER} »: {response.context['strong_count']} strong matches first, of "
        f"{response.context['page'].paginator.count} services found."
    )


if __name__ == "__main__":
    main()
