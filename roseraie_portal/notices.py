"""What an action says it did, in plain words, for whoever ran it: a coordinator in the
admin, a professional on a page. An action returns notices; the page shows them as
Django messages (``tell``). The admin modules then stay declarations."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib import messages

LEVELS = {"success": messages.SUCCESS, "warning": messages.WARNING, "error": messages.ERROR}


@dataclass(frozen=True)
class Notice:
    level: str  # "success", "warning" or "error"
    text: str


def tell(request, notices: Iterable[Notice]) -> None:
    for notice in notices:
        messages.add_message(request, LEVELS[notice.level], notice.text)
