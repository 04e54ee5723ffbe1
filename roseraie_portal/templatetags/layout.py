from functools import cache

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import mark_safe

from roseraie_portal.hours import format_hour

register = template.Library()
register.filter("hour", format_hour)


@cache
def _pictogram_svg(name: str) -> str:
    path = finders.find(f"img/pictos/{name}.svg")
    if path is None:
        raise template.TemplateSyntaxError(f"Unknown pictogram: {name}")
    with open(path, encoding="utf-8") as svg:
        markup = svg.read().strip()
    # Decorative: always beside a visible word, so hidden from assistive technologies.
    return markup.replace("<svg ", '<svg aria-hidden="true" focusable="false" class="picto" ', 1)


@register.simple_tag
def pictogram(name: str):
    """Inline SVG pictogram from static/img/pictos/, inheriting the text colour."""
    return mark_safe(_pictogram_svg(name))
