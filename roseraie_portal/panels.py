"""Pages that show pieces of several apps ask for them here, so that the page's own app
never imports the others (STYLE.md, "The shared base").

A page owns a ``Slot``. Each app registers its panels on it in its ``AppConfig.ready()``:
a template, and a function of the page's arguments that returns the template's context,
or None when the panel has nothing to show to this visitor. The page's view collects the
panels and its template renders them in order with ``{% panels %}`` (layout tags), each
with its own context only, as ``{% include … only %}`` would.

    HOME.register(template="permanences/panels/home.html", context=next_ones, order=20)
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

PanelContext = Callable[..., Mapping[str, Any] | None]


@dataclass(frozen=True)
class Panel:
    template: str
    context: PanelContext
    order: int


@dataclass(frozen=True)
class FilledPanel:
    """A panel with its context, ready for the page's template."""

    template: str
    context: Mapping[str, Any]


class Slot:
    def __init__(self, name: str):
        self.name = name
        self._panels: list[Panel] = []

    def __repr__(self):
        return f"<Slot {self.name}: {len(self._panels)} panels>"

    def register(self, *, template: str, context: PanelContext, order: int = 50) -> None:
        """Add a panel; registering the same template twice replaces the first (an app's
        ready() may run twice in tests)."""
        self._panels = [panel for panel in self._panels if panel.template != template]
        self._panels.append(Panel(template, context, order))
        self._panels.sort(key=lambda panel: panel.order)

    def collect(self, **arguments) -> list[FilledPanel]:
        """Every panel that has something to show, in order, for the page's arguments
        (``request=…``, ``service=…``: what the slot's page documents)."""
        filled = []
        for panel in self._panels:
            context = panel.context(**arguments)
            if context is not None:
                filled.append(FilledPanel(panel.template, context))
        return filled


# The pages of the base layer. An app's page that takes panels owns its slot the same way.
HOME = Slot("home")  # arguments: request
# The professional area: sentences about the account, then what it may do (list items).
ACCOUNT = Slot("account")  # arguments: request (an authenticated professional)
ESPACE = Slot("espace")  # arguments: request
