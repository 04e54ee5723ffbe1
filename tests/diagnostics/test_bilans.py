"""Every figure of an annual bilan, against the year of the CAF counted by hand
(tests/diagnostics/conftest.py, ``caf_year``)."""

from datetime import date

import pytest

from diagnostics import bilans
from diagnostics.disclosure import HIDDEN, MASKED
from permanences.enums import Autonomie, Resultat, ThemeNumerique, TrancheAge
from services.enums import NON_COMMUNIQUE, OrientationSource
from services.selectors import Scope
from tests.permanences.factories import AccompagnementFactory
from tests.services.factories import LieuFactory

pytestmark = pytest.mark.django_db

EVERYTHING = Scope(everything=True)


def of(structure) -> Scope:
    return Scope(structure_ids=frozenset({structure.pk}))


def section(bilan, slug) -> bilans.Section:
    return next(each for each in bilan.sections if each.slug == slug)


def by_key(section) -> dict:
    return {line.key: line for line in section.lines}


def year_totals(section) -> dict:
    """Each line's label → (this year's total, last year's, the change)."""
    return {line.label: (line.total, line.previous, line.change) for line in section.lines}


@pytest.fixture
def caf_2026(caf_year):
    return bilans.build(year=2026, scope=of(caf_year["caf"]), scope_label="CAF")


def test_the_months_count_the_structures_accompaniments_beside_last_year(caf_2026):
    (line,) = section(caf_2026, "mois").lines

    assert line.cells == [0, 0, 6, 12, 0, 0, 0, 0, 0, 0, 0, 0]
    assert (line.total, line.previous, line.change) == (18, 9, 9)


def test_each_theme_cited_is_counted_and_the_total_counts_themes_not_people(caf_2026):
    themes = section(caf_2026, "themes")

    lines = by_key(themes)
    assert set(lines) == {ThemeNumerique.PAPIERS, ThemeNumerique.COURRIELS, ThemeNumerique.LOGEMENT}
    assert lines[ThemeNumerique.PAPIERS].cells[2:4] == [6, 5]
    assert (lines[ThemeNumerique.PAPIERS].total, lines[ThemeNumerique.PAPIERS].previous) == (11, 9)
    assert lines[ThemeNumerique.COURRIELS].total == 5
    assert lines[ThemeNumerique.LOGEMENT].total == 7
    assert themes.totals.total == 23
    assert themes.totals.label == "Total des thèmes cités"


def test_places_ages_quartiers_and_how_people_heard_add_up_to_the_year(caf_year, caf_2026):
    places = year_totals(section(caf_2026, "lieux"))
    assert places == {"Relais-Mairie": (13, 9, 4), "Centre Jean Vilar": (5, 0, 5)}
    ages = by_key(section(caf_2026, "ages"))
    assert ages[TrancheAge.AGE_25_39].total == 13
    assert ages[TrancheAge.AGE_60_69].total == 5
    assert ages[NON_COMMUNIQUE].total == 0
    quartiers = year_totals(section(caf_2026, "quartiers"))
    assert quartiers["La Roseraie"] == (13, 9, 4)
    assert quartiers["Hors quartier"] == (5, 0, 5)
    assert quartiers["Non communiqué"] == (0, 0, 0)
    heard = by_key(section(caf_2026, "connaissance"))
    assert heard[OrientationSource.FLYER].total == 13
    assert heard[OrientationSource.BOUCHE_A_OREILLE].total == 5
    for slug in ("lieux", "ages", "quartiers", "connaissance", "autonomie", "resultats"):
        assert section(caf_2026, slug).totals.total == 18, slug


def test_autonomy_outcomes_and_reorientations_are_counted(caf_year, caf_2026):
    autonomy = by_key(section(caf_2026, "autonomie"))
    assert [autonomy[value].total for value in Autonomie.values] == [6, 5, 7]
    outcomes = by_key(section(caf_2026, "resultats"))
    assert outcomes[Resultat.ABOUTIE].total == 13
    assert outcomes[Resultat.REORIENTEE].total == 5
    assert outcomes[Resultat.NON_ABOUTIE].total == 0
    assert year_totals(section(caf_2026, "reorientations")) == {"CCAS d’Angers": (5, 0, 5)}


def test_shares_are_of_the_tables_total(caf_2026):
    places = by_key(section(caf_2026, "lieux"))

    shares = sorted(line.share for line in places.values())
    assert shares == pytest.approx([5 / 18, 13 / 18])


