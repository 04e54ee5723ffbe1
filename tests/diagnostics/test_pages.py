"""The diagnostics' public pages and the bilans' pages, as their readers meet them."""

import html
import re
from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from diagnostics.enums import ActionStatus, ContributionKind, ObjectiveKind, Quadrant
from tests.diagnostics.factories import (
    ActionFactory,
    ContributionFactory,
    DiagnosticFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ObjectiveFactory,
    PhaseFactory,
    SwotItemFactory,
)
from tests.factories import UserFactory
from tests.permanences.factories import AccompagnementFactory, PermanenceFactory
from tests.services.factories import (
    LieuFactory,
    QuartierFactory,
    StructureFactory,
)
from tests.text import page_text

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page's words, tags left out, spaces collapsed."""
    body = response.content.decode()
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


@pytest.fixture
def roseraie_diagnostic():
    roseraie = QuartierFactory()
    diagnostic = DiagnosticFactory(
        published=True, title="Diagnostic de La Roseraie", slug="roseraie", quartier=roseraie
    )
    for position, (quadrant, words) in enumerate(
        [
            (Quadrant.MENACE, "Fermeture de guichets"),
            (Quadrant.ATOUT, "Des partenaires mobilisés"),
            (Quadrant.ATOUT, "Un tram au cœur du quartier"),
            (Quadrant.FAIBLESSE, "Peu de wifi public"),
        ]
    ):
        SwotItemFactory(diagnostic=diagnostic, quadrant=quadrant, text=words, position=position)
    ObjectiveFactory(diagnostic=diagnostic, text="Réduire la fracture numérique")
    ObjectiveFactory(
        diagnostic=diagnostic,
        kind=ObjectiveKind.OPERATIONAL,
        text="Ouvrir un espace France Services",
    )
    phase = PhaseFactory(diagnostic=diagnostic, title="Préfiguration")
    caf, ville = StructureFactory(name="CAF"), StructureFactory(name="Ville d’Angers")
    action = ActionFactory(
        diagnostic=diagnostic, phase=phase, title="Former les agents d’accueil", owner=ville
    )
    ActionFactory(
        diagnostic=diagnostic, title="Cartographier les besoins", status=ActionStatus.DONE
    )
    indicator = IndicatorFactory(name="Fréquentation du service démarches")
    IndicatorValueFactory(indicator=indicator, value=Decimal("-66"), period="2016-2018")
    IndicatorValueFactory(
        indicator=indicator, value=Decimal("-12"), period="2019-2021", measured_on=date(2022, 2, 1)
    )
    diagnostic.indicators.add(indicator)
    ContributionFactory(action=action, structure=caf, amount=Decimal("1000"), year=2026)
    ContributionFactory(
        action=action,
        structure=ville,
        amount=Decimal("2500.50"),
        year=2026,
        kind=ContributionKind.PREMISES,
    )
    ContributionFactory(action=action, structure=caf, amount=Decimal("800"), year=2025)
    for equipped in (True, True, False):
        LieuFactory(quartier=roseraie, public_wifi=equipped)
    return diagnostic


# --- Diagnostics ------------------------------------------------------------------------


def test_residents_see_published_diagnostics_only(client, roseraie_diagnostic):
    DiagnosticFactory(title="Diagnostic en cours d’écriture", slug="brouillon")

    listing = client.get("/diagnostics/")

    assert "Diagnostic de La Roseraie" in text(listing)
    assert "Diagnostic en cours d’écriture" not in text(listing)
    assert client.get("/diagnostics/brouillon/").status_code == 404
    assert client.get("/diagnostics/qui-n-existe-pas/").status_code == 404


def test_professionals_see_drafts_marked_as_such(client, roseraie_diagnostic, conseiller):
    DiagnosticFactory(title="Diagnostic en cours d’écriture", slug="brouillon")
    client.force_login(conseiller)

    assert "Diagnostic en cours d’écriture Toute la ville" in text(client.get("/diagnostics/"))
    draft = client.get("/diagnostics/brouillon/")
    assert draft.status_code == 200
    assert "seuls les professionnels connectés voient ce diagnostic" in text(draft)


