"""Speed of the log of accompaniments on 1,000,000 generated entries (issue 4, "Speed").

    python benchmarks/accompaniments.py [--count 1000000] [--rounds 30] [--deep-page N]

On the benchmark database (see _setup.py), generated first when it holds fewer than
--count entries (generators/accompaniments.py, about a minute for a million), logged in as
"bench-conseiller" (20,000 entries), through the Django test client (the whole request:
middleware, session, form, action, template):

- saving one entry: median and p95 of POST /espace/accompagnements/nouveau/, a new valid
  entry each round, and the median of its INSERT alone (target: median ≤ 30 ms); its
  query count varies with the entry (the lieu, structure and quartier posted are read
  back by the form), and the empty form shown after the redirect is timed apart;
- /espace/accompagnements/, page 1 and a deep page (the last one by default): median,
  p95 and number of queries, which must be the same on both (target: ≤ 60 ms);
- the median of every query of each request, then EXPLAIN (ANALYZE, BUFFERS) of the
  slowest query seen.

The entries the benchmark saves are deleted at the end; the generated ones stay. The
load average is printed: figures taken while other processes share the cores are not
figures of the code.
"""

import argparse
import math
import os
import statistics
import time

from _setup import django_on_bench_database, percentile

CONSEILLER = "bench-conseiller"
CONSEILLER_ENTRIES = 20_000
SAVE_TARGET_MS = 30
LIST_TARGET_MS = 60
NEW_URL = "/espace/accompagnements/nouveau/"
LIST_URL = "/espace/accompagnements/"
WARM_UP = 3  # rounds run first and not counted: caches, connection, templates


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument(
        "--deep-page", type=int, help="Page of the list measured besides page 1 (default: last)."
    )
    args = parser.parse_args()

    django_on_bench_database()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from benchmarks.generators.accompaniments import generate_accompaniments
    from permanences.models import Accompagnement
    from permanences.views import ENTRIES_PER_PAGE

    conseiller = get_user_model().objects.filter(username=CONSEILLER).first()
    own = Accompagnement.objects.filter(conseiller=conseiller).count() if conseiller else 0
    if Accompagnement.objects.count() < args.count or own != CONSEILLER_ENTRIES:
        print(f"Generating {args.count} accompaniments (first run only)…", flush=True)
        generate_accompaniments(
            count=args.count, conseiller_entries=CONSEILLER_ENTRIES, clear=True, log=print
        )
        conseiller = get_user_model().objects.get(username=CONSEILLER)
    print(
        f"{Accompagnement.objects.count()} accompaniments in the benchmark database, "
        f"{Accompagnement.objects.filter(conseiller=conseiller).count()} by {CONSEILLER}."
    )

    client = Client()
    client.force_login(conseiller)
    last_before = Accompagnement.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    try:
        measures = measure_saves(client, rounds=args.rounds)
    finally:
        created = Accompagnement.objects.filter(conseiller=conseiller, pk__gt=last_before)
        print(f"\nDeleted the {created.delete()[0]} entries the benchmark saved.")
    deep_page = args.deep_page or math.ceil(CONSEILLER_ENTRIES / ENTRIES_PER_PAGE)
    measures.update(measure_lists(client, rounds=args.rounds, deep_page=deep_page))
    client.logout()
    report(measures)
    print("\nLoad average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


def entry_forms(count: int) -> list[dict]:
    """Valid entries, each a little different (place, themes, reorientation, quartier)."""
    from django.utils import timezone

    from permanences.models import ThemeNumerique
    from services.models import Lieu, Quartier, Structure

    lieux = list(Lieu.objects.order_by("pk").values_list("pk", flat=True)[:50])
    structure = Structure.objects.order_by("pk").values_list("pk", flat=True).first()
    quartier = Quartier.objects.order_by("pk").values_list("pk", flat=True).first()
    themes = list(ThemeNumerique.values)
    forms = []
    for number in range(count):
        form = {
            "date": timezone.localdate().isoformat(),
            "duree": "30",
            "canal": "lieu-activite",
            "lieu": lieux[number % len(lieux)],
            "themes": [themes[number % len(themes)], themes[(number + 7) % len(themes)]],
            "demarche": "caf",
            "materiel": ["telephone"],
            "autonomie": "partiellement-autonome",
            "resultat": "aboutie",
            "tranche_age": "40-59",
            "genre": "femme",
            "statut": "sans-emploi",
            "residence": "hors-quartier",
            "orientation_source": "bouche-a-oreille",
            "langue": "fr",
            "note": "",
        }
        if number % 3 == 0:
            form.update(resultat="reorientee", reoriente_vers=structure)
        if number % 2 == 0:
            form.update(residence="quartier", quartier=quartier)
        forms.append(form)
    return forms


def measure_saves(client, *, rounds: int) -> dict:
    runs = []
    for number, form in enumerate(entry_forms(WARM_UP + rounds)):
        run = timed(client, "post", NEW_URL, form, expected=302)
        # As a browser does, show the empty form with "Enregistré" (consuming the message).
        after = timed(client, "get", run["response"].url, expected=200)
        if number >= WARM_UP:
            run["form_after"] = after["ms"]
            runs.append(run)
    return {"save": runs}


def measure_lists(client, *, rounds: int, deep_page: int) -> dict:
    pages = {"list, page 1": {}, f"list, page {deep_page}": {"page": deep_page}}
    runs = {name: [] for name in pages}
    for number in range(WARM_UP + rounds):
        for name, params in pages.items():
            run = timed(client, "get", LIST_URL, params, expected=200)
            if number >= WARM_UP:
                runs[name].append(run)
    return runs


def timed(client, method, url, data=None, *, expected):
    """One request through the test client, with each of its queries timed to the
    microsecond (Django's own query log rounds to the millisecond)."""
    from django.db import connection

    queries = []

    def time_query(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append((sql, params, (time.perf_counter() - start) * 1000))

    with connection.execute_wrapper(time_query):
        start = time.perf_counter()
        response = getattr(client, method)(url, data)
        elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != expected:
        raise SystemExit(f"{method.upper()} {url}: {response.status_code}, not {expected}")
    return {"ms": elapsed, "queries": queries, "response": response}


def report(measures: dict) -> None:
    from django.db import connection, transaction

    saves = measures["save"]
    targets = {name: (LIST_TARGET_MS, "≤ 60 ms, same query count") for name in measures}
    targets["save"] = (SAVE_TARGET_MS, "median ≤ 30 ms")
    print(f"\n{'request':<22} {'median':>9} {'p95':>9} {'queries':>8}   target")
    for name, runs in measures.items():
        times = [run["ms"] for run in runs]
        counts = "/".join(str(count) for count in sorted({len(run["queries"]) for run in runs}))
        target_ms, target = targets[name]
        median = statistics.median(times)
        print(
            f"{name:<22} {median:>7.1f}ms {percentile(times, 0.95):>7.1f}ms {counts:>8}   "
            f"{target}: {'OK' if median <= target_ms else 'MISSED'}"
        )
    inserts = [
        query_ms
        for run in saves
        for sql, _params, query_ms in run["queries"]
        if sql.startswith('INSERT INTO "permanences_accompagnement"')
    ]
    print(f"{'  its INSERT alone':<22} {statistics.median(inserts):>7.2f}ms")
    after = statistics.median(run["form_after"] for run in saves)
    print(f"{'  then the empty form':<22} {after:>7.1f}ms   (GET after the redirect, no target)")
    list_counts = {
        len(run["queries"]) for name, runs in measures.items() if name != "save" for run in runs
    }
    print(
        "List query count: "
        + (
            f"{min(list_counts)} on both pages, constant."
            if len(list_counts) == 1
            else f"NOT constant: {sorted(list_counts)}."
        )
    )

    slowest = (0.0, "", None, "")
    for name, runs in measures.items():
        print(f"\nQueries of {name} (median ms, in order):")
        for position, (sql, _params, _ms) in enumerate(runs[0]["queries"]):
            times = [run["queries"][position][2] for run in runs if position < len(run["queries"])]
            print(f"  {statistics.median(times):>7.2f}  {' '.join(sql.split())[:110]}")
        for run in runs:
            for sql, params, query_ms in run["queries"]:
                if query_ms > slowest[0]:
                    slowest = (query_ms, sql, params, name)

    query_ms, sql, params, name = slowest
    print(f"\nSlowest query seen ({query_ms:.1f} ms, {name}), EXPLAIN (ANALYZE, BUFFERS):")
    # In a transaction rolled back: analysing an INSERT would otherwise save a row.
    print("   ", connection.ops.compose_sql(sql, params))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        for (line,) in cursor.fetchall():
            print("   ", line)
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
