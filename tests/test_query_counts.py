"""Every page that lists rows costs the same number of queries whatever the number of rows:
a query per row (an N+1) makes a page slower as the directory, the schedule or the log grows.

Each case builds a few rows, counts the queries of its page, builds more (more than a
page where the list is paged), and counts again. Each row brings its own related rows
(structure, place, themes, hours), so that reading a relation in a loop shows. The page
must list the new rows too, or the count proves nothing."""

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

import factory
import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import resolve
from django.utils import timezone
from icalendar import Calendar

from roseraie_portal import roles
from services.models import Thematique
from services.search import refresh_search_vectors
from tests.ateliers.factories import AtelierCycleFactory, AtelierFactory, InscriptionFactory
from tests.diagnostics.factories import (
    ContributionFactory,
    DiagnosticFactory,
    IndicatorFactory,
)
from tests.factories import SchoolHolidayFactory, UserFactory
from tests.permanences.factories import (
    AccompagnementFactory,
    PermanenceFactory,
    PermanenceRuleFactory,
)
from tests.portal_admin import changelist_paths
from tests.services.factories import (
    LieuFactory,
    OpeningHoursFactory,
    OrientationFactory,
    QuartierFactory,
    ServiceFactory,
    StructureFactory,
    StructureMembershipFactory,
    SynonymFactory,
    ThematiqueFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

FEW = 2
SOINS = "sante--acces-aux-soins"
# A month the printable programme shows whatever the day the tests run: next year's
# March, within the three years ahead it accepts (roseraie_portal/dates.py: SCHEDULE).
MONTH = date(timezone.localdate().year + 1, 3, 1)


@dataclass(frozen=True)
class ListPage:
    """A page that lists rows, and how to give it more."""

    url: str
    queries: int
    add_rows: Callable  # (count, visitor) -> None: adds ``count`` rows the page lists
    shown: Callable  # (response, body) -> int: the rows the page lists
    per_page: int | None = None  # the rows one page shows, when it shows no more
    visitor: str | None = None  # a role, "superuser", or None for a resident

    def __str__(self):
        return f"{self.url} as {self.visitor}" if self.visitor else self.url


def _get_or_make(factory, **lookup):
    """The row of ``factory``'s model matching ``lookup``, made the first time."""
    return factory._meta.model.objects.filter(**lookup).first() or factory(**lookup)


def _in_days(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


# --- Rows -------------------------------------------------------------------------------


def _services(count, visitor=None, **fields):
    """Published services, each with its own structure, place (with hours), theme and hours."""
    for _ in range(count):
        lieu = LieuFactory()
        OpeningHoursFactory(lieu=lieu)
        service = ServiceFactory(complete=True, lieux=[lieu], thematiques=[SOINS], **fields)
        OpeningHoursFactory(service=service, weekday=4)


def _services_named_accueil(count, visitor=None):
    _services(count, name="Accueil des habitants")
    refresh_search_vectors()


def _services_of_the_caf(count, visitor=None):
    _services(count, structure=_get_or_make(StructureFactory, slug="caf"))


def _stale_services(count, visitor=None):
    _services(count, verifie_le=None)


def _permanences(count, visitor=None, *, first_day=None, lieu=None, **fields):
    """Half-days on following days, each of its own service, at its own place unless
    ``lieu`` is given."""
    first_day = first_day or _in_days(1)
    for index in range(count):
        PermanenceFactory(
            date=first_day + timedelta(days=index % 25),
            service=ServiceFactory(thematiques=[SOINS]),
            lieu=lieu or LieuFactory(),
            languages=["fr", "ar"],
            **fields,
        )


def _permanences_at_the_relais(count, visitor=None):
    relais = _get_or_make(LieuFactory, slug="relais-mairie", quartier=QuartierFactory())
    _permanences(count, lieu=relais)


def _permanences_of_the_month(count, visitor=None):
    _permanences(count, first_day=MONTH, thematique=Thematique.objects.get(code=SOINS))


def _places_and_permanences_of_a_service(count, visitor=None):
    service = _get_or_make(ServiceFactory, slug="allocations")
    for index in range(count):
        lieu = LieuFactory()
        OpeningHoursFactory(lieu=lieu)
        service.lieux.add(lieu)
        PermanenceFactory(service=service, lieu=lieu, date=_in_days(index + 1))


def _ateliers(count, visitor=None, **fields):
    """Sessions on following days, each at its own place, of its own structure, with a
    theme and people registered and waiting."""
    soins = Thematique.objects.get(code=SOINS)
    for index in range(count):
        atelier = AtelierFactory(
            date=_in_days(1 + index % 25), lieu=LieuFactory(), thematique=soins, **fields
        )
        InscriptionFactory.create_batch(2, atelier=atelier)
        InscriptionFactory(atelier=atelier, waiting=True)


def _ateliers_of_a_service(count, visitor=None):
    _ateliers(count, service=_get_or_make(ServiceFactory, slug="allocations"))


def _ateliers_of_the_partners_structure(count, visitor):
    _ateliers(count, structure=visitor.structure_membership.structure)


def _entries(count, visitor):
    """Entries of the log that ``visitor`` sees: its own, or its structure's."""
    membership = getattr(visitor, "structure_membership", None)
    own = {"conseiller": visitor} if roles.has_role(visitor, roles.CONSEILLER) else {}
    for _ in range(count):
        AccompagnementFactory(
            structure=membership.structure if membership else StructureFactory(),
            lieu=LieuFactory(),
            reoriented=True,
            **own,
        )


def _orientations_received(count, visitor):
    """Orientations to the partner's structure, each to its own service, from its own
    structure."""
    for _ in range(count):
        service = ServiceFactory(structure=visitor.structure_membership.structure, orientable=True)
        OrientationFactory(service=service)


def _orientations_sent(count, visitor):
    for _ in range(count):
        OrientationFactory(sender=visitor, from_structure=None)


def _accounts(count, visitor):
    """Accounts the coordination runs: partners, each with its own structure, and
    conseillers, every other one locked out after failed logins."""
    for index in range(count):
        if index % 2:
            StructureMembershipFactory()
            continue
        conseiller = UserFactory(conseiller=True)
        AccessAttempt.objects.create(
            username=conseiller.username,
            ip_address="10.0.0.1",
            user_agent="navigateur",
            http_accept="*/*",
            path_info="/comptes/connexion/",
            get_data="",
            post_data="",
            failures_since_start=settings.AXES_FAILURE_LIMIT,
        )


# --- What a page shows ------------------------------------------------------------------


def _context_rows(name):
    return lambda response, body: len(response.context[name])


def _page_rows(response, body):
    return len(response.context["page"].object_list)


def _agenda_rows(response, body):
    return sum(len(day["items"]) for day in response.context["days"])


def _structure_cards(response, body):
    return body.decode().count('class="service-card"')


def _events(response, body):
    return len(Calendar.from_ical(body).walk("VEVENT"))


def _json_rows(response, body):
    return len(json.loads(body))


def _csv_rows(response, body):
    lines = csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""), delimiter=";")
    return len(list(lines)) - 1  # the header


