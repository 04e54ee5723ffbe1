"""The log the benchmarks page through (benchmarks/generators/accompaniments.py)."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Min

from benchmarks.generators import GenerationError
from benchmarks.generators.__main__ import main as generators_command
from benchmarks.generators.accompaniments import generate_accompaniments
from permanences.enums import DURATION_PRESETS
from permanences.models import Accompagnement
from roseraie_portal import roles
from services.models import StructureMembership
from tests.permanences.factories import AccompagnementFactory

pytestmark = pytest.mark.django_db

SMALL = {"count": 300, "conseiller_entries": 40, "conseillers": 5}


def generated():
    return Accompagnement.objects.filter(conseiller__username__startswith="bench-")


def logged_fields():
    """Every column of an entry but its key and its timestamps."""
    fields = Accompagnement._meta.concrete_fields
    return [field.attname for field in fields if field.attname not in ("id", "created_at")]


def test_generated_log_has_the_requested_size_and_the_conseillers_share():
    counts = generate_accompaniments(**SMALL)

    assert counts["generated"] == generated().count() == 300
    by_author = dict(generated().values_list("conseiller__username").annotate(entries=Count("pk")))
    assert by_author.pop("bench-conseiller") == 40
    assert set(by_author) <= {f"bench-conseiller-{n:03d}" for n in range(1, 6)}
    assert sum(by_author.values()) == 260


def test_generated_authors_are_conseillers_attached_to_a_structure():
    generate_accompaniments(**SMALL)

    authors = get_user_model().objects.filter(username__startswith="bench-")
    assert authors.count() == 6
    assert not authors.exclude(groups__name=roles.CONSEILLER).exists()
    assert StructureMembership.objects.filter(user__in=authors).count() == 6


def test_every_generated_entry_passes_the_models_validation():
    generate_accompaniments(**SMALL)

    # Choices (themes and materiel item by item) and validators; PostgreSQL has already
    # checked the constraints and the foreign keys on insert.
    relations = [field.name for field in Accompagnement._meta.fields if field.is_relation]
    for entry in generated():
        entry.clean_fields(exclude=relations)


def test_generated_durations_are_the_ones_the_form_offers():
    generate_accompaniments(**SMALL)

    assert set(generated().values_list("duration_minutes", flat=True)) <= set(DURATION_PRESETS)


def test_clearing_deletes_the_generated_entries_only():
    logged = AccompagnementFactory()
    generate_accompaniments(**SMALL)

    counts = generate_accompaniments(clear=True)

    assert counts == {"deleted": 300}
    assert list(Accompagnement.objects.all()) == [logged]


def test_clearing_a_log_of_generated_entries_only_empties_it():
    generate_accompaniments(**SMALL)

    assert generate_accompaniments(clear=True) == {"deleted": 300}
    assert not Accompagnement.objects.exists()


def test_the_same_seed_generates_the_same_log():
    generate_accompaniments(**SMALL, seed=0.5)
    first = sorted(generated().values_list(*logged_fields()))

    generate_accompaniments(**SMALL, seed=0.5, clear=True)
    again = sorted(generated().values_list(*logged_fields()))
    generate_accompaniments(**SMALL, seed=-0.5, clear=True)

    assert again == first
    assert sorted(generated().values_list(*logged_fields())) != first


def test_generating_more_for_the_conseiller_than_asked_is_refused():
    generate_accompaniments(**SMALL)

    with pytest.raises(GenerationError, match="already has 40 entries: clear them first"):
        generate_accompaniments(count=10, conseiller_entries=5)


def test_generated_log_covers_the_three_years_up_to_today(clock):
    clock("2026-06-15 10:00")

    generate_accompaniments(**SMALL)

    days = generated().aggregate(first=Min("date"), last=Max("date"))
    assert days["first"] >= date(2023, 6, 15)
    assert days["last"] <= date(2026, 6, 15)
    assert days["last"] - days["first"] > timedelta(days=2 * 365)


def test_a_year_given_holds_every_generated_entry_over_its_months(clock):
    clock("2026-06-15 10:00")

    counts = generate_accompaniments(**SMALL, year=2025)

    assert counts["generated"] == 300
    assert generated().filter(date__year=2025).count() == 300
    months = {day.month for day in generated().dates("date", "month")}
    assert months == set(range(1, 13))


def test_this_year_given_stops_today(clock):
    clock("2026-03-10 10:00")

    generate_accompaniments(**SMALL, year=2026)

    days = generated().aggregate(first=Min("date"), last=Max("date"))
    assert days == {"first": date(2026, 1, 1), "last": date(2026, 3, 10)}


def test_a_year_to_come_is_refused(clock):
    clock("2026-06-15 10:00")

    with pytest.raises(GenerationError, match="this year or one before it"):
        generate_accompaniments(**SMALL, year=2027)
    assert not generated().exists()


def test_command_line_puts_the_entries_in_the_year_given(capsys, clock):
    clock("2026-06-15 10:00")

    generators_command(
        [
            "accompaniments",
            "--count",
            "50",
            "--conseiller-entries",
            "5",
            "--conseillers",
            "2",
            "--year",
            "2024",
        ]
    )

    assert generated().filter(date__year=2024).count() == generated().count() == 50
    assert capsys.readouterr().out.splitlines()[-1].startswith("Generated 50 entries in 2024 in ")
