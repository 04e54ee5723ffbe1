"""Factories for accounts (roseraie_portal). A role is a trait: ``UserFactory(conseiller=True)``,
``UserFactory(coordination=True)`` (staff, for the admin); or a name: ``UserFactory(role=...)``.

The directory's factories are in tests/services/factories.py, the schedule's and the log's
in tests/permanences/factories.py.
"""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from roseraie_portal import roles
from roseraie_portal.models import SchoolHoliday

PASSWORD = "un mot de passe solide 2026"


def _join(user, create, role, **kwargs):
    # The groups of the roles are created by a data migration: always there.
    if create and role:
        user.groups.add(Group.objects.get(name=role))


def _joining(role):
    """What a role's trait does after the user is saved (a trait sets no extracted value)."""
    return factory.PostGeneration(
        lambda user, create, extracted, **kwargs: _join(user, create, role)
    )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"agent{n}")
    first_name = factory.Faker("first_name", locale="fr_FR")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Params:
        conseiller = factory.Trait(role=_joining(roles.CONSEILLER))
        partenaire = factory.Trait(role=_joining(roles.PARTENAIRE))
        coordination = factory.Trait(role=_joining(roles.COORDINATION), is_staff=True)

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])

    role = factory.PostGeneration(_join)


class SchoolHolidayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolHoliday

    name = "Vacances de la Toussaint"
    starts_on = datetime.date(2026, 10, 17)
    ends_on = datetime.date(2026, 11, 1)
