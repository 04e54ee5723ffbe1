"""The animateur marks attendance on one screen; the figures follow registrations and
attendance, and outlive the names, which are erased three months after the session."""

import re
from datetime import date, time, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from ateliers import selectors
from ateliers.enums import AtelierStatus, Attendance, InscriptionStatus
from ateliers.models import Inscription
from roseraie_portal import roles
from tests.ateliers.factories import AtelierFactory, InscriptionFactory
from tests.services.factories import StructureMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(make_user):
    animateur = make_user(roles.CONSEILLER)
    atelier = AtelierFactory(animateur=animateur, past=True)
    people = InscriptionFactory.create_batch(3, atelier=atelier)
    InscriptionFactory(atelier=atelier, waiting=True)
    return atelier, animateur, people


def test_the_animateur_marks_who_came_and_the_walk_ins_in_one_post(client, session):
    atelier, animateur, (came, absent, excused) = session
    client.force_login(animateur)
    url = f"/espace/ateliers/{atelier.pk}/presences/"

    form = client.get(url)
    response = client.post(
        url,
        {
            f"presence_{came.pk}": Attendance.PRESENT,
            f"presence_{absent.pk}": Attendance.ABSENT,
            f"presence_{excused.pk}": Attendance.EXCUSED,
            "walk_ins": "2",
        },
    )

    assert form.status_code == 200
    assert came.first_name in form.content.decode()
    assert response.status_code == 302
    atelier.refresh_from_db()
    assert (atelier.status, atelier.walk_ins) == (AtelierStatus.HELD, 2)
    assert dict(atelier.inscriptions.values_list("first_name", "attendance")) == {
        came.first_name: Attendance.PRESENT,
        absent.first_name: Attendance.ABSENT,
        excused.first_name: Attendance.EXCUSED,
        Inscription.objects.get(status=InscriptionStatus.WAITING).first_name: "",
    }


def test_a_wrong_walk_in_count_keeps_the_ticks_and_says_what_to_write(client, session):
    atelier, animateur, (came, *_others) = session
    client.force_login(animateur)

    response = client.post(
        f"/espace/ateliers/{atelier.pk}/presences/",
        {f"presence_{came.pk}": Attendance.PRESENT, "walk_ins": "-3"},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Écrivez un nombre de 0 à 200." in html
    ticked = re.search(rf'name="presence_{came.pk}" value="present"[^>]*\bchecked', html)
    assert ticked, "the tick typed before the error is kept"
    came.refresh_from_db()
    assert came.attendance == ""


def test_only_the_animateur_and_coordination_mark_attendance(client, session, make_user):
    atelier, _animateur, _people = session
    url = f"/espace/ateliers/{atelier.pk}/presences/"

    client.force_login(make_user(roles.CONSEILLER))
    assert client.get(url).status_code == 403
    client.force_login(make_user(roles.COORDINATION))
    assert client.get(url).status_code == 200


def test_figures_of_a_period_against_hand_counted_sessions():
    held = AtelierFactory(date=date(2026, 10, 6), walk_ins=2, status=AtelierStatus.HELD)
    for attendance in ("present", "present", "present", "absent", "excuse"):
        InscriptionFactory(atelier=held, attendance=attendance, first_time=True)
    InscriptionFactory(atelier=held, waiting=True)
    other = AtelierFactory(date=date(2026, 10, 20), status=AtelierStatus.HELD)
    InscriptionFactory(atelier=other, attendance="present")
    InscriptionFactory(atelier=other, attendance="absent")
    InscriptionFactory(atelier=other, cancelled=True)
    AtelierFactory(date=date(2026, 10, 27), cancelled=True, registered=4)  # left out
    AtelierFactory(date=date(2026, 11, 3), status=AtelierStatus.HELD, registered=9)  # out

    figures = selectors.figures(first_day=date(2026, 10, 1), last_day=date(2026, 10, 31))

    assert (figures.sessions, figures.registered, figures.waiting) == (2, 7, 1)
    assert (figures.present, figures.absent, figures.excused) == (4, 2, 1)
    assert (figures.walk_ins, figures.first_time) == (2, 5)
    assert figures.participation_rate == pytest.approx(4 / 7)
    assert figures.no_show_rate == pytest.approx(2 / 7)


def test_a_partner_gets_the_figures_of_its_own_structure_only(make_user):
    partner = make_user(roles.PARTENAIRE)
    own = AtelierFactory(date=date(2026, 10, 6), registered=3)
    StructureMembershipFactory(user=partner, structure=own.structure)
    AtelierFactory(date=date(2026, 10, 6), registered=5)

    figures = selectors.figures(
        first_day=date(2026, 10, 1), last_day=date(2026, 10, 31), user=partner
    )

    assert (figures.sessions, figures.registered) == (1, 3)


def test_the_purge_erases_names_and_contacts_three_months_after_and_keeps_the_counts():
    today = timezone.localdate()
    old = AtelierFactory(date=today - timedelta(days=100), start_time=time(10))
    InscriptionFactory(atelier=old, by_email=True, attendance="present", first_time=True)
    InscriptionFactory(atelier=old, by_phone=True, attendance="absent")
    recent = InscriptionFactory(
        atelier=AtelierFactory(date=today - timedelta(days=30)), by_email=True
    )

    call_command("purge_inscriptions", verbosity=0)

    erased = Inscription.objects.filter(atelier=old)
    assert set(erased.values_list("first_name", "phone", "email", "contact_key")) == {
        ("", "", "", "")
    }
    assert sorted(erased.values_list("attendance", flat=True)) == ["absent", "present"]
    assert erased.filter(first_time=True).count() == 1
    recent.refresh_from_db()
    assert recent.email and recent.first_name
    assert selectors.figures(first_day=old.date, last_day=old.date).present == 1


def test_an_erased_registrations_link_opens_nothing(client):
    inscription = InscriptionFactory(atelier=AtelierFactory(past=True))
    Inscription.objects.filter(pk=inscription.pk).update(erased_at=timezone.now())

    assert client.get(f"/ateliers/mon-inscription/{inscription.token}/").status_code == 403