def test_a_diagnostic_shows_its_swot_in_the_decks_order_and_its_objectives(
    client, roseraie_diagnostic
):
    page = text(client.get("/diagnostics/roseraie/"))

    assert re.search(
        "Atouts Des partenaires mobilisés Un tram au cœur du quartier Faiblesses Peu de wifi"
        " public Opportunités Rien n’est noté ici pour l’instant. Menaces Fermeture de guichets",
        page,
    )
    assert "Objectif stratégique Réduire la fracture numérique" in page
    assert "Objectif opérationnel Ouvrir un espace France Services" in page


def test_a_diagnostic_shows_its_roadmap_actions_and_indicators_history(client, roseraie_diagnostic):
    page = text(client.get("/diagnostics/roseraie/"))

    assert "Préfiguration Du 1 janvier 2026 au 30 juin 2026" in page
    assert "Former les agents d’accueil Ville d’Angers 31 décembre 2026 En cours" in page
    assert "Autres actions" in page and "Cartographier les besoins" in page
    assert "2016-2018 -66 %" in page and "2019-2021 -12 %" in page


def test_the_common_budget_adds_up_per_action_and_per_partner_each_year(
    client, roseraie_diagnostic
):
    page = text(client.get("/diagnostics/roseraie/"))

    budget_2026 = page[page.index("Budget commun 2026") : page.index("Budget commun 2025")]
    assert "CAF Ville d’Angers Total de l’action" in budget_2026
    assert "Former les agents d’accueil 1 000 € 2 500,50 € 3 500,50 €" in budget_2026
    assert "Total du partenaire 1 000 € 2 500,50 € 3 500,50 €" in budget_2026
    assert "Locaux, 2 500,50 €" in budget_2026
    assert "800 €" in page[page.index("Budget commun 2025") :]


def test_a_diagnostic_counts_the_equipment_of_its_quartiers_places(client, roseraie_diagnostic):
    LieuFactory(quartier=QuartierFactory(justices=True), public_wifi=True)  # elsewhere

    page = text(client.get("/diagnostics/roseraie/"))

    assert "Wifi public : 2 lieux sur 3" in page


def test_the_occupation_of_shared_premises_is_the_share_of_half_days_used(
    client, roseraie_diagnostic, clock
):
    clock("2026-11-24 10:00")  # the last twelve complete months: November 2025 to October 2026
    relais = LieuFactory(
        name="Relais-Mairie", quartier=roseraie_diagnostic.quartier, half_days_per_week=2
    )
    # 52 weeks and a day, 2 half-days a week: 104 offered; 26 mornings and 26 afternoons.
    for week in range(26):
        day = date(2025, 11, 3) + timezone.timedelta(weeks=week)
        PermanenceFactory(lieu=relais, date=day, start_time=timezone.datetime(1, 1, 1, 9).time())
        PermanenceFactory(lieu=relais, date=day)  # 14:00, the same day's afternoon
    PermanenceFactory(lieu=relais, date=date(2026, 2, 3), cancelled_for_illness=True)

    page = text(client.get("/diagnostics/roseraie/"))

    assert "Relais-Mairie 104 52 50 % (dans l’objectif)" in page


def test_the_cartography_of_needs_protects_small_counts_on_the_public_page(
    client, roseraie_diagnostic, clock, fast_passwords
):
    clock("2026-11-24 10:00")
    conseiller = UserFactory(conseiller=True)
    relais = LieuFactory(name="Relais-Mairie", quartier=roseraie_diagnostic.quartier)
    AccompagnementFactory.create_batch(
        12, conseiller=conseiller, lieu=relais, date=date(2026, 3, 2)
    )
    AccompagnementFactory.create_batch(3, conseiller=conseiller, lieu=relais, date=date(2026, 4, 2))
    # Held in another quartier: not this diagnostic's.
    AccompagnementFactory.create_batch(
        7, conseiller=conseiller, lieu=LieuFactory(quartier=QuartierFactory(justices=True))
    )

    response = client.get("/diagnostics/roseraie/")

    months = response.context["demand"].months
    march, april = (months.shown(("cell", "n", date(2026, month, 1))) for month in (3, 4))
    assert april == "< 5"
    # Else the total (15) minus March (12) gives April back.
    assert sorted(map(str, [march, months.shown_total])) == ["12", "masqué"] or sorted(
        map(str, [march, months.shown_total])
    ) == ["15", "masqué"]
    assert "< 5" in text(response) and "masqué" in text(response)


# --- Bilans -----------------------------------------------------------------------------


@pytest.fixture
def on_1_december_2026(clock):
    clock("2026-12-01 10:00")


