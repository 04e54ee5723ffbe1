"""What a reader sees in a page, for assertions written with ordinary spaces."""

NO_BREAK_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def plain(text: str) -> str:
    """The text with the no-break spaces of French typography (roseraie_portal/
    typography.py) as ordinary spaces: "9\u00a0h\u00a030" reads "9 h 30"."""
    return text.translate(NO_BREAK_SPACES)


def page_text(response) -> str:
    """A response's HTML, decoded, with ordinary spaces (see ``plain``)."""
    return plain(response.content.decode())
