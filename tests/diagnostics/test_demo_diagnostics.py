"""The demonstration diagnostic of La Roseraie, and the figures the demo shows on its page
and in the coordination's bilan."""

import json
import shutil
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from diagnostics.enums import ActionStatus, ContributionKind, ObjectiveKind, Quadrant
from diagnostics.indicators import months_values
from diagnostics.management.commands import load_demo_diagnostics
from diagnostics.models import (
    Action,
    Contribution,
    Diagnostic,
    Indicator,
    IndicatorValue,
    Objective,
    Phase,
    SwotItem,
)

pytestmark = pytest.mark.django_db

SLUG = "innover-a-la-roseraie"
MODELS = (Diagnostic, SwotItem, Objective, Phase, Action, Indicator, IndicatorValue, Contribution)


@pytest.fixture
def demo_directory(db):
    call_command("load_demo_directory", verbosity=0)


def load() -> str:
    out = StringIO()
    call_command("load_demo_diagnostics", stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_demo_diagnostic_of_la_roseraie_is_published_with_all_its_parts(demo_directory):
    load()

    diagnostic = Diagnostic.objects.get(slug=SLUG)
    assert diagnostic.is_published and diagnostic.quartier.slug == "roseraie"
    assert "démonstration" in diagnostic.context
    quadrants = {item.quadrant for item in diagnostic.swotitems.all()}
    assert quadrants == set(Quadrant.values)
    assert diagnostic.swotitems.filter(text__contains="premiers accueils saturés").exists()
    kinds = {objective.kind for objective in diagnostic.objectives.all()}
    assert kinds == set(ObjectiveKind.values)
    phases = list(diagnostic.phases.all())
    assert len(phases) >= 4 and all(phase.ends_on for phase in phases)
    assert [phase.ends_on for phase in phases] == sorted(phase.ends_on for phase in phases)
    actions = diagnostic.actions.all()
    assert actions.count() >= 10
    assert not actions.filter(owner__isnull=True).exists()
    assert not actions.filter(due_on__isnull=True).exists()
    assert {action.status for action in actions} == set(ActionStatus.values)
    drop = IndicatorValue.objects.get(indicator__in=diagnostic.indicators.all(), value=-66)
    assert drop.period == "2016-2018" and "Innover à la Roseraie" in drop.source
    assert diagnostic.indicators.count() >= 3
    assert not IndicatorValue.objects.filter(source="").exists()
    contributions = Contribution.objects.filter(action__diagnostic=diagnostic)
    assert {contribution.year for contribution in contributions} == {2025, 2026}
    assert {contribution.kind for contribution in contributions} == set(ContributionKind.values)
    assert contributions.values("structure").distinct().count() >= 5
    assert not contributions.filter(funder="").exists()
    assert all(Decimal(500) <= row.amount <= Decimal(50000) for row in contributions)


def test_loading_the_demo_diagnostic_twice_changes_nothing(demo_directory):
    load()
    before = counts()
    ids = set(Action.objects.values_list("pk", flat=True))

    output = load()

    assert counts() == before
    assert set(Action.objects.values_list("pk", flat=True)) == ids
    assert "0 rows created, 0 changed, 0 deleted" in output


@pytest.fixture
def demo_copy(tmp_path, monkeypatch):
    """A copy of diagnostics.json that a test may change."""
    copy = tmp_path / "diagnostics.json"
    shutil.copy(load_demo_diagnostics.DEMO_FILE, copy)
    monkeypatch.setattr(load_demo_diagnostics, "DEMO_FILE", copy)
    return copy


def edit(path, change) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document["diagnostics"][0])
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")


def test_what_the_file_changes_or_removes_changes_or_leaves_the_diagnostic(
    demo_directory, demo_copy
):
    load()
    before = counts()

    def change(diagnostic):
        diagnostic["swot"]["menace"].pop()
        diagnostic["contributions"].pop()
        diagnostic["phases"][0]["actions"][0]["status"] = "en-cours"

    edit(demo_copy, change)
    output = load()

    assert counts() == {
        **before,
        "SwotItem": before["SwotItem"] - 1,
        "Contribution": before["Contribution"] - 1,
    }
    assert Action.objects.get(title="Atelier collectif du diagnostic partagé").status == "en-cours"
    assert "0 rows created, 1 changed, 2 deleted" in output


