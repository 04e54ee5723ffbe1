"""Writes of the orientations: sending, answering, withdrawing, reading (each traced),
and erasing the contacts once they are no longer needed. What the people involved are
told leaves through the task queue (services/tasks.py) once the transaction commits."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from services import tasks
from services.enums import DeclineReason, OrientationStatus, TraceKind
from services.models import Orientation, OrientationTrace, Service, structure_id_of

# What a professional fills in about the person's need and situation.
NEED_FIELDS = frozenset(
    {
        "themes",
        "demarche",
        "already_done",
        "papers",
        "urgency",
        "language",
        "interpreter",
        "availability",
        "note",
    }
)
CONTACT_FIELDS = ("first_name", "phone", "email")
ERASED_TEXTS = (
    *CONTACT_FIELDS,
    "already_done",
    "papers",
    "availability",
    "note",
    "answer_note",
    "appointment_bring",
)


class OrientationClosed(Exception):
    """The orientation was answered or withdrawn already: nothing more can change it."""


class NotAccepted(Exception):
    """The service does not take orientations through the portal."""


@transaction.atomic
def send_orientation(
    *,
    sender,
    service: Service,
    need: Mapping[str, Any],
    contact: Mapping[str, str] | None = None,
    consent_text: str = "",
) -> Orientation:
    """Hand a person over to ``service``. A contact (first name, phone, e-mail) is kept
    only with the person's consent, in the words she agreed to (``consent_text``)."""
    if not service.accepts_orientations:
        raise NotAccepted
    unexpected = set(need) - NEED_FIELDS
    if unexpected:
        raise ValueError(f"not fields of a need: {sorted(unexpected)}")
    contact = {name: value for name, value in (contact or {}).items() if value}
    if set(contact) - set(CONTACT_FIELDS):
        raise ValueError(f"not fields of a contact: {sorted(set(contact) - set(CONTACT_FIELDS))}")
    if contact and not consent_text:
        raise ValueError("a contact is kept only with the person's consent")
    orientation = Orientation.objects.create(
        service=service,
        to_structure_id=service.structure_id,
        sender=sender,
        from_structure_id=structure_id_of(sender),
        consent_text=consent_text if contact else "",
        consented_at=timezone.now() if contact else None,
        **need,
        **contact,
    )
    _trace(orientation, sender, TraceKind.SENT)
    transaction.on_commit(lambda: tasks.tell_receivers_of_new(orientation.pk))
    return orientation


def record_view(*, orientation: Orientation, user) -> None:
    """Write down that ``user`` read the orientation's content."""
    _trace(orientation, user, TraceKind.VIEWED)


@transaction.atomic
def accept_orientation(
    *,
    orientation: Orientation,
    user,
    appointment_at: datetime | None = None,
    appointment_place: str = "",
    appointment_bring: str = "",
    answer_note: str = "",
) -> Orientation:
    """The receiving structure takes the person, with an appointment or not. The sender
    is told; the person too, when she left a contact and an appointment is set."""
    orientation = _open_for_update(orientation)
    _close(orientation, user, OrientationStatus.ACCEPTED)
    orientation.appointment_at = appointment_at
    orientation.appointment_place = appointment_place
    orientation.appointment_bring = appointment_bring
    orientation.answer_note = answer_note
    orientation.save()
    _trace(orientation, user, TraceKind.ACCEPTED)
    pk = orientation.pk
    transaction.on_commit(lambda: tasks.tell_sender_of_answer(pk))
    if appointment_at is not None and orientation.has_contact:
        transaction.on_commit(lambda: tasks.tell_person_of_appointment(pk))
    return orientation


@transaction.atomic
def decline_orientation(
    *, orientation: Orientation, user, reason: DeclineReason, answer_note: str = ""
) -> Orientation:
    """The receiving structure cannot take the person, and says why; the sender is told."""
    orientation = _open_for_update(orientation)
    _close(orientation, user, OrientationStatus.DECLINED)
    orientation.decline_reason = reason
    orientation.answer_note = answer_note
    orientation.save()
    _trace(orientation, user, TraceKind.DECLINED)
    pk = orientation.pk
    transaction.on_commit(lambda: tasks.tell_sender_of_answer(pk))
    return orientation


@transaction.atomic
def withdraw_orientation(*, orientation: Orientation, user) -> Orientation:
    """The sending side takes an unanswered orientation back (sent by mistake, or the
    person found help elsewhere); the receiving structure is told."""
    orientation = _open_for_update(orientation)
    orientation.status = OrientationStatus.WITHDRAWN
    orientation.closed_at = timezone.now()
    orientation.save(update_fields=["status", "closed_at"])
    _trace(orientation, user, TraceKind.WITHDRAWN)
    pk = orientation.pk
    transaction.on_commit(lambda: tasks.tell_receivers_of_withdrawal(pk))
    return orientation


@transaction.atomic
def purge_orientations(*, now: datetime | None = None) -> int:
    """Erase the contacts and the free texts of the orientations closed more than
    ORIENTATION_RETENTION_MONTHS ago, and of those never answered that were sent that
    long ago; the rows stay, for the counts. Returns how many were erased."""
    now = now or timezone.now()
    before = now - relativedelta(months=settings.ORIENTATION_RETENTION_MONTHS)
    closed = Orientation.objects.filter(closed_at__lt=before)
    never_answered = Orientation.objects.filter(closed_at__isnull=True, sent_at__lt=before)
    return (
        (closed | never_answered)
        .filter(erased_at__isnull=True)
        .update(erased_at=now, **dict.fromkeys(ERASED_TEXTS, ""))
    )


def _open_for_update(orientation: Orientation) -> Orientation:
    """The orientation's row, locked until the transaction ends, so that two answers
    never both land; OrientationClosed when it is answered already."""
    locked = Orientation.objects.select_for_update().get(pk=orientation.pk)
    if not locked.is_open:
        raise OrientationClosed
    return locked


def _close(orientation: Orientation, user, status: OrientationStatus) -> None:
    orientation.status = status
    orientation.answered_at = orientation.closed_at = timezone.now()
    orientation.answered_by = user


def _trace(orientation: Orientation, user, kind: TraceKind) -> None:
    OrientationTrace.objects.create(
        orientation=orientation, user=user, username=user.get_username(), kind=kind
    )
