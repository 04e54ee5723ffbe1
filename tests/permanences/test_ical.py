from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from permanences.selectors.schedule import agenda_item
from roseraie_portal.ical import build_calendar
from services.models import Thematique
from tests.permanences.factories import PermanenceFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
# Feeds run from 30 days ago to 6 months ahead: 1 September 2026 to 1 April 2027, across
# both changes of time (25 October 2026 and 28 March 2027).
TODAY = date(2026, 10, 1)


@pytest.fixture(autouse=True)
def _first_of_october(clock):
    clock("2026-10-01 09:30")


@pytest.fixture
def schedule(directory, relais, bus):
    soins = Thematique.objects.get(code="sante--acces-aux-soins")
    return {
        "too_old": PermanenceFactory(
            service=directory["ameli"], lieu=relais, date=date(2026, 8, 31)
        ),
        "last_month": PermanenceFactory(
            service=directory["ameli"], lieu=relais, date=date(2026, 9, 1)
        ),
        "summer_time": PermanenceFactory(
            service=directory["impots"],
            lieu=bus,
            date=date(2026, 10, 23),
            theme_label="Impôts",
            appointment_required=True,
        ),
        "winter_time": PermanenceFactory(
            service=directory["accueil"],
            lieu=relais,
            date=date(2026, 10, 27),
            cancelled_for_illness=True,
            languages=["fr", "ar"],
        ),
        "spring": PermanenceFactory(
            service=directory["emploi"],
            lieu=bus,
            date=date(2027, 3, 30),
            start_time=time(9),
            end_time=time(12),
            thematique=soins,
        ),
        "too_far": PermanenceFactory(
            service=directory["ameli"], lieu=relais, date=date(2027, 4, 2)
        ),
    }


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_by_uid(calendar) -> dict:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def uid(permanence) -> str:
    return f"permanence-{permanence.pk}@roseraie-portal"


def test_feed_is_an_icalendar_with_its_name_and_the_paris_time_zone(client, schedule):
    response = client.get("/agenda.ics")
    calendar = parse(response)

    assert str(calendar["VERSION"]) == "2.0"
    assert "Roseraie" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == "Agenda de La Roseraie"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    # RFC 7986, section 5.7: the value type is required.
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in response.content
    assert b"X-PUBLISHED-TTL:PT12H" in response.content


def offsets_in_the_feeds_time_zone(calendar) -> dict:
    """Each event's UTC offset as a client computes it from the feed's own VTIMEZONE."""
    zone = calendar.walk("VTIMEZONE")[0].to_tz()
    return {
        str(event["UID"]): zone.utcoffset(event.decoded("DTSTART").replace(tzinfo=None))
        for event in calendar.walk("VEVENT")
    }


def test_the_time_zone_block_gives_every_event_its_paris_offset(client, schedule):
    calendar = parse(client.get("/agenda.ics"))

    offsets = offsets_in_the_feeds_time_zone(calendar)
    assert offsets == {
        uid(schedule["last_month"]): timedelta(hours=2),
        uid(schedule["summer_time"]): timedelta(hours=2),
        uid(schedule["winter_time"]): timedelta(hours=1),
        uid(schedule["spring"]): timedelta(hours=2),
    }


def test_the_time_zone_block_covers_events_years_apart(directory, relais):
    # A winter, a summer and the next winter: rules written for the first months only
    # would give the last one summer time.
    items = [
        agenda_item(PermanenceFactory(service=directory["ameli"], lieu=relais, date=day))
        for day in (date(2026, 12, 1), date(2027, 7, 6), date(2027, 12, 7))
    ]

    calendar = Calendar.from_ical(build_calendar(items, name="Agenda"))

    assert sorted(offsets_in_the_feeds_time_zone(calendar).values()) == [
        timedelta(hours=1),
        timedelta(hours=1),
        timedelta(hours=2),
    ]


def test_feed_has_one_event_per_permanence_from_a_month_ago_to_six_months_ahead(client, schedule):
    events = events_by_uid(parse(client.get("/agenda.ics")))

    assert set(events) == {
        uid(schedule[name]) for name in ("last_month", "summer_time", "winter_time", "spring")
    }
    for event in events.values():
        assert isinstance(event.decoded("DTSTAMP"), datetime)


