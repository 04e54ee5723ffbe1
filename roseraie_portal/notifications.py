"""Telling a person something by the channels they gave: an e-mail through Django's mail
framework, a text message through the SMS backend (roseraie_portal/sms.py).

A task that sends a message may run again after a failure: ``deliver`` sends each
channel once per key, whatever the retries (a ``Delivery`` row, written in the same
transaction as the sending, under a row lock, says it went)."""

import logging
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from roseraie_portal.models import Delivery
from roseraie_portal.sms import send_sms

logger = logging.getLogger(__name__)

# A task that failed to send is tried again, up to this many times in all, further apart
# each time.
MAX_ATTEMPTS = 5


def retry_delay(attempt: int) -> timedelta:
    """How long to wait before attempt ``attempt + 1``: 5, 10, 20, 40 minutes."""
    return timedelta(minutes=5 * 2 ** (attempt - 1))


@contextmanager
def retried(task, *args, attempt: int, what: str):
    """Around the sending of attempt ``attempt`` of ``task(*args, attempt)``: when it
    fails, the task is enqueued again with ``attempt + 1`` after ``retry_delay``, up to
    ``MAX_ATTEMPTS`` in all, and the failure logged (``what`` names the message); the
    error goes on, so that this attempt's result says it failed."""
    try:
        yield
    except Exception:
        if attempt < MAX_ATTEMPTS:
            logger.warning("Sending %s failed; retrying.", what)
            task.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(*args, attempt + 1)
        else:
            logger.error("Sending %s failed for good.", what)
        raise


@dataclass(frozen=True)
class Message:
    subject: str
    text: str  # the e-mail
    short_text: str  # the SMS: a few lines, the link last


def deliver(*, key: str, message: Message, email: str = "", phone: str = "") -> list[str]:
    """Send ``message`` by e-mail and by SMS, to whichever is given, each at most once for
    ``key``. Returns the channels sent now; raises when a channel fails, after the
    channels before it are recorded, so that a retry sends only what is missing."""
    sent = []
    for channel, address, send in (
        ("email", email, lambda: send_mail(message.subject, message.text, None, [email])),
        ("sms", phone, lambda: send_sms(phone, message.short_text)),
    ):
        if not address:
            continue
        with transaction.atomic():
            # The lock makes a second worker running the same task wait, then skip.
            delivery, created = Delivery.objects.select_for_update().get_or_create(
                key=key, channel=channel
            )
            if not created:
                continue
            send()  # raising rolls the Delivery back: the retry will send it
        sent.append(channel)
    return sent


def absolute_url(path: str) -> str:
    """A URL that leaves the site (a message, a QR code), built from SITE_URL."""
    return settings.SITE_URL.rstrip("/") + path
