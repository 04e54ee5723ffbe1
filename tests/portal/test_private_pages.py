"""Professional pages, the admin, the account pages and every page shown to a logged-in
account are never stored by the browser: on a shared computer, the next person finds none
of them with the back button after logout. Public pages may be kept."""

import pytest

from tests import test_role_matrix as role_matrix
from tests.ateliers.factories import InscriptionFactory
from tests.services.factories import ServiceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

# The role matrix's accounts and ids: each of its rows is a professional URL.
world = role_matrix.world


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def assert_never_stored(response, what):
    assert {"private", "no-store"} <= directives(response), what
    assert "public" not in directives(response), what


def visitor_for(row) -> str:
    """A logged-in visitor who gets the page itself (a 200) when one does, else coordination."""
    statuses = dict(zip(role_matrix.VISITORS, role_matrix.MATRIX[row], strict=True))
    return next(
        (name for name, status in statuses.items() if name != "anonymous" and status == 200),
        "coordination",
    )


@pytest.mark.parametrize("row", role_matrix.MATRIX)
def test_every_professional_url_is_never_stored(client, world, row):
    method, path = row.split()
    path = path.format(**world["ids"])
    send = client.post if method == "POST" else client.get

    anonymous = send(path, role_matrix.POSTED) if method == "POST" else send(path)
    client.force_login(world["visitors"][visitor_for(row)])
    logged_in = send(path, role_matrix.POSTED) if method == "POST" else send(path)

    assert_never_stored(anonymous, f"anonymous {row}: {anonymous.status_code}")
    assert_never_stored(logged_in, f"{visitor_for(row)} {row}: {logged_in.status_code}")


@pytest.mark.parametrize(
    "path",
    [
        "/comptes/connexion/",
        "/admin/login/",
        "/en/comptes/connexion/",
        "/ar/espace/",
        "/en/espace/bilans/2026.csv",
    ],
)
def test_account_pages_and_prefixed_professional_pages_are_never_stored(client, path):
    assert_never_stored(client.get(path), path)


def test_logout_is_never_stored(client, conseiller):
    client.force_login(conseiller)

    assert_never_stored(client.post("/comptes/deconnexion/"), "logout")


def test_a_registrations_own_page_is_never_stored(client):
    inscription = InscriptionFactory(first_name="Nour", by_email=True)

    response = client.get(inscription.get_absolute_url())

    assert response.status_code == 200
    assert_never_stored(response, "the registration's page")


PUBLIC = [
    "/",
    "/services/",
    "/services/?q=caf",
    "/agenda/",
    "/agenda.ics",
    "/ateliers/",
    "/diagnostics/",
    "/accessibilite/",
    "/donnees-personnelles/",
    "/donnees/services.csv",
    "/donnees/structures.csv",
    "/donnees/services.json",
    "/en/",
    "/ar/agenda/",
]


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_and_open_data_may_be_kept(client, path):
    response = client.get(path)

    assert response.status_code == 200
    assert "no-store" not in directives(response)
    assert "private" not in directives(response)


def test_a_public_page_shown_to_a_professional_is_never_stored(client, conseiller):
    service = ServiceFactory(pro_contact="Mme Référente, ligne directe 02 41 00 00 99")
    client.force_login(conseiller)

    response = client.get(service.get_absolute_url())

    assert "ligne directe" in response.content.decode()  # what only professionals see
    assert_never_stored(response, "a service's page, logged in")
    client.logout()
    assert "no-store" not in directives(client.get(service.get_absolute_url()))
