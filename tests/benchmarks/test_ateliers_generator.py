"""The ateliers the benchmarks list and register to (benchmarks/generators/ateliers.py)."""

import pytest
from django.db.models import Count, F, Max, Min, Q

from ateliers.enums import AtelierStatus, InscriptionStatus
from ateliers.models import Atelier, Inscription
from ateliers.selectors import upcoming_ateliers
from benchmarks.generators import GenerationError
from benchmarks.generators.__main__ import main as generators_command
from benchmarks.generators.ateliers import generate_ateliers, generated
from benchmarks.generators.directory import generate_directory
from services.models import Lieu, Structure
from tests.ateliers.factories import AtelierFactory

pytestmark = pytest.mark.django_db

SMALL = {"ateliers": 300, "directory_services": 80}
CONFIRMED = Q(inscriptions__status=InscriptionStatus.CONFIRMED)
WAITING = Q(inscriptions__status=InscriptionStatus.WAITING)


def generated_inscriptions():
    return Inscription.objects.filter(atelier__in=generated())


def with_counts():
    return generated().annotate(
        confirmed=Count("inscriptions", filter=CONFIRMED),
        waiting=Count("inscriptions", filter=WAITING),
    )


def test_generated_ateliers_are_all_upcoming_and_spread_over_the_directory():
    counts = generate_ateliers(**SMALL)

    assert counts["ateliers"] == generated().count() == 300
    assert upcoming_ateliers().count() == 300
    spread = generated().aggregate(
        places=Count("lieu", distinct=True),
        structures=Count("structure", distinct=True),
        themes=Count("thematique", distinct=True),
        first=Min("date"),
        last=Max("date"),
    )
    assert spread["places"] >= 3
    assert spread["structures"] >= 3
    assert spread["themes"] >= 10
    assert (spread["last"] - spread["first"]).days > 120
    assert not generated().filter(date__week_day=1).exists()  # no Sunday
    generated_places = Lieu.objects.filter(slug__startswith="gen-")
    assert not generated().exclude(lieu__in=generated_places).exists()


def test_some_generated_ateliers_are_full_with_a_waiting_list_and_none_overbooked():
    counts = generate_ateliers(**SMALL)

    ateliers = with_counts()
    assert not ateliers.filter(confirmed__gt=F("capacity")).exists()
    assert not ateliers.filter(waiting__gt=0, confirmed__lt=F("capacity")).exists()
    full = ateliers.filter(registration_required=True, confirmed=F("capacity"))
    assert counts["full"] == full.count() > 10
    assert full.filter(waiting__gt=0).count() > 5
    assert counts["inscriptions"] == generated_inscriptions().count()
    assert (
        counts["waiting"]
        == generated_inscriptions().filter(status=InscriptionStatus.WAITING).count()
        > 0
    )
    assert generated_inscriptions().filter(status=InscriptionStatus.CANCELLED).exists()
    assert not generated_inscriptions().filter(atelier__registration_required=False).exists()
    assert generated().filter(status=AtelierStatus.CANCELLED).exists()


def test_waiting_lists_come_after_the_confirmed_places_and_nobody_registers_twice():
    generate_ateliers(**SMALL)

    for atelier in with_counts().filter(waiting__gt=0)[:20]:
        confirmed = atelier.inscriptions.filter(status=InscriptionStatus.CONFIRMED)
        latest_confirmed = confirmed.aggregate(latest=Max("created_at"))["latest"]
        first_waiting = atelier.inscriptions.waiting_in_order().first()
        assert first_waiting.created_at > latest_confirmed
    twice = (
        generated_inscriptions()
        .active()
        .exclude(contact_key="")
        .values("atelier", "contact_key")
        .annotate(times=Count("pk"))
        .filter(times__gt=1)
    )
    assert not twice.exists()


def test_first_time_is_true_on_each_contacts_first_registration_only():
    generate_ateliers(**SMALL)

    with_contact = generated_inscriptions().exclude(contact_key="")
    firsts = with_contact.filter(first_time=True)
    assert firsts.count() == with_contact.values("contact_key").distinct().count()
    for inscription in firsts[:30]:
        assert not with_contact.filter(
            contact_key=inscription.contact_key, created_at__lt=inscription.created_at
        ).exists()
    assert not generated_inscriptions().filter(contact_key="", first_time=False).exists()
    assert with_contact.filter(first_time=False).exists()  # some came back


def test_every_generated_row_passes_the_models_validation():
    generate_ateliers(ateliers=30, directory_services=40)

    # Choices, validators and the check constraints (the unique ones are checked above
    # and by PostgreSQL on insert).
    for atelier in generated():
        atelier.full_clean(exclude=["cycle"], validate_unique=False)
    for inscription in generated_inscriptions():
        inscription.full_clean(validate_unique=False)


def test_the_generated_directory_is_reused_and_made_when_there_is_none():
    generate_ateliers(ateliers=20, directory_services=40)
    structures = Structure.objects.count()

    generate_ateliers(ateliers=20, directory_services=400)

    assert Structure.objects.count() == structures == 5


def test_clearing_removes_the_generated_ateliers_only():
    by_hand = AtelierFactory(registered=2)
    generate_ateliers(ateliers=40, directory_services=40)

    counts = generate_ateliers(clear=True)

    assert counts == {"removed": 40}
    assert list(Atelier.objects.all()) == [by_hand]
    assert Inscription.objects.count() == 2


def test_clearing_the_generated_directory_takes_its_ateliers_along():
    by_hand = AtelierFactory()
    generate_ateliers(ateliers=40, directory_services=40)

    generate_directory(clear=True)

    assert list(Atelier.objects.all()) == [by_hand]


def test_the_same_seed_generates_the_same_ateliers():
    fields = ("title", "date", "start_time", "capacity", "lieu", "structure", "status")
    generate_ateliers(ateliers=40, directory_services=40, seed=3)
    first = sorted(generated().values_list(*fields))
    registrations = sorted(generated_inscriptions().values_list("first_name", "status"))

    generate_ateliers(ateliers=40, seed=3, clear=True)

    assert sorted(generated().values_list(*fields)) == first
    assert sorted(generated_inscriptions().values_list("first_name", "status")) == registrations


def test_command_line_generates_then_says_what_it_did(capsys):
    generators_command(["ateliers", "--ateliers", "30", "--directory-services", "40"])

    assert generated().count() == 30
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "No generated directory: generating one of 40 services first."
    assert lines[-1].startswith("Generated 30 upcoming ateliers over 6 months (")


def test_command_line_refuses_a_wrong_size(capsys):
    with pytest.raises(SystemExit):
        generators_command(["ateliers", "--ateliers", "0"])

    assert "at least 1" in capsys.readouterr().err
    with pytest.raises(GenerationError, match="at least 1 month"):
        generate_ateliers(ateliers=10, months=0)
