"""Pages composed of the apps' panels: the order, and panels with nothing to show."""

import pytest

from roseraie_portal import roles
from roseraie_portal.panels import Slot


def test_a_slot_gives_panels_in_order_and_leaves_out_those_with_nothing_to_show():
    slot = Slot("test")
    slot.register(template="b.html", context=lambda *, who: {"who": who}, order=20)
    slot.register(template="a.html", context=lambda *, who: {"first": True}, order=10)
    slot.register(template="hidden.html", context=lambda *, who: None, order=15)

    filled = slot.collect(who="conseiller")

    assert [panel.template for panel in filled] == ["a.html", "b.html"]
    assert filled[1].context == {"who": "conseiller"}


def test_registering_a_template_again_replaces_its_panel():
    slot = Slot("test")
    slot.register(template="a.html", context=lambda: {"version": 1})
    slot.register(template="a.html", context=lambda: {"version": 2})

    assert [panel.context for panel in slot.collect()] == [{"version": 2}]


@pytest.mark.parametrize(
    ("role", "links"),
    [
        (roles.CONSEILLER, ["Noter un accompagnement", "Mes accompagnements"]),
        (
            roles.PARTENAIRE,
            ["Les accompagnements de ma structure", "Les bilans annuels"],
        ),
        (
            roles.COORDINATION,
            [
                "Noter un accompagnement",
                "Tous les accompagnements",
                "Les bilans annuels",
                "Les services à vérifier",
                "Ouvrir l’administration",
            ],
        ),
    ],
)
def test_the_professional_area_lists_each_apps_actions_in_order(client, make_user, role, links):
    client.force_login(make_user(role))

    html = client.get("/espace/").content.decode()

    positions = [html.index(link) for link in links]
    assert positions == sorted(positions)
    assert "pas encore de rôle" not in html


def test_an_account_without_a_role_is_told_to_ask_for_one(client, make_user):
    client.force_login(make_user(None))

    html = client.get("/espace/").content.decode()

    assert "Votre compte n’a pas encore de rôle." in html
    assert "accompagnement" not in html.lower()
