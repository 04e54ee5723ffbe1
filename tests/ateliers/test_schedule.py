"""Coordinators schedule ateliers in the admin: a cycle created at once from a rule, a
session moved or cancelled alone, a session copied to a new date."""

from datetime import date

import pytest
from django.utils import translation

from ateliers import actions
from ateliers.enums import AtelierStatus
from ateliers.models import Atelier
from tests.ateliers.factories import AtelierCycleFactory, AtelierFactory, InscriptionFactory
from tests.factories import SchoolHolidayFactory
from tests.services.factories import LieuFactory, StructureFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/ateliers"


def test_six_tuesdays_from_january_skipping_the_winter_holidays(clock):
    clock("2026-11-24 09:00")
    SchoolHolidayFactory(name="Hiver", starts_on=date(2027, 2, 13), ends_on=date(2027, 2, 28))
    cycle = AtelierCycleFactory(
        rrule="FREQ=WEEKLY;BYDAY=TU",
        starts_on=date(2027, 1, 5),
        ends_on=date(2027, 2, 23),
        skip_school_holidays=True,
        capacity=6,
    )

    result = actions.expand_cycle(cycle=cycle)

    sessions = list(cycle.sessions.order_by("date"))
    assert [s.date for s in sessions] == [
        date(2027, 1, 5),
        date(2027, 1, 12),
        date(2027, 1, 19),
        date(2027, 1, 26),
        date(2027, 2, 2),
        date(2027, 2, 9),
    ]
    assert result.created == 6
    assert {(s.title, s.capacity, s.lieu_id) for s in sessions} == {(cycle.title, 6, cycle.lieu_id)}


def test_expanding_again_keeps_sessions_moved_cancelled_or_with_registrations(clock):
    clock("2026-11-24 09:00")
    cycle = AtelierCycleFactory(rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=4", starts_on=date(2027, 1, 5))
    actions.expand_cycle(cycle=cycle)
    first, second, third, _fourth = cycle.sessions.order_by("date")
    InscriptionFactory(atelier=first)
    actions.cancel_atelier(atelier=second, reason="Grève")
    third.capacity = 4
    actions.save_atelier(atelier=third, changed_fields=["capacity"])

    cycle.rrule = "FREQ=WEEKLY;BYDAY=TH;COUNT=4"
    cycle.starts_on = date(2027, 1, 7)
    cycle.save()
    result = actions.expand_cycle(cycle=cycle)

    assert result.created == 4
    assert result.kept == (first.date, second.date, third.date)
    assert cycle.sessions.count() == 7  # the fourth Tuesday went


def test_a_cycle_saved_in_the_admin_creates_its_sessions(client, coordinator):
    client.force_login(coordinator)
    structure, lieu = StructureFactory(), LieuFactory()

    response = client.post(
        f"{ADMIN}/ateliercycle/add/",
        {
            "title_fr": "Premiers pas",
            "title_ar": "الخطوات الأولى",
            "level": "debutant",
            "structure": structure.pk,
            "description_fr": "Les bases.",
            "lieu": lieu.pk,
            "capacity": "8",
            "publics": "tous-publics",
            "languages": "fr",
            "registration_required": "on",
            "to_bring": "Vos lunettes\n",
            "rrule": "FREQ=WEEKLY;BYDAY=TU;COUNT=6",
            "starts_on": "2027-01-05",
            "ends_on": "2027-06-30",
            "start_time": "14:00",
            "end_time": "16:00",
        },
        follow=True,
    )

    assert response.status_code == 200
    assert "6 séances créées." in [str(m) for m in response.context["messages"]]
    assert Atelier.objects.filter(title="Premiers pas").count() == 6
    assert Atelier.objects.first().to_bring == ["Vos lunettes"]
    # Each session carries the cycle's translations, read on pages in that language.
    with translation.override("ar"):
        assert Atelier.objects.first().title == "الخطوات الأولى"


def test_a_rule_that_cannot_be_read_is_refused_next_to_its_field(client, coordinator):
    client.force_login(coordinator)

    response = client.post(
        f"{ADMIN}/ateliercycle/add/",
        {"rrule": "chaque mardi", "starts_on": "2027-01-05", "ends_on": "2027-06-30"},
    )

    assert response.status_code == 200
    assert "Cette règle de répétition n’est pas comprise." in response.content.decode()


def test_duplicate_copies_a_session_to_the_chosen_date_without_its_registrations(
    client, coordinator
):
    client.force_login(coordinator)
    atelier = AtelierFactory(registered=3, to_bring=["Votre téléphone"])

    response = client.post(
        f"{ADMIN}/atelier/",
        {"action": "duplicate", "_selected_action": [atelier.pk], "on": "2027-03-02"},
        follow=True,
    )

    copy = Atelier.objects.get(date=date(2027, 3, 2))
    assert (copy.title, copy.lieu, copy.to_bring) == (atelier.title, atelier.lieu, atelier.to_bring)
    assert not copy.inscriptions.exists()
    assert any("Copié" in str(m) for m in response.context["messages"])


def test_duplicate_without_a_date_says_so(client, coordinator):
    client.force_login(coordinator)
    atelier = AtelierFactory()

    response = client.post(
        f"{ADMIN}/atelier/", {"action": "duplicate", "_selected_action": [atelier.pk]}, follow=True
    )

    assert "Choisissez la nouvelle date." in [str(m) for m in response.context["messages"]]
    assert Atelier.objects.count() == 1


def test_cancelling_in_the_admin_needs_a_reason(client, coordinator):
    client.force_login(coordinator)
    atelier = AtelierFactory()

    client.post(
        f"{ADMIN}/atelier/",
        {"action": "cancel_selected", "_selected_action": [atelier.pk], "reason": ""},
    )
    atelier.refresh_from_db()
    assert atelier.status == AtelierStatus.PLANNED

    client.post(
        f"{ADMIN}/atelier/",
        {"action": "cancel_selected", "_selected_action": [atelier.pk], "reason": "Travaux"},
    )
    atelier.refresh_from_db()
    assert (atelier.status, atelier.cancellation_reason) == (AtelierStatus.CANCELLED, "Travaux")


def test_the_admin_list_shows_upcoming_first_with_places_and_waiting(client, coordinator):
    client.force_login(coordinator)
    past = AtelierFactory(past=True)
    soon = AtelierFactory(full=True, registered=2)
    InscriptionFactory(atelier=soon, waiting=True)

    response = client.get(f"{ADMIN}/atelier/")

    listed = list(response.context["cl"].result_list)
    assert listed == [soon, past]
    html = response.content.decode()
    assert "2 / 2" in html
    figures = response.context["figures"]
    assert (figures.sessions, figures.registered, figures.waiting) == (2, 2, 1)
