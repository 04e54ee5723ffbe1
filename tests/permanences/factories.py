"""Factories of the permanences app, one per model: the schedule and the log. Places,
services and structures come from the directory's factories.

Variants are Traits: ``PermanenceFactory(in_progress=True)``, ``AccompagnementFactory(
locked=True)``.
"""

import datetime

import factory
from django.utils import timezone

from permanences.enums import Autonomie, Canal, Resultat, ThemeNumerique
from permanences.models import Accompagnement, Permanence, PermanenceRule
from tests.factories import UserFactory
from tests.services.factories import LieuFactory, ServiceFactory, StructureFactory


def _saved_days_ago(entry, create, days, **kwargs):
    # created_at is set by the database on insert (auto_now_add): moved afterwards.
    if create and days is not None:
        entry.created_at = timezone.now() - datetime.timedelta(days=days)
        Accompagnement.objects.filter(pk=entry.pk).update(created_at=entry.created_at)


class PermanenceRuleFactory(factory.django.DjangoModelFactory):
    """Every Tuesday afternoon from September to December 2026."""

    class Meta:
        model = PermanenceRule

    service = factory.SubFactory(ServiceFactory)
    lieu = factory.SubFactory(LieuFactory)
    rrule = "FREQ=WEEKLY;BYDAY=TU"
    starts_on = datetime.date(2026, 9, 1)
    ends_on = datetime.date(2026, 12, 31)
    start_time = datetime.time(14)
    end_time = datetime.time(17)


class PermanenceFactory(factory.django.DjangoModelFactory):
    """Tomorrow afternoon, by default."""

    class Meta:
        model = Permanence

    service = factory.SubFactory(ServiceFactory)
    lieu = factory.SubFactory(LieuFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=1))
    start_time = datetime.time(14)
    end_time = datetime.time(17)

    class Params:
        cancelled_for_illness = factory.Trait(
            cancelled=True, cancellation_reason="Conseiller malade"
        )
        # Today, all day long: in progress whenever the test runs.
        in_progress = factory.Trait(
            date=factory.LazyFunction(timezone.localdate),
            start_time=datetime.time(0, 0),
            end_time=datetime.time(23, 59, 59),
        )


class AccompagnementFactory(factory.django.DjangoModelFactory):
    """An entry of today, saved just now. ``created_days_ago=N`` dates its saving back."""

    class Meta:
        model = Accompagnement
        skip_postgeneration_save = True

    conseiller = factory.SubFactory(UserFactory, conseiller=True)
    date = factory.LazyFunction(timezone.localdate)
    duration_minutes = 30
    canal = Canal.LIEU_ACTIVITE
    themes = factory.LazyFunction(lambda: [ThemeNumerique.PAPIERS])
    autonomie = Autonomie.ACCOMPAGNE
    resultat = Resultat.ABOUTIE

    class Params:
        # Saved more than 7 days ago: its author may no longer correct it.
        locked = factory.Trait(
            created_days_ago=factory.PostGeneration(
                lambda entry, create, extracted, **kwargs: _saved_days_ago(entry, create, 8)
            )
        )
        reoriented = factory.Trait(
            resultat=Resultat.REORIENTEE, reoriente_vers=factory.SubFactory(StructureFactory)
        )

    created_days_ago = factory.PostGeneration(_saved_days_ago)
