"""Coordination attaches a partner's account to its structure, in the structure's admin."""

import pytest

from services.models import StructureMembership
from tests.factories import UserFactory
from tests.services.factories import StructureFactory

pytestmark = pytest.mark.django_db


def test_coordination_attaches_a_partner_account_to_its_structure(client, coordinator):
    structure = StructureFactory(name="CAF de Maine-et-Loire")
    partner = UserFactory(partenaire=True)
    client.force_login(coordinator)
    url = f"/admin/services/structure/{structure.pk}/change/"

    form = client.get(url)
    response = client.post(
        url,
        {
            "name": structure.name,
            "slug": structure.slug,
            "kind": structure.kind,
            "date_maj": "2026-11-24",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-0-user": partner.pk,
        },
    )

    assert form.status_code == 200
    assert f'<option value="{partner.pk}">' in form.content.decode()  # offered, no lookup
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert StructureMembership.objects.get(user=partner).structure == structure
