"""Factories of the ateliers: cycles, sessions, registrations. Places, structures and
themes come from the directory's factories.

Variants are Traits: ``AtelierFactory(full=True)``, ``AtelierFactory(cancelled=True)``,
``InscriptionFactory(waiting=True)``, ``InscriptionFactory(by_email=True)``.
"""

import datetime

import factory
from django.utils import timezone

from ateliers.enums import AtelierStatus, InscriptionStatus
from ateliers.models import Atelier, AtelierCycle, Inscription
from tests.services.factories import LieuFactory, StructureFactory

CONSENT = "J’accepte que le portail garde mon contact pour cet atelier."


class AtelierDetailsFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Atelier numérique {n}")
    description = "Apprendre les bases de l’ordinateur, en petit groupe."
    structure = factory.SubFactory(StructureFactory)
    lieu = factory.SubFactory(LieuFactory)
    start_time = datetime.time(14)
    end_time = datetime.time(16)
    capacity = 8
    publics = factory.LazyFunction(lambda: ["tous-publics"])
    languages = factory.LazyFunction(lambda: ["fr"])


class AtelierCycleFactory(AtelierDetailsFactory):
    """Six Tuesdays from 5 January 2027, not in school holidays."""

    class Meta:
        model = AtelierCycle

    rrule = "FREQ=WEEKLY;BYDAY=TU;COUNT=6"
    starts_on = datetime.date(2027, 1, 5)
    ends_on = datetime.date(2027, 6, 30)


class AtelierFactory(AtelierDetailsFactory):
    """In a week, in the afternoon, 8 places."""

    class Meta:
        model = Atelier
        skip_postgeneration_save = True

    date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))

    class Params:
        cancelled = factory.Trait(
            status=AtelierStatus.CANCELLED, cancellation_reason="L’animatrice est malade."
        )
        no_registration = factory.Trait(registration_required=False)
        past = factory.Trait(
            date=factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
        )
        full = factory.Trait(capacity=2)

    @factory.post_generation
    def registered(atelier, create, count, **kwargs):
        """``AtelierFactory(registered=3)``: that many people registered, without contact."""
        if create and count:
            InscriptionFactory.create_batch(count, atelier=atelier)


class InscriptionFactory(factory.django.DjangoModelFactory):
    """A confirmed place, a first name, no contact."""

    class Meta:
        model = Inscription

    atelier = factory.SubFactory(AtelierFactory)
    first_name = factory.Sequence(lambda n: f"Personne {n}")
    status = InscriptionStatus.CONFIRMED

    class Params:
        waiting = factory.Trait(status=InscriptionStatus.WAITING)
        cancelled = factory.Trait(status=InscriptionStatus.CANCELLED)
        by_email = factory.Trait(
            email=factory.Sequence(lambda n: f"personne{n}@example.org"),
            contact_key=factory.LazyAttribute(lambda o: f"mail:{o.email}"),
            consent_text=CONSENT,
            consented_at=factory.LazyFunction(timezone.now),
        )
        by_phone = factory.Trait(
            phone=factory.Sequence(lambda n: f"06 12 34 {n // 100 % 100:02d} {n % 100:02d}"),
            contact_key=factory.LazyAttribute(lambda o: "tel:" + o.phone.replace(" ", "")),
            consent_text=CONSENT,
            consented_at=factory.LazyFunction(timezone.now),
        )
