"""Load the demonstration diagnostics of fixtures/demo/diagnostics.json (see its README):
La Roseraie's, written from the project's deck, with its SWOT, objectives, roadmap,
actions, indicators and common budget. Through diagnostics.actions.save_diagnostic; needs
the demo directory first. The file is data a person edits: every problem in it is
reported with its place in the file, and nothing is loaded until they are fixed.
Idempotent: a diagnostic is found again by its slug, its parts by what names them.
"""

import json
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from diagnostics import actions
from diagnostics.enums import ObjectiveKind, Quadrant
from diagnostics.models import (
    Action,
    Contribution,
    Diagnostic,
    Indicator,
    IndicatorValue,
    Objective,
    Phase,
    SwotItem,
)
from services.models import Quartier, Structure

DEMO_FILE = Path(settings.BASE_DIR) / "fixtures" / "demo" / "diagnostics.json"
KEYS = {
    "diagnostic": (
        "slug",
        "title",
        "quartier",
        "date",
        "status",
        "context",
        "swot",
        "objectives",
        "phases",
        "actions",
        "indicators",
        "contributions",
    ),
    "phase": ("title", "starts_on", "ends_on", "description", "actions"),
    "action": ("title", "owner", "due_on", "status"),
    "indicator": ("name", "unit", "description", "values"),
    "value": ("value", "period", "measured_on", "source"),
    "contribution": ("year", "action", "structure", "kind", "amount", "detail", "funder"),
}


class Problem(Exception):
    """A value of the file that cannot be loaded; every one is collected before stopping."""


