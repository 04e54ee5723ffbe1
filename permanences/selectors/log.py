"""Reads of the log: what the one-screen form starts from, so that most entries take a
few taps only."""

import datetime

from django.utils import timezone

from permanences.actions.log import LOGGED_FIELDS
from permanences.enums import DURATION_PRESETS, NON_COMMUNIQUE, Canal
from permanences.models import Accompagnement, Permanence

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
