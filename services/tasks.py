"""What the orientations tell people, sent by the background worker (django-tasks with
its database backend, as the ateliers' messages): the receiving structure's accounts and
shared mailbox when an orientation arrives, again when it has had no answer after
REMINDER_WORKING_DAYS working days, and when it is withdrawn; the sender when it is
answered; the person when an appointment is set and she left a contact.

Each message is a task, tried again after a failure, never sent twice to an address
(roseraie_portal.notifications.deliver). The reminder waits until it is due; when it
runs it checks that the orientation still has no answer.
"""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks import task

from roseraie_portal.holidays import is_public_holiday
from roseraie_portal.notifications import deliver, retried
from services import messages
from services.enums import OrientationStatus
from services.models import Orientation

REMINDER_WORKING_DAYS = 5


def reminder_moment(sent_at: datetime) -> datetime:
    """``sent_at`` plus REMINDER_WORKING_DAYS working days (Monday to Friday, French
    public holidays left out), at the same time of day."""
    moment, left = timezone.localtime(sent_at), REMINDER_WORKING_DAYS
    while left:
        moment += timedelta(days=1)
        if moment.weekday() < 5 and not is_public_holiday(moment.date()):
            left -= 1
    return moment


def receivers(orientation: Orientation) -> list[str]:
    """The e-mail addresses of the receiving structure: its active accounts', and the
    service's shared mailbox."""
    accounts = get_user_model().objects.filter(
        is_active=True, structure_membership__structure_id=orientation.to_structure_id
    )
    addresses = list(accounts.exclude(email="").values_list("email", flat=True))
    if orientation.service.orientation_email:
        addresses.append(orientation.service.orientation_email)
    return sorted(set(addresses))


@task()
def send_about_orientation(orientation_id: int, kind: str, attempt: int = 1) -> list[str]:
    """Send message ``kind`` (see services/messages.py) to whom it is for. Returns the
    addresses (or channels, for the person) sent now."""
    orientation = (
        Orientation.objects.select_related("service", "to_structure", "from_structure", "sender")
        .filter(pk=orientation_id)
        .first()
    )
    if orientation is None or not _still_due(orientation, kind):
        return []
    message = messages.build(orientation, kind)
    sent = []
    what = f"{kind} of orientation {orientation_id}"
    with retried(send_about_orientation, orientation_id, kind, attempt=attempt, what=what):
        if kind == "appointment":
            sent += deliver(
                key=f"orientation-{orientation.pk}-appointment-{orientation.appointment_at}",
                message=message,
                email=orientation.email,
                phone=orientation.phone,
            )
        else:
            for address in _addresses(orientation, kind):
                if deliver(
                    key=f"orientation-{orientation.pk}-{kind}-{address}",
                    message=message,
                    email=address,
                ):
                    sent.append(address)
    if kind == "reminder":
        Orientation.objects.filter(pk=orientation_id).update(reminded_at=timezone.now())
    return sent


def _addresses(orientation: Orientation, kind: str) -> list[str]:
    if kind == "answered":
        return [orientation.sender.email] if orientation.sender.email else []
    return receivers(orientation)


def _still_due(orientation: Orientation, kind: str) -> bool:
    """The reminder only for an orientation still unanswered and not reminded yet; the
    appointment only while its contact is kept."""
    if kind == "reminder":
        return orientation.status == OrientationStatus.SENT and orientation.reminded_at is None
    if kind == "appointment":
        return orientation.has_contact and orientation.appointment_at is not None
    return True


# What the actions call once their transaction has committed.


def tell_receivers_of_new(orientation_id: int) -> None:
    send_about_orientation.enqueue(orientation_id, "new")
    sent_at = Orientation.objects.values_list("sent_at", flat=True).get(pk=orientation_id)
    send_about_orientation.using(run_after=reminder_moment(sent_at)).enqueue(
        orientation_id, "reminder"
    )


def tell_receivers_of_withdrawal(orientation_id: int) -> None:
    send_about_orientation.enqueue(orientation_id, "withdrawn")


def tell_sender_of_answer(orientation_id: int) -> None:
    send_about_orientation.enqueue(orientation_id, "answered")


def tell_person_of_appointment(orientation_id: int) -> None:
    send_about_orientation.enqueue(orientation_id, "appointment")
