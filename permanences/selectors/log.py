"""Reads of the log: what the one-screen form starts from, so that most entries take a
few taps only; and the monthly counts the bilans and diagnostics are made of."""

import datetime

from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from permanences.actions.log import LOGGED_FIELDS
from permanences.enums import DURATION_PRESETS, NON_COMMUNIQUE, Canal
from permanences.models import Accompagnement, AccompagnementTally, Permanence

PROFILE_DEFAULTS = {
    "tranche_age": NON_COMMUNIQUE,
    "genre": NON_COMMUNIQUE,
    "statut": NON_COMMUNIQUE,
    "residence": NON_COMMUNIQUE,
    "orientation_source": NON_COMMUNIQUE,
    "langue": "fr",
}


def initial_for_new_entry(*, conseiller, now=None) -> dict:
    """Sensible defaults, so that most entries need a few taps only: today, the
    permanence in progress (or one at the place where the conseiller logged today), and
    the duration it used last."""
    now = timezone.localtime(now)
    today = now.date()
    initial = {"date": today, "canal": Canal.LIEU_ACTIVITE, **PROFILE_DEFAULTS}
    last = (
        Accompagnement.objects.filter(conseiller=conseiller)
        .order_by("-created_at")
        .only("date", "duration_minutes", "canal", "lieu_id")
        .first()
    )
    if last is not None:
        initial.update(_duration_initial(last.duration_minutes))
        initial.update(canal=last.canal, lieu=last.lieu_id)
    permanence = _permanence_in_progress(conseiller, now)
    if permanence is None and last is not None and last.date == today and last.lieu_id:
        permanence = _permanence_today_at(last.lieu_id, now)
    if permanence is not None:
        initial.update(
            permanence=permanence.pk,
            lieu=permanence.lieu_id,
            canal=Canal.BUS_MAIRIE if permanence.lieu.itinerant else Canal.LIEU_ACTIVITE,
        )
    return initial


def initial_for_entry(entry: Accompagnement) -> dict:
    """What an entry being corrected shows."""
    initial = {
        name: getattr(entry, name)
        for name in LOGGED_FIELDS
        if name not in ("duration_minutes", "lieu", "permanence", "reoriente_vers", "quartier")
    }
    initial.update(
        lieu=entry.lieu_id,
        permanence=entry.permanence_id,
        reoriente_vers=entry.reoriente_vers_id,
        quartier=entry.quartier_id,
        **_duration_initial(entry.duration_minutes),
    )
    return initial


def _duration_initial(minutes: int) -> dict:
    if minutes in DURATION_PRESETS:
        return {"duree": minutes}
    return {"duree_autre": minutes}


def _permanence_in_progress(conseiller, now: datetime.datetime):
    return (
        Permanence.objects.filter(
            conseillers=conseiller,
            cancelled=False,
            date=now.date(),
            start_time__lte=now.time(),
            end_time__gt=now.time(),
        )
        .select_related("lieu")
        .order_by("start_time")
        .first()
    )


def _permanence_today_at(lieu_id: int, now: datetime.datetime):
    permanences = list(
        Permanence.objects.filter(lieu_id=lieu_id, cancelled=False, date=now.date())
        .select_related("lieu")
        .order_by("start_time")
    )
    in_progress = [p for p in permanences if p.start_time <= now.time() < p.end_time]
    return (in_progress or permanences or [None])[0]


def monthly_tally(*, first_month: datetime.date, last_month: datetime.date, scope):
    """(month, dimension, key, count) for each month from ``first_month`` to
    ``last_month`` (first days of months) and each key of the bilans' dimensions
    (``TallyDimension``), for a scope (``services.selectors.Scope``), read from the tally
    that PostgreSQL keeps by structure: the territory's adds every structure's up (and
    the entries counted for none)."""
    rows = AccompagnementTally.objects.filter(month__range=(first_month, last_month))
    if not scope.everything:
        if not scope.structure_ids:
            return []
        rows = rows.filter(structure_id__in=scope.structure_ids)
    return list(
        rows.values("month", "dimension", "key")
        .annotate(total=Sum("count"))
        .exclude(total=0)
        .order_by()
        .values_list("month", "dimension", "key", "total")
    )


# The cartography of needs over a period, for a diagnostic: what is asked where (place ×
# theme), by whom (age band × where the person lives), how people heard, where they were
# re-oriented, the autonomy reached, and the months. Keys as in the tally.
DEMAND_SQL = """
    WITH entries AS (
        SELECT date_trunc('month', date::timestamp)::date AS month, tranche_age,
               CASE WHEN residence = 'quartier' THEN 'quartier:' || quartier_id
                    ELSE residence END AS residence_key,
               CASE WHEN lieu_id IS NOT NULL THEN 'lieu:' || lieu_id
                    ELSE 'canal:' || canal END AS lieu_key,
               orientation_source, autonomie,
               CASE WHEN resultat = 'reorientee' THEN reoriente_vers_id::text
                    END AS reoriente_vers_key,
               themes
        FROM permanences_accompagnement
        WHERE date BETWEEN %(first)s AND %(last)s
          AND (%(quartier)s::bigint IS NULL OR lieu_id IN (
                SELECT id FROM services_lieu WHERE quartier_id = %(quartier)s::bigint))
    )
    SELECT CASE WHEN GROUPING(month) = 0 THEN 'month'
                WHEN GROUPING(tranche_age) = 0 THEN 'age_residence'
                WHEN GROUPING(orientation_source) = 0 THEN 'orientation_source'
                WHEN GROUPING(autonomie) = 0 THEN 'autonomie'
                ELSE 'reoriente_vers' END AS dimension,
           COALESCE(month::text, tranche_age, orientation_source, autonomie,
                    reoriente_vers_key) AS key,
           COALESCE(residence_key, '') AS second_key,
           count(*)
    FROM entries
    GROUP BY GROUPING SETS (
        (month), (tranche_age, residence_key), (orientation_source), (autonomie),
        (reoriente_vers_key)
    )
    HAVING GROUPING(reoriente_vers_key) = 1 OR reoriente_vers_key IS NOT NULL
    UNION ALL
    SELECT 'lieu_theme', lieu_key, theme, count(*)
    FROM entries, unnest(themes) AS theme
    GROUP BY lieu_key, theme
"""


def demand_counts(*, first_day: datetime.date, last_day: datetime.date, quartier_id=None):
    """(dimension, key, second key, count) of the accompaniments between two days, held
    at the places of a neighbourhood (or anywhere): ``month`` (key: the month's first day,
    ISO), ``age_residence`` (a TrancheAge value × a residence key), ``orientation_source``,
    ``autonomie``, ``reoriente_vers`` (a structure id), ``lieu_theme`` (a place key × a
    ThemeNumerique value). Two scans of the period's entries, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(DEMAND_SQL, {"first": first_day, "last": last_day, "quartier": quartier_id})
        return cursor.fetchall()
