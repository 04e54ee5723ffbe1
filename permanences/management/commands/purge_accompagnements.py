from dateutil.relativedelta import relativedelta
from django.core.management.base import BaseCommand
from django.utils import timezone

from permanences.actions.log import purge_accompagnements

# What the personal-data notice promises (/donnees-personnelles/).
RETENTION_YEARS = 5


class Command(BaseCommand):
    help = (
        "Delete the accompaniments older than the retention period the personal-data "
        f"notice states ({RETENTION_YEARS} years). Meant for a daily scheduler."
    )

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=RETENTION_YEARS)

    def handle(self, *args, years, **options):
        before = timezone.localdate() - relativedelta(years=years)
        deleted = purge_accompagnements(before=before)
        self.stdout.write(f"{deleted} accompaniment(s) dated before {before:%Y-%m-%d} deleted.")