def _changelist_rows(response, body):
    return len(response.context["cl"].result_list)


# --- The test ---------------------------------------------------------------------------

VISITORS = {
    roles.CONSEILLER: lambda: UserFactory(conseiller=True),
    roles.PARTENAIRE: lambda: StructureMembershipFactory().user,
    roles.COORDINATION: lambda: UserFactory(coordination=True),
    "superuser": lambda: UserFactory(is_staff=True, is_superuser=True, username="superviseur"),
}


@pytest.fixture
def assert_same_queries_at_two_sizes(client, django_assert_num_queries):
    def fetch(url, queries):
        # An export streams: its queries run while its body is read.
        with django_assert_num_queries(queries):
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200
        return response, body

    def check(page: ListPage):
        visitor = VISITORS[page.visitor]() if page.visitor else None
        if visitor:
            client.force_login(visitor)
        more = page.per_page + 2 if page.per_page else 8

        page.add_rows(FEW, visitor)
        assert page.shown(*fetch(page.url, page.queries)) == FEW

        page.add_rows(more - FEW, visitor)
        assert page.shown(*fetch(page.url, page.queries)) == min(more, page.per_page or more)

    return check


PUBLIC_PAGES = [
    # Theme tiles, next permanences, next ateliers.
    ListPage("/", 3, _permanences, _context_rows("permanences"), per_page=5),
    ListPage("/", 3, _ateliers, _context_rows("ateliers"), per_page=4),
    # Count, page with structures, places; the theme and quartier lists of the filters.
    ListPage("/services/", 5, _services, _page_rows, per_page=10),
    # The corrections of the words and the synonyms, the ranked page with its counts,
    # the cards with their structures, their places; the filters' two lists.
    ListPage("/services/?q=accueil", 7, _services_named_accueil, _page_rows, per_page=10),
    # The structure, its services with their structures, their places.
    ListPage("/structures/caf/", 3, _services_of_the_caf, _structure_cards),
    # The service, its themes, own hours, places and their hours; next permanences and
    # ateliers.
    ListPage(
        "/services/allocations/",
        7,
        _places_and_permanences_of_a_service,
        _context_rows("permanences"),
        per_page=3,
    ),
    # The theme and place lists of the filters, the quartiers, the permanences, the
    # ateliers.
    ListPage("/agenda/", 5, _permanences, _agenda_rows),
    # The same, and the three filter values checked.
    ListPage(
        "/agenda/?theme=sante&quartier=la-roseraie&lieu=relais-mairie",
        8,
        _permanences_at_the_relais,
        _agenda_rows,
    ),
    ListPage("/agenda.ics", 2, _permanences, _events),
    # The place or the theme, then the permanences and the ateliers.
    ListPage("/agenda/lieux/relais-mairie.ics", 3, _permanences_at_the_relais, _events),
    ListPage("/agenda/themes/sante.ics", 3, _permanences, _events),
    ListPage(f"/agenda/imprimer/?mois={MONTH:%Y-%m}", 2, _permanences_of_the_month, _agenda_rows),
    # The permanences' and the ateliers' sources.
    ListPage("/agenda/", 5, _ateliers, _agenda_rows),
    ListPage("/agenda.ics", 2, _ateliers, _events),
    ListPage("/services/allocations/", 6, _ateliers_of_a_service, _context_rows("ateliers"), 3),
    # The places with ateliers, the theme and quartier lists, the count, the page.
    ListPage("/ateliers/", 5, _ateliers, _page_rows, per_page=10),
    # The same, and the two filter values checked.
    ListPage("/ateliers/?theme=sante&places=on", 6, _ateliers, _page_rows, 10),
    ListPage("/ateliers.ics", 1, _ateliers, _events),
]