def test_times_are_in_paris_on_both_sides_of_the_change_of_time(client, schedule):
    response = client.get("/agenda.ics")
    events = events_by_uid(parse(response))

    summer = events[uid(schedule["summer_time"])]
    winter = events[uid(schedule["winter_time"])]
    spring = events[uid(schedule["spring"])]
    assert summer.start == datetime(2026, 10, 23, 14, tzinfo=PARIS)
    assert summer.start.utcoffset() == timedelta(hours=2)
    assert winter.start == datetime(2026, 10, 27, 14, tzinfo=PARIS)
    assert winter.start.utcoffset() == timedelta(hours=1)
    assert winter.end == datetime(2026, 10, 27, 17, tzinfo=PARIS)
    assert spring.start.utcoffset() == timedelta(hours=2)
    text = response.content.decode()
    assert "DTSTART;TZID=Europe/Paris:20261027T140000" in text
    assert "DTEND;TZID=Europe/Paris:20261027T170000" in text


def test_event_says_what_where_and_links_to_the_service_page(client, schedule, settings):
    settings.SITE_URL = "https://portail.roseraie.example"
    events = events_by_uid(parse(client.get("/agenda.ics", HTTP_HOST="localhost")))

    impots = events[uid(schedule["summer_time"])]
    assert str(impots["SUMMARY"]) == "Impôts"
    assert str(impots["LOCATION"]) == (
        "Bus Mairie, place des Justices, Place des Justices, 49000 Angers"
    )
    # The link comes from SITE_URL, whatever host the feed was fetched through.
    assert str(impots["URL"]) == "https://portail.roseraie.example/services/impots/"
    assert str(impots["DESCRIPTION"]).endswith(
        "\nhttps://portail.roseraie.example/services/impots/"
    )
    assert "Sur rendez-vous." in str(impots["DESCRIPTION"])
    assert str(impots["STATUS"]) == "CONFIRMED"
    # Without a theme of its own, the half-day takes its thematique's name, else the
    # service's.
    assert str(events[uid(schedule["spring"])]["SUMMARY"]) == "Accès aux soins"
    assert str(events[uid(schedule["last_month"])]["SUMMARY"]) == (
        "Ouvrir ses droits à l'assurance maladie"
    )


def test_cancelled_permanence_is_a_cancelled_event_that_says_why(client, schedule):
    events = events_by_uid(parse(client.get("/agenda.ics")))

    cancelled = events[uid(schedule["winter_time"])]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    description = str(cancelled["DESCRIPTION"])
    assert description.startswith("Annulée : Conseiller malade")
    assert "Langues parlées : français, arabe" in description


def test_uid_is_stable_from_one_download_to_the_next(client, schedule):
    first = set(events_by_uid(parse(client.get("/agenda.ics"))))
    second = set(events_by_uid(parse(client.get("/agenda.ics"))))

    assert first == second


def test_lines_follow_rfc_5545(client, schedule):
    body = client.get("/agenda.ics").content

    assert body.startswith(b"BEGIN:VCALENDAR\r\n") and body.endswith(b"END:VCALENDAR\r\n")
    for line in body.split(b"\r\n"):
        assert len(line) <= 75, line  # long lines are folded


def test_place_feed_has_only_that_place(client, schedule):
    calendar = parse(client.get("/agenda/lieux/bus-justices.ics"))

    assert set(events_by_uid(calendar)) == {
        uid(schedule["summer_time"]),
        uid(schedule["spring"]),
    }
    assert str(calendar["X-WR-CALNAME"]) == "Agenda : Bus Mairie, place des Justices"


def test_theme_feed_takes_the_half_days_theme_and_the_sub_themes_of_a_category(client, schedule):
    calendar = parse(client.get("/agenda/themes/sante.ics"))

    assert set(events_by_uid(calendar)) == {
        uid(schedule["last_month"]),  # its service is about access to care
        uid(schedule["spring"]),  # the half-day is about access to care
    }
    assert str(calendar["X-WR-CALNAME"]) == "Agenda « Santé »"


@pytest.mark.parametrize("path", ["/agenda/lieux/nulle-part.ics", "/agenda/themes/atlantide.ics"])
def test_unknown_place_or_theme_answers_404(client, schedule, path):
    assert client.get(path).status_code == 404


def test_feed_leaves_out_unpublished_services(client, schedule, directory):
    directory["impots"].is_published = False
    directory["impots"].save(update_fields=["is_published"])

    events = events_by_uid(parse(client.get("/agenda.ics")))

    assert uid(schedule["summer_time"]) not in events
