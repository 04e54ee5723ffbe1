"""Permanences as iCalendar (RFC 5545, https://www.rfc-editor.org/rfc/rfc5545), for the
agenda feeds that residents and partners subscribe to from their phone or Outlook."""

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, vDuration

from permanences.models import Permanence

PRODID = "-//Innover à la Roseraie//Portail de La Roseraie//FR"
PARIS = ZoneInfo(settings.TIME_ZONE)
# Calendar applications poll a subscribed feed; twice a day keeps cancellations fresh.
REFRESH = timedelta(hours=12)


def half_day_theme(permanence: Permanence) -> str:
    """The theme of the half-day: its own words, else its thematique's; "" if neither."""
    if permanence.theme_label:
        return permanence.theme_label
    if permanence.thematique is not None:
        return permanence.thematique.display_name
    return ""


def uid(permanence: Permanence) -> str:
    # Stable across feeds and runs, so that a calendar updates an event rather than
    # duplicating it when the permanence changes or is cancelled.
    return f"permanence-{permanence.pk}@roseraie-portal"


def location(permanence: Permanence) -> str:
    lieu = permanence.lieu
    return f"{lieu.name}, {lieu.address}, {lieu.postcode} {lieu.commune}"


def _description(permanence: Permanence, url: str) -> str:
    service = permanence.service
    lines = []
    if permanence.cancelled:
        lines.append(_("Annulée : %(reason)s") % {"reason": permanence.cancellation_reason})
    lines.append(f"{service.name} ({service.structure.name})")
    lines.append(
        _("Sur rendez-vous.") if permanence.appointment_required else _("Sans rendez-vous.")
    )
    if permanence.languages:
        lines.append(
            _("Langues parlées : %(languages)s")
            % {"languages": ", ".join(permanence.languages_display)}
        )
    lines.append(url)
    return "\n".join(lines)


def _event(permanence: Permanence, *, stamp: datetime, absolute_url: Callable[[str], str]):
    url = absolute_url(permanence.service.get_absolute_url())
    event = Event.new(
        uid=uid(permanence),
        stamp=stamp,
        start=datetime.combine(permanence.date, permanence.start_time, tzinfo=PARIS),
        end=datetime.combine(permanence.date, permanence.end_time, tzinfo=PARIS),
        summary=half_day_theme(permanence) or permanence.service.name,
        location=location(permanence),
        description=_description(permanence, url),
        url=url,
        status="CANCELLED" if permanence.cancelled else "CONFIRMED",
    )
    if permanence.thematique is not None:
        event.add("categories", [permanence.thematique.display_name])
    if permanence.lieu.latitude is not None and permanence.lieu.longitude is not None:
        event.add("geo", (permanence.lieu.latitude, permanence.lieu.longitude))
    return event


def build_calendar(
    permanences: Iterable[Permanence],
    *,
    name: str,
    first_day: date,
    last_day: date,
    absolute_url: Callable[[str], str],
) -> bytes:
    """One VEVENT per permanence, times in Europe/Paris with its VTIMEZONE.

    ``absolute_url`` turns a path into a full URL (``request.build_absolute_uri``);
    the time zone's rules are written for ``first_day``…``last_day`` only, which keeps
    the feed small (clients need the rules of the events' dates, nothing more)."""
    calendar = Calendar.new(
        prodid=PRODID,
        name=name,
        uid="agenda@roseraie-portal",
        refresh_interval=REFRESH,
    )
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("x-published-ttl", vDuration(REFRESH))  # Outlook's refresh-interval
    calendar.add_component(
        Timezone.from_tzid(
            settings.TIME_ZONE, first_date=first_day, last_date=last_day + timedelta(days=1)
        )
    )
    stamp = timezone.now()
    for permanence in permanences:
        calendar.add_component(_event(permanence, stamp=stamp, absolute_url=absolute_url))
    return calendar.to_ical()
