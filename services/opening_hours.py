"""Weekly opening hours: plain French, the OpenStreetMap ``opening_hours`` syntax (the
format data·inclusion v1 asks for), and "open now" in the Europe/Paris time zone.

French public holidays count as closed (``PH off``).
"""

import re
from collections import defaultdict
from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext as _

from roseraie_portal.holidays import is_public_holiday
from roseraie_portal.hours import format_hour
from services.enums import Weekday

OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


def _by_day(slots) -> dict[int, list]:
    days = defaultdict(list)
    for slot in sorted(slots, key=lambda slot: (slot.weekday, slot.opens)):
        days[slot.weekday].append(slot)
    return days


def to_osm(slots) -> str:
    """``Mo,Th 09:00-12:00; Tu 14:00-17:00; PH off``: days sharing the same hours grouped."""
    days = _by_day(slots)
    if not days:
        return ""
    groups: dict[str, list[int]] = defaultdict(list)
    for weekday, day_slots in days.items():
        hours = ",".join(f"{slot.opens:%H:%M}-{slot.closes:%H:%M}" for slot in day_slots)
        groups[hours].append(weekday)
    rules = [
        f"{','.join(OSM_DAYS[day] for day in weekdays)} {hours}"
        for hours, weekdays in sorted(groups.items(), key=lambda item: item[1][0])
    ]
    return "; ".join([*rules, "PH off"])


def describe(slots) -> list[str]:
    """One plain-French sentence per open day: "Le mardi de 14 h à 17 h"."""
    lines = []
    conjunction = " " + _("et") + " "
    for weekday, day_slots in _by_day(slots).items():
        ranges = [
            _("de %(opens)s à %(closes)s")
            % {"opens": format_hour(slot.opens), "closes": format_hour(slot.closes)}
            for slot in day_slots
        ]
        lines.append(
            _("Le %(day)s %(ranges)s")
            % {"day": Weekday(weekday).label, "ranges": conjunction.join(ranges)}
        )
    return lines


def is_open(slots, moment: datetime | None = None) -> bool:
    local = timezone.localtime(moment)
    if is_public_holiday(local.date()):
        return False
    now = local.time()
    return any(
        slot.weekday == local.weekday() and slot.opens <= now < slot.closes for slot in slots
    )


def parse_osm(text: str) -> list[tuple[int, time, time]] | None:
    """Weekly slots of a simple OpenStreetMap ``opening_hours`` string, or ``None``.

    Understands rules like ``Mo-Fr 08:30-12:30,13:30-17:00; Sa 09:00-12:00; PH off`` (a
    later rule replaces an earlier one for its days, as in OSM). Anything else (weeks,
    months, "off" days, 24/7, comments) is not understood.
    """
    day = "|".join(OSM_DAYS)
    days_pattern = re.compile(rf"^({day})(?:-({day}))?$")
    hours_pattern = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")
    by_day: dict[int, list[tuple[time, time]]] = {}
    for rule in filter(None, (part.strip() for part in text.split(";"))):
        if rule == "PH off":  # Public holidays are closed here anyway.
            continue
        days_part, _space, hours_part = rule.partition(" ")
        days: list[int] = []
        for item in days_part.split(","):
            match = days_pattern.match(item)
            if not match:
                return None
            start = OSM_DAYS.index(match[1])
            end = OSM_DAYS.index(match[2] or match[1])
            days += [(start + step) % 7 for step in range((end - start) % 7 + 1)]
        ranges = []
        for item in hours_part.replace(" ", "").split(","):
            match = hours_pattern.match(item)
            if not match:
                return None
            opens, closes = time(int(match[1]), int(match[2])), time(int(match[3]), int(match[4]))
            if opens >= closes:
                return None
            ranges.append((opens, closes))
        for weekday in days:
            by_day[weekday] = ranges
    return sorted((weekday, *times) for weekday, ranges in by_day.items() for times in ranges)
