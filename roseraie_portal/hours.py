from django.utils.formats import time_format
from django.utils.translation import get_language


def format_hour(value) -> str:
    """A time of day as readers write it: "14 h", "9 h 30" in French (not "14:00"),
    the active language's own format elsewhere."""
    if (get_language() or "fr").startswith("fr"):
        return f"{value.hour} h" if not value.minute else f"{value.hour} h {value.minute:02d}"
    return time_format(value)
