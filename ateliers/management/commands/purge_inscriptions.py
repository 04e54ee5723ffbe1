from dateutil.relativedelta import relativedelta
from django.core.management.base import BaseCommand
from django.utils import timezone

from ateliers.actions import purge_inscriptions

# What the personal-data notice promises (/donnees-personnelles/).
RETENTION_MONTHS = 3


class Command(BaseCommand):
    help = (
        "Erase the names and contacts of registrations to ateliers held more than "
        f"{RETENTION_MONTHS} months ago, as the personal-data notice states; the anonymous "
        "counts stay. Meant for a daily scheduler."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=RETENTION_MONTHS)

    def handle(self, *args, months, **options):
        held_before = timezone.localdate() - relativedelta(months=months)
        erased = purge_inscriptions(held_before=held_before)
        self.stdout.write(
            f"{erased} registration(s) to ateliers held before {held_before:%Y-%m-%d} erased."
        )
