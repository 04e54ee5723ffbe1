from django.conf import settings
from django.core.management.base import BaseCommand

from services.actions.orientations import purge_orientations


class Command(BaseCommand):
    help = (
        "Erase the contacts and free texts of orientations closed (answered or withdrawn) "
        "more than ORIENTATION_RETENTION_MONTHS months ago, or sent that long ago and never "
        "answered, as the personal-data notice states; the rows stay for the counts. Meant "
        "for a daily scheduler."
    )

    def handle(self, *args, **options):
        erased = purge_orientations()
        months = settings.ORIENTATION_RETENTION_MONTHS
        self.stdout.write(
            f"{erased} orientation(s) erased (contacts and texts older than {months} months)."
        )
