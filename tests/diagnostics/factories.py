"""Factories of the diagnostics app, one per model. Structures and neighbourhoods come
from the directory's factories.

Variants are Traits: ``DiagnosticFactory(published=True)``.
"""

import datetime
from decimal import Decimal

import factory

from diagnostics.enums import (
    ActionStatus,
    ContributionKind,
    DiagnosticStatus,
    ObjectiveKind,
    Quadrant,
)
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
from tests.services.factories import StructureFactory


class DiagnosticFactory(factory.django.DjangoModelFactory):
    """A draft of the whole city, dated 1 March 2026."""

    class Meta:
        model = Diagnostic

    title = factory.Sequence(lambda n: f"Diagnostic {n}")
    slug = factory.Sequence(lambda n: f"diagnostic-{n}")
    date = datetime.date(2026, 3, 1)
    context = "Comment améliorer l’accès des habitants aux services publics ?"

    class Params:
        published = factory.Trait(status=DiagnosticStatus.PUBLISHED)


class SwotItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SwotItem

    diagnostic = factory.SubFactory(DiagnosticFactory)
    quadrant = Quadrant.ATOUT
    text = factory.Sequence(lambda n: f"Des partenaires mobilisés ({n})")


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    diagnostic = factory.SubFactory(DiagnosticFactory)
    kind = ObjectiveKind.STRATEGIC
    text = factory.Sequence(lambda n: f"Réduire les inégalités ({n})")


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    diagnostic = factory.SubFactory(DiagnosticFactory)
    title = factory.Sequence(lambda n: f"Phase {n}")
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2026, 6, 30)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    diagnostic = factory.SubFactory(DiagnosticFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    owner = factory.SubFactory(StructureFactory)
    due_on = datetime.date(2026, 12, 31)
    status = ActionStatus.STARTED


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    name = factory.Sequence(lambda n: f"Fréquentation du service démarches ({n})")
    unit = "%"


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    value = Decimal("-66")
    period = "2016-2018"
    measured_on = datetime.date(2019, 3, 1)
    source = "Relais-Mairie"


class ContributionFactory(factory.django.DjangoModelFactory):
    """Staff time given in 2026 to an action."""

    class Meta:
        model = Contribution

    year = 2026
    action = factory.SubFactory(ActionFactory)
    structure = factory.SubFactory(StructureFactory)
    kind = ContributionKind.STAFF
    amount = Decimal("4200.00")
    detail = "10 % d’un ETP"
    funder = "Ville d’Angers"