def test_every_problem_of_the_file_is_named_with_its_place_and_nothing_is_loaded(
    demo_directory, demo_copy
):
    def change(diagnostic):
        diagnostic["phases"][1]["actions"][0]["owner"] = "mairie-imaginaire"
        diagnostic["phases"][2]["starts_on"] = "2019-13-01"
        diagnostic["phases"][3]["actions"][0]["status"] = "terminee"
        diagnostic["contributions"][0]["action"] = "Une action qui n’existe pas"
        diagnostic["contributions"][1]["amount"] = "beaucoup"
        diagnostic["swot"]["atout"][0] = 42

    edit(demo_copy, change)

    with pytest.raises(CommandError) as error:
        load()

    message = str(error.value)
    place = "diagnostics.json, diagnostics[0]"
    assert f"{place}.phases[1].actions[0].owner: « mairie-imaginaire » unknown" in message
    assert f"{place}.phases[2].starts_on: « 2019-13-01 » is not a date" in message
    assert f"{place}.phases[3].actions[0].status: " in message
    assert f"{place}.contributions[0].action: « Une action qui n’existe pas »" in message
    assert f"{place}.contributions[1].amount: « beaucoup » is not a number" in message
    assert f"{place}.swot.atout[0]: 42 is not a text" in message
    assert not Diagnostic.objects.exists()


def test_a_file_that_is_not_json_is_reported_with_its_line(demo_directory, demo_copy):
    lines = demo_copy.read_text(encoding="utf-8").splitlines()
    number = next(index for index, line in enumerate(lines) if '"title"' in line)
    lines[number] = lines[number].rstrip(",")
    demo_copy.write_text("\n".join(lines), encoding="utf-8")

    with pytest.raises(CommandError, match=rf"diagnostics.json, line {number + 2}, column"):
        load()
    assert not Diagnostic.objects.exists()


@pytest.fixture
def whole_demo(db, settings, clock):
    settings.DEBUG = True
    clock("2026-11-24 09:30")
    call_command("load_demo", stdout=StringIO())


def test_the_demo_diagnostic_page_shows_the_portals_figures(client, whole_demo):
    response = client.get(f"/diagnostics/{SLUG}/")

    assert response.status_code == 200
    assert "Atouts" in response.content.decode()
    months = months_values(response.context["demand"])
    assert len(months) == 12
    assert all(isinstance(count, int) and count >= 30 for _label, count in months)
    used = [row for row in response.context["occupation"] if row.used]
    assert len(used) >= 2
    assert any(row.level == "within" for row in used)
    assert [budget.year for budget in response.context["budget"]] == [2026, 2025]
    assert all(budget.total > 0 for budget in response.context["budget"])


def test_the_coordinations_bilan_of_this_year_compares_with_the_year_before(client, whole_demo):
    client.force_login(get_user_model().objects.get(username="coordination"))

    response = client.get(f"/espace/bilans/{timezone.localdate().year}/")

    assert response.status_code == 200
    bilan = response.context["bilan"]
    assert not bilan.is_empty
    (entries,) = bilan.monthly.lines
    assert entries.total >= 1000 and entries.previous >= 1000
    held = bilan.permanences.lines[0]
    assert held.total > 0 and held.previous > 0
    places = {line.label for line in bilan.accompaniments[2].lines}
    assert {"France Services de La Roseraie", "Centre Jean Vilar"} <= places


def test_the_demo_partner_takes_away_a_bilan_of_its_own_structure(client, whole_demo):
    client.force_login(get_user_model().objects.get(username="partenaire"))

    response = client.get(f"/espace/bilans/{timezone.localdate().year}/")

    assert response.status_code == 200
    (entries,) = response.context["bilan"].monthly.lines
    assert entries.total >= 50
