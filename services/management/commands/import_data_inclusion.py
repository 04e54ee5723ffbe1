from django.core.management.base import BaseCommand, CommandError

from services.opendata.files import UnreadableFile, read_rows_file
from services.opendata.importing import import_rows


class Command(BaseCommand):
    help = (
        "Import a directory in the data·inclusion v1 format (.json array of rows, or .csv "
        "with our export's columns). Valid rows are kept; invalid ones are reported with "
        "their line and reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("--structures", metavar="FILE", help="structures .json or .csv")
        parser.add_argument("--services", metavar="FILE", help="services .json or .csv")

    def handle(self, *args, structures=None, services=None, **options):
        if not structures and not services:
            raise CommandError("Give --structures FILE, --services FILE or both.")
        try:
            structures_file = read_rows_file(structures) if structures else None
            services_file = read_rows_file(services) if services else None
        except UnreadableFile as exc:
            raise CommandError(str(exc)) from exc
        report = import_rows(
            structures_file.rows if structures_file else [],
            services_file.rows if services_file else [],
            structures_first_line=structures_file.first_line if structures_file else 1,
            services_first_line=services_file.first_line if services_file else 1,
        )
        for line in report.lines():
            self.stdout.write(line)
