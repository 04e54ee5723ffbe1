"""What residents receive, sent by the background worker: the confirmation at once, the
reminder the day before, each message once, a failure tried again."""

from datetime import date, time

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from ateliers import actions, tasks
from ateliers.models import Inscription
from roseraie_portal.notifications import MAX_ATTEMPTS
from tests.ateliers.factories import AtelierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def atelier(clock):
    clock("2026-11-24 09:00")
    return AtelierFactory(title="Mon smartphone", date=date(2026, 11, 27), start_time=time(14))


def register(committed, atelier, **contact):
    with committed():
        return actions.register_to_atelier(
            atelier=atelier, first_name="Aïcha", consent_text="Oui.", **contact
        )


def test_the_confirmation_leaves_at_once_and_the_reminder_the_day_before(
    atelier, clock, committed, run_tasks, sms_outbox
):
    inscription = register(committed, atelier, email="a@example.org", phone="06 12 34 56 78")

    run_tasks()
    assert [m.subject for m in mail.outbox] == ["Votre inscription à l’atelier « Mon smartphone »"]
    assert len(sms_outbox) == 1

    clock("2026-11-26 09:59")
    assert run_tasks() == 0  # not yet
    clock("2026-11-26 10:00")
    run_tasks()

    assert mail.outbox[-1].subject == "Rappel : atelier « Mon smartphone » demain"
    assert "Rappel" in sms_outbox[-1].body
    inscription.refresh_from_db()
    assert inscription.reminder_sent_at is not None


def test_a_reminder_enqueued_twice_is_sent_once(atelier, clock, committed, run_tasks):
    inscription = register(committed, atelier, email="a@example.org")
    tasks.send_to_inscription.enqueue(inscription.pk, "reminder")  # a second reminder task

    clock("2026-11-26 10:00")
    run_tasks()

    reminders = [m for m in mail.outbox if m.subject.startswith("Rappel")]
    assert len(reminders) == 1


def test_a_failed_sms_is_tried_again_and_the_email_is_not_sent_twice(
    atelier, clock, committed, run_tasks, settings, sms_outbox
):
    settings.SMS_BACKEND = "roseraie_portal.sms.DisabledBackend"
    register(committed, atelier, email="a@example.org", phone="06 12 34 56 78")

    run_tasks()
    assert DBTaskResult.objects.failed().count() == 1
    assert len(mail.outbox) == 1 and sms_outbox == []

    settings.SMS_BACKEND = "roseraie_portal.sms.LocmemBackend"
    clock("2026-11-24 09:06")  # the retry waits 5 minutes
    run_tasks()

    assert len(mail.outbox) == 1  # the e-mail had gone: not again
    assert len(sms_outbox) == 1


def test_after_the_last_attempt_nothing_is_tried_again(atelier, committed, settings):
    settings.SMS_BACKEND = "roseraie_portal.sms.DisabledBackend"
    inscription = register(committed, atelier, phone="06 12 34 56 78")
    DBTaskResult.objects.all().delete()

    with pytest.raises(Exception, match="SMS_BACKEND"):
        tasks.send_to_inscription.call(inscription.pk, "registered", MAX_ATTEMPTS)

    assert not DBTaskResult.objects.exists()


def test_no_reminder_for_a_cancelled_registration_or_a_session_moved_since(
    atelier, clock, committed, run_tasks
):
    gone = register(committed, atelier, email="gone@example.org")
    moved = register(committed, atelier, email="moved@example.org")
    actions.cancel_inscription(inscription=gone)
    run_tasks()
    mail.outbox.clear()
    atelier.date = date(2026, 12, 4)
    with committed():
        actions.save_atelier(atelier=atelier, changed_fields=["date"])

    clock("2026-11-26 10:00")
    run_tasks()
    assert [m.subject for m in mail.outbox] == ["Changement pour l’atelier « Mon smartphone »"]

    clock("2026-12-03 10:00")
    run_tasks()
    assert mail.outbox[-1].subject.startswith("Rappel")
    assert mail.outbox[-1].to == [moved.email]
    assert Inscription.objects.get(pk=moved.pk).reminder_sent_at is not None


def test_a_registration_without_contact_is_never_written_to(atelier, committed, run_tasks):
    register(committed, atelier)

    run_tasks()

    assert mail.outbox == []
    assert not DBTaskResult.objects.exists()