def test_the_ateliers_count_sessions_held_registrations_presence_and_walk_ins(caf_2026):
    ateliers = year_totals(section(caf_2026, "ateliers"))

    assert ateliers["Séances tenues"] == (2, 1, 1)
    assert ateliers["Inscriptions confirmées"] == (10, 5, 5)
    assert ateliers["Personnes présentes"] == (8, 5, 3)
    # 2 walk-ins: a small count of people, hidden.
    assert ateliers["Venues sans inscription"][0] == HIDDEN
    rate = section(caf_2026, "ateliers").lines[-1]
    assert rate.is_rate
    assert (rate.total, rate.previous) == (pytest.approx(0.8), pytest.approx(1.0))
    assert rate.cells[4] == pytest.approx(0.8)


def test_the_permanences_count_those_held_and_those_cancelled(caf_2026):
    permanences = year_totals(section(caf_2026, "permanences"))

    # Sessions, not people: never hidden, even under 5.
    assert permanences["Permanences tenues"] == (3, 0, 3)
    assert permanences["Permanences annulées"] == (1, 0, 1)


def test_a_structures_bilan_leaves_out_the_other_structures_entries(caf_year, caf_2026):
    territory = bilans.build(year=2026, scope=EVERYTHING, scope_label="Tout")
    ccas = bilans.build(year=2026, scope=of(caf_year["ccas"]), scope_label="CCAS")

    assert section(territory, "mois").lines[0].cells[2:5] == [6, 12, 10]
    assert section(territory, "mois").lines[0].total == 28
    assert section(ccas, "mois").lines[0].total == 10
    assert "Relais-Mairie" not in year_totals(section(ccas, "lieux"))


def test_the_territorys_bilan_reads_the_same_figures_as_the_sum_of_its_structures(caf_year):
    territory = bilans.build(year=2026, scope=EVERYTHING, scope_label="Tout")
    both = bilans.build(
        year=2026,
        scope=Scope(structure_ids=frozenset({caf_year["caf"].pk, caf_year["ccas"].pk})),
        scope_label="CAF et CCAS",
    )

    for slug in ("mois", "themes", "lieux", "ages", "quartiers", "resultats", "reorientations"):
        assert year_totals(section(territory, slug)) == year_totals(section(both, slug)), slug


def test_a_month_under_five_shows_less_than_five_and_the_total_does_not_give_it_back(caf_year):
    AccompagnementFactory.create_batch(2, structure=caf_year["caf"], date=date(2026, 6, 2))

    bilan = bilans.build(year=2026, scope=of(caf_year["caf"]), scope_label="CAF")

    (line,) = section(bilan, "mois").lines
    assert line.cells[5] == HIDDEN
    # The year's total minus the months shown would give June: another number is
    # masked, and says it is not a small count.
    masked = [value for value in [*line.cells, line.total] if value == MASKED]
    assert len(masked) == 1
    assert line.change in (MASKED, line.total - line.previous)


def test_a_year_without_data_is_empty(caf_year):
    bilan = bilans.build(year=2019, scope=of(caf_year["caf"]), scope_label="CAF")

    assert bilan.is_empty
    assert section(bilan, "mois").lines[0].total == 0


def test_the_years_with_data_are_those_of_the_scope_newest_first(caf_year, clock):
    clock("2026-11-24 10:00")
    AccompagnementFactory(structure=caf_year["ccas"], date=date(2023, 2, 1))

    assert bilans.years_with_data(of(caf_year["caf"])) == [2026, 2025]
    assert bilans.years_with_data(EVERYTHING) == [2026, 2025, 2023]
    assert bilans.years_with_data(Scope()) == []


def test_a_long_table_keeps_its_largest_rows_and_adds_up_the_others(caf_year):
    caf = caf_year["caf"]
    for index in range(bilans.MAX_ROWS + 5):
        AccompagnementFactory.create_batch(
            5 + index,
            structure=caf,
            lieu=LieuFactory(name=f"Lieu {index:02d}"),
            date=date(2026, 9, 1),
        )

    bilan = bilans.build(year=2026, scope=of(caf), scope_label="CAF")

    places = section(bilan, "lieux")
    assert len(places.lines) == bilans.MAX_ROWS
    others = places.lines[-1]
    assert others.key == bilans.OTHERS
    assert others.label == "Autres lieux (8)"
    # The 7 smallest of the generated places, and the Centre Jean Vilar (5).
    assert others.total == sum(5 + index for index in range(7)) + 5
    assert others.previous is None
    assert places.totals.total == section(bilan, "mois").lines[0].total
