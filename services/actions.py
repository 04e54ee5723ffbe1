from django.db import transaction
from django.utils import timezone

from services.models import Service


@transaction.atomic
def mark_verified(*, services, on=None) -> int:
    """Record that a coordinator checked these services with their structure today."""
    today = on or timezone.localdate()
    return Service.objects.filter(pk__in=services.values("pk")).update(
        verifie_le=today, date_maj=today
    )
