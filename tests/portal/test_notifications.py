"""A message to a person goes by the channels they gave, each once, whatever the retries."""

import pytest
from django.core import mail

from roseraie_portal import sms
from roseraie_portal.models import Delivery
from roseraie_portal.notifications import Message, deliver

pytestmark = pytest.mark.django_db

MESSAGE = Message(subject="Votre atelier", text="Bonjour,\nÀ demain.", short_text="À demain.")


def test_a_message_goes_by_email_and_by_sms_when_both_are_given(sms_outbox):
    sent = deliver(key="inscription-1-reminder", message=MESSAGE, email="a@b.fr", phone="0612")

    assert sent == ["email", "sms"]
    assert [(m.to, m.subject, m.body) for m in mail.outbox] == [
        (["a@b.fr"], "Votre atelier", "Bonjour,\nÀ demain.")
    ]
    assert sms_outbox == [sms.TextMessage(to="0612", body="À demain.")]


def test_the_same_message_is_never_sent_twice(sms_outbox):
    deliver(key="inscription-1-reminder", message=MESSAGE, email="a@b.fr", phone="0612")

    again = deliver(key="inscription-1-reminder", message=MESSAGE, email="a@b.fr", phone="0612")

    assert again == []
    assert len(mail.outbox) == 1 and len(sms_outbox) == 1


def test_after_a_failed_sms_a_retry_sends_the_sms_only(settings, sms_outbox):
    settings.SMS_BACKEND = "roseraie_portal.sms.DisabledBackend"
    with pytest.raises(sms.SmsNotConfigured):
        deliver(key="inscription-2-registered", message=MESSAGE, email="a@b.fr", phone="0612")
    assert len(mail.outbox) == 1
    assert list(Delivery.objects.values_list("channel", flat=True)) == ["email"]

    settings.SMS_BACKEND = "roseraie_portal.sms.LocmemBackend"
    sent = deliver(key="inscription-2-registered", message=MESSAGE, email="a@b.fr", phone="0612")

    assert sent == ["sms"]
    assert len(mail.outbox) == 1 and len(sms_outbox) == 1


def test_no_contact_no_message():
    assert deliver(key="inscription-3-registered", message=MESSAGE) == []
    assert not Delivery.objects.exists()
