"""How the diagnostics and bilans write their numbers, on the page, in the charts and in
the CSV files: grouped thousands, the markers of hidden counts, percentages, signed
changes, durations."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from diagnostics.disclosure import MASKED, is_hidden


def figure(value) -> str:
    """A count as a reader reads it: grouped thousands ("1 234"), "< 5" or "masqué"."""
    if value is None:
        return "–"
    if value == MASKED:
        return _("masqué")
    if isinstance(value, str):
        return value
    return formats.number_format(value, force_grouping=True)


def percent(rate, *, decimals: int = 0) -> str:
    """A share or a rate: "35 %"; "–" when there is none, or when it would give a hidden
    count away (a share of "< 5" is not "less than 5 %")."""
    if rate is None or is_hidden(rate):
        return "–"
    number = formats.number_format(rate * 100, decimal_pos=decimals)
    return _("%(number)s %%") % {"number": number}


def signed(change) -> str:
    """A change from last year: "+12", "−3", "0", or "masqué"."""
    if change is None:
        return "–"
    if is_hidden(change):
        return figure(change)
    if change > 0:
        return "+" + figure(change)
    if change < 0:
        return "−" + figure(-change)
    return "0"


def duration(delta) -> str:
    """A time taken, rounded: "5 heures" under a day, "3 jours" beyond."""
    hours = delta.total_seconds() / 3600
    if hours < 24:
        count = max(1, round(hours))
        return ngettext("%(count)d heure", "%(count)d heures", count) % {"count": count}
    count = round(hours / 24)
    return ngettext("%(count)d jour", "%(count)d jours", count) % {"count": count}
