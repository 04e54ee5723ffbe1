"""Charts drawn on the server: the geometry here, the SVG in templates
(templates/diagnostics/charts/), no JavaScript, no style attribute (the Content Security
Policy forbids them: colours come from classes of diagnostics.css).

Each chart has a title and a one-sentence summary; the page shows the data table beside
it, which is what screen readers read (the SVG is hidden from them) and what a printed
page keeps. A hidden number ("< 5", "masqué") draws no bar and says so. Right-to-left pages get a
mirrored drawing, bars growing from the right.
"""

import math
from dataclasses import dataclass, field

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from diagnostics.bilans import OTHERS
from diagnostics.disclosure import HIDDEN, MASKED, cell, is_hidden, row_total
from diagnostics.formats import figure, percent

# Drawn at about its own size on a phone (360 px) and a little larger on a desk, so that
# its 12-unit text stays readable without taking the page.
WIDTH = 360
LABEL_CHARACTERS = 52
# Horizontal bars: a label line, then the bar with its value; the longest ten.
ROW_HEIGHT = 32
BAR_HEIGHT = 12
VALUE_ROOM = 60
MAX_BARS = 10
# The monthly chart.
PLOT_TOP, PLOT_HEIGHT, AXIS_ROOM = 12, 150, 46
MONTH_CHART_HEIGHT = PLOT_TOP + PLOT_HEIGHT + 46
HEAT_LEVELS = 5


@dataclass
class Bar:
    label: str
    value: int | str
    text: str
    label_x: float = 0
    label_y: float = 0
    x: float = 0
    y: float = 0
    width: float = 0
    value_x: float = 0
    value_y: float = 0


@dataclass
class BarChart:
    title: str
    summary: str
    bars: list[Bar]
    anchor: str = "start"  # where labels hang from
    value_anchor: str = "start"
    width: int = WIDTH

    @property
    def height(self) -> int:
        return max(len(self.bars), 1) * ROW_HEIGHT

    @property
    def drawn(self) -> bool:
        """Whether a bar shows at all: when every count is hidden, the sentence says so
        and nothing is drawn."""
        return any(bar.width for bar in self.bars)


def bar_chart(title: str, items: list[tuple[str, int | str]], *, rtl: bool, summary: str):
    """Horizontal bars for the longest (label, shown value) pairs, longest first; hidden
    numbers ("< 5", "masqué") after them."""
    items = sorted(items, key=lambda item: -item[1] if isinstance(item[1], int) else 1)
    items = items[:MAX_BARS]
    numbers = [value for _label, value in items if isinstance(value, int)]
    longest = max(numbers, default=0)
    room = WIDTH - VALUE_ROOM
    bars = []
    for index, (label, value) in enumerate(items):
        length = room * value / longest if isinstance(value, int) and longest else 0
        top = index * ROW_HEIGHT
        bar = Bar(label=_shortened(label), value=value, text=figure(value), width=round(length, 1))
        bar.label_y = top + 11
        bar.y = top + 15
        bar.value_y = top + 25
        if rtl:
            bar.label_x = WIDTH
            bar.x = round(WIDTH - length, 1)
            bar.value_x = round(WIDTH - length - 4, 1)
        else:
            bar.x = 0
            bar.value_x = round(length + 4, 1)
        bars.append(bar)
    anchor = "end" if rtl else "start"
    return BarChart(title, summary, bars, anchor=anchor, value_anchor=anchor)


def _shortened(label: str) -> str:
    if len(label) <= LABEL_CHARACTERS:
        return label
    return label[: LABEL_CHARACTERS - 1].rstrip() + "…"


def ranking_summary(items: list[tuple[str, int | str]], total) -> str:
    """ "En tête : « X » (120, 35 %), puis « Y » (80)." from (label, shown value)."""
    shown = sorted(
        ((label, value) for label, value in items if isinstance(value, int) and value > 0),
        key=lambda item: -item[1],
    )
    if not shown:
        if any(is_hidden(value) for _label, value in items):
            return _("Trop peu de personnes pour détailler : les nombres sous 5 sont masqués.")
        return _("Aucune donnée pour cette période.")
    (first, first_value), *others = shown
    values = {"label": first, "value": _with_share(first_value, total)}
    if not others:
        return _("En tête : « %(label)s » (%(value)s).") % values
    second, second_value = others[0]
    values.update(second=second, second_value=figure(second_value))
    return _("En tête : « %(label)s » (%(value)s), puis « %(second)s » (%(second_value)s).") % (
        values
    )


