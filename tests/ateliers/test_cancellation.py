"""A place freed goes to the first person waiting, who is told; a cancelled session tells
everyone who gave a contact."""

import pytest
from django.core import mail

from ateliers import actions
from ateliers.enums import AtelierStatus, InscriptionStatus
from tests.ateliers.factories import AtelierFactory, InscriptionFactory

pytestmark = pytest.mark.django_db


def test_cancelling_by_the_link_frees_the_place_for_the_first_person_waiting(
    client, committed, run_tasks
):
    atelier = AtelierFactory(full=True)
    leaving = InscriptionFactory(atelier=atelier)
    InscriptionFactory(atelier=atelier)
    first = InscriptionFactory(atelier=atelier, waiting=True, by_email=True)
    second = InscriptionFactory(atelier=atelier, waiting=True, by_email=True)

    with committed():
        response = client.post(f"/ateliers/mon-inscription/{leaving.token}/annuler/", follow=True)
    run_tasks()

    assert "Votre inscription est annulée" in response.content.decode()
    for inscription in (leaving, first, second):
        inscription.refresh_from_db()
    assert leaving.status == InscriptionStatus.CANCELLED
    assert first.status == InscriptionStatus.CONFIRMED and first.promoted_at is not None
    assert second.status == InscriptionStatus.WAITING
    assert [message.to for message in mail.outbox] == [[first.email]]
    assert "Une place s’est libérée" in mail.outbox[0].subject


def test_cancelling_a_waiting_place_promotes_nobody(committed):
    atelier = AtelierFactory(full=True, registered=2)
    waiting = InscriptionFactory(atelier=atelier, waiting=True)
    after = InscriptionFactory(atelier=atelier, waiting=True)

    assert actions.cancel_inscription(inscription=waiting) is None

    after.refresh_from_db()
    assert after.status == InscriptionStatus.WAITING


def test_cancelling_twice_changes_nothing(client):
    inscription = InscriptionFactory()
    url = f"/ateliers/mon-inscription/{inscription.token}/annuler/"

    client.post(url)
    response = client.post(url, follow=True)

    assert response.status_code == 200
    assert "Votre inscription est annulée" in response.content.decode()
    inscription.refresh_from_db()
    assert inscription.status == InscriptionStatus.CANCELLED


def test_cancelling_a_session_tells_everyone_by_the_channel_they_gave(
    committed, run_tasks, sms_outbox
):
    atelier = AtelierFactory(title="Mon smartphone")
    by_email = InscriptionFactory(atelier=atelier, by_email=True)
    by_phone = InscriptionFactory(atelier=atelier, by_phone=True)
    InscriptionFactory(atelier=atelier)  # no contact: cannot be told
    InscriptionFactory(atelier=atelier, by_email=True, cancelled=True)

    with committed():
        told = actions.cancel_atelier(atelier=atelier, reason="Salle inondée")
    run_tasks()

    assert told == 2
    atelier.refresh_from_db()
    assert atelier.status == AtelierStatus.CANCELLED
    assert [message.to for message in mail.outbox] == [[by_email.email]]
    assert "Salle inondée" in mail.outbox[0].body
    assert [message.to for message in sms_outbox] == [by_phone.phone]
    assert "annulé" in sms_outbox[0].body


def test_a_session_cannot_be_cancelled_without_a_reason():
    atelier = AtelierFactory()

    with pytest.raises(Exception, match="Dites pourquoi l’atelier est annulé."):
        actions.cancel_atelier(atelier=atelier, reason="  ")

    atelier.refresh_from_db()
    assert atelier.status == AtelierStatus.PLANNED


def test_moving_a_session_tells_the_people_registered_and_marks_it_changed(committed, run_tasks):
    atelier = AtelierFactory()
    inscription = InscriptionFactory(atelier=atelier, by_email=True)
    atelier.start_time = atelier.start_time.replace(hour=15)

    with committed():
        actions.save_atelier(atelier=atelier, changed_fields=["start_time"])
    run_tasks()

    assert [message.to for message in mail.outbox] == [[inscription.email]]
    assert "Changement" in mail.outbox[0].subject
    assert "15 h" in mail.outbox[0].body
