"""How the diagnostics and bilans write their numbers: grouped thousands, "< 5" for a
hidden count, percentages, signed changes, durations; and the classes of a heat table."""

from django import template

from diagnostics import charts, formats

register = template.Library()


@register.filter
def figure(value) -> str:
    return formats.figure(value)


@register.filter
def percent(value) -> str:
    return formats.percent(value)


@register.filter
def signed(value) -> str:
    return formats.signed(value)


@register.filter
def duration(value) -> str:
    return formats.duration(value)


@register.filter
def heat_lines(table) -> list[dict]:
    """A protected table's lines, each cell with the class of its shade."""
    lines = table.lines()
    highest = max(
        (value for line in lines for value in line["cells"] if isinstance(value, int)),
        default=0,
    )
    for line in lines:
        line["cells"] = [(value, charts.heat_level(value, highest)) for value in line["cells"]]
    return lines
