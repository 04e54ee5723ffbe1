"""Every professional URL, for every kind of visitor, answers exactly the expected status.

Rows are URLs, columns are visitors, cells the statuses written down; a new professional
URL (under espace/), account URL (under comptes/, some of them public) or admin
changelist must get its row here (the last two tests fail until it does)."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from permanences.models import Accompagnement
from tests.ateliers.factories import AtelierFactory
from tests.factories import UserFactory
from tests.permanences.factories import AccompagnementFactory
from tests.permanences.log_form import valid_post
from tests.portal_admin import changelist_paths
from tests.services.factories import (
    OrientationFactory,
    ServiceFactory,
    StructureMembershipFactory,
)

# Six accounts per cell: fast_passwords, or Argon2 would make the matrix take minutes.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

VISITORS = ("anonymous", "conseiller", "partner_a", "partner_b", "coordination")

# "METHOD path": the status each visitor gets, in the order of VISITORS. In paths, {own} is
# the conseiller's entry, counted for partner A's structure; {locked} the conseiller's entry
# saved more than 7 days ago; {other} another conseiller's, counted for partner B's
# structure; {service} a service of the directory. A POST sends a valid entry of the log,
# a registration and an attendance: each form reads its own fields.
# fmt: off
MATRIX = {
    "GET /espace/":                                        (302, 200, 200, 200, 200),
    "GET /espace/accompagnements/":                        (302, 200, 200, 200, 200),
    "POST /espace/accompagnements/":                       (302, 405, 405, 405, 405),
    "GET /espace/accompagnements/nouveau/":                (302, 200, 403, 403, 200),
    "POST /espace/accompagnements/nouveau/":               (302, 302, 403, 403, 302),
    "GET /espace/accompagnements/{own}/":                  (302, 200, 403, 403, 404),
    "POST /espace/accompagnements/{own}/":                 (302, 302, 403, 403, 404),
    "GET /espace/accompagnements/{locked}/":               (302, 403, 403, 403, 404),
    "POST /espace/accompagnements/{locked}/":              (302, 403, 403, 403, 404),
    "GET /espace/accompagnements/{other}/":                (302, 404, 403, 403, 404),
    "POST /espace/accompagnements/{other}/":               (302, 404, 403, 403, 404),
    "GET /espace/accompagnements/999999/":                 (302, 404, 403, 403, 404),
    "GET /espace/services-a-verifier/":                    (302, 403, 403, 403, 200),
    "GET /espace/services-a-verifier/{service}/verifie/":  (302, 405, 405, 405, 405),
    "POST /espace/services-a-verifier/{service}/verifie/": (302, 403, 403, 403, 302),
    # {atelier}: a session of partner A's structure, led by the conseiller.
    "GET /espace/ateliers/":                               (302, 200, 200, 200, 200),
    "GET /espace/ateliers/{atelier}/inscrire/":            (302, 200, 200, 403, 200),
    "POST /espace/ateliers/{atelier}/inscrire/":           (302, 302, 302, 403, 302),
    "GET /espace/ateliers/{atelier}/presences/":           (302, 200, 403, 403, 200),
    "POST /espace/ateliers/{atelier}/presences/":          (302, 302, 403, 403, 302),
    "GET /espace/ateliers/999999/presences/":              (302, 404, 404, 404, 404),
    # The bilans: partners their structure's, coordination any; {year} is this year,
    # {structure_a} and {structure_b} the partners' structures.
    "GET /espace/bilans/":                                 (302, 403, 200, 200, 200),
    "POST /espace/bilans/":                                (302, 405, 405, 405, 405),
    "GET /espace/bilans/?structure={structure_a}":         (302, 403, 200, 403, 200),
    "GET /espace/bilans/{year}/":                          (302, 403, 200, 200, 200),
    "GET /espace/bilans/{year}/?structure={structure_a}":  (302, 403, 200, 403, 200),
    "GET /espace/bilans/{year}/?structure=inconnue":       (302, 403, 403, 403, 400),
    "GET /espace/bilans/{year}.csv":                       (302, 403, 200, 200, 200),
    "GET /espace/bilans/{year}.csv?structure={structure_a}": (302, 403, 200, 403, 200),
    "GET /espace/bilans/{year}/accompagnements.csv":       (302, 403, 200, 200, 200),
    "GET /espace/bilans/{year}/accompagnements.csv?structure={structure_b}":
                                                           (302, 403, 403, 200, 200),
    "GET /espace/bilans/1999/":                            (302, 403, 404, 404, 404),
    # Orientations: {orientation} was sent by the conseiller to a service of partner A's
    # structure; only the sending and the receiving sides read it, the receiving side
    # answers it, the sending side withdraws it.
    "GET /espace/orientations/":                           (302, 200, 200, 200, 200),
    "POST /espace/orientations/":                          (302, 405, 405, 405, 405),
    "GET /espace/orientations/nouvelle/":                  (302, 200, 200, 200, 200),
    "POST /espace/orientations/nouvelle/":                 (302, 302, 302, 302, 302),
    "GET /espace/orientations/{orientation}/":             (302, 200, 200, 404, 404),
    "POST /espace/orientations/{orientation}/":            (302, 405, 405, 405, 405),
    "GET /espace/orientations/{orientation}/reponse/":     (302, 405, 405, 405, 405),
    "POST /espace/orientations/{orientation}/reponse/":    (302, 403, 302, 404, 404),
    "POST /espace/orientations/{orientation}/retrait/":    (302, 302, 403, 404, 404),
    "GET /espace/orientations/999999/":                    (302, 404, 404, 404, 404),
    # Accounts: the coordination runs those of conseillers and partners ({account}, a
    # conseiller's), never a superuser's ({superuser}), a coordinator's or its own
    # ({coordinator}, the coordination visitor's): a 403 that says why.
    "GET /espace/comptes/":                                (302, 403, 403, 403, 200),
    "POST /espace/comptes/":                               (302, 405, 405, 405, 405),
    "GET /espace/comptes/nouveau/":                        (302, 403, 403, 403, 200),
    "POST /espace/comptes/nouveau/":                       (302, 403, 403, 403, 302),
    "GET /espace/comptes/{account}/":                      (302, 403, 403, 403, 200),
    "POST /espace/comptes/{account}/":                     (302, 405, 405, 405, 405),
    "GET /espace/comptes/{superuser}/":                    (302, 403, 403, 403, 403),
    "GET /espace/comptes/{coordinator}/":                  (302, 403, 403, 403, 403),
    "GET /espace/comptes/999999/":                         (302, 403, 403, 403, 404),
    "GET /espace/comptes/{account}/desactiver/":           (302, 405, 405, 405, 405),
    "POST /espace/comptes/{account}/desactiver/":          (302, 403, 403, 403, 302),
    "POST /espace/comptes/{superuser}/desactiver/":        (302, 403, 403, 403, 403),
    "POST /espace/comptes/{coordinator}/desactiver/":      (302, 403, 403, 403, 403),
    "POST /espace/comptes/999999/desactiver/":             (302, 403, 403, 403, 404),
    "GET /espace/comptes/{account}/reactiver/":            (302, 405, 405, 405, 405),
    "POST /espace/comptes/{account}/reactiver/":           (302, 403, 403, 403, 302),
    "POST /espace/comptes/{superuser}/reactiver/":         (302, 403, 403, 403, 403),
    "POST /espace/comptes/{coordinator}/reactiver/":       (302, 403, 403, 403, 403),
    "GET /espace/comptes/{account}/debloquer/":            (302, 405, 405, 405, 405),
    "POST /espace/comptes/{account}/debloquer/":           (302, 403, 403, 403, 302),
    "POST /espace/comptes/{superuser}/debloquer/":         (302, 403, 403, 403, 403),
    "POST /espace/comptes/{coordinator}/debloquer/":       (302, 403, 403, 403, 403),
    "GET /espace/comptes/{account}/lien-mot-de-passe/":    (302, 405, 405, 405, 405),
    "POST /espace/comptes/{account}/lien-mot-de-passe/":   (302, 403, 403, 403, 302),
    "POST /espace/comptes/{superuser}/lien-mot-de-passe/": (302, 403, 403, 403, 403),
    "POST /espace/comptes/{coordinator}/lien-mot-de-passe/": (302, 403, 403, 403, 403),
    # Public pages (PUBLIC below): the login, and the forgotten password for every
    # account; {uid} and {token} make a valid link of {account}, which leads to the form
    # once the token has moved into the session (without it, the link "ne marche plus").
    "GET /comptes/connexion/":                             (200, 302, 302, 302, 302),
    "POST /comptes/connexion/":                            (200, 302, 302, 302, 302),
    "GET /comptes/mot-de-passe/":                          (200, 200, 200, 200, 200),
    "POST /comptes/mot-de-passe/":                         (302, 302, 302, 302, 302),
    "GET /comptes/mot-de-passe/envoye/":                   (200, 200, 200, 200, 200),
    "POST /comptes/mot-de-passe/envoye/":                  (405, 405, 405, 405, 405),
    "GET /comptes/mot-de-passe/{uid}/{token}/":            (302, 302, 302, 302, 302),
    "POST /comptes/mot-de-passe/{uid}/{token}/":           (302, 302, 302, 302, 302),
    "GET /comptes/mot-de-passe/{uid}/set-password/":       (200, 200, 200, 200, 200),
    "POST /comptes/mot-de-passe/{uid}/set-password/":      (200, 200, 200, 200, 200),
    "GET /comptes/mot-de-passe/{uid}/mauvais-jeton/":      (200, 200, 200, 200, 200),
    "GET /comptes/mot-de-passe/termine/":                  (200, 200, 200, 200, 200),
    "POST /comptes/mot-de-passe/termine/":                 (405, 405, 405, 405, 405),
    "POST /comptes/deconnexion/":                          (302, 302, 302, 302, 302),
    # The admin: coordination keeps the directory and the schedule, reads the log, and
    # does not manage accounts.
    "GET /admin/":                                         (302, 302, 302, 302, 200),
    "GET /admin/services/structure/":                      (302, 302, 302, 302, 200),
    "GET /admin/services/quartier/":                       (302, 302, 302, 302, 200),
    "GET /admin/services/lieu/":                           (302, 302, 302, 302, 200),
    "GET /admin/services/thematique/":                     (302, 302, 302, 302, 200),
    "GET /admin/services/synonym/":                        (302, 302, 302, 302, 200),
    "GET /admin/services/service/":                        (302, 302, 302, 302, 200),
    "GET /admin/permanences/permanencerule/":              (302, 302, 302, 302, 200),
    "GET /admin/permanences/permanence/":                  (302, 302, 302, 302, 200),
    "GET /admin/roseraie_portal/schoolholiday/":               (302, 302, 302, 302, 200),
    "GET /admin/permanences/accompagnement/":              (302, 302, 302, 302, 200),
    "GET /admin/permanences/accompagnement/add/":          (302, 302, 302, 302, 403),
    "GET /admin/ateliers/atelier/":                        (302, 302, 302, 302, 200),
    "GET /admin/ateliers/ateliercycle/":                   (302, 302, 302, 302, 200),
    "GET /admin/diagnostics/diagnostic/":                  (302, 302, 302, 302, 200),
    "GET /admin/diagnostics/diagnostic/add/":              (302, 302, 302, 302, 200),
    "GET /admin/diagnostics/indicator/":                   (302, 302, 302, 302, 200),
    "GET /admin/diagnostics/contribution/":                (302, 302, 302, 302, 200),
    "GET /admin/roseraie_portal/user/":                    (302, 302, 302, 302, 403),
}
# fmt: on
# Pages that anyone may open: an anonymous visitor is not sent to the login page.
PUBLIC = ("/comptes/connexion/", "/comptes/mot-de-passe/")
POSTED = {
    **valid_post(),
    "first_name": "Nour",
    "walk_ins": "0",
    "service": "orientable",
    "urgency": "normale",
    "language": "fr",
    "decision": "accepter",
    "consent": "on",
    # A new account, and an address for the forgotten password.
    "username": "nour.haddad",
    "last_name": "Haddad",
    "email": "nour.haddad@example.org",
    "role": "conseiller",
}


@pytest.fixture
def world(db):
    partner_a = StructureMembershipFactory(structure__name="Structure A").user
    partner_b = StructureMembershipFactory().user
    structure_a = partner_a.structure_membership.structure
    structure_b = partner_b.structure_membership.structure
    conseiller = UserFactory(conseiller=True)
    own = AccompagnementFactory(conseiller=conseiller, structure=structure_a, note="la nôtre")
    locked = AccompagnementFactory(conseiller=conseiller, structure=structure_a, locked=True)
    other = AccompagnementFactory(structure=structure_b)  # another conseiller's
    atelier = AtelierFactory(structure=structure_a, animateur=conseiller)
    orientable = ServiceFactory(structure=structure_a, slug="orientable", orientable=True)
    orientation = OrientationFactory(service=orientable, sender=conseiller, from_structure=None)
    coordination = UserFactory(coordination=True)
    account = UserFactory(conseiller=True, email="compte@example.org")
    superuser = UserFactory(is_superuser=True, is_staff=True)
    return {
        "visitors": {
            "anonymous": None,
            "conseiller": conseiller,
            "partner_a": partner_a,
            "partner_b": partner_b,
            "coordination": coordination,
        },
        "ids": {
            "own": own.pk,
            "locked": locked.pk,
            "other": other.pk,
            "service": ServiceFactory().pk,
            "atelier": atelier.pk,
            "orientation": orientation.pk,
            "year": timezone.localdate().year,
            "structure_a": structure_a.slug,
            "structure_b": structure_b.slug,
            "account": account.pk,
            "superuser": superuser.pk,
            "coordinator": coordination.pk,
            "uid": urlsafe_base64_encode(force_bytes(account.pk)),
            "token": default_token_generator.make_token(account),
        },
    }


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("row", MATRIX)
def test_each_professional_url_answers_each_visitor_exactly(client, world, row, visitor):
    user = world["visitors"][visitor]
    if user is not None:
        client.force_login(user)
    method, path = row.split()
    path = path.format(**world["ids"])

    response = client.post(path, POSTED) if method == "POST" else client.get(path)

    expected = MATRIX[row][VISITORS.index(visitor)]
    assert response.status_code == expected, f"{visitor} {method} {path}"
    if visitor == "anonymous" and not path.startswith(PUBLIC):
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
    assert every == {world["ids"][name] for name in ("own", "locked", "other")}


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
    professional = {route for route in _routes(get_resolver().url_patterns)}
    professional = {route for route in professional if route.startswith(("espace/", "comptes/"))}
    any_id = dict.fromkeys(
        ("own", "locked", "other", "service", "atelier", "orientation", "year")
        + ("account", "superuser", "coordinator"),
        1,
    )
    any_id |= {"structure_a": "a", "structure_b": "b", "uid": "MQ", "token": "jeton"}
    in_matrix = {resolve(urlsplit(row.split()[1].format(**any_id)).path).route for row in MATRIX}

    assert professional <= in_matrix, "add a row to MATRIX"


def test_every_admin_changelist_of_the_portal_has_its_row_in_the_matrix():
    assert {f"GET {path}" for path in changelist_paths()} <= set(MATRIX), "add a row to MATRIX"