def _with_share(value: int, total) -> str:
    if isinstance(total, int) and total:
        return _("%(value)s, soit %(share)s") % {
            "value": figure(value),
            "share": percent(value / total),
        }
    return figure(value)


@dataclass
class Column:
    label: str
    current: int | str
    previous: int | str | None
    x: float = 0
    current_y: float = 0
    current_height: float = 0
    previous_x: float = 0
    previous_y: float = 0
    previous_height: float = 0
    label_x: float = 0


@dataclass
class MonthChart:
    title: str
    summary: str
    columns: list[Column]
    gridlines: list[dict] = field(default_factory=list)
    legend: list[dict] = field(default_factory=list)
    bar_width: float = 9
    axis_x: float = 0
    axis_anchor: str = "end"
    legend_anchor: str = "start"
    baseline: float = PLOT_TOP + PLOT_HEIGHT
    label_y: float = PLOT_TOP + PLOT_HEIGHT + 16
    width: int = WIDTH
    height: int = MONTH_CHART_HEIGHT


def month_chart(
    title: str,
    current: list[int | str],
    previous: list[int | str] | None,
    *,
    year: int,
    rtl: bool,
    summary: str,
) -> MonthChart:
    """Twelve months of this year, each beside last year's when given."""
    numbers = [value for value in [*current, *(previous or [])] if isinstance(value, int)]
    top = _rounded_up(max(numbers, default=0))
    slot = (WIDTH - AXIS_ROOM) / 12
    bar_width = round(slot * 0.38, 1)

    def height(value):
        return round(PLOT_HEIGHT * value / top, 1) if isinstance(value, int) and top else 0

    def place(x, width):
        return round(WIDTH - x - width, 1) if rtl else round(x, 1)

    columns = []
    for index, value in enumerate(current):
        start = AXIS_ROOM + index * slot
        column = Column(
            label=str(index + 1),
            current=value,
            previous=previous[index] if previous else None,
        )
        column.current_height = height(value)
        column.current_y = round(PLOT_TOP + PLOT_HEIGHT - column.current_height, 1)
        column.x = place(start + slot / 2, bar_width)
        if previous:
            column.previous_height = height(previous[index])
            column.previous_y = round(PLOT_TOP + PLOT_HEIGHT - column.previous_height, 1)
            column.previous_x = place(start + slot / 2 - bar_width, bar_width)
        column.label_x = place(start + slot / 2, 0)
        columns.append(column)
    gridlines = [
        {
            "y": round(PLOT_TOP + PLOT_HEIGHT - PLOT_HEIGHT * step / 2, 1),
            "text": figure(top * step // 2),
        }
        for step in (0, 1, 2)
        if top or step == 0
    ]
    legend_y = PLOT_TOP + PLOT_HEIGHT + 34
    legend = []
    if previous:
        legend.append(
            {"label": str(year), "class": "chart-bar", "x": place(AXIS_ROOM, 12), "y": legend_y}
        )
        legend.append(
            {
                "label": str(year - 1),
                "class": "chart-bar-previous",
                "x": place(AXIS_ROOM + 90, 12),
                "y": legend_y,
            }
        )
    for item in legend:
        item["text_x"] = round(item["x"] - 4, 1) if rtl else round(item["x"] + 16, 1)
    return MonthChart(
        title=title,
        summary=summary,
        columns=columns,
        gridlines=gridlines,
        legend=legend,
        bar_width=bar_width,
        axis_x=WIDTH - AXIS_ROOM + 4 if rtl else AXIS_ROOM - 4,
        axis_anchor="start" if rtl else "end",
        legend_anchor="end" if rtl else "start",
    )


def _rounded_up(value: int) -> int:
    """A round top for an axis: 10, 20, 50, 100, 200, 500…"""
    if value <= 0:
        return 0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def months_summary(*, year, total, previous_total, months: list[tuple[str, int | str]]) -> str:
    """ "1 234 accompagnements en 2026, 12 % de plus qu'en 2025. Le mois le plus chargé :
    mars (150)." """
    if total == HIDDEN:
        return _("Moins de 5 accompagnements en %(year)s.") % {"year": year}
    if total == MASKED:
        return _(
            "Le nombre d’accompagnements de %(year)s est masqué, pour qu’on ne puisse pas "
            "retrouver de petits nombres."
        ) % {"year": year}
    values = {"count": figure(total), "year": year, "previous": year - 1}
    change = None
    if isinstance(previous_total, int) and previous_total:
        change = (total - previous_total) / previous_total
        values["share"] = percent(abs(change), decimals=0 if abs(change) >= 0.1 else 1)
    if change is None:
        sentence = ngettext(
            "%(count)s accompagnement en %(year)s.",
            "%(count)s accompagnements en %(year)s.",
            total,
        )
    elif change > 0:
        sentence = ngettext(
            "%(count)s accompagnement en %(year)s, %(share)s de plus qu’en %(previous)s.",
            "%(count)s accompagnements en %(year)s, %(share)s de plus qu’en %(previous)s.",
            total,
        )
    elif change < 0:
        sentence = ngettext(
            "%(count)s accompagnement en %(year)s, %(share)s de moins qu’en %(previous)s.",
            "%(count)s accompagnements en %(year)s, %(share)s de moins qu’en %(previous)s.",
            total,
        )
    else:
        sentence = ngettext(
            "%(count)s accompagnement en %(year)s, autant qu’en %(previous)s.",
            "%(count)s accompagnements en %(year)s, autant qu’en %(previous)s.",
            total,
        )
    sentence %= values
    return sentence + _busiest(months)


def period_summary(total, months: list[tuple[str, int | str]]) -> str:
    """ "3 210 accompagnements en 12 mois. Le mois le plus chargé : mars 2026 (320)." """
    if total == HIDDEN:
        return _("Moins de 5 accompagnements sur la période.")
    if total == MASKED:
        return _(
            "Le nombre d’accompagnements de la période est masqué, pour qu’on ne puisse pas "
            "retrouver de petits nombres."
        )
    sentence = ngettext(
        "%(count)s accompagnement en 12 mois.", "%(count)s accompagnements en 12 mois.", total
    ) % {"count": figure(total)}
    return sentence + _busiest(months)


def _busiest(months: list[tuple[str, int | str]]) -> str:
    """ " Le mois le plus chargé : mars (150)." when a month shows a count."""
    busiest = max(
        ((label, value) for label, value in months if isinstance(value, int) and value > 0),
        key=lambda item: item[1],
        default=None,
    )
    if busiest is None:
        return ""
    return " " + _("Le mois le plus chargé : %(month)s (%(count)s).") % {
        "month": busiest[0],
        "count": figure(busiest[1]),
    }


def heat_level(value, highest: int) -> str:
    """The class of a cell of a heat table: heat-0 (none) to heat-5 (the most), or
    heat-hidden."""
    if is_hidden(value):
        return "heat-hidden"
    if not value or not highest:
        return "heat-0"
    return f"heat-{max(1, math.ceil(HEAT_LEVELS * value / highest))}"


def for_bilan(bilan, *, rtl: bool) -> None:
    """Give each section of the accompaniments its chart: the months of the year beside
    last year's, and a bar chart of each breakdown's year totals."""
    months = bilan.monthly
    line = months.lines[0]
    previous = months.previous_table
    months.chart = month_chart(
        months.title,
        line.cells,
        previous.lines()[0]["cells"] if previous is not None else None,
        year=bilan.year,
        rtl=rtl,
        summary=months_summary(
            year=bilan.year,
            total=line.total,
            previous_total=line.previous,
            months=list(zip(month_names(), line.cells, strict=True)),
        ),
    )
    for section in bilan.accompaniments[1:]:
        # "Autres" adds up rows of every size: it is in the table, not among the bars.
        items = [(line.label, line.total) for line in section.lines if line.key != OTHERS]
        total = section.totals.total if section.totals is not None else None
        section.chart = bar_chart(
            section.title, items, rtl=rtl, summary=ranking_summary(items, total)
        )


def month_names() -> list[str]:
    return [str(MONTHS[month]) for month in range(1, 13)]


def for_demand(demand, *, rtl: bool) -> dict:
    """The charts of a diagnostic's cartography of needs."""
    months = [
        (label, demand.months.shown(cell("n", month))) for month, label in demand.months.columns
    ]
    themes = demand.place_theme
    theme_items = [
        (label, themes.shown(row_total(key))) for key, label in themes.rows if key != OTHERS
    ]
    charts = {
        "mois": month_chart(
            demand.months.title,
            [value for _label, value in months],
            None,
            year=0,
            rtl=rtl,
            summary=period_summary(demand.months.shown_total, months),
        ),
        "themes": bar_chart(
            _("Les thèmes les plus demandés"),
            theme_items,
            rtl=rtl,
            summary=ranking_summary(theme_items, themes.shown_total),
        ),
    }
    for name, table in (
        ("connaissance", demand.heard),
        ("autonomie", demand.autonomy),
        ("reorientations", demand.reoriented),
    ):
        items = [(label, table.shown(row_total(key))) for key, label in table.rows]
        charts[name] = bar_chart(
            table.title, items, rtl=rtl, summary=ranking_summary(items, table.shown_total)
        )
    return charts