def test_the_bilans_list_the_years_of_the_partners_structure(client, caf_year, on_1_december_2026):
    client.force_login(caf_year["partner"])

    response = client.get("/espace/bilans/")

    assert response.context["years"] == [2026, 2025]
    assert "CAF de Maine-et-Loire" in text(response)
    assert 'href="/espace/bilans/2026/"' in response.content.decode()


def test_a_partner_reads_its_structures_year_beside_the_year_before(
    client, caf_year, on_1_december_2026
):
    client.force_login(caf_year["partner"])

    response = client.get("/espace/bilans/2026/")

    page = text(response)
    assert response.status_code == 200
    assert "Bilan 2026 CAF de Maine-et-Loire" in page
    assert "Accompagnements 18 9 +9" in page
    assert "Relais-Mairie 13 72 % 9 +4" in page
    # Another structure's entries are in nobody's bilan but the territory's and its own.
    assert "28" not in re.findall(r"\b\d+\b", page)
    assert "Choisir" not in page and 'name="structure"' not in response.content.decode()


def test_a_coordinator_reads_the_territory_or_one_structure_chosen(
    client, caf_year, coordinator, on_1_december_2026
):
    client.force_login(coordinator)

    territory = text(client.get("/espace/bilans/2026/"))
    ccas = client.get("/espace/bilans/2026/?structure=ccas")

    assert "Toutes les structures" in territory and "Accompagnements 28 9 +19" in territory
    assert "Accompagnements 10 0 +10" in text(ccas)
    assert '<option value="ccas" selected>' in ccas.content.decode()
    assert 'href="/espace/bilans/2026.csv?structure=ccas"' in ccas.content.decode()


def test_a_structure_that_does_not_exist_is_said_so_on_the_page_and_its_downloads(
    client, caf_year, coordinator, on_1_december_2026
):
    client.force_login(coordinator)

    for url in (
        "/espace/bilans/2026/?structure=inconnue",
        "/espace/bilans/2026.csv?structure=inconnue",
        "/espace/bilans/2026/accompagnements.csv?structure=inconnue",
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert response["Content-Type"].startswith("text/html")
        page = text(response)
        assert "Le formulaire contient des erreurs" in page
        assert "Cette structure n’existe pas. Choisissez-en une dans la liste." in page
        assert 'aria-describedby="id_structure_error"' in response.content.decode()


def test_a_year_outside_the_bilans_is_not_found(client, caf_year, on_1_december_2026):
    client.force_login(caf_year["partner"])

    assert client.get("/espace/bilans/2027/").status_code == 404
    assert client.get("/espace/bilans/1999/").status_code == 404
    assert client.get("/espace/bilans/99999999999999999999/").status_code == 404
    assert client.get("/espace/bilans/2020/").status_code == 200  # a year without data


def test_every_chart_has_a_summary_and_its_data_table_for_screen_readers(
    client, caf_year, on_1_december_2026
):
    client.force_login(caf_year["partner"])

    html = page_text(client.get("/espace/bilans/2026/"))

    figures = re.findall(r"<figure class=\"chart\">(.*?)</figure>(.*?)</section>", html, re.S)
    assert len(figures) == 9
    for drawing, after in figures:
        summary = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", drawing, re.S).group(1)
        assert summary.strip().endswith(".")
        assert re.search(r"<svg[^>]*aria-hidden=\"true\"", drawing) or "<svg" not in drawing
        assert "<caption" in after and 'scope="row"' in after and 'scope="col"' in after
    assert "18 accompagnements en 2026, 100 % de plus qu’en 2025." in html
    assert "Le mois le plus chargé : avril (12)." in html
    assert "En tête : « Relais-Mairie » (13, soit 72 %), puis « Centre Jean Vilar » (5)." in html


def test_arabic_bilans_draw_their_bars_from_the_right(client, caf_year, on_1_december_2026):
    client.force_login(caf_year["partner"])

    french = client.get("/espace/bilans/2026/").context["bilan"]
    arabic = client.get("/ar/espace/bilans/2026/").context["bilan"]

    bars = {bar.label: bar for bar in french.accompaniments[2].chart.bars}
    mirrored = {bar.label: bar for bar in arabic.accompaniments[2].chart.bars}
    relais, mirrored_relais = bars["Relais-Mairie"], mirrored["Relais-Mairie"]
    assert relais.x == 0 and relais.width == mirrored_relais.width
    assert mirrored_relais.x + mirrored_relais.width == pytest.approx(360)
