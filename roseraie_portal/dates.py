"""Plausible dates (issue 11): the range a date that people type may fall in, per use,
and the one check that says, in plain French, when it does not ("Cette date semble
fausse : …"). An accompaniment dated 0001-01-01 or 1900-01-01, an appointment in 2099: a
slip of the finger, a year typed on two digits, or a robot.

A range is relative to today, both ends included. The ranges of the portal:

- the log's date (permanences/forms/log.py): 5 years back, the retention (older entries
  are purged), to today;
- an orientation's appointment (services/forms/orientations.py): today to 1 year ahead
  (APPOINTMENT);
- the agenda's first day, ``?du=`` (permanences/forms/schedule.py): 3 years back (an old
  bookmark; the agenda starts from today anyway) to 366 days ahead;
- the printed month, ``?mois=`` (permanences/forms/schedule.py), and the admin's
  permanences, rules, ateliers and cycles (their forms, with PlausibleDates): 3 years
  back to 3 years ahead (SCHEDULE);
- the admin's freshness of a service, updated and verified on (services/forms/
  directory.py): 10 years back to today (FRESHNESS);
- already bounded before: the ateliers' month filter (last year to two years ahead) and
  the bilans' year (FIRST_YEAR to this year).

Where a use already says something more precise about one side ("La date ne peut pas
être dans le futur.", "Le rendez-vous ne peut pas être dans le passé."), it checks that
side first, with its words, and this check then only ever speaks for the other side.
In the admin, a date left as it was is not judged again: an old permanence can still be
corrected.
"""

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

CODE = "implausible_date"


@dataclass(frozen=True)
class DateRange:
    """From ``back`` before today to ``ahead`` after it, both days included."""

    back: relativedelta
    ahead: relativedelta

    def bounds(self, today: date | None = None) -> tuple[date, date]:
        today = today or timezone.localdate()
        return today - self.back, today + self.ahead

    def month_bounds(self, today: date | None = None) -> tuple[date, date]:
        """The first days of the first and the last months of the range."""
        first, last = self.bounds(today)
        return first.replace(day=1), last.replace(day=1)


# The admin's permanences, rules, ateliers and cycles, the printed month.
SCHEDULE = DateRange(back=relativedelta(years=3), ahead=relativedelta(years=3))
# When a service was last updated or verified: never in the future.
FRESHNESS = DateRange(back=relativedelta(years=10), ahead=relativedelta())
# An appointment given to a resident.
APPOINTMENT = DateRange(back=relativedelta(), ahead=relativedelta(years=1))


def plausible_date(value: date | None, *, within: DateRange, today: date | None = None) -> None:
    """Raise a ValidationError (code ``implausible_date``) when ``value`` is outside
    ``within``; None (an empty optional field) passes."""
    if value is None:
        return
    first, last = within.bounds(today)
    if not first <= value <= last:
        raise ValidationError(
            _("Cette date semble fausse : choisissez une date entre le %(first)s et le %(last)s."),
            code=CODE,
            params={"first": date_format(first, "j F Y"), "last": date_format(last, "j F Y")},
        )


def plausible_month(value: date | None, *, within: DateRange, today: date | None = None) -> None:
    """The same for a month, given as its first day."""
    if value is None:
        return
    first, last = within.month_bounds(today)
    if not first <= value.replace(day=1) <= last:
        raise ValidationError(
            _("Cette date semble fausse : choisissez un mois entre %(first)s et %(last)s."),
            code=CODE,
            params={"first": date_format(first, "F Y"), "last": date_format(last, "F Y")},
        )


class PlausibleDates:
    """For a form (the admin's): ``plausible_dates = {"date": SCHEDULE}`` checks each
    named date field that the form has and that was changed."""

    plausible_dates: dict[str, DateRange] = {}

    def clean(self):
        cleaned = super().clean()
        for name, within in self.plausible_dates.items():
            if name not in self.fields or name not in self.changed_data:
                continue
            try:
                plausible_date(cleaned.get(name), within=within)
            except ValidationError as error:
                self.add_error(name, error)
        return cleaned
