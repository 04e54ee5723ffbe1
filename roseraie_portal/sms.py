"""Text messages (SMS) through a pluggable backend, the way Django sends e-mail.

``SMS_BACKEND`` names a class whose ``send_messages(messages)`` sends a list of
``TextMessage`` and returns how many were sent, raising on a failure so that the task
that sends them tries again. Shipped: the console (development), an in-memory outbox
(tests) and a disabled backend (the production default until a provider is set: it
refuses, so nothing is believed sent). A provider's backend is a class of the same shape.
"""

import sys
import threading
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class TextMessage:
    to: str
    body: str


class SmsNotConfigured(RuntimeError):
    """No SMS provider is configured: the message was not sent."""


class ConsoleBackend:
    """Writes each message to standard output (development)."""

    def send_messages(self, messages: list[TextMessage]) -> int:
        for message in messages:
            sys.stdout.write(f"SMS to {message.to}:\n{message.body}\n{'-' * 40}\n")
        return len(messages)


# Messages "sent" by the in-memory backend, as django.core.mail.outbox for e-mail.
outbox: list[TextMessage] = []
_outbox_lock = threading.Lock()


class LocmemBackend:
    """Keeps the messages in ``roseraie_portal.sms.outbox`` (tests)."""

    def send_messages(self, messages: list[TextMessage]) -> int:
        with _outbox_lock:
            outbox.extend(messages)
        return len(messages)


class DisabledBackend:
    """Refuses: no provider is configured. A registration still works; only the SMS is
    not sent, and the task that wanted to send it records the failure."""

    def send_messages(self, messages: list[TextMessage]) -> int:
        if messages:
            raise SmsNotConfigured("SMS_BACKEND is not set: no SMS can be sent.")
        return 0


def send_sms(to: str, body: str) -> int:
    backend = import_string(settings.SMS_BACKEND)()
    return backend.send_messages([TextMessage(to=to, body=body)])