class Command(BaseCommand):
    help = (
        "Load the demonstration diagnostics (fixtures/demo/diagnostics.json): La Roseraie's, "
        "with its SWOT, objectives, roadmap, actions, indicators and common budget. Needs "
        "load_demo_directory first. Idempotent: found again by slug, and the file is the "
        "diagnostic (a part removed from the file is removed from the portal)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        self.file = DEMO_FILE.name
        self.problems: list[str] = []
        self.noted: set[str] = set()  # the places of the problems noted
        self.structures = Structure.objects.in_bulk(field_name="slug")
        self.quartiers = Quartier.objects.in_bulk(field_name="slug")
        nodes = self._document().get("diagnostics")
        if not isinstance(nodes, list):
            raise CommandError(f"fixtures/demo/{self.file}: « diagnostics » is not a list.")
        loaded = [
            self._diagnostic(node, f"diagnostics[{index}]") for index, node in enumerate(nodes)
        ]
        if self.problems:
            raise CommandError(
                f"fixtures/demo/{self.file} has problems:\n" + "\n".join(self.problems)
            )
        changes = actions.Changes()
        for diagnostic, content in loaded:
            changes += actions.save_diagnostic(diagnostic=diagnostic, content=content)
        for diagnostic, content in loaded:
            years = sorted({contribution.year for contribution in content.contributions})
            self.stdout.write(
                f"Demo diagnostic « {diagnostic.title} » "
                f"({'published' if diagnostic.is_published else 'draft'}): "
                f"{len(content.swot_items)} SWOT items, {len(content.objectives)} objectives, "
                f"{len(content.phases)} phases, {len(content.actions)} actions, "
                f"{len(content.indicators)} indicators "
                f"({sum(len(values) for _indicator, values in content.indicators)} values), "
                f"{len(content.contributions)} contributions to the common budget "
                f"({', '.join(map(str, years))})."
            )
        self.stdout.write(
            f"Demo diagnostics: {changes.created} rows created, {changes.changed} changed, "
            f"{changes.deleted} deleted."
        )

    def _document(self) -> dict:
        try:
            document = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"fixtures/demo/{self.file}: {error}") from error
        except json.JSONDecodeError as error:
            raise CommandError(
                f"fixtures/demo/{self.file}, line {error.lineno}, column {error.colno}: {error.msg}"
            ) from error
        if not isinstance(document, dict):
            raise CommandError(f"fixtures/demo/{self.file}: the file is not a JSON object.")
        return document

    # Reading, one part at a time: each notes its problems and returns what it could read.

    def _note(self, path: str, message: str) -> None:
        self.problems.append(f"{self.file}, {path}: {message}")
        self.noted.add(path)

    def _object(self, node, path: str, kind: str, required: tuple[str, ...]) -> dict | None:
        if not isinstance(node, dict):
            self._note(path, f"{node!r} is not an object")
            return None
        for key in sorted(set(node) - set(KEYS[kind]) - {"_comment"}):
            self._note(f"{path}.{key}", "unknown key")
        for key in required:
            if key not in node:
                self._note(f"{path}.{key}", "missing")
        return node

    def _list(self, node: dict, key: str, path: str) -> list:
        value = node.get(key, [])
        if not isinstance(value, list):
            self._note(f"{path}.{key}", f"{value!r} is not a list")
            return []
        return value

    def _value(self, node: dict, key: str, path: str, read, default=""):
        """``read`` of the node's ``key``, or ``default`` when it is missing."""
        if key not in node:
            return default
        return self._read(node[key], f"{path}.{key}", read, default)

    def _read(self, value, path: str, read, default=""):
        """``read(value)``, or ``default`` when it cannot be read (the problem noted)."""
        try:
            return read(value)
        except Problem as problem:
            self._note(path, str(problem))
            return default

    def _unique(self, rows: list, key, path: str, what: str) -> None:
        """The file names each part once: two parts with one name would be one row."""
        seen = set()
        for row in rows:
            name = key(row)
            if name in seen:
                self._note(path, f"two {what} are « {name} »: one is enough")
            seen.add(name)

    def _clean(self, row, path: str, exclude: tuple[str, ...] = ()) -> None:
        try:
            row.full_clean(exclude=list(exclude), validate_unique=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                where = path if name == "__all__" else f"{path}.{name}"
                # A value that could not be read is not reported a second time.
                if where not in self.noted and path not in self.noted:
                    for message in messages:
                        self._note(where, message)

    def _diagnostic(self, node, path: str):
        node = self._object(node, path, "diagnostic", ("slug", "title", "date", "status")) or {}
        slug = self._value(node, "slug", path, _text)
        diagnostic = Diagnostic.objects.filter(slug=slug).first() or Diagnostic(slug=slug)
        diagnostic.title = self._value(node, "title", path, _text)
        diagnostic.quartier = self._value(
            node, "quartier", path, self._pick(self.quartiers, "quartier"), None
        )
        diagnostic.date = self._value(node, "date", path, _date, None)
        diagnostic.status = self._value(node, "status", path, _text)
        diagnostic.context = self._value(node, "context", path, _text)
        self._clean(diagnostic, path)
        content = actions.DiagnosticContent()
        content.swot_items = self._grouped(
            node, "swot", path, Quadrant, lambda value, text: SwotItem(quadrant=value, text=text)
        )
        content.objectives = self._grouped(
            node,
            "objectives",
            path,
            ObjectiveKind,
            lambda value, text: Objective(kind=value, text=text),
        )
        self._roadmap(node, path, content)
        for index, each in enumerate(self._list(node, "indicators", path)):
            content.indicators.append(self._indicator(each, f"{path}.indicators[{index}]"))
        indicators = [indicator for indicator, _values in content.indicators]
        self._unique(indicators, lambda row: row.name, f"{path}.indicators", "indicators")
        by_title = {action.title: action for action in content.actions}
        keys = []
        for index, each in enumerate(self._list(node, "contributions", path)):
            content.contributions.append(
                self._contribution(each, f"{path}.contributions[{index}]", by_title)
            )
            if isinstance(each, dict):
                names = ("year", "action", "structure", "kind", "detail")
                keys.append(", ".join(str(each.get(name, "")) for name in names))
        self._unique(keys, str, f"{path}.contributions", "contributions")
        return diagnostic, content

    def _roadmap(self, node: dict, path: str, content: actions.DiagnosticContent) -> None:
        """The phases, each with its actions, then the actions of no phase."""
        for index, each in enumerate(self._list(node, "phases", path)):
            phase_path = f"{path}.phases[{index}]"
            content.phases.append(self._phase(each, phase_path, position=index))
            own = self._list(each, "actions", phase_path) if isinstance(each, dict) else []
            for number, action in enumerate(own):
                action_path = f"{phase_path}.actions[{number}]"
                position = len(content.actions)
                content.actions.append(
                    self._action(action, action_path, content.phases[-1], position)
                )
        for index, action in enumerate(self._list(node, "actions", path)):
            position = len(content.actions)
            content.actions.append(self._action(action, f"{path}.actions[{index}]", None, position))
        self._unique(content.phases, lambda phase: phase.title, f"{path}.phases", "phases")
        self._unique(content.actions, lambda action: action.title, path, "actions")

    def _grouped(self, node: dict, key: str, path: str, choices, make) -> list:
        """The texts of an object by choice value (``{"atout": [...], ...}``), in order."""
        groups = node.get(key, {})
        if not isinstance(groups, dict):
            self._note(f"{path}.{key}", f"{groups!r} is not an object")
            return []
        rows = []
        for value, texts in groups.items():
            if value not in choices.values:
                self._note(
                    f"{path}.{key}.{value}", f"« {value} » unknown ({', '.join(choices.values)})"
                )
                continue
            if not isinstance(texts, list):
                self._note(f"{path}.{key}.{value}", f"{texts!r} is not a list of texts")
                continue
            for position, text in enumerate(texts):
                item_path = f"{path}.{key}.{value}[{position}]"
                row = make(value, self._read(text, item_path, _text))
                row.position = position
                self._clean(row, item_path, exclude=("diagnostic",))
                rows.append(row)
        return rows

    def _phase(self, node, path: str, *, position: int) -> Phase:
        node = self._object(node, path, "phase", ("title",)) or {}
        phase = Phase(position=position)
        phase.title = self._value(node, "title", path, _text)
        phase.starts_on = self._value(node, "starts_on", path, _date, None)
        phase.ends_on = self._value(node, "ends_on", path, _date, None)
        phase.description = self._value(node, "description", path, _text)
        self._clean(phase, path, exclude=("diagnostic",))
        return phase

    def _action(self, node, path: str, phase: Phase | None, position: int) -> Action:
        node = self._object(node, path, "action", ("title", "status")) or {}
        action = Action(phase=phase, position=position)
        action.title = self._value(node, "title", path, _text)
        action.owner = self._value(
            node, "owner", path, self._pick(self.structures, "structure"), None
        )
        action.due_on = self._value(node, "due_on", path, _date, None)
        action.status = self._value(node, "status", path, _text)
        self._clean(action, path, exclude=("diagnostic", "phase"))
        return action

    def _indicator(self, node, path: str) -> tuple[Indicator, list[IndicatorValue]]:
        node = self._object(node, path, "indicator", ("name",)) or {}
        name = self._value(node, "name", path, _text)
        indicator = Indicator.objects.filter(name=name).first() or Indicator(name=name)
        indicator.unit = self._value(node, "unit", path, _text)
        indicator.description = self._value(node, "description", path, _text)
        self._clean(indicator, path)
        values = []
        for index, each in enumerate(self._list(node, "values", path)):
            value_path = f"{path}.values[{index}]"
            each = self._object(each, value_path, "value", ("value", "measured_on", "source")) or {}
            value = IndicatorValue(
                value=self._value(each, "value", value_path, _decimal, None),
                period=self._value(each, "period", value_path, _text),
                measured_on=self._value(each, "measured_on", value_path, _date, None),
                source=self._value(each, "source", value_path, _text),
            )
            self._clean(value, value_path, exclude=("indicator",))
            values.append(value)
        self._unique(
            values, lambda row: f"{row.period} ({row.measured_on})", f"{path}.values", "values"
        )
        return indicator, values

    def _contribution(self, node, path: str, actions_by_title: dict) -> Contribution:
        required = ("year", "action", "structure", "kind", "amount")
        node = self._object(node, path, "contribution", required) or {}
        contribution = Contribution(
            year=self._value(node, "year", path, _year, None),
            structure=self._value(
                node, "structure", path, self._pick(self.structures, "structure"), None
            ),
            kind=self._value(node, "kind", path, _text),
            amount=self._value(node, "amount", path, _decimal, None),
            detail=self._value(node, "detail", path, _text),
            funder=self._value(node, "funder", path, _text),
        )
        contribution.action = self._value(
            node, "action", path, self._pick(actions_by_title, "action"), None
        )
        self._clean(contribution, path, exclude=("action", "structure"))
        return contribution

    @staticmethod
    def _pick(rows: dict, kind: str):
        def pick(value):
            if value is None:
                return None
            if value not in rows:
                raise Problem(f"« {value} » unknown {kind}")
            return rows[value]

        return pick


def _text(value) -> str:
    if not isinstance(value, str):
        raise Problem(f"{value!r} is not a text")
    return value.strip()


def _date(value) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(_text(value))
    except ValueError:
        raise Problem(f"« {value} » is not a date (YYYY-MM-DD)") from None


def _decimal(value) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise Problem(f"{value!r} is not a number")
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise Problem(f"« {value} » is not a number") from None


def _year(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Problem(f"{value!r} is not a year")
    return value
