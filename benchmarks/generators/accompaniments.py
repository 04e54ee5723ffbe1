"""Anonymous accompaniments at any scale, for the benchmarks (``accompaniments.py``,
``bilans.py``):
``generate_accompaniments(count=1_000_000, conseiller_entries=20_000)``.

Rows are written by PostgreSQL itself (INSERT … SELECT FROM generate_series, random
choices over the model's TextChoices values), not built as Python objects: a million rows
take tens of seconds instead of tens of minutes. They are inserted oldest first, one slice
of the period at a time, so that the table is laid out on disk as production writes
it, a conseiller's entries spread among everyone else's.

Authors are "bench-" accounts in the "conseiller" group: "bench-conseiller" gets exactly
``conseiller_entries`` entries (the figure issue 4 measures), the rest is spread over
``conseillers`` others. The entries are spread over today and the three years before,
or over one calendar year with ``year`` (up to today when it is this one), as the raw CSV
of a bilan that benchmarks/bilans.py measures exports one year. ``clear=True`` deletes the
entries of every "bench-" account first. By hand:
``python -m benchmarks.generators accompaniments --help``.
"""

import math
import time
from collections.abc import Callable
from datetime import date, timedelta

from django.db import connection, transaction
from django.utils import timezone

from benchmarks.generators import GenerationError, vacuum_analyse
from benchmarks.generators.accounts import conseiller_accounts
from permanences.enums import (
    DURATION_PRESETS,
    NON_COMMUNIQUE,
    Autonomie,
    Canal,
    Demarche,
    Genre,
    Materiel,
    Residence,
    Resultat,
    Statut,
    ThemeNumerique,
    TrancheAge,
)
from permanences.models import Accompagnement
from services.enums import LANGUAGE_CHOICES, OrientationSource
from services.models import Lieu, Quartier, Structure, StructureMembership

PREFIX = "bench-"
MAIN_CONSEILLER = "bench-conseiller"
DAYS = 3 * 365 + 1  # today and the three years before
ROWS_PER_SLICE = 100_000
# Entries are logged during opening hours, Paris time.
FIRST_HOUR, OPEN_HOURS = 9, 9

# Weighted vocabularies: a value listed twice is drawn twice as often.
CANALS = (
    [Canal.LIEU_ACTIVITE] * 6
    + [Canal.BUS_MAIRIE] * 2
    + [
        Canal.DOMICILE,
        Canal.A_DISTANCE,
        Canal.AUTRE,
    ]
)
DEMARCHES = [""] * 4 + list(Demarche.values)
RESULTATS = (
    [Resultat.ABOUTIE] * 5
    + [Resultat.A_POURSUIVRE] * 3
    + [
        Resultat.REORIENTEE,
        Resultat.NON_ABOUTIE,
    ]
)
LANGUES = ["fr"] * 40 + [code for code, _label in LANGUAGE_CHOICES if code != "fr"]
# "Non communiqué" is the most frequent answer to every profile question.
TRANCHES_AGE = [NON_COMMUNIQUE] * 3 + list(TrancheAge.values)
GENRES = [NON_COMMUNIQUE] + list(Genre.values)
STATUTS = [NON_COMMUNIQUE] * 2 + list(Statut.values)
RESIDENCES = [Residence.QUARTIER] * 2 + list(Residence.values)
ORIENTATION_SOURCES = [NON_COMMUNIQUE] * 2 + list(OrientationSource.values)
OWN_MATERIEL = [m for m in Materiel.values if m != Materiel.AUCUN]


def generate_accompaniments(
    *,
    count: int | None = None,
    conseiller_entries: int = 20_000,
    conseillers: int = 200,
    seed: float = 0.42,
    year: int | None = None,
    clear: bool = False,
    log: Callable[[str], object] = lambda message: None,
) -> dict[str, int]:
    """Delete the entries of "bench-" accounts first when ``clear``, then generate
    ``count`` entries (none: the deletion alone), saying what is done to ``log``. ``seed``
    is PostgreSQL's setseed(), from -1 to 1; ``year``, when given, holds every entry (up to
    today when it is this year). Returns how many entries went and came."""
    if count is None and not clear:
        raise GenerationError("Nothing to do: give a number of entries, or clear, or both.")
    if count is not None and not 0 <= conseiller_entries <= count:
        raise GenerationError(
            "The conseiller's entries must be between 0 and the number of entries."
        )
    if conseillers < 1:
        raise GenerationError("There must be at least 1 other conseiller.")
    if not -1 <= seed <= 1:
        raise GenerationError("The seed must be between -1 and 1.")
    if year is not None and not 1 <= year <= timezone.localdate().year:
        raise GenerationError("The year must be this year or one before it.")

    counts = {}
    with transaction.atomic():
        if clear:
            counts["deleted"] = clear_generated()
            log(f"Deleted {counts['deleted']} entries of '{PREFIX}' accounts.")
        if count:
            started = time.perf_counter()
            generator = AccompagnementGenerator(seed=seed)
            counts["generated"] = generator.generate(
                count=count,
                conseiller_entries=conseiller_entries,
                conseillers=conseillers,
                year=year,
            )
            period = f" in {year}" if year is not None else ""
            log(
                f"Generated {count} entries{period} in {time.perf_counter() - started:.1f} s; "
                f"'{MAIN_CONSEILLER}' has {conseiller_entries}."
            )
    vacuum_analyse(Accompagnement)
    return counts


