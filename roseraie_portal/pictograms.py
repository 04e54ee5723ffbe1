"""The pictograms of static/img/pictos/, drawn inline beside a visible word.

Names come from templates and from data (a theme's pictogram, chosen by a coordinator):
one place says which names exist, so that data can be checked before it reaches a page.
"""

import re
from functools import cache

from django.contrib.staticfiles import finders

NAME = re.compile(r"[a-z0-9-]+")


@cache
def _path(name: str) -> str | None:
    # Nothing but a plain file name may reach the finders.
    if not NAME.fullmatch(name):
        return None
    return finders.find(f"img/pictos/{name}.svg")


def exists(name: str) -> bool:
    return _path(name) is not None


@cache
def inline_svg(name: str) -> str:
    """The SVG markup, hidden from assistive technologies (a word always stands beside it).
    An unknown name is a programming error: it raises LookupError."""
    path = _path(name)
    if path is None:
        raise LookupError(f"Unknown pictogram: {name}")
    with open(path, encoding="utf-8") as svg:
        markup = svg.read().strip()
    return markup.replace("<svg ", '<svg aria-hidden="true" focusable="false" class="picto" ', 1)