@pytest.mark.parametrize("list_page", PUBLIC_PAGES, ids=str)
def test_public_list_pages_cost_the_same_queries_with_more_rows(
    assert_same_queries_at_two_sizes, list_page
):
    assert_same_queries_at_two_sizes(list_page)


PROFESSIONAL_PAGES = [
    # Session, user, roles, the count, the page's entries, the monthly totals. A partner's
    # scope reads its structure; a conseiller's and coordination's need no query.
    ListPage("/espace/accompagnements/", 6, _entries, _page_rows, 25, roles.CONSEILLER),
    ListPage("/espace/accompagnements/", 7, _entries, _page_rows, 25, roles.PARTENAIRE),
    ListPage("/espace/accompagnements/", 6, _entries, _page_rows, 25, roles.COORDINATION),
    # Session, user, roles, the count, the page of ateliers with their counts. A partner's
    # scope reads its structure.
    ListPage("/espace/ateliers/", 5, _ateliers, _page_rows, 20, roles.COORDINATION),
    ListPage(
        "/espace/ateliers/",
        6,
        _ateliers_of_the_partners_structure,
        _page_rows,
        20,
        roles.PARTENAIRE,
    ),
    # Session, user, roles, the account's structure, the count, the page with services
    # and structures, the unanswered count.
    ListPage("/espace/orientations/", 7, _orientations_received, _page_rows, 20, roles.PARTENAIRE),
    # A conseiller without structure: no unanswered count to read.
    ListPage(
        "/espace/orientations/?boite=envoyees",
        6,
        _orientations_sent,
        _page_rows,
        20,
        roles.CONSEILLER,
    ),
    # Session, user, roles, the structures of the filter, the count, the page's accounts
    # with their structures and locks, their roles.
    ListPage("/espace/comptes/", 7, _accounts, _page_rows, 25, roles.COORDINATION),
    # Session, user, roles, the services with their structures.
    ListPage(
        "/espace/services-a-verifier/",
        4,
        _stale_services,
        _context_rows("services"),
        visitor=roles.COORDINATION,
    ),
]


