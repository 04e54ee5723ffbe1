"""The list of entries, each account seeing its scope, and the professional area's links."""

import datetime
import re

import pytest
from django.utils import timezone

from roseraie_portal import roles
from tests.permanences.factories import AccompagnementFactory
from tests.permanences.log_form import LIST
from tests.services.factories import StructureFactory, StructureMembershipFactory

pytestmark = pytest.mark.django_db


# The list


def test_the_list_shows_own_entries_newest_first_with_a_link_or_a_lock(
    client, conseiller, make_user
):
    today = timezone.localdate()
    old = AccompagnementFactory(
        conseiller=conseiller, date=today - datetime.timedelta(days=10), created_days_ago=10
    )
    recent = AccompagnementFactory(conseiller=conseiller, date=today)
    AccompagnementFactory(conseiller=make_user(roles.CONSEILLER))
    client.force_login(conseiller)

    response = client.get(LIST)

    assert [e.pk for e in response.context["page"]] == [recent.pk, old.pk]
    html = response.content.decode()
    assert f'href="{LIST}{recent.pk}/"' in html
    assert f'href="{LIST}{old.pk}/"' not in html
    assert "Verrouillé" in html


def test_the_list_pages_by_25(client, conseiller):
    AccompagnementFactory.create_batch(26, conseiller=conseiller)
    client.force_login(conseiller)

    first = client.get(LIST)
    second = client.get(LIST, {"page": 2})

    assert len(first.context["page"]) == 25
    assert len(second.context["page"]) == 1
    assert 'href="?page=2"' in first.content.decode()


def test_monthly_totals_cover_twelve_months_with_entries_and_minutes(client, conseiller):
    today = timezone.localdate()
    this_month = today.replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    AccompagnementFactory(conseiller=conseiller, date=this_month, duration_minutes=30)
    AccompagnementFactory(conseiller=conseiller, date=this_month, duration_minutes=45)
    AccompagnementFactory(conseiller=conseiller, date=last_month, duration_minutes=60)
    AccompagnementFactory(conseiller=conseiller, date=this_month.replace(year=today.year - 2))
    client.force_login(conseiller)

    totals = client.get(LIST).context["monthly_totals"]

    assert len(totals) == 12
    assert totals[0] == {"month": this_month, "entries": 2, "minutes": 75}
    assert totals[1] == {"month": last_month, "entries": 1, "minutes": 60}
    assert sum(t["entries"] for t in totals) == 3


def test_a_partner_sees_its_structures_entries_only(client, make_user):
    partner = make_user(roles.PARTENAIRE)
    mine = StructureMembershipFactory(user=partner).structure
    ours = AccompagnementFactory(structure=mine)
    AccompagnementFactory(structure=StructureFactory())
    AccompagnementFactory()
    client.force_login(partner)

    response = client.get(LIST)

    assert [e.pk for e in response.context["page"]] == [ours.pk]
    assert "Les accompagnements de ma structure" in response.content.decode()
    assert "Corriger" not in response.content.decode()


def test_coordination_sees_every_entry(client, coordinator):
    AccompagnementFactory.create_batch(3)
    client.force_login(coordinator)

    response = client.get(LIST)

    assert response.context["page"].paginator.count == 3
    assert "Tous les accompagnements" in response.content.decode()


def test_an_account_without_a_role_sees_no_list(client, make_user):
    client.force_login(make_user())

    assert client.get(LIST).status_code == 403


# The professional area


@pytest.mark.parametrize(
    "role, shown, hidden",
    [
        (
            roles.CONSEILLER,
            ["Noter un accompagnement", "Mes accompagnements"],
            ["Les accompagnements de ma structure"],
        ),
        (
            roles.PARTENAIRE,
            ["Les accompagnements de ma structure"],
            ["Noter un accompagnement", "Mes accompagnements"],
        ),
        (
            roles.COORDINATION,
            ["Noter un accompagnement", "Tous les accompagnements"],
            ["Les accompagnements de ma structure"],
        ),
    ],
)
def test_the_professional_area_links_to_the_log_by_role(client, make_user, role, shown, hidden):
    client.force_login(make_user(role))

    html = client.get("/espace/").content.decode()

    for text in shown:
        assert re.search(rf'<a href="/espace/accompagnements/(nouveau/)?">{text}</a>', html)
    for text in hidden:
        assert f">{text}</a>" not in html
