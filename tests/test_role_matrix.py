"""Every professional URL, for every kind of visitor, answers exactly the expected status.

Rows are URLs, columns are visitors; a new professional URL must get its row here (the
last test fails until it does)."""

import re
from dataclasses import dataclass, field

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver

from permanences.models import Accompagnement
from roseraie_portal import roles
from tests.permanences.factories import AccompagnementFactory
from tests.permanences.log_form import valid_post
from tests.services.factories import ServiceFactory, StructureFactory, StructureMembershipFactory

pytestmark = pytest.mark.django_db

VISITORS = ("anonymous", "conseiller", "partner_a", "partner_b", "coordination")


def _accompagnement_admin_status():
    # Coordination reads the log in the admin once permanences/admin.py registers it.
    return 200 if admin.site.is_registered(Accompagnement) else 404


@dataclass(frozen=True)
class Row:
    method: str
    path: str  # may name {own}, {locked}, {other}, {service}
    statuses: tuple  # one per visitor, in the order of VISITORS
    route: str  # the URL pattern it exercises
    data: dict = field(default_factory=dict)

    def __str__(self):
        return f"{self.method} {self.path}"


MATRIX = [
    Row("GET", "/espace/", (302, 200, 200, 200, 200), "espace/"),
    Row(
        "GET",
        "/espace/accompagnements/",
        (302, 200, 200, 200, 200),
        "espace/accompagnements/",
    ),
    Row(
        "GET",
        "/espace/accompagnements/nouveau/",
        (302, 200, 403, 403, 200),
        "espace/accompagnements/nouveau/",
    ),
    Row(
        "POST",
        "/espace/accompagnements/nouveau/",
        (302, 302, 403, 403, 302),
        "espace/accompagnements/nouveau/",
        data=valid_post(),
    ),
    # {own}: the conseiller's entry, counted for partner A's structure.
    Row(
        "GET",
        "/espace/accompagnements/{own}/",
        (302, 200, 403, 403, 404),
        "espace/accompagnements/<int:pk>/",
    ),
    Row(
        "POST",
        "/espace/accompagnements/{own}/",
        (302, 302, 403, 403, 404),
        "espace/accompagnements/<int:pk>/",
        data=valid_post(duree="45"),
    ),
    # {locked}: the conseiller's own entry, saved more than 7 days ago.
    Row(
        "GET",
        "/espace/accompagnements/{locked}/",
        (302, 403, 403, 403, 404),
        "espace/accompagnements/<int:pk>/",
    ),
    # {other}: another conseiller's entry, counted for partner B's structure.
    Row(
        "GET",
        "/espace/accompagnements/{other}/",
        (302, 404, 403, 403, 404),
        "espace/accompagnements/<int:pk>/",
    ),
    Row(
        "POST",
        "/espace/accompagnements/{other}/",
        (302, 404, 403, 403, 404),
        "espace/accompagnements/<int:pk>/",
        data=valid_post(),
    ),
    Row(
        "GET",
        "/espace/accompagnements/999999/",
        (302, 404, 403, 403, 404),
        "espace/accompagnements/<int:pk>/",
    ),
    Row(
        "GET",
        "/espace/services-a-verifier/",
        (302, 403, 403, 403, 200),
        "espace/services-a-verifier/",
    ),
    Row(
        "POST",
        "/espace/services-a-verifier/{service}/verifie/",
        (302, 403, 403, 403, 302),
        "espace/services-a-verifier/<int:pk>/verifie/",
    ),
    Row("POST", "/comptes/deconnexion/", (302, 302, 302, 302, 302), "comptes/deconnexion/"),
    Row("GET", "/admin/", (302, 302, 302, 302, 200), "admin/"),
    Row(
        "GET",
        "/admin/permanences/accompagnement/",
        (302, 302, 302, 302, _accompagnement_admin_status()),
        "admin/",
    ),
]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Six accounts per cell: Argon2 would make the matrix take minutes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(make_user):
    structure_a, structure_b = StructureFactory(name="Structure A"), StructureFactory()
    conseiller = make_user(roles.CONSEILLER)
    other_conseiller = make_user(roles.CONSEILLER)
    partner_a = make_user(roles.PARTENAIRE)
    partner_b = make_user(roles.PARTENAIRE)
    StructureMembershipFactory(user=partner_a, structure=structure_a)
    StructureMembershipFactory(user=partner_b, structure=structure_b)
    own = AccompagnementFactory(conseiller=conseiller, structure=structure_a, note="la nôtre")
    locked = AccompagnementFactory(conseiller=conseiller, structure=structure_a, locked=True)
    other = AccompagnementFactory(conseiller=other_conseiller, structure=structure_b)
    return {
        "visitors": {
            "anonymous": None,
            "conseiller": conseiller,
            "partner_a": partner_a,
            "partner_b": partner_b,
            "coordination": make_user(roles.COORDINATION, is_staff=True),
        },
        "ids": {
            "own": own.pk,
            "locked": locked.pk,
            "other": other.pk,
            "service": ServiceFactory().pk,
        },
        "entries": {"own": own, "locked": locked, "other": other},
    }


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("row", MATRIX, ids=str)
def test_each_professional_url_answers_each_visitor_exactly(client, world, row, visitor):
    user = world["visitors"][visitor]
    if user is not None:
        client.force_login(user)
    path = row.path.format(**world["ids"])

    response = client.generic(row.method, path) if not row.data else client.post(path, row.data)

    expected = row.statuses[VISITORS.index(visitor)]
    assert response.status_code == expected, f"{visitor} {row.method} {path}"
    if visitor == "anonymous":
        assert re.match(r"^/(comptes/connexion|admin/login)/\?next=", response.url)