@pytest.mark.parametrize("list_page", PROFESSIONAL_PAGES, ids=str)
def test_professional_list_pages_cost_the_same_queries_with_more_rows(
    assert_same_queries_at_two_sizes, list_page
):
    assert_same_queries_at_two_sizes(list_page)


OPEN_DATA = [
    ListPage("/donnees/structures.json", 1, _services, _json_rows),
    ListPage("/donnees/structures.csv", 1, _services, _csv_rows),
    # Services, then their places, the places' hours, themes and own hours.
    ListPage("/donnees/services.json", 5, _services, _json_rows),
    ListPage("/donnees/services.csv", 5, _services, _csv_rows),
]


@pytest.mark.parametrize("list_page", OPEN_DATA, ids=str)
def test_open_data_exports_cost_the_same_queries_with_more_rows(
    assert_same_queries_at_two_sizes, list_page
):
    assert_same_queries_at_two_sizes(list_page)


def _changelist(url, queries, add_rows):
    visitor = "superuser" if url.startswith("/admin/roseraie_portal/user/") else roles.COORDINATION
    return ListPage(url, queries, add_rows, _changelist_rows, per_page=5, visitor=visitor)


def _rows(factory, **fields):
    return lambda count, visitor=None: factory.create_batch(count, **fields)


# Coordination works in the admin (the user admin is a superuser's). Their queries: session,
# user, its permissions (own and its groups'), the filtered and the total counts, the page;
# a related filter's choices; two for a date hierarchy.
ADMIN_CHANGELISTS = [
    _changelist("/admin/services/structure/", 7, _rows(StructureFactory)),
    _changelist(
        "/admin/services/quartier/",
        7,
        _rows(
            QuartierFactory,
            name=factory.Sequence(lambda n: f"Quartier {n}"),
            slug=factory.Sequence(lambda n: f"quartier-{n}"),
        ),
    ),
    _changelist("/admin/services/lieu/", 8, _rows(LieuFactory)),
    # Only the test's themes, among the national ones of the migrations.
    _changelist(
        "/admin/services/thematique/?q=theme-de-test",
        8,
        _rows(
            ThematiqueFactory,
            parent=factory.LazyFunction(lambda: Thematique.objects.get(code="sante")),
        ),
    ),
    _changelist("/admin/services/synonym/", 7, _rows(SynonymFactory)),
    _changelist("/admin/services/service/", 9, _services),
    _changelist("/admin/permanences/permanencerule/", 8, _rows(PermanenceRuleFactory)),
    _changelist("/admin/permanences/permanence/", 10, _permanences),
    _changelist("/admin/roseraie_portal/schoolholiday/", 9, _rows(SchoolHolidayFactory)),
    _changelist("/admin/permanences/accompagnement/", 10, _entries),
    # And the place, theme and structure filters' choices, and the figures of the list.
    _changelist("/admin/ateliers/atelier/", 14, _ateliers),
    _changelist("/admin/ateliers/ateliercycle/", 7, _rows(AtelierCycleFactory)),
    # And the quartier filter's choices.
    _changelist("/admin/diagnostics/diagnostic/", 8, _rows(DiagnosticFactory)),
    _changelist("/admin/diagnostics/indicator/", 7, _rows(IndicatorFactory)),
    # And the structure filter's choices.
    _changelist("/admin/diagnostics/contribution/", 9, _rows(ContributionFactory)),
    # Every account but the superuser's own.
    _changelist("/admin/roseraie_portal/user/?q=agent", 6, _rows(UserFactory, conseiller=True)),
]


@pytest.mark.parametrize("list_page", ADMIN_CHANGELISTS, ids=str)
def test_admin_changelists_cost_the_same_queries_with_more_rows(
    assert_same_queries_at_two_sizes, monkeypatch, list_page
):
    # Five rows a page rather than a hundred: more than a page from a few rows.
    model_admin = resolve(urlsplit(list_page.url).path).func.model_admin
    monkeypatch.setattr(model_admin, "list_per_page", list_page.per_page)

    assert_same_queries_at_two_sizes(list_page)


def test_every_admin_changelist_of_the_portal_has_its_query_count():
    counted = {urlsplit(list_page.url).path for list_page in ADMIN_CHANGELISTS}

    assert changelist_paths() <= counted
