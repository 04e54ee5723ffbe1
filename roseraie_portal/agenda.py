"""The agenda: what is scheduled at the directory's places, whichever app schedules it
(permanences today, ateliers next), for the agenda page, its iCalendar feeds and the
printed programme of the month.

An app registers a source in its ``AppConfig.ready()`` (``register("permanence",
source)``). A source answers an ``AgendaQuery`` with ``AgendaItem``s in time order; the
agenda merges the sources' answers and shows each item with its source's template.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from heapq import merge
from itertools import groupby
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Protocol

from django.utils.translation import gettext_lazy

from roseraie_portal import pictograms

if TYPE_CHECKING:  # content_language defines a model: apps import this module first
    from roseraie_portal.content_language import ShownText

# The pictogram of an item whose theme has none, and what it stands for on the programme.
GENERIC_PICTOGRAM = "info"
GENERIC_LEGEND = gettext_lazy("Autres démarches")


def pictogram_and_legend(thematique) -> tuple[str, str]:
    """The pictogram of a theme's category (a directory's Thematique, or None) and what it
    stands for; the generic one when the category has none."""
    category = None
    if thematique is not None:
        category = thematique.parent if thematique.parent_id else thematique
    if category is not None and pictograms.exists(category.pictogram):
        return category.pictogram, category.display_name
    return GENERIC_PICTOGRAM, str(GENERIC_LEGEND)


@dataclass(frozen=True)
class AgendaQuery:
    """What the agenda asks of every source. ``theme``, ``lieu`` and ``quartier`` are the
    directory's rows (or None for any); ``still_to_come_at`` leaves out what is over by
    then; ``last_day`` None means no end."""

    first_day: date
    last_day: date | None = None
    still_to_come_at: datetime | None = None
    theme: Any = None
    lieu: Any = None
    quartier: Any = None
    kinds: tuple[str, ...] | None = None  # the sources asked; None: every one


@dataclass(frozen=True)
class AgendaItem:
    """One dated thing of the agenda, as its source describes it."""

    kind: str  # the source's name: "permanence"
    uid: str  # stable, so that a calendar updates the event rather than duplicating it
    date: date
    start_time: time
    end_time: time
    # What it is about (the half-day's theme, else the service), in the reader's language
    # or in French for want of a translation: templates mark it with {% lang_attrs %}.
    title: "ShownText"
    pictogram: str  # of the theme's category
    legend: str  # what the pictogram stands for on the printed programme
    lieu: Any  # the directory's Lieu
    url: str  # the path of the page that tells more
    description: str  # what a calendar application shows
    template: str  # how the agenda page shows it: {% include template with item=item %}
    obj: Any  # the row itself, for that template
    cancelled: bool = False
    cancellation_reason: str = ""
    appointment_required: bool = False
    categories: tuple[str, ...] = field(default=())


class AgendaSource(Protocol):
    label: str  # what the source's items are, plural: "Permanences"

    def items(self, query: AgendaQuery) -> list[AgendaItem]:
        """The query's items, in order of date and start time."""

    def first_day(self, query: AgendaQuery) -> date | None:
        """The first day on or after ``query.first_day`` that has an item."""

    def lieu_ids(self):
        """The ids of the places where the source schedules things (a values queryset)."""


_sources: dict[str, AgendaSource] = {}


def register(kind: str, source: AgendaSource) -> None:
    _sources[kind] = source


def sources() -> list[AgendaSource]:
    return list(_sources.values())


def kinds() -> list[tuple[str, str]]:
    """(kind, label) of every source, for a filter."""
    return [(kind, str(source.label)) for kind, source in _sources.items()]


def _asked(query: AgendaQuery) -> list[AgendaSource]:
    return [
        source for kind, source in _sources.items() if query.kinds is None or kind in query.kinds
    ]


def items(query: AgendaQuery) -> list[AgendaItem]:
    """The asked sources' items, merged in time order."""
    return list(
        merge(
            *(source.items(query) for source in _asked(query)), key=attrgetter("date", "start_time")
        )
    )


def first_day(query: AgendaQuery) -> date | None:
    days = [day for source in _asked(query) if (day := source.first_day(query))]
    return min(days, default=None)


def by_day(agenda_items: Iterable[AgendaItem]) -> list[dict]:
    """[{"date": day, "items": [AgendaItem, …]}, …], in the items' order."""
    return [
        {"date": day, "items": list(group)}
        for day, group in groupby(agenda_items, key=attrgetter("date"))
    ]


def legend(agenda_items: Iterable[AgendaItem]) -> list[dict]:
    """The pictograms of the items, each once, with what it stands for."""
    seen: dict[str, str] = {}
    for item in agenda_items:
        seen.setdefault(item.pictogram, item.legend)
    return [{"pictogram": name, "label": label} for name, label in seen.items()]
