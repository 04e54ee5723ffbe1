"""Speed of the log of accompaniments on 1,000,000 generated entries (issue 4, "Speed").

    python benchmarks/accompaniments.py [--count 1000000] [--rounds 30] [--deep-page N]

On the benchmark database (see _setup.py), generated first when it holds fewer than
--count entries (generators/accompaniments.py, about a minute for a million), logged in
as "bench-conseiller" (20,000 entries; a session made in the database, its cookie sent
by hand), over HTTP to bin/start (gunicorn, production settings; see _http.py), each
request followed by /healthz, the floor:

- saving one entry: median, p95 and ratio to the floor of POST
  /espace/accompagnements/nouveau/ with its CSRF token, a new valid entry each round
  (target: median ≤ 30 ms); the empty form shown after the redirect is timed apart;
- /espace/accompagnements/, page 1 and a deep page (the last one by default): median,
  p95 and ratio (target: ≤ 60 ms).

Then the same requests through the Django test client, for what HTTP cannot show: the
number of queries of each request, which must be the same on both pages of the list
(the save's varies with the entry: the lieu, structure and quartier posted are read back
by the form), the median of every query, of the save's INSERT alone, and EXPLAIN
(ANALYZE, BUFFERS) of the slowest query seen.

The entries the benchmark saves are deleted after the saves; the generated ones stay.
The load average is printed: figures taken while other processes share the cores are not
figures of the code, and the ratio to the floor is the steadier one.
"""

import argparse
import contextlib
import math
import os
import re
import statistics
from urllib.parse import urlencode

from _http import (
    TIMING_HEADER,
    WARM_UP,
    Browser,
    print_floor,
    served_portal,
    time_against_floor,
    timing_columns,
)
from _setup import CLIENT_ROUNDS, django_on_bench_database, print_explain, with_queries

