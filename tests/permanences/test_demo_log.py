"""The demonstration log: two years of accompaniments up to yesterday, whatever today is,
drawn at the demo's permanences and desks, and never twice."""

import json
import shutil
from collections import Counter
from datetime import date, timedelta
from io import StringIO

import pytest
from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from permanences import demo_log
from permanences.enums import Canal, Materiel, Residence, Resultat
from permanences.models import Accompagnement, AccompagnementTally, Permanence
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TODAY = "2026-11-24 09:30"


@pytest.fixture
def demo_directory(db, clock):
    clock(TODAY)
    call_command("load_demo_directory", verbosity=0)


@pytest.fixture
def demo_conseiller(demo_directory):
    """The account load_demo creates in development."""
    return UserFactory(username=demo_log.DEMO_CONSEILLER, conseiller=True)


def load(**options) -> str:
    out = StringIO()
    call_command("load_demo_permanences", stdout=out, **options)
    return out.getvalue()


def months_back(count: int) -> list[date]:
    this_month = timezone.localdate().replace(day=1)
    return [this_month - relativedelta(months=number) for number in range(1, count + 1)]


def test_demo_log_fills_each_of_the_last_twelve_months_at_the_roseraie_scale(demo_conseiller):
    output = load()

    today = timezone.localdate()
    entries = Accompagnement.objects.all()
    by_month = dict(
        entries.annotate(month=TruncMonth("date")).values_list("month").annotate(Count("pk"))
    )
    assert all(by_month.get(month, 0) >= 30 for month in months_back(12))
    last_year = entries.filter(date__gt=today - relativedelta(years=1))
    assert 1500 <= last_year.count() <= 2500
    # The year before is there too, for the bilans' comparison, and a little lower.
    year_before = entries.filter(date__lte=today - relativedelta(years=1))
    assert 0.6 * last_year.count() <= year_before.count() < last_year.count()
    assert not entries.filter(date__gte=today).exists()
    assert not entries.filter(date__lt=demo_log.history_start(today)).exists()
    assert f"Demo log: {entries.count()} accompaniments" in output
    # The tally the territory's bilans read counts them all.
    tally = AccompagnementTally.objects.filter(dimension="total")
    assert sum(tally.values_list("count", flat=True)) == entries.count()


def test_demo_entries_are_written_by_several_demo_conseillers_who_cannot_log_in(
    demo_conseiller,
):
    load()

    authors = Counter(Accompagnement.objects.values_list("conseiller__username", flat=True))
    assert authors[demo_log.DEMO_CONSEILLER] >= 500
    others = get_user_model().objects.filter(username__in=set(authors) - {"conseiller"})
    assert others.count() >= 3
    assert not any(user.has_usable_password() for user in others)
    assert all(user.groups.filter(name="conseiller").exists() for user in others)


def test_loading_the_demo_twice_adds_no_entry(demo_conseiller):
    load()
    count = Accompagnement.objects.count()
    users = get_user_model().objects.count()

    output = load()

    assert Accompagnement.objects.count() == count
    assert get_user_model().objects.count() == users
    assert "no accompaniment added" in output


def test_loading_the_demo_a_month_later_adds_the_month_since_only(demo_conseiller, clock):
    load()
    before = Counter(Accompagnement.objects.values_list("date", flat=True))

    clock("2026-12-24 09:30")
    load()

    after = Counter(Accompagnement.objects.values_list("date", flat=True))
    assert {day: count for day, count in after.items() if day in before} == before
    added = [day for day in after if day not in before]
    assert len(added) >= 15
    assert max(before) < min(added) and max(added) <= date(2026, 12, 23)


def test_the_demo_log_is_the_same_on_every_load(demo_conseiller):
    def fingerprint():
        rows = Accompagnement.objects.values_list(
            "date", "lieu__slug", "themes", "tranche_age", "residence", "resultat"
        )
        return Counter((day, lieu, tuple(themes), *rest) for day, lieu, themes, *rest in rows)

    load()
    first = fingerprint()
    Accompagnement.objects.all().delete()
    load()

    assert fingerprint() == first


