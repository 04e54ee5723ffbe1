"""The orientations' figures, against a year counted by hand: sent and received by month,
accepted and declined, the acceptance rate and the time to a first answer, and the
bilan's section, which protects the small counts like every other."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from diagnostics import bilans
from diagnostics.disclosure import HIDDEN, MASKED
from services.enums import OrientationStatus
from services.models import Orientation
from services.selectors import Scope
from services.selectors.orientations import answer_times, monthly_figures
from tests.diagnostics.factories import DiagnosticFactory
from tests.services.factories import OrientationFactory, ServiceFactory, StructureFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

PARIS = ZoneInfo("Europe/Paris")


def at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=PARIS)


def oriented(count, *, service, from_structure, sent, status=OrientationStatus.SENT, hours=None):
    """``count`` orientations sent at ``sent``, answered ``hours`` later when given."""
    made = OrientationFactory.create_batch(count, service=service, from_structure=from_structure)
    answered_at = sent + timedelta(hours=hours) if hours is not None else None
    Orientation.objects.filter(pk__in=[o.pk for o in made]).update(
        sent_at=sent,
        status=status,
        answered_at=answered_at,
        closed_at=answered_at,
        decline_reason="complet" if status == OrientationStatus.DECLINED else "",
    )


@pytest.fixture
def year():
    """The CCAS orients to the CAF in 2026:
    - March: 6, of which 4 accepted within 24 h and 2 declined after 72 h;
    - April: 7, of which 5 accepted after 48 h, 2 not answered;
    and the CAF orients 5 to the CCAS in April, all accepted after 120 h. In 2025, the
    CCAS sent 5 to the CAF in May, not answered. One orientation sent on 31 March at
    23:30 in Angers (21:30 UTC) counts in March."""
    ccas, caf = StructureFactory(name="CCAS"), StructureFactory(name="CAF")
    to_caf = ServiceFactory(structure=caf, orientable=True)
    to_ccas = ServiceFactory(structure=ccas, orientable=True)
    accepted, declined = OrientationStatus.ACCEPTED, OrientationStatus.DECLINED
    oriented(
        3, service=to_caf, from_structure=ccas, sent=at("2026-03-03"), status=accepted, hours=24
    )
    oriented(
        1, service=to_caf, from_structure=ccas, sent=at("2026-03-31", 23), status=accepted, hours=24
    )
    oriented(
        2, service=to_caf, from_structure=ccas, sent=at("2026-03-10"), status=declined, hours=72
    )
    oriented(
        5, service=to_caf, from_structure=ccas, sent=at("2026-04-07"), status=accepted, hours=48
    )
    oriented(2, service=to_caf, from_structure=ccas, sent=at("2026-04-08"))
    oriented(
        5, service=to_ccas, from_structure=caf, sent=at("2026-04-14"), status=accepted, hours=120
    )
    oriented(5, service=to_caf, from_structure=ccas, sent=at("2025-05-05"))
    return {"ccas": ccas, "caf": caf}


def of(structure) -> Scope:
    return Scope(structure_ids=frozenset({structure.pk}))


def figures(scope, year_=2026):
    return monthly_figures(first_day=date(year_, 1, 1), last_day=date(year_, 12, 31), scope=scope)


def test_a_structures_orientations_sent_and_received_by_month(year):
    ccas, caf = figures(of(year["ccas"])), figures(of(year["caf"]))

    assert ccas == {
        3: {"sent": 6, "received": 0, "accepted": 0, "declined": 0},
        4: {"sent": 7, "received": 5, "accepted": 5, "declined": 0},
    }
    assert caf == {
        3: {"sent": 0, "received": 6, "accepted": 4, "declined": 2},
        4: {"sent": 5, "received": 7, "accepted": 5, "declined": 0},
    }


def test_the_territory_counts_every_orientation_once_each_way(year):
    territory = figures(Scope(everything=True))

    assert territory[3] == {"sent": 6, "received": 6, "accepted": 4, "declined": 2}
    assert territory[4] == {"sent": 12, "received": 12, "accepted": 10, "declined": 0}
    assert figures(Scope(everything=True), 2025) == {
        5: {"sent": 5, "received": 5, "accepted": 0, "declined": 0}
    }


def test_the_time_to_a_first_answer_is_a_median_and_a_90th_percentile(year):
    caf = answer_times(
        first_day=date(2026, 1, 1), last_day=date(2026, 12, 31), scope=of(year["caf"])
    )
    everyone = answer_times(
        first_day=date(2026, 1, 1), last_day=date(2026, 12, 31), scope=Scope(everything=True)
    )

    # The CAF answered 11: 4 in 24 h, 5 in 48 h, 2 in 72 h.
    assert caf.answered == 11
    assert caf.median == timedelta(hours=48)
    assert caf.ninetieth == timedelta(hours=72)
    # With the CCAS's 5 in 120 h: 16 answers, the 8th and 9th are 48 h.
    assert everyone.answered == 16
    assert everyone.median == timedelta(hours=48)
    assert everyone.ninetieth == timedelta(hours=120)


def test_the_bilan_has_the_orientations_beside_last_year(year):
    bilan = bilans.build(year=2026, scope=of(year["caf"]), scope_label="CAF")

    section = bilan.orientations
    lines = {line.label: line for line in section.lines}
    assert (lines["Orientations reçues"].total, lines["Orientations reçues"].previous) == (13, 5)
    assert lines["Orientations reçues"].cells[2:4] == [6, 7]
    assert lines["Orientations envoyées"].total == 5
    assert lines["Orientations reçues acceptées"].total == 9
    # 2 declined in March and 4 accepted: small counts, hidden, and so is the rate of
    # each month that involves a hidden count.
    assert lines["Orientations reçues refusées"].cells[2] == HIDDEN
    assert lines["Orientations reçues acceptées"].cells[2] == HIDDEN
    rate = lines["Taux d’acceptation (acceptées / réponses)"]
    assert rate.cells[2] == MASKED and rate.total == MASKED
    ccas = bilans.build(year=2026, scope=of(year["ccas"]), scope_label="CCAS").orientations
    assert ccas.lines[-1].cells[3] == pytest.approx(1.0)
    assert section.note == (
        "Délai de la première réponse : la moitié en moins de 2 jours, 90 % en moins de 3 jours."
    )


def test_fewer_than_five_answers_give_no_time(year):
    bilan = bilans.build(year=2026, scope=of(year["ccas"]), scope_label="CCAS")

    # The CCAS answered 5: enough. The year before it answered none.
    assert "5 jours" in bilan.orientations.note
    assert bilans.build(year=2025, scope=of(year["caf"]), scope_label="CAF").orientations.note == ""


def test_a_diagnostic_shows_the_orientations_of_the_last_twelve_months(client, year, clock):
    clock("2026-11-24 10:00")  # November 2025 to October 2026
    DiagnosticFactory(published=True, slug="roseraie")

    demand = client.get("/diagnostics/roseraie/").context["demand"]

    assert demand.orientations_received == 18  # 2026's 6 in March and 12 in April
    assert demand.orientations_accepted == 14
    assert demand.orientations_declined == "< 5"
    assert demand.orientation_median == timedelta(hours=48)