CONSEILLER = "bench-conseiller"
CONSEILLER_ENTRIES = 20_000
SAVE_TARGET_MS = 30
LIST_TARGET_MS = 60
NEW_URL = "/espace/accompagnements/nouveau/"
LIST_URL = "/espace/accompagnements/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument(
        "--deep-page", type=int, help="Page of the list measured besides page 1 (default: last)."
    )
    args = parser.parse_args()

    django_on_bench_database()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from benchmarks.generators.accompaniments import generate_accompaniments
    from permanences.models import Accompagnement
    from permanences.views.log import ENTRIES_PER_PAGE

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
    deep_page = args.deep_page or math.ceil(CONSEILLER_ENTRIES / ENTRIES_PER_PAGE)
    lists = {"list, page 1": {}, f"list, page {deep_page}": {"page": deep_page}}

    with deleting_saved_entries(conseiller) as delete_saved:
        with served_portal() as port:
            session = client.cookies[settings.SESSION_COOKIE_NAME].value
            browser = Browser(port, cookies={settings.SESSION_COOKIE_NAME: session})
            form_after = []
            save = http_save(browser, entry_forms(WARM_UP + args.rounds), form_after)
            runs, floor = time_against_floor(browser, {"save": save}, rounds=args.rounds)
            delete_saved()
            cases = {
                name: lambda params=params: browser.get(f"{LIST_URL}?{urlencode(params)}")
                for name, params in lists.items()
            }
            list_runs, list_floor = time_against_floor(browser, cases, rounds=args.rounds)
        runs |= list_runs
        floor += list_floor

        queries = {"save": client_saves(client)}
        delete_saved()
        for name, params in lists.items():
            queries[name] = [
                with_queries(client, "get", LIST_URL, params, expected=200)["queries"]
                for _ in range(CLIENT_ROUNDS)
            ]
    client.logout()
    report(runs, floor, form_after[WARM_UP:], queries)
    print("\nLoad average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


@contextlib.contextmanager
def deleting_saved_entries(conseiller):
    """Yields a function that deletes the entries saved since; run again on the way out,
    even when the benchmark stops half way, once the server has stopped (and finished a
    save in flight)."""
    from permanences.models import Accompagnement

    last_before = Accompagnement.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def delete_saved():
        created = Accompagnement.objects.filter(conseiller=conseiller, pk__gt=last_before)
        if deleted := created.delete()[0]:
            print(f"Deleted the {deleted} entries the benchmark saved.")

    try:
        yield delete_saved
    finally:
        delete_saved()


def entry_forms(count: int) -> list[dict]:
    """Valid entries, each a little different (place, themes, reorientation, quartier)."""
    from django.utils import timezone

    from permanences.enums import ThemeNumerique
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


def http_save(browser, forms, form_after):
    """The save as a browser makes it: the form's CSRF token posted with each entry, then,
    after the redirect, the empty form with "Enregistré" (timed into form_after)."""
    page = browser.get(NEW_URL).body.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    entries = iter(forms)

    def save():
        posted = browser.post(
            NEW_URL, {**next(entries), "csrfmiddlewaretoken": token}, expected=302
        )
        form_after.append(browser.get(posted.headers["Location"]).ms)
        return posted

    return save


def client_saves(client) -> list[list]:
    """The queries of each save through the test client (and of nothing else)."""
    runs = []
    for number, form in enumerate(entry_forms(WARM_UP + CLIENT_ROUNDS)):
        run = with_queries(client, "post", NEW_URL, form, expected=302)
        with_queries(client, "get", run["response"].url, expected=200)  # consumes the message
        if number >= WARM_UP:
            runs.append(run["queries"])
    return runs


def report(runs: dict, floor: list, form_after: list, queries: dict) -> None:
    targets = {name: (LIST_TARGET_MS, "≤ 60 ms, same query count") for name in runs}
    targets["save"] = (SAVE_TARGET_MS, "median ≤ 30 ms")
    print("\nOver HTTP to bin/start; queries counted by the test-client pass.")
    print(f"{'request':<22} {TIMING_HEADER} {'queries':>8}   target")
    for name, responses in runs.items():
        times = [response.ms for response in responses]
        counts = "/".join(str(count) for count in sorted({len(run) for run in queries[name]}))
        target_ms, target = targets[name]
        print(
            f"{name:<22} {timing_columns(times, floor)} {counts:>8}   "
            f"{target}: {'OK' if statistics.median(times) <= target_ms else 'MISSED'}"
        )
    print(
        f"{'  then the empty form':<22} {timing_columns(form_after, floor)}"
        "            (GET after the redirect, no target)"
    )
    inserts = [
        query_ms
        for run in queries["save"]
        for sql, _params, query_ms in run
        if sql.startswith('INSERT INTO "permanences_accompagnement"')
    ]
    print(f"{'  its INSERT alone':<22} {statistics.median(inserts):>7.2f}ms   (test client)")
    list_counts = {len(run) for name, runs in queries.items() if name != "save" for run in runs}
    print(
        "List query count: "
        + (
            f"{min(list_counts)} on both pages, constant."
            if len(list_counts) == 1
            else f"NOT constant: {sorted(list_counts)}."
        )
    )
    print_floor(floor)

    slowest = (0.0, "", None, "")
    for name, runs in queries.items():
        print(f"\nQueries of {name}, test client (median ms, in order):")
        for position, (sql, _params, _ms) in enumerate(runs[0]):
            times = [run[position][2] for run in runs if position < len(run)]
            print(f"  {statistics.median(times):>7.2f}  {' '.join(sql.split())[:110]}")
        for run in runs:
            for sql, params, query_ms in run:
                if query_ms > slowest[0]:
                    slowest = (query_ms, sql, params, name)

    query_ms, sql, params, name = slowest
    print(f"\nSlowest query seen ({query_ms:.1f} ms, {name}), EXPLAIN (ANALYZE, BUFFERS):")
    print_explain(sql, params)


if __name__ == "__main__":
    main()