def clear_generated() -> int:
    """Delete the entries of "bench-" accounts; return how many went."""
    bench = Accompagnement.objects.filter(conseiller__username__startswith=PREFIX)
    if Accompagnement.objects.exclude(conseiller__username__startswith=PREFIX).exists():
        return bench.delete()[0]
    # Only generated rows: TRUNCATE leaves no million dead rows behind.
    count = bench.count()
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {Accompagnement._meta.db_table}")
    return count


class AccompagnementGenerator:
    def __init__(self, *, seed: float):
        self.seed = seed

    def generate(
        self, *, count: int, conseiller_entries: int, conseillers: int, year: int | None = None
    ) -> int:
        structures = self._structures()
        quartiers = self._quartiers()
        lieux, stops = self._lieux(quartiers)
        main, others = self._conseillers(conseillers, structures)
        main_id, main_structure = main
        already = Accompagnement.objects.filter(conseiller_id=main_id).count()
        if already > conseiller_entries:
            raise GenerationError(
                f"'{MAIN_CONSEILLER}' already has {already} entries: clear them first."
            )
        slices = max(1, math.ceil(count / ROWS_PER_SLICE))
        first_day, days = _period(year)
        params = {
            "main_id": main_id,
            "main_structure": main_structure,
            "conseiller_ids": [pk for pk, _structure in others],
            "structure_ids": [structure for _pk, structure in others],
            "lieux": lieux,
            "stops": stops,
            "quartiers": quartiers,
            "reorientations": structures,
            "canals": CANALS,
            "durations": list(DURATION_PRESETS),
            "themes": list(ThemeNumerique.values),
            "demarches": DEMARCHES,
            "materiel": OWN_MATERIEL,
            # Doubled, so that a slice starting anywhere holds two different items.
            "materiel_twice": OWN_MATERIEL * 2,
            "autonomies": list(Autonomie.values),
            "resultats": RESULTATS,
            "tranches_age": TRANCHES_AGE,
            "genres": GENRES,
            "statuts": STATUTS,
            "residences": RESIDENCES,
            "orientation_sources": ORIENTATION_SOURCES,
            "langues": LANGUES,
        }
        with connection.cursor() as cursor:
            cursor.execute("SELECT setseed(%s)", [self.seed])
            # Foreign keys are checked after each slice rather than all at commit, so the
            # queue of pending checks never holds a million rows.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for index in range(slices):
                # Oldest slice first, each sorted by time: the table ends up in the order
                # production writes it.
                start = days * index // slices
                end = days * (index + 1) // slices
                rows = _share(count, slices, index)
                cursor.execute(
                    INSERT_SQL,
                    {
                        **params,
                        "rows": rows,
                        "main_rows": _share(conseiller_entries - already, slices, index),
                        "first_day": first_day + timedelta(days=start),
                        "days": end - start,
                    },
                )
        return count

    def _structures(self) -> list[int]:
        existing = list(Structure.objects.order_by("pk").values_list("pk", flat=True))
        if existing:
            return existing
        created = Structure.objects.bulk_create(
            Structure(name=f"Structure de test {n}", slug=f"{PREFIX}structure-{n}")
            for n in range(1, 21)
        )
        return [structure.pk for structure in created]

    def _quartiers(self) -> list[int]:
        existing = list(Quartier.objects.order_by("pk").values_list("pk", flat=True))
        if existing:
            return existing
        created = Quartier.objects.bulk_create(
            Quartier(name=f"Secteur de test {name}", slug=f"{PREFIX}{name.lower()}")
            for name in ("Nord", "Sud", "Est", "Ouest", "Centre")
        )
        return [quartier.pk for quartier in created]

    def _lieux(self, quartiers: list[int]) -> tuple[list[int], list[int]]:
        """Fixed places and Mairie Bus stops, a few of each created when there are none."""
        if not Lieu.objects.exists():
            Lieu.objects.bulk_create(
                Lieu(
                    name=f"Lieu de test {n}",
                    slug=f"{PREFIX}lieu-{n}",
                    address=f"{n} rue de test",
                    postcode="49000",
                    quartier_id=quartiers[n % len(quartiers)],
                    itinerant=n > 16,
                )
                for n in range(1, 21)
            )
        places = Lieu.objects.order_by("pk")
        lieux = list(places.filter(itinerant=False).values_list("pk", flat=True))
        stops = list(places.filter(itinerant=True).values_list("pk", flat=True))
        return lieux or stops, stops or lieux

    def _conseillers(self, others: int, structures: list[int]):
        """(id, structure id) of bench-conseiller, and of the others; created when missing,
        each in the conseiller group and attached to a structure."""
        names = [MAIN_CONSEILLER] + [f"{MAIN_CONSEILLER}-{n:03d}" for n in range(1, others + 1)]
        users = conseiller_accounts(names, structures)
        attached = dict(
            StructureMembership.objects.filter(user_id__in=users.values()).values_list(
                "user_id", "structure_id"
            )
        )
        pairs = [(users[name], attached[users[name]]) for name in names]
        return pairs[0], pairs[1:]


