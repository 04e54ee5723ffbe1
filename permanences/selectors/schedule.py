"""Reads of the schedule shared by the directory's pages (a service, the home page)."""

from permanences.models import Permanence


def next_permanences(*, service, limit: int = 3, now=None) -> list[Permanence]:
    """The next permanences of one service (shown on its page), cancelled ones included."""
    return list(Permanence.objects.still_to_come(now).for_display().filter(service=service)[:limit])


def upcoming_permanences(*, limit: int = 5, now=None) -> list[Permanence]:
    """The next permanences of every published service (shown on the home page)."""
    return list(Permanence.objects.public().still_to_come(now).for_display()[:limit])