def test_demo_entries_keep_the_rules_of_the_log(demo_conseiller):
    load()

    entries = Accompagnement.objects.all()
    at_permanences = entries.filter(permanence__isnull=False)
    assert at_permanences.count() >= 1000
    assert not at_permanences.exclude(date=F("permanence__date")).exists()
    assert not at_permanences.exclude(lieu=F("permanence__lieu")).exists()
    assert not at_permanences.exclude(structure=F("permanence__service__structure")).exists()
    assert not at_permanences.filter(permanence__cancelled=True).exists()
    bus = entries.filter(canal=Canal.BUS_MAIRIE)
    assert bus.exists() and not bus.exclude(lieu__itinerant=True, permanence__isnull=False).exists()
    placeless = entries.filter(canal__in=[Canal.DOMICILE, Canal.A_DISTANCE, Canal.AUTRE])
    assert placeless.exists() and not placeless.filter(lieu__isnull=False).exists()
    assert not entries.filter(canal=Canal.LIEU_ACTIVITE, lieu__isnull=True).exists()
    assert not entries.filter(themes=[]).exists()
    reoriented = entries.filter(resultat=Resultat.REORIENTEE)
    assert not reoriented.filter(reoriente_vers__isnull=True).exists()
    assert not entries.exclude(resultat=Resultat.REORIENTEE).exclude(reoriente_vers=None).exists()
    in_a_quartier = entries.filter(residence=Residence.QUARTIER)
    assert not in_a_quartier.filter(quartier__isnull=True).exists()
    assert not entries.exclude(residence=Residence.QUARTIER).exclude(quartier=None).exists()
    aucun_with_more = entries.filter(materiel__contains=[Materiel.AUCUN]).exclude(
        materiel=[Materiel.AUCUN]
    )
    assert not aucun_with_more.exists()
    assert not entries.filter(structure__isnull=True).exists()


def test_demo_entries_are_locked_a_week_after_their_day_as_the_log_locks_them(
    demo_conseiller,
):
    load()

    conseiller_entries = Accompagnement.objects.filter(conseiller=demo_conseiller)
    old = conseiller_entries.filter(date__lt=timezone.localdate() - timedelta(days=10))
    recent = conseiller_entries.filter(date__gte=timezone.localdate() - timedelta(days=5))
    assert old.exists() and recent.exists()
    assert not any(entry.is_editable_by(demo_conseiller) for entry in old[:50])
    assert all(entry.is_editable_by(demo_conseiller) for entry in recent)


def test_demo_entries_look_like_la_roseraie(demo_conseiller):
    load()

    entries = Accompagnement.objects.all()
    demarches = Counter(entries.exclude(demarche="").values_list("demarche", flat=True))
    assert {demarche for demarche, _count in demarches.most_common(2)} == {"caf", "ants"}
    quartiers = Counter(entries.values_list("quartier__slug", flat=True).exclude(quartier=None))
    assert quartiers.most_common(1)[0][0] == "roseraie"
    total = entries.count()
    not_said = entries.filter(Q(tranche_age="non-communique") | Q(residence="non-communique"))
    assert 0.2 * total <= not_said.count() <= 0.6 * total
    reoriented_to = entries.filter(resultat=Resultat.REORIENTEE).values("reoriente_vers")
    assert reoriented_to.distinct().count() >= 8
    places = entries.values("lieu").distinct().count()
    assert places >= 8
    # The partner account of the demo (the CAF) has a bilan of its own.
    assert entries.filter(structure__slug="caf-maine-et-loire").count() >= 100


def test_without_a_conseiller_account_the_log_is_skipped_and_the_command_says_so(
    demo_directory,
):
    output = load()

    assert "Demo log: skipped" in output and "'conseiller'" in output
    assert not Accompagnement.objects.exists()
    assert not get_user_model().objects.exists()
    # The schedule itself is loaded, with its history.
    assert Permanence.objects.filter(date__lt=months_back(12)[-1]).exists()


@pytest.fixture
def weights_copy(tmp_path, monkeypatch):
    """A copy of accompagnements.json that a test may break."""
    copy = tmp_path / "accompagnements.json"
    shutil.copy(demo_log.DEMO_LOG_FILE, copy)
    monkeypatch.setattr(demo_log, "DEMO_LOG_FILE", copy)
    return copy


def test_every_problem_of_the_weights_is_named_with_its_place_and_nothing_is_loaded(
    demo_conseiller, weights_copy
):
    weights = json.loads(weights_copy.read_text(encoding="utf-8"))
    weights["needs"]["caf"]["themes"] = ["papiers"]
    weights["desks"][5]["lieu"] = "mairie-imaginaire"
    weights["tranche_age"]["25-39"] = -3
    weights_copy.write_text(json.dumps(weights), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        load()

    message = str(error.value)
    assert "accompagnements.json, needs.caf.themes: « papiers » unknown" in message
    assert "accompagnements.json, desks[5].lieu: « mairie-imaginaire » unknown" in message
    assert "accompagnements.json, tranche_age.25-39: -3 is not a weight" in message
    assert not Accompagnement.objects.exists()
    assert not Permanence.objects.exists()
