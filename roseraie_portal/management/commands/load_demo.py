from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from roseraie_portal import roles
from services.models import Structure, StructureMembership

DEMO_PASSWORD = "roseraie-demo"
# username, role, is_staff, structure slug (partners only)
DEMO_ACCOUNTS = [
    ("coordination", roles.COORDINATION, True, None),
    ("conseiller", roles.CONSEILLER, False, None),
    ("partenaire", roles.PARTENAIRE, False, "caf-maine-et-loire"),
]


class Command(BaseCommand):
    help = (
        "Load the demonstration directory from fixtures/ and, in development only, the demo "
        "accounts. Idempotent: running it twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-accounts", action="store_true", help="Load the data but create no account."
        )

    def handle(self, *args, no_accounts=False, **options):
        call_command("load_demo_directory", verbosity=0)
        call_command("load_demo_permanences", verbosity=0)
        self.stdout.write("Demo data: the directory and the permanences of La Roseraie are loaded.")
        if no_accounts:
            return
        if not settings.DEBUG:
            raise CommandError(
                "Demo accounts are for development only: refusing to create them with DEBUG off."
            )
        self._create_accounts()

    @transaction.atomic
    def _create_accounts(self):
        User = get_user_model()
        for username, role, is_staff, structure_slug in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"is_staff": is_staff}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
            user.groups.add(Group.objects.get(name=role))
            if structure_slug:
                StructureMembership.objects.update_or_create(
                    user=user, defaults={"structure": Structure.objects.get(slug=structure_slug)}
                )
        names = ", ".join(account[0] for account in DEMO_ACCOUNTS)
        self.stdout.write(f"Demo accounts (development only): {names}; password: {DEMO_PASSWORD}")
