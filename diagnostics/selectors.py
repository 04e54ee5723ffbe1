"""Reads of the diagnostics: a diagnostic with everything its page shows, and the common
budget of the partnership."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from diagnostics.enums import ObjectiveKind, Quadrant
from diagnostics.models import Action, Contribution, Diagnostic, Indicator, Phase


def diagnostic_for_page(queryset, slug: str) -> Diagnostic | None:
    """The diagnostic with its SWOT, objectives, roadmap, actions and indicators, in a
    fixed number of queries."""
    actions = Action.objects.select_related("owner").order_by("position", "pk")
    return (
        queryset.select_related("quartier")
        .prefetch_related(
            "swotitems",
            "objectives",
            Prefetch(
                "phases",
                queryset=Phase.objects.prefetch_related(Prefetch("actions", queryset=actions)),
            ),
            Prefetch("actions", queryset=actions.filter(phase__isnull=True), to_attr="unphased"),
            Prefetch("indicators", queryset=Indicator.objects.prefetch_related("values")),
        )
        .filter(slug=slug)
        .first()
    )


def swot(diagnostic: Diagnostic) -> list[dict]:
    """The four quadrants in the deck's order, each with its items."""
    items = defaultdict(list)
    for item in diagnostic.swotitems.all():
        items[item.quadrant].append(item)
    return [
        {"quadrant": value, "label": label, "items": items[value]}
        for value, label in Quadrant.choices
    ]


def objectives(diagnostic: Diagnostic) -> list[dict]:
    by_kind = defaultdict(list)
    for objective in diagnostic.objectives.all():
        by_kind[objective.kind].append(objective)
    return [
        {"label": label, "items": by_kind[value]}
        for value, label in ObjectiveKind.choices
        if by_kind[value]
    ]


@dataclass
class BudgetYear:
    """One year of the common budget: actions (rows) by partners (columns), in euros,
    with totals per action and per partner, and the contributions it is made of."""

    year: int
    actions: list = field(default_factory=list)
    partners: list = field(default_factory=list)
    amounts: dict = field(default_factory=dict)
    contributions: list = field(default_factory=list)

    def lines(self) -> list[dict]:
        return [
            {
                "action": action,
                "cells": [self.amounts.get((action.pk, partner.pk)) for partner in self.partners],
                "total": sum(
                    (self.amounts.get((action.pk, partner.pk), 0) for partner in self.partners),
                    Decimal(0),
                ),
            }
            for action in self.actions
        ]

    def partner_totals(self) -> list[Decimal]:
        return [
            sum(
                (self.amounts.get((action.pk, partner.pk), 0) for action in self.actions),
                Decimal(0),
            )
            for partner in self.partners
        ]

    @property
    def total(self) -> Decimal:
        return sum(self.amounts.values(), Decimal(0))


def common_budget(diagnostic: Diagnostic) -> list[BudgetYear]:
    """The contributions to the diagnostic's actions, year by year (newest first), in one
    query."""
    contributions = (
        Contribution.objects.filter(action__diagnostic=diagnostic)
        .select_related("action", "structure")
        .order_by("-year", "action__position", "action__pk", "structure__name", "pk")
    )
    years: dict[int, BudgetYear] = {}
    for contribution in contributions:
        budget = years.setdefault(contribution.year, BudgetYear(contribution.year))
        if contribution.action not in budget.actions:
            budget.actions.append(contribution.action)
        if contribution.structure not in budget.partners:
            budget.partners.append(contribution.structure)
        key = (contribution.action_id, contribution.structure_id)
        budget.amounts[key] = budget.amounts.get(key, Decimal(0)) + contribution.amount
        budget.contributions.append(contribution)
    for budget in years.values():
        budget.partners.sort(key=lambda structure: structure.name)
    return list(years.values())
