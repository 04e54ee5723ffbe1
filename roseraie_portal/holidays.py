"""French public holidays: the directory's places are closed, no permanence is held.

School holidays depend on the académie and are entered by coordinators (permanences'
``SchoolHoliday``); public holidays are the law's, computed by the ``holidays`` package.
"""

from datetime import date
from functools import cache

import holidays


@cache
def _french_holidays(year: int) -> holidays.HolidayBase:
    return holidays.France(years=year)


def is_public_holiday(day: date) -> bool:
    return day in _french_holidays(day.year)
