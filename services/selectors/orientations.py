"""Reads of the orientations: the services a professional may send one to, the boxes of
the professional area, and the figures the bilans show (counts by month, acceptance,
time to a first answer), which name no one."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import connection
from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth

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
        "service__name",
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


def monthly_figures(*, first_day: date, last_day: date, scope: Scope) -> dict[int, dict[str, int]]:
    """Orientations sent and received by the scope's structures, and of those received
    the accepted and declined, by month number of sending, between two days: two
    grouped queries."""
    between = Q(sent_at__date__range=(first_day, last_day))
    months: dict[int, dict[str, int]] = {}
    sent = scope.filter(Orientation.objects.filter(between), "from_structure")
    received = scope.filter(Orientation.objects.filter(between), "to_structure")
    for name, queryset, extra in (
        ("sent", sent, {}),
        (
            "received",
            received,
            {
                "accepted": Count("pk", filter=Q(status=OrientationStatus.ACCEPTED)),
                "declined": Count("pk", filter=Q(status=OrientationStatus.DECLINED)),
            },
        ),
    ):
        rows = (
            queryset.annotate(month=ExtractMonth("sent_at"))
            .order_by()
            .values("month")
            .annotate(count=Count("pk"), **extra)
        )
        for row in rows:
            figures = months.setdefault(row["month"], dict.fromkeys(FIGURE_NAMES, 0))
            figures[name] = row["count"]
            for other in extra:
                figures[other] = row[other]
    return months


ANSWER_TIMES_SQL = """
    SELECT count(*),
           percentile_cont(0.5) WITHIN GROUP (ORDER BY answered_at - sent_at),
           percentile_cont(0.9) WITHIN GROUP (ORDER BY answered_at - sent_at)
    FROM services_orientation
    WHERE answered_at IS NOT NULL
      AND (sent_at AT TIME ZONE %(zone)s)::date BETWEEN %(first)s AND %(last)s
      AND (%(everything)s OR to_structure_id = ANY(%(structures)s))
"""


def answer_times(*, first_day: date, last_day: date, scope: Scope) -> AnswerTimes:
    """The median and the 90th percentile of the time from sending to the first answer
    (accepted or declined), of the orientations the scope received between two days."""
    with connection.cursor() as cursor:
        cursor.execute(
            ANSWER_TIMES_SQL,
            {
                "zone": settings.TIME_ZONE,
                "first": first_day,
                "last": last_day,
                "everything": scope.everything,
                "structures": sorted(scope.structure_ids),
            },
        )
        answered, median, ninetieth = cursor.fetchone()
    return AnswerTimes(answered=answered, median=median, ninetieth=ninetieth)
