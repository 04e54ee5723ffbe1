"""The demonstration schedule: this month and the next, whatever today is."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from permanences.actions.schedule import first_of_next_month
from permanences.models import Permanence, PermanenceRule
from roseraie_portal.models import SchoolHoliday

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_directory(db):
    call_command("load_demo_directory", verbosity=0)


def _counts():
    return (
        PermanenceRule.objects.count(),
        Permanence.objects.count(),
        Permanence.objects.filter(cancelled=True).count(),
        SchoolHoliday.objects.count(),
    )


def test_demo_schedule_loads_twice_without_duplicates(demo_directory):
    call_command("load_demo_permanences", stdout=StringIO())
    counts = _counts()
    call_command("load_demo_permanences", stdout=StringIO())

    assert _counts() == counts
    rules, permanences, cancelled, holidays = counts
    assert rules >= 3 and holidays >= 5
    assert cancelled == 1
    assert Permanence.objects.filter(rule__isnull=False).exists()  # the rules were expanded


def test_demo_schedule_has_a_bus_tour_with_themes_this_month_and_next(demo_directory):
    call_command("load_demo_permanences", stdout=StringIO())

    this_month = timezone.localdate().replace(day=1)
    next_month = first_of_next_month(this_month)
    tour = Permanence.objects.filter(lieu__itinerant=True, rule__isnull=True)
    for month in (this_month, next_month):
        half_days = tour.filter(date__gte=month, date__lt=first_of_next_month(month))
        assert half_days.count() >= 15
        assert set(half_days.values_list("theme_label", flat=True)) == {
            "Impôts",
            "CAF",
            "Santé",
            "Papiers",
        }
        assert half_days.values("lieu").distinct().count() == 4


def test_demo_schedule_cancels_one_bus_half_day_ahead_with_a_reason(demo_directory):
    call_command("load_demo_permanences", stdout=StringIO())

    cancelled = Permanence.objects.get(cancelled=True)
    assert cancelled.lieu.itinerant
    assert cancelled.date > timezone.localdate()
    assert "révision" in cancelled.cancellation_reason


def test_demo_schedule_shows_on_the_home_page(client, demo_directory):
    call_command("load_demo_permanences", stdout=StringIO())

    response = client.get("/")

    assert response.status_code == 200
    assert len(response.context["permanences"]) == 5


def test_demo_schedule_needs_the_demo_directory(db):
    with pytest.raises(CommandError, match="load_demo_directory"):
        call_command("load_demo_permanences", stdout=StringIO())
    assert not Permanence.objects.exists()
