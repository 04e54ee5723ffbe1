from datetime import date, datetime, time
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from roseraie_portal.holidays import is_public_holiday
from services.opening_hours import describe, is_open, parse_osm, to_osm

PARIS = ZoneInfo("Europe/Paris")


def slot(weekday, opens, closes):
    return SimpleNamespace(weekday=weekday, opens=opens, closes=closes)


WEEK = [
    slot(0, time(9), time(12)),
    slot(3, time(9), time(12)),
    slot(1, time(14), time(17, 30)),
    slot(3, time(14), time(17)),
]


def test_hours_export_in_openstreetmap_syntax_with_holidays_closed():
    assert to_osm([slot(0, time(9), time(12)), slot(3, time(9), time(12))]) == (
        "Mo,Th 09:00-12:00; PH off"
    )
    assert to_osm(WEEK) == "Mo 09:00-12:00; Tu 14:00-17:30; Th 09:00-12:00,14:00-17:00; PH off"
    assert to_osm([]) == ""


def test_hours_read_in_plain_french():
    with translation.override("fr"):
        assert describe(WEEK) == [
            "Le lundi de 9 h à 12 h",
            "Le mardi de 14 h à 17 h 30",
            "Le jeudi de 9 h à 12 h et de 14 h à 17 h",
        ]


def test_open_now_is_computed_in_paris_time():
    # 13:30 UTC is 14:30 in Paris in November: the Tuesday afternoon slot is open.
    tuesday = datetime(2026, 11, 24, 13, 30, tzinfo=ZoneInfo("UTC"))

    assert is_open(WEEK, tuesday)
    assert not is_open(WEEK, datetime(2026, 11, 24, 17, 30, tzinfo=PARIS))  # closing time
    assert not is_open(WEEK, datetime(2026, 11, 25, 10, 0, tzinfo=PARIS))  # Wednesday


def test_french_public_holidays_are_closed():
    assert is_public_holiday(date(2026, 5, 1))
    assert is_public_holiday(date(2027, 3, 29))  # Easter Monday moves every year
    # Monday 25 May 2026 is Whit Monday: the Monday slot does not open.
    assert not is_open(WEEK, datetime(2026, 5, 25, 10, 0, tzinfo=PARIS))
    assert is_open(WEEK, datetime(2026, 6, 1, 10, 0, tzinfo=PARIS))


def test_simple_osm_hours_are_parsed_with_later_rules_winning():
    slots = parse_osm("Mo-We,Fr 09:00-12:00, 14:00-17:00; We 14:00-16:00; PH off")

    assert slots == [
        (0, time(9), time(12)),
        (0, time(14), time(17)),
        (1, time(9), time(12)),
        (1, time(14), time(17)),
        (2, time(14), time(16)),
        (4, time(9), time(12)),
        (4, time(14), time(17)),
    ]


@pytest.mark.parametrize(
    "text", ["24/7", "Mo-Fr 08:00-12:00 off", "Mo 12:00-09:00", "Jan Mo 09:00-12:00", "Mo"]
)
def test_other_osm_hours_are_not_understood(text):
    assert parse_osm(text) is None