def test_partner_a_sees_its_structures_entries_and_not_partner_bs(client, world):
    client.force_login(world["visitors"]["partner_a"])

    response = client.get("/espace/accompagnements/")

    listed = {entry.pk for entry in response.context["page"]}
    assert listed == {world["ids"]["own"], world["ids"]["locked"]}
    html = response.content.decode()
    # Partner A may read them, never correct them.
    assert f'href="/espace/accompagnements/{world["ids"]["own"]}/"' not in html
    assert f"/espace/accompagnements/{world['ids']['other']}/" not in html


def test_partner_b_sees_only_the_other_structures_entry(client, world):
    client.force_login(world["visitors"]["partner_b"])

    listed = {entry.pk for entry in client.get("/espace/accompagnements/").context["page"]}

    assert listed == {world["ids"]["other"]}


def test_a_conseiller_lists_its_own_entries_and_coordination_all(client, world):
    client.force_login(world["visitors"]["conseiller"])
    own = {entry.pk for entry in client.get("/espace/accompagnements/").context["page"]}
    client.force_login(world["visitors"]["coordination"])
    every = {entry.pk for entry in client.get("/espace/accompagnements/").context["page"]}

    assert own == {world["ids"]["own"], world["ids"]["locked"]}
    assert every == set(world["ids"].values()) - {world["ids"]["service"]}


def test_writes_by_the_matrix_happen_only_for_the_roles_allowed(client, world):
    """The POST cells above are statuses; this one checks that a refused write wrote
    nothing and an accepted one wrote."""
    before = Accompagnement.objects.count()
    for visitor in ("partner_a", "partner_b"):
        client.force_login(world["visitors"][visitor])
        client.post("/espace/accompagnements/nouveau/", valid_post())
    assert Accompagnement.objects.count() == before
    client.force_login(world["visitors"]["conseiller"])
    client.post("/espace/accompagnements/nouveau/", valid_post())
    assert Accompagnement.objects.count() == before + 1


def _routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def test_every_professional_url_has_its_row_in_the_matrix():
    professional = {
        route.lstrip("^")
        for route in _routes(get_resolver().url_patterns)
        if route.lstrip("^").startswith("espace/")
    }

    assert professional <= {row.route for row in MATRIX}, "add a row to MATRIX"