def _period(year: int | None) -> tuple[date, int]:
    """The first day of the entries and their number of days: today and the three years
    before, or a calendar year (up to today when it is this one)."""
    today = timezone.localdate()
    if year is None:
        return today - timedelta(days=DAYS - 1), DAYS
    first_day = date(year, 1, 1)
    return first_day, (min(date(year, 12, 31), today) - first_day).days + 1


def _share(total: int, parts: int, index: int) -> int:
    """The index-th of ``parts`` near-equal shares of ``total``."""
    return total * (index + 1) // parts - total * index // parts


def _pick(name: str, sql_type: str = "varchar") -> str:
    """SQL drawing one element of the array parameter ``name`` at random, once per row."""
    array = f"%({name})s::{sql_type}[]"
    return f"({array})[1 + floor(random() * cardinality({array}))::int]"


# The inner query draws every random value once per row (its volatile functions keep
# PostgreSQL from flattening it); the outer one keeps them consistent with the model's
# check constraints: a quartier only when residence says so, a structure whenever the
# outcome is "reorientee", a place only for the canals that have one.
INSERT_SQL = f"""
INSERT INTO {Accompagnement._meta.db_table} (
    conseiller_id, structure_id, date, duration_minutes, canal, lieu_id, permanence_id,
    themes, demarche, materiel, autonomie, resultat, reoriente_vers_id, tranche_age, genre,
    statut, residence, quartier_id, orientation_source, langue, interprete, note,
    created_at, updated_at
)
SELECT
    CASE WHEN mine THEN %(main_id)s::bigint ELSE (%(conseiller_ids)s::bigint[])[author] END,
    CASE WHEN mine THEN %(main_structure)s::bigint ELSE (%(structure_ids)s::bigint[])[author] END,
    day,
    duration,
    canal,
    CASE canal
        WHEN '{Canal.LIEU_ACTIVITE}' THEN place
        WHEN '{Canal.BUS_MAIRIE}' THEN stop
    END,
    NULL,
    themes,
    demarche,
    CASE
        WHEN materiel_draw < 0.1 THEN ARRAY['{Materiel.AUCUN}']
        WHEN materiel_draw < 0.2 THEN ARRAY[]::varchar[]
        ELSE (%(materiel_twice)s::varchar[])[materiel_from:materiel_from + materiel_count - 1]
    END,
    autonomie,
    resultat,
    CASE WHEN resultat = '{Resultat.REORIENTEE}' THEN reorientation END,
    tranche_age,
    genre,
    statut,
    residence,
    CASE WHEN residence = '{Residence.QUARTIER}' THEN quartier END,
    orientation_source,
    langue,
    langue <> 'fr' AND interprete_draw < 0.3,
    '',
    LEAST(created_at, now()),
    LEAST(created_at, now())
FROM (
    SELECT
        g.i <= %(main_rows)s AS mine,
        1 + floor(random() * cardinality(%(conseiller_ids)s::bigint[]))::int AS author,
        day,
        (day + make_interval(hours => {FIRST_HOUR}) + random() * interval '{OPEN_HOURS} hours')
            AT TIME ZONE 'Europe/Paris' AS created_at,
        {_pick("durations", "smallint")} AS duration,
        {_pick("canals")} AS canal,
        {_pick("lieux", "bigint")} AS place,
        {_pick("stops", "bigint")} AS stop,
        ARRAY(
            SELECT theme FROM unnest(%(themes)s::varchar[]) AS theme
            ORDER BY random() LIMIT 1 + floor(random() * 3)::int + 0 * g.i
        ) AS themes,
        {_pick("demarches")} AS demarche,
        random() AS materiel_draw,
        1 + floor(random() * cardinality(%(materiel)s::varchar[]))::int AS materiel_from,
        1 + floor(random() * 2)::int AS materiel_count,
        {_pick("autonomies")} AS autonomie,
        {_pick("resultats")} AS resultat,
        {_pick("reorientations", "bigint")} AS reorientation,
        {_pick("tranches_age")} AS tranche_age,
        {_pick("genres")} AS genre,
        {_pick("statuts")} AS statut,
        {_pick("residences")} AS residence,
        {_pick("quartiers", "bigint")} AS quartier,
        {_pick("orientation_sources")} AS orientation_source,
        {_pick("langues")} AS langue,
        random() AS interprete_draw
    FROM generate_series(1, %(rows)s) AS g(i)
    CROSS JOIN LATERAL (
        SELECT %(first_day)s::date + floor(random() * %(days)s)::int + 0 * g.i AS day
    ) AS d
) AS drawn
ORDER BY created_at
"""
