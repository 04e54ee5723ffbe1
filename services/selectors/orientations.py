"""Reads of the orientations: the services a professional may send one to, the boxes of
the professional area, and the figures the bilans show (counts by month, acceptance,
time to a first answer), which name no one."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from roseraie_portal.content_language import translation_columns
from services.enums import OrientationStatus
from services.models import Orientation, Service, structure_id_of
from services.selectors.directory import Scope

RECEIVED, SENT = "recues", "envoyees"


def orientable_services(structure_id: int | None = None):
    """The published services that take orientations through the portal, of one
    structure or all, with their structure, by name."""
    services = Service.objects.published().filter(accepts_orientations=True)
    if structure_id is not None:
        services = services.filter(structure_id=structure_id)
    return services.select_related("structure").order_by("structure__name", "name")


def box(user, which: str):
    """The orientations of a box of ``user``'s professional area, newest first: received
    by its structure, or sent by it or by its structure."""
    orientations = Orientation.objects.select_related("service", "to_structure", "from_structure")
    if which == RECEIVED:
        structure_id = structure_id_of(user)
        if structure_id is None:
            return orientations.none()
        orientations = orientations.received_by(structure_id)
    else:
        orientations = orientations.sent_by(user)
    return orientations.only(
        # The name as each language reads it, or one query per row to fetch it.
        *(f"service__{column}" for column in translation_columns("name")),
        "service__slug",
        "to_structure__name",
        "from_structure__name",
        "themes",
        "urgency",
        "status",
        "sent_at",
        "answered_at",
        "appointment_at",
    )


def waiting_count(user) -> int:
    """How many orientations the account's structure has not answered yet."""
    structure_id = structure_id_of(user)
    if structure_id is None:
        return 0
    return Orientation.objects.received_by(structure_id).unanswered().count()


@dataclass
class AnswerTimes:
    """How long the orientations received took to get a first answer."""

    answered: int
    median: timedelta | None
    ninetieth: timedelta | None


FIGURE_NAMES = ("sent", "received", "accepted", "declined")


def _sent_between(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    """The instants that bound the two days, in the portal's time zone: the rows are
    compared with two constants, not each converted to a local date."""
    zone = timezone.get_default_timezone()
    return (
        datetime.combine(first_day, time.min, tzinfo=zone),
        datetime.combine(last_day + timedelta(days=1), time.min, tzinfo=zone),
    )


def _count(condition: Q) -> Count:
    return Count("pk", filter=condition) if condition else Count("pk")


def monthly_figures(*, first_day: date, last_day: date, scope: Scope) -> dict[int, dict[str, int]]:
    """Orientations sent and received by the scope's structures, and of those received
    the accepted and declined, by month number of sending, between two days: one
    grouped query over the orientations either side of which is in the scope."""
    start, end = _sent_between(first_day, last_day)
    sent, received = scope.q("from_structure"), scope.q("to_structure")
    rows = (
        Orientation.objects.filter(sent | received, sent_at__gte=start, sent_at__lt=end)
        .annotate(month=ExtractMonth("sent_at"))
        .order_by()
        .values("month")
        .annotate(
            sent=_count(sent),
            received=_count(received),
            accepted=_count(received & Q(status=OrientationStatus.ACCEPTED)),
            declined=_count(received & Q(status=OrientationStatus.DECLINED)),
        )
    )
    return {row["month"]: {name: row[name] for name in FIGURE_NAMES} for row in rows}


ANSWER_TIMES_SQL = """
    SELECT count(*),
           percentile_cont(0.5) WITHIN GROUP (ORDER BY answered_at - sent_at),
           percentile_cont(0.9) WITHIN GROUP (ORDER BY answered_at - sent_at)
    FROM services_orientation
    WHERE answered_at IS NOT NULL
      AND sent_at >= %(start)s AND sent_at < %(end)s
      AND (%(everything)s OR to_structure_id = ANY(%(structures)s))
"""


def answer_times(*, first_day: date, last_day: date, scope: Scope) -> AnswerTimes:
    """The median and the 90th percentile of the time from sending to the first answer
    (accepted or declined), of the orientations the scope received between two days."""
    start, end = _sent_between(first_day, last_day)
    with connection.cursor() as cursor:
        cursor.execute(
            ANSWER_TIMES_SQL,
            {
                "start": start,
                "end": end,
                "everything": scope.everything,
                "structures": sorted(scope.structure_ids),
            },
        )
        answered, median, ninetieth = cursor.fetchone()
    return AnswerTimes(answered=answered, median=median, ninetieth=ninetieth)
