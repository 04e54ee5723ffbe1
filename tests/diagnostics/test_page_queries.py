"""The diagnostics' and bilans' pages and downloads cost the same number of queries
whatever the number of entries, places, structures, SWOT items or contributions: a query
per row would make them slower as the log grows."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from permanences.enums import Resultat
from tests.diagnostics.factories import (
    ActionFactory,
    ContributionFactory,
    DiagnosticFactory,
    IndicatorValueFactory,
    PhaseFactory,
    SwotItemFactory,
)
from tests.factories import UserFactory
from tests.permanences.factories import AccompagnementFactory, PermanenceFactory
from tests.services.factories import (
    LieuFactory,
    QuartierFactory,
    StructureFactory,
    StructureMembershipFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture(autouse=True)
def _on_1_december_2026(clock):
    clock("2026-12-01 10:00")


def captured(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return [query["sql"] for query in queries]


def queries_of(client, url) -> int:
    # The diagnostics keep their figures a quarter of an hour: count them each time.
    cache.clear()
    return len(captured(client, url))


def add_entries(structure, count):
    """Entries each at a place, from a quartier and re-oriented to a structure of its own."""
    conseiller = UserFactory(conseiller=True)
    for index in range(count):
        lieu = LieuFactory(quartier=QuartierFactory(name=f"Q{index}", slug=f"q-{index}"))
        AccompagnementFactory(
            conseiller=conseiller,
            structure=structure,
            lieu=lieu,
            date=date(2026, 1 + index % 12, 3),
            residence="quartier",
            quartier=lieu.quartier,
            resultat=Resultat.REORIENTEE,
            reoriente_vers=StructureFactory(),
        )
        PermanenceFactory(lieu=lieu, service__structure=structure, date=date(2026, 5, 1 + index))


BILAN_URLS = [
    "/espace/bilans/",
    "/espace/bilans/2026/",
    "/espace/bilans/2026.csv",
    "/espace/bilans/2026/accompagnements.csv",
]


@pytest.mark.parametrize("url", BILAN_URLS)
@pytest.mark.parametrize("visitor", ["partner", "coordination", "coordination of one"])
def test_bilans_cost_the_same_queries_with_more_entries(client, url, visitor):
    membership = StructureMembershipFactory()
    structure = membership.structure
    if visitor == "partner":
        client.force_login(membership.user)
    else:
        client.force_login(UserFactory(coordination=True))
    if visitor == "coordination of one":
        url += f"?structure={structure.slug}"

    add_entries(structure, 3)
    few = queries_of(client, url)
    add_entries(structure, 20)

    assert queries_of(client, url) == few


def add_to_diagnostic(diagnostic, count):
    for _ in range(count):
        SwotItemFactory(diagnostic=diagnostic)
        phase = PhaseFactory(diagnostic=diagnostic)
        action = ActionFactory(diagnostic=diagnostic, phase=phase)
        ActionFactory(diagnostic=diagnostic)
        value = IndicatorValueFactory()
        diagnostic.indicators.add(value.indicator)
        ContributionFactory(action=action)
        LieuFactory(quartier=diagnostic.quartier, half_days_per_week=4)
    add_entries(StructureFactory(), count)


def test_a_diagnostic_costs_the_same_queries_with_more_of_everything(client):
    diagnostic = DiagnosticFactory(published=True, quartier=QuartierFactory())
    url = diagnostic.get_absolute_url()

    add_to_diagnostic(diagnostic, 2)
    few = queries_of(client, url)
    add_to_diagnostic(diagnostic, 8)

    assert queries_of(client, url) == few


def test_the_diagnostics_figures_are_counted_once_per_quarter_of_an_hour(client):
    diagnostic = DiagnosticFactory(published=True)
    add_entries(StructureFactory(), 3)

    first = captured(client, diagnostic.get_absolute_url())
    again = captured(client, diagnostic.get_absolute_url())

    # The cartography of needs and the ateliers' figures come from the cache.
    assert any("permanences_accompagnement" in sql for sql in first)
    assert not any("permanences_accompagnement" in sql for sql in again)
    assert not any("ateliers_inscription" in sql for sql in again)
