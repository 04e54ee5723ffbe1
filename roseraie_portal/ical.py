"""The agenda as iCalendar (RFC 5545, https://www.rfc-editor.org/rfc/rfc5545), for the
feeds that residents and partners subscribe to from their phone or Outlook."""

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vDuration

from roseraie_portal import agenda
from roseraie_portal.agenda import AgendaItem, AgendaQuery

PRODID = "-//Innover à la Roseraie//Portail de La Roseraie//FR"
PARIS = ZoneInfo(settings.TIME_ZONE)
# Calendar applications poll a subscribed feed; twice a day keeps cancellations fresh.
REFRESH = timedelta(hours=12)
# A feed holds what happened lately (to see a cancellation after the fact) and what comes.
FEED_PAST = timedelta(days=30)
FEED_AHEAD = relativedelta(months=6)


def location(lieu) -> str:
    return f"{lieu.name}, {lieu.address}, {lieu.postcode} {lieu.commune}"


def _event(item: AgendaItem, *, stamp: datetime, absolute_url: Callable[[str], str]) -> Event:
    url = absolute_url(item.url)
    event = Event.new(
        uid=item.uid,
        stamp=stamp,
        start=datetime.combine(item.date, item.start_time, tzinfo=PARIS),
        end=datetime.combine(item.date, item.end_time, tzinfo=PARIS),
        summary=item.title,
        location=location(item.lieu),
        description=f"{item.description}\n{url}",
        url=url,
        status="CANCELLED" if item.cancelled else "CONFIRMED",
    )
    if item.categories:
        event.add("categories", list(item.categories))
    if item.lieu.latitude is not None and item.lieu.longitude is not None:
        event.add("geo", (item.lieu.latitude, item.lieu.longitude))
    return event


def build_calendar(
    items: Iterable[AgendaItem],
    *,
    name: str,
    first_day: date,
    last_day: date,
    absolute_url: Callable[[str], str],
) -> bytes:
    """One VEVENT per item, times in Europe/Paris with its VTIMEZONE.

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
    for item in items:
        calendar.add_component(_event(item, stamp=stamp, absolute_url=absolute_url))
    return calendar.to_ical()


def calendar_response(
    request, items: Iterable[AgendaItem], *, name: str, filename: str, first_day, last_day
) -> HttpResponse:
    body = build_calendar(
        items,
        name=name,
        first_day=first_day,
        last_day=last_day,
        absolute_url=request.build_absolute_uri,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def feed_response(request, *, name: str, filename: str, **query) -> HttpResponse:
    """A feed to subscribe to: the agenda's items of the last 30 days and the next 6
    months, asked with ``query`` (a place, a theme, kinds)."""
    today = timezone.localdate()
    first_day, last_day = today - FEED_PAST, today + FEED_AHEAD
    items = agenda.items(AgendaQuery(first_day=first_day, last_day=last_day, **query))
    return calendar_response(
        request, items, name=name, filename=filename, first_day=first_day, last_day=last_day
    )
