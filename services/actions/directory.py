"""Writes of the directory: keyword-only, atomic functions. Whatever writes a service, its
themes, its places or its structure (the admin, the open-data import, the demo loader)
goes through here, so that the search vectors always follow the data
(services.search.refresh_search_vectors)."""

from collections.abc import Iterable
from datetime import date, time

from django.db import transaction
from django.utils import timezone

from services.models import Lieu, OpeningHours, Service, Structure, Thematique
from services.search import refresh_search_vectors

# A weekly opening slot: (weekday with 0 for Monday, opens, closes).
Slot = tuple[int, time, time]


def reindex_services(*, service_ids: Iterable[int] | None = None) -> None:
    """Recompute the search vectors of these services (all when None) and the
    vocabulary that typo correction reads. A write that passed ``reindex=False`` to save
    many rows calls this once at the end."""
    refresh_search_vectors(service_ids=None if service_ids is None else list(service_ids))


def _replace_hours(*, owner: dict, slots: Iterable[Slot]) -> None:
    OpeningHours.objects.filter(**owner).delete()
    OpeningHours.objects.bulk_create(
        OpeningHours(**owner, weekday=weekday, opens=opens, closes=closes)
        for weekday, opens, closes in slots
    )


@transaction.atomic
def save_structure(*, structure: Structure, reindex: bool = True) -> Structure:
    structure.save()
    if reindex:
        # The structure's name is part of each of its services' search vector.
        reindex_services(service_ids=structure.services.values_list("pk", flat=True))
    return structure


@transaction.atomic
def save_lieu(*, lieu: Lieu, opening_hours: Iterable[Slot] | None = None) -> Lieu:
    """Save a place; ``opening_hours``, when given, replaces its weekly hours."""
    lieu.save()
    if opening_hours is not None:
        _replace_hours(owner={"lieu": lieu}, slots=opening_hours)
    return lieu


@transaction.atomic
def save_service(
    *,
    service: Service,
    thematiques: Iterable[Thematique] | None = None,
    lieux: Iterable[Lieu] | None = None,
    add_lieux: Iterable[Lieu] = (),
    opening_hours: Iterable[Slot] | None = None,
    reindex: bool = True,
) -> Service:
    """Save a service with what goes with it: its themes and places when given (exactly
    those), places to add to its own, and its own weekly hours when given ([] when it
    keeps its places' hours). Then its search vector, unless the caller reindexes once
    for many services."""
    service.save()
    if thematiques is not None:
        service.thematiques.set(thematiques)
    if lieux is not None:
        service.lieux.set(lieux)
    if add_lieux:
        service.lieux.add(*add_lieux)
    if opening_hours is not None:
        _replace_hours(owner={"service": service}, slots=opening_hours)
    if reindex:
        reindex_services(service_ids=[service.pk])
    return service


@transaction.atomic
def mark_verified(*, services, on: date | None = None) -> int:
    """Record that a coordinator checked these services with their structure today."""
    today = on or timezone.localdate()
    return Service.objects.filter(pk__in=services.values("pk")).update(
        verifie_le=today, date_maj=today
    )
