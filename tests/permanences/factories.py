"""Factories of the permanences app, shared by its tests (and the role matrix)."""

import datetime

import factory
from django.utils import timezone

from permanences.enums import Autonomie, Canal, Resultat, ThemeNumerique
from permanences.models import Accompagnement, Permanence, PermanenceRule, SchoolHoliday
from services.models import Lieu, Service, Structure
from tests.factories import UserFactory


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Structure {n}")
    slug = factory.Sequence(lambda n: f"structure-perm-{n}")


class LieuFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lieu

    name = factory.Sequence(lambda n: f"Lieu {n}")
    slug = factory.Sequence(lambda n: f"lieu-perm-{n}")
    address = "1 place de la Roseraie"
    postcode = "49100"

    class Params:
        bus_stop = factory.Trait(itinerant=True, name=factory.Sequence(lambda n: f"Arrêt {n}"))


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    structure = factory.SubFactory(StructureFactory)
    name = factory.Sequence(lambda n: f"Permanence numérique {n}")
    slug = factory.Sequence(lambda n: f"service-perm-{n}")
    description = "Aide aux démarches en ligne."
    type = "accompagnement"


class PermanenceRuleFactory(factory.django.DjangoModelFactory):
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


class SchoolHolidayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolHoliday

    name = "Vacances de la Toussaint"
    starts_on = datetime.date(2026, 10, 17)
    ends_on = datetime.date(2026, 11, 1)


class AccompagnementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Accompagnement

    conseiller = factory.SubFactory(UserFactory)
    date = factory.LazyFunction(timezone.localdate)
    duration_minutes = 30
    canal = Canal.LIEU_ACTIVITE
    themes = factory.LazyFunction(lambda: [ThemeNumerique.PAPIERS])
    autonomie = Autonomie.ACCOMPAGNE
    resultat = Resultat.ABOUTIE
