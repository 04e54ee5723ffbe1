"""Dates of a recurrence rule ("every Tuesday", "the 2nd Thursday of the month"), for
the schedule's recurring permanences and the ateliers' cycles alike.

Rules are RFC 5545 RRULE values read by python-dateutil:
https://datatracker.ietf.org/doc/html/rfc5545#section-3.3.10. French public holidays
are always skipped; school holidays (``SchoolHoliday``, entered by coordinators) when
the rule says so.
"""

from datetime import date, datetime, time

from dateutil.rrule import DAILY, rrule, rrulestr
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from roseraie_portal.holidays import is_public_holiday
from roseraie_portal.models import SchoolHoliday

# A rule producing more dates than this is a typo (FREQ=DAILY over ten years), not a plan.
MAX_OCCURRENCES = 1000


def _rrule_error() -> ValidationError:
    return ValidationError(
        _(
            "Cette règle de répétition n’est pas comprise. Écrivez par exemple "
            "FREQ=WEEKLY;BYDAY=TU pour chaque mardi, ou FREQ=MONTHLY;BYDAY=2WE pour le "
            "2e mercredi du mois."
        ),
        code="invalid_rrule",
    )


def rule_dates(*, rrule_text: str, starts_on: date, ends_on: date) -> list[date]:
    """The days an RRULE produces between two dates (both included), in order.

    The one parser of rule texts: the admin forms validate with it, the expansions of
    permanences and cycles expand with it. Raises a ValidationError in plain French for a
    text dateutil does not understand, a frequency finer than a day, or too many dates.
    """
    text = (rrule_text or "").strip()
    dtstart = datetime.combine(starts_on, time.min)
    until = datetime.combine(ends_on, time.max)
    if not text or "\n" in text:
        raise _rrule_error()
    try:
        parsed = rrulestr(text, dtstart=dtstart)
    except (ValueError, TypeError, IndexError, KeyError, OverflowError):
        raise _rrule_error() from None
    if not isinstance(parsed, rrule):
        raise _rrule_error()
    if parsed._freq > DAILY:
        raise ValidationError(
            _(
                "Un rendez-vous régulier revient au plus une fois par jour : utilisez FREQ=DAILY, "
                "FREQ=WEEKLY, FREQ=MONTHLY ou FREQ=YEARLY."
            ),
            code="rrule_too_frequent",
        )
    if parsed._count is None and (parsed._until is None or parsed._until > until):
        # Bounded by the rule's period, so that a rule matching no day stops there.
        parsed = parsed.replace(until=until)
    days: list[date] = []
    try:
        for moment in parsed:
            if moment > until:
                break
            if days and days[-1] == moment.date():
                continue  # BYHOUR=9,14: still one permanence that day
            days.append(moment.date())
            if len(days) > MAX_OCCURRENCES:
                raise ValidationError(
                    _(
                        "Cette règle produit plus de %(max)d dates : raccourcissez la période "
                        "ou espacez les dates."
                    )
                    % {"max": MAX_OCCURRENCES},
                    code="too_many_occurrences",
                )
    except (ValueError, TypeError, OverflowError):
        # dateutil checks some parts only while iterating (INTERVAL=0, for instance).
        raise _rrule_error() from None
    return days


def scheduled_dates(
    *, rrule_text: str, starts_on: date, ends_on: date, skip_school_holidays: bool
) -> list[date]:
    """The days of a rule on which something is held: not on public holidays, nor in
    school holidays when ``skip_school_holidays``."""
    school_holidays = (
        SchoolHoliday.objects.filter(starts_on__lte=ends_on, ends_on__gte=starts_on).values_list(
            "starts_on", "ends_on"
        )
        if skip_school_holidays
        else []
    )
    periods = list(school_holidays)
    return [
        day
        for day in rule_dates(rrule_text=rrule_text, starts_on=starts_on, ends_on=ends_on)
        if not is_public_holiday(day) and not any(first <= day <= last for first, last in periods)
    ]
