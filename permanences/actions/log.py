"""Writes of the log of accompanied procedures (permanences/actions.py holds the
schedule's)."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from permanences.models import PROFILE_FIELDS, Accompagnement, Permanence
from services.models import StructureMembership

# The fields a conseiller fills in; the author, structure and timestamps are not among them.
LOGGED_FIELDS = frozenset(
    {
        "date",
        "duration_minutes",
        "canal",
        "lieu",
        "permanence",
        "themes",
        "demarche",
        "materiel",
        "autonomie",
        "resultat",
        "reoriente_vers",
        *PROFILE_FIELDS,
        "note",
    }
)


class EntryLocked(Exception):
    """The entry was saved more than EDIT_WINDOW ago: it can no longer be corrected."""


@transaction.atomic
def record_accompagnement(*, conseiller, fields: Mapping[str, Any]) -> Accompagnement:
    """Save one accompanied procedure, counted for the structure that holds the
    permanence, else for the conseiller's own structure, else for none."""
    _check_fields(fields)
    entry = Accompagnement(
        conseiller=conseiller,
        structure_id=_structure_id(
            conseiller_id=conseiller.pk, permanence=fields.get("permanence")
        ),
        **fields,
    )
    entry.save(force_insert=True)
    return entry


@transaction.atomic
def update_accompagnement(
    *, accompagnement: Accompagnement, fields: Mapping[str, Any], now=None
) -> Accompagnement:
    """Correct an entry within EDIT_WINDOW of its saving; raise EntryLocked after."""
    _check_fields(fields)
    locked_row = Accompagnement.objects.select_for_update().only("created_at")
    if locked_row.get(pk=accompagnement.pk).is_locked(now):
        raise EntryLocked
    for name, value in fields.items():
        setattr(accompagnement, name, value)
    accompagnement.structure_id = _structure_id(
        conseiller_id=accompagnement.conseiller_id, permanence=accompagnement.permanence
    )
    accompagnement.save(update_fields=[*fields, "structure", "updated_at"])
    return accompagnement


def _check_fields(fields: Mapping[str, Any]) -> None:
    unexpected = set(fields) - LOGGED_FIELDS
    if unexpected:
        raise ValueError(f"not fields a conseiller fills in: {sorted(unexpected)}")


def _structure_id(*, conseiller_id: int, permanence: Permanence | None) -> int | None:
    if permanence is not None:
        return permanence.service.structure_id
    return (
        StructureMembership.objects.filter(user_id=conseiller_id)
        .values_list("structure_id", flat=True)
        .first()
    )


@transaction.atomic
def purge_accompagnements(*, before) -> int:
    """Delete the entries dated before ``before`` (the retention period has passed)."""
    deleted, _by_model = Accompagnement.objects.filter(date__lt=before).delete()
    return deleted
