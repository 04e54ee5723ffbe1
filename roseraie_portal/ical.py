"""The agenda as iCalendar (RFC 5545, https://www.rfc-editor.org/rfc/rfc5545), for the
feeds that residents and partners subscribe to from their phone or Outlook."""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vDuration

from roseraie_portal import agenda
from roseraie_portal.agenda import AgendaItem, AgendaQuery
from roseraie_portal.notifications import absolute_url

PRODID = "-//Innover à la Roseraie//Portail de La Roseraie//FR"
PARIS = ZoneInfo(settings.TIME_ZONE)
# Calendar applications poll a subscribed feed; twice a day keeps cancellations fresh.
REFRESH = timedelta(hours=12)
# A feed holds what happened lately (to see a cancellation after the fact) and what comes.
FEED_PAST = timedelta(days=30)
FEED_AHEAD = relativedelta(months=6)


def location(lieu) -> str:
    return f"{lieu.name}, {lieu.address}, {lieu.postcode} {lieu.commune}"


def _event(item: AgendaItem, *, stamp: datetime) -> Event:
    # Calendar applications keep these links: they name the configured site, never the
    # host the feed happened to be fetched through.
    url = absolute_url(item.url)
    event = Event.new(
        uid=item.uid,
        stamp=stamp,
        start=datetime.combine(item.date, item.start_time, tzinfo=PARIS),
        end=datetime.combine(item.date, item.end_time, tzinfo=PARIS),
        summary=str(item.title),
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


def _time_zone(items: list[AgendaItem], *, today: date) -> Timezone:
    """Europe/Paris as a VTIMEZONE whose rules cover every event of the feed: from the
    first event's day to the day after the last one (today's when there is none)."""
    days = [item.date for item in items] or [today]
    return Timezone.from_tzid(
        settings.TIME_ZONE, first_date=min(days), last_date=max(days) + timedelta(days=1)
    )


def build_calendar(items: Iterable[AgendaItem], *, name: str) -> bytes:
    """One VEVENT per item, times in Europe/Paris with its VTIMEZONE, links from
    SITE_URL."""
    items = list(items)
    calendar = Calendar.new(prodid=PRODID, name=name, uid="agenda@roseraie-portal")
    # RFC 7986, section 5.7: the value type parameter is required.
    calendar.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("x-published-ttl", vDuration(REFRESH))  # Outlook's refresh-interval
    stamp = timezone.now()
    calendar.add_component(_time_zone(items, today=timezone.localdate(stamp)))
    for item in items:
        calendar.add_component(_event(item, stamp=stamp))
    return calendar.to_ical()


def calendar_response(items: Iterable[AgendaItem], *, name: str, filename: str) -> HttpResponse:
    response = HttpResponse(
        build_calendar(items, name=name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def feed_response(*, name: str, filename: str, **query) -> HttpResponse:
    """A feed to subscribe to: the agenda's items of the last 30 days and the next 6
    months, asked with ``query`` (a place, a theme, kinds)."""
    today = timezone.localdate()
    items = agenda.items(
        AgendaQuery(first_day=today - FEED_PAST, last_day=today + FEED_AHEAD, **query)
    )
    return calendar_response(items, name=name, filename=filename)
