"""Weekly opening hours: plain French, the OpenStreetMap ``opening_hours`` syntax (the
format data·inclusion v1 asks for), and "open now" in the Europe/Paris time zone.

French public holidays count as closed (``PH off``).
"""

from collections import defaultdict
from datetime import datetime

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
