"""The printed month: every agenda source's items of one month (permanences, ateliers:
roseraie_portal/agenda.py) laid out as the programme the Mairie Bus hands out, weeks in
rows, weekdays in columns, a morning and an afternoon in each day.

The items come from ``agenda.items`` (one query per source, whatever the month holds);
the layout is plain Python over them."""

import textwrap
from collections import Counter
from dataclasses import dataclass
from datetime import date, time, timedelta
from operator import attrgetter
from typing import Any

from dateutil.relativedelta import relativedelta
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy

from roseraie_portal import agenda
from roseraie_portal.agenda import AgendaItem, AgendaQuery

# What starts before half past twelve is the morning's; later, the afternoon's (evenings
# are rare enough to share its row).
AFTERNOON_STARTS = time(12, 30)
WORKING_DAYS = range(5)  # Monday to Friday, always shown; Saturday and Sunday when used

# What one A4 landscape page holds at the printed size (print_month.css: 11pt), measured
# with Chromium (tests/browser/test_print_month_pdf.py): lines of text down the page
# (the days' header, each week's dates, each half-day's row), and the characters of a
# line in a day's column, by the number of columns.
LINES_PER_PAGE = 44
CHARACTERS_PER_LINE = {5: 21, 6: 18, 7: 14}
HALF_DAY_HEADER_LINES = 2  # "Après-midi" takes two lines of its narrow column


@dataclass(frozen=True)
class HalfDay:
    key: str  # "matin" or "apres-midi", for ids
    label: str
    usual_hours: tuple[time, time] | None  # the month's most common hours for this half


MORNING = "matin"
AFTERNOON = "apres-midi"
HALF_DAY_LABELS = {MORNING: gettext_lazy("Matin"), AFTERNOON: gettext_lazy("Après-midi")}


@dataclass(frozen=True)
class Stop:
    number: int  # what a half-day's cell shows on paper, before its theme
    lieu: Any  # the directory's Lieu


@dataclass(frozen=True)
class Entry:
    item: AgendaItem
    stop: Stop
    own_hours: bool  # its hours are not its half-day's usual ones: the cell says them


@dataclass(frozen=True)
class Cell:
    """One half-day of one date; ``day`` None when the column's date is in another month."""

    day: date | None
    weekday: int  # 0 for Monday, as date.weekday()
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Row:
    half_day: HalfDay
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Week:
    monday: date
    days: tuple[date | None, ...]  # the columns' dates, None outside the month
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class MonthCalendar:
    month: date
    items: list[AgendaItem]
    weekdays: list[dict]  # {"number": 0…6, "name": "lundi"}, the columns
    weeks: list[Week]
    half_days: list[HalfDay]
    legend: list[dict]  # agenda.legend: each pictogram once, with what it stands for
    stops: list[Stop]  # by name, numbered
    fits_one_page: bool

    @property
    def days(self) -> list[dict]:
        """The items day by day (agenda.by_day), as the agenda page has them."""
        return agenda.by_day(self.items)


def half_day_of(item: AgendaItem) -> str:
    return MORNING if item.start_time < AFTERNOON_STARTS else AFTERNOON


def _usual_hours(items: list[AgendaItem]) -> tuple[time, time] | None:
    counts = Counter((item.start_time, item.end_time) for item in items)
    if not counts:
        return None
    # The most common hours; on a tie, the earliest.
    return min(counts, key=lambda hours: (-counts[hours], hours))


def _lines(entry: Entry, characters: int) -> int:
    """The lines an entry takes on paper, where its stop's number, its pictogram, its
    theme and its details (own hours, "Sur rendez-vous" or "Annulée") flow on."""
    item = entry.item
    details = [
        "De 00 h 00 à 00 h 00" if entry.own_hours else "",  # the longest hours can be
        "Annulée" if item.cancelled else "Sur rendez-vous" if item.appointment_required else "",
    ]
    text = " · ".join([f"{entry.stop.number} ** {item.title}", *filter(None, details)])
    return len(textwrap.wrap(text, characters, break_long_words=False))


def _cell(day: date | None, weekday: int, half_day: HalfDay, by_slot: dict, stops: dict):
    return Cell(
        day=day,
        weekday=weekday,
        entries=tuple(
            Entry(
                item=item,
                stop=stops[item.lieu.pk],
                own_hours=(item.start_time, item.end_time) != half_day.usual_hours,
            )
            for item in by_slot.get((day, half_day.key), ())
        ),
    )


def _weeks(month: date, weekdays: list[int], half_days: list[HalfDay], by_slot: dict, stops):
    """The weeks that have at least one of the month's days in the columns shown."""
    following = month + relativedelta(months=1)
    monday = month - timedelta(days=month.weekday())
    while monday < following:
        dates = [monday + timedelta(days=weekday) for weekday in weekdays]
        days = tuple(day if month <= day < following else None for day in dates)
        if any(days):
            rows = tuple(
                Row(
                    half_day=half_day,
                    cells=tuple(
                        _cell(day, weekday, half_day, by_slot, stops)
                        for day, weekday in zip(days, weekdays, strict=True)
                    ),
                )
                for half_day in half_days
            )
            yield Week(monday=monday, days=days, rows=rows)
        monday += timedelta(weeks=1)


def printed_lines(weeks: list[Week], columns: int) -> int:
    """The lines of text the month takes down the printed page: each row as tall as its
    fullest cell, and never less than its header."""
    characters = CHARACTERS_PER_LINE[columns]
    rows = sum(
        max(
            HALF_DAY_HEADER_LINES,
            *(sum(_lines(entry, characters) for entry in cell.entries) for cell in row.cells),
        )
        for week in weeks
        for row in week.rows
    )
    return 1 + len(weeks) + rows


def month_calendar(month: date) -> MonthCalendar:
    """The programme of ``month`` (its first day): every source's items of the month."""
    following = month + relativedelta(months=1)
    items = agenda.items(AgendaQuery(first_day=month, last_day=following - timedelta(days=1)))
    by_slot: dict[tuple[date, str], list[AgendaItem]] = {}
    for item in items:
        by_slot.setdefault((item.date, half_day_of(item)), []).append(item)
    half_days = [
        HalfDay(
            key=key,
            label=str(HALF_DAY_LABELS[key]),
            usual_hours=_usual_hours([item for item in items if half_day_of(item) == key]),
        )
        for key in (MORNING, AFTERNOON)
    ]
    used = {item.date.weekday() for item in items}
    weekdays = sorted(set(WORKING_DAYS) | used)
    lieux = sorted({item.lieu.pk: item.lieu for item in items}.values(), key=attrgetter("name"))
    stops = {lieu.pk: Stop(number=number, lieu=lieu) for number, lieu in enumerate(lieux, 1)}
    weeks = list(_weeks(month, weekdays, half_days, by_slot, stops))
    return MonthCalendar(
        month=month,
        items=items,
        weekdays=[{"number": number, "name": WEEKDAYS[number]} for number in weekdays],
        weeks=weeks,
        half_days=half_days,
        legend=agenda.legend(items),
        stops=list(stops.values()),
        fits_one_page=printed_lines(weeks, len(weekdays)) <= LINES_PER_PAGE,
    )
