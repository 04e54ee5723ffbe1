"""A professional's scope: the structures whose data an account may see."""

import pytest

from permanences.models import Accompagnement
from roseraie_portal import roles
from services.selectors import scope_of
from tests.permanences.factories import AccompagnementFactory
from tests.services.factories import StructureFactory, StructureMembershipFactory

pytestmark = pytest.mark.django_db


def test_coordination_sees_every_structure(make_user):
    scope = scope_of(make_user(roles.COORDINATION))

    assert scope.everything
    assert scope.allows(StructureFactory().pk)


def test_a_partner_sees_the_structure_it_is_attached_to_and_no_other(make_user):
    partner = make_user(roles.PARTENAIRE)
    own = StructureMembershipFactory(user=partner).structure
    other = StructureFactory()

    scope = scope_of(partner)

    assert scope.allows(own.pk)
    assert not scope.allows(other.pk)
    AccompagnementFactory(structure=own)
    AccompagnementFactory(structure=other)
    assert list(scope.filter(Accompagnement.objects).values_list("structure", flat=True)) == [
        own.pk
    ]


def test_an_attachment_without_the_partner_role_opens_no_structure(make_user):
    conseiller = make_user(roles.CONSEILLER)
    structure = StructureMembershipFactory(user=conseiller).structure

    scope = scope_of(conseiller)

    assert not scope.allows(structure.pk)
    assert not scope.filter(Accompagnement.objects.all()).exists()
