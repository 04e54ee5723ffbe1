"""Writes of the diagnostics that the admin's forms do not make: a whole diagnostic
written elsewhere (a file) saved at once, its parts found again rather than duplicated."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models, transaction

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


@dataclass
class DiagnosticContent:
    """Everything a diagnostic holds, as unsaved rows: each action's phase is one of
    ``phases`` (or None), each contribution's action one of ``actions``; an indicator
    comes with its values."""

    swot_items: list[SwotItem] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    indicators: list[tuple[Indicator, list[IndicatorValue]]] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)


@dataclass(frozen=True)
class Changes:
    """How many rows a save created, changed and deleted."""

    created: int = 0
    changed: int = 0
    deleted: int = 0

    def __add__(self, other: "Changes") -> "Changes":
        return Changes(
            self.created + other.created,
            self.changed + other.changed,
            self.deleted + other.deleted,
        )


@transaction.atomic
def save_diagnostic(*, diagnostic: Diagnostic, content: DiagnosticContent) -> Changes:
    """Save ``diagnostic`` with exactly ``content``. A part already there is found again
    by what names it (a SWOT item by its quadrant and position, an objective by its kind
    and position, a phase or an action by its title, a contribution by its year, action,
    partner, kind and detail; an indicator, which diagnostics share, by its name, a value
    by its date and period) and saved only where it differs; the diagnostic's parts that
    ``content`` no longer holds are deleted (its indicators are only unlinked)."""
    changes = _sync(Diagnostic.objects.filter(slug=diagnostic.slug), [diagnostic], key=_slug)
    for rows in (content.swot_items, content.objectives, content.phases, content.actions):
        for row in rows:
            row.diagnostic = diagnostic
    own = {"diagnostic": diagnostic}
    changes += _sync(
        SwotItem.objects.filter(**own),
        content.swot_items,
        key=lambda item: (item.quadrant, item.position),
    )
    changes += _sync(
        Objective.objects.filter(**own),
        content.objectives,
        key=lambda objective: (objective.kind, objective.position),
    )
    changes += _sync(Phase.objects.filter(**own), content.phases, key=_title)
    changes += _sync(Action.objects.filter(**own), content.actions, key=_title)
    changes += _sync(
        Contribution.objects.filter(action__diagnostic=diagnostic),
        content.contributions,
        key=lambda row: (row.year, _id(row, "action"), _id(row, "structure"), row.kind, row.detail),
    )
    for indicator, values in content.indicators:
        changes += _sync(
            Indicator.objects.filter(name=indicator.name),
            [indicator],
            key=lambda row: row.name,
            delete_others=False,
        )
        for value in values:
            value.indicator = indicator
        changes += _sync(
            IndicatorValue.objects.filter(indicator=indicator),
            values,
            key=lambda row: (row.measured_on, row.period),
        )
    indicators = [indicator for indicator, _values in content.indicators]
    if set(diagnostic.indicators.all()) != set(indicators):
        diagnostic.indicators.set(indicators)
    return changes


def _slug(row) -> str:
    return row.slug


def _title(row) -> str:
    return row.title


def _id(row: models.Model, name: str):
    return _given(row, row._meta.get_field(name))


def _sync(
    queryset: models.QuerySet,
    rows: Iterable[models.Model],
    *,
    key: Callable,
    delete_others: bool = True,
) -> Changes:
    """Save ``rows`` over the rows of ``queryset`` with the same key: those whose fields
    differ are updated, the new ones created, and the other rows of ``queryset`` deleted
    unless ``delete_others`` is False. Each of ``rows`` then has the primary key of the
    row it stands for."""
    existing = {key(row): row for row in queryset}
    created = changed = 0
    kept = set()
    for row in rows:
        found = existing.get(key(row))
        if found is None:
            row.pk = None
            row.save(force_insert=True)
            created += 1
        else:
            row.pk = found.pk
            differing = [
                each.name
                for each in row._meta.concrete_fields
                if not each.primary_key and _given(row, each) != getattr(found, each.attname)
            ]
            if differing:
                row.save(update_fields=differing)
                changed += 1
        kept.add(row.pk)
    deleted = queryset.exclude(pk__in=kept).delete()[0] if delete_others else 0
    return Changes(created, changed, deleted)


def _given(row: models.Model, each: models.Field):
    """A field's value in a row to save; for a foreign key, the primary key of the row
    it names, read from that row (it may have been saved after it was assigned)."""
    if each.is_relation and getattr(row, each.attname) is None:
        related = getattr(row, each.name)
        return related.pk if related is not None else None
    return getattr(row, each.attname)
