from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from roseraie_portal import roles

DEMO_PASSWORD = "roseraie-demo"
# username, role, is_staff. The apps attach them to their data (the partner's structure).
DEMO_ACCOUNTS = [
    ("coordination", roles.COORDINATION, True),
    ("conseiller", roles.CONSEILLER, False),
    ("partenaire", roles.PARTENAIRE, False),
]


class Command(BaseCommand):
    help = (
        "In development only, create the demo accounts; then load every app's demo data "
        "(the command each app names as demo_command in its AppConfig, in the order of "
        "INSTALLED_APPS). Idempotent: running it twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-accounts", action="store_true", help="Load the data but create no account."
        )

    def handle(self, *args, no_accounts=False, **options):
        if not no_accounts:
            if not settings.DEBUG:
                raise CommandError(
                    "Demo accounts are for development only: refusing to create them with "
                    "DEBUG off (use --no-accounts to load the data alone)."
                )
            self._create_accounts()
        for config in apps.get_app_configs():
            command = getattr(config, "demo_command", None)
            if command:
                call_command(command, verbosity=0)

    @transaction.atomic
    def _create_accounts(self):
        User = get_user_model()
        for username, role, is_staff in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"is_staff": is_staff}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
            user.groups.add(Group.objects.get(name=role))
        names = ", ".join(account[0] for account in DEMO_ACCOUNTS)
        self.stdout.write(f"Demo accounts (development only): {names}; password: {DEMO_PASSWORD}")
