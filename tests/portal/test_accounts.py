import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from roseraie_portal import roles
from tests.factories import PASSWORD, UserFactory
from tests.services.factories import StructureMembershipFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/comptes/connexion/"


def test_roles_exist_with_coordination_allowed_to_edit_the_directory():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL)
    coordination = Group.objects.get(name=roles.COORDINATION)
    assert coordination.permissions.filter(codename="change_structure").exists()
    assert not Permission.objects.filter(
        group__name=roles.PARTENAIRE, codename="change_structure"
    ).exists()


DIRECTORY_AND_SCHEDULE = {
    "services": ("structure", "structuremembership", "quartier", "thematique", "lieu")
    + ("service", "openinghours", "synonym"),
    "permanences": ("permanence", "permanencerule"),
    "roseraie_portal": ("schoolholiday",),
    "ateliers": ("atelier", "ateliercycle", "inscription"),
    "diagnostics": ("diagnostic", "swotitem", "objective", "phase", "action")
    + ("indicator", "indicatorvalue", "contribution"),
}


def test_coordination_manages_the_directory_and_schedule_and_only_reads_the_log():
    granted = set(
        Permission.objects.filter(group__name=roles.COORDINATION).values_list(
            "content_type__app_label", "codename"
        )
    )

    expected = {
        (app, f"{action}_{model}")
        for app, models in DIRECTORY_AND_SCHEDULE.items()
        for model in models
        for action in ("add", "change", "delete", "view")
    } | {("permanences", "view_accompagnement")}
    assert granted == expected
    assert not Permission.objects.filter(
        group__name__in=[roles.CONSEILLER, roles.PARTENAIRE]
    ).exists()


def test_passwords_are_hashed_with_argon2():
    user = UserFactory()

    assert user.password.startswith("argon2")


def test_professional_area_asks_anonymous_visitors_to_log_in(client):
    response = client.get("/espace/")

    assert response.status_code == 302
    assert response.url == f"{LOGIN_URL}?next=/espace/"


def test_login_leads_to_the_professional_area(client, conseiller):
    response = client.post(LOGIN_URL, {"username": conseiller.username, "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("espace")
    assert client.get("/espace/").status_code == 200


def test_wrong_password_keeps_the_username_and_explains(client, conseiller):
    response = client.post(LOGIN_URL, {"username": conseiller.username, "password": "faux"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "L&#x27;identifiant ou le mot de passe ne correspond pas" in html
    assert f'value="{conseiller.username}"' in html


def test_five_failures_lock_the_account_from_that_address_even_with_the_right_password(
    client, conseiller
):
    for _ in range(5):
        client.post(LOGIN_URL, {"username": conseiller.username, "password": "faux"})

    response = client.post(LOGIN_URL, {"username": conseiller.username, "password": PASSWORD})

    assert response.status_code == 429
    html = response.content.decode()
    assert "Connexion bloquée pour un moment" in html
    assert "la connexion est bloquée pendant 15 minutes" in html
    assert "_auth_user_id" not in client.session


def test_lock_is_per_account_and_address_so_colleagues_can_still_log_in(client, conseiller):
    colleague = UserFactory()
    for _ in range(5):
        client.post(LOGIN_URL, {"username": conseiller.username, "password": "faux"})

    response = client.post(LOGIN_URL, {"username": colleague.username, "password": PASSWORD})

    assert response.status_code == 302


def test_partner_sees_the_structure_it_is_attached_to(client, make_user):
    partner = make_user(roles.PARTENAIRE)
    membership = StructureMembershipFactory(user=partner, structure__name="CAF de Maine-et-Loire")
    client.force_login(partner)

    html = client.get("/espace/").content.decode()

    assert f"rattaché à la structure {membership.structure.name}" in html


def test_coordinator_is_offered_the_admin(client, coordinator):
    client.force_login(coordinator)

    html = client.get("/espace/").content.decode()

    assert 'href="/admin/"' in html
    assert client.get("/admin/").status_code == 200


def test_account_without_role_is_told_to_ask_for_one(client, make_user):
    client.force_login(make_user())

    html = client.get("/espace/").content.decode()

    assert "Votre compte n’a pas encore de rôle" in html


def test_logout_is_a_post_and_returns_home(client, conseiller):
    client.force_login(conseiller)

    response = client.post("/comptes/deconnexion/")

    assert response.status_code == 302
    assert client.get("/espace/").status_code == 302
