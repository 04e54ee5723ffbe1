"""What the ateliers tell residents, sent by the background worker (django-tasks with its
database backend: ``manage.py db_worker``).

Each message is a task. A failed sending is tried again later, up to MAX_ATTEMPTS times,
and never sends twice what already went (roseraie_portal.notifications.deliver). The
reminder is a task that waits until the day before the session; when it runs, it checks
that the session still is that day and the person still registered.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import task

from ateliers import messages
from ateliers.enums import AtelierStatus, InscriptionStatus
from ateliers.models import Inscription
from roseraie_portal.notifications import deliver, retried

# The reminder leaves the day before the session, at this hour (Europe/Paris).
REMINDER_HOUR = time(10)


def reminder_moment(atelier) -> datetime:
    day_before = atelier.date - timedelta(days=1)
    return timezone.make_aware(datetime.combine(day_before, REMINDER_HOUR))


@task()
def send_to_inscription(inscription_id: int, kind: str, attempt: int = 1) -> list[str]:
    """Send message ``kind`` (see ateliers/messages.py) to a registered person, by the
    channels they gave. Returns the channels sent."""
    inscription = (
        Inscription.objects.select_related("atelier__lieu").filter(pk=inscription_id).first()
    )
    if inscription is None or not inscription.contact_key:
        return []  # erased, or no contact given
    if kind == "reminder" and not _reminder_still_due(inscription):
        return []
    message = messages.build(inscription, kind)
    what = f"{kind} to inscription {inscription_id}"
    with retried(send_to_inscription, inscription_id, kind, attempt=attempt, what=what):
        sent = deliver(
            key=messages.key(inscription, kind),
            message=message,
            email=inscription.email,
            phone=inscription.phone,
        )
    if kind == "reminder" and sent:
        Inscription.objects.filter(pk=inscription_id).update(reminder_sent_at=timezone.now())
    return sent


def _reminder_still_due(inscription: Inscription) -> bool:
    """Still registered, the session still planned, and still tomorrow (a session moved
    since has its own reminder)."""
    atelier = inscription.atelier
    tomorrow = timezone.localdate() + timedelta(days=1)
    return (
        inscription.status == InscriptionStatus.CONFIRMED
        and atelier.status == AtelierStatus.PLANNED
        and atelier.date == tomorrow
    )


def _send(inscription_id: int, kind: str) -> None:
    send_to_inscription.enqueue(inscription_id, kind)


def _schedule_reminder(inscription_id: int) -> None:
    inscription = Inscription.objects.select_related("atelier").get(pk=inscription_id)
    moment = reminder_moment(inscription.atelier)
    if moment > timezone.now():
        send_to_inscription.using(run_after=moment).enqueue(inscription_id, "reminder")


# What the actions call once their transaction has committed.


def tell_registered(inscription_id: int) -> None:
    _send(inscription_id, "registered")
    _schedule_reminder(inscription_id)


def tell_promoted(inscription_id: int) -> None:
    _send(inscription_id, "promoted")
    _schedule_reminder(inscription_id)


def tell_cancelled(inscription_id: int) -> None:
    _send(inscription_id, "cancelled")


def tell_moved(inscription_id: int) -> None:
    _send(inscription_id, "moved")
    _schedule_reminder(inscription_id)
