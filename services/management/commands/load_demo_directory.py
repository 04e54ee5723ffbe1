"""Load the demonstration directory: fixtures/directory.json, then the thematique links.

Thematiques have no natural key and their primary keys depend on the database, so the
links are kept apart, by code, in fixtures/directory_thematiques.json (both files are
written by ``build_demo_fixtures``).
"""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from services.models import Service, Structure, StructureMembership, Synonym, Thematique
from services.search import refresh_search_vectors

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
DIRECTORY_FIXTURE = FIXTURES_DIR / "directory.json"
THEMATIQUES_FIXTURE = FIXTURES_DIR / "directory_thematiques.json"
# The demo partner account (roseraie_portal's load_demo) and the structure it belongs to.
DEMO_MEMBERSHIPS = {"partenaire": "caf-maine-et-loire"}


class Command(BaseCommand):
    help = (
        "Load the demonstration directory (fixtures/directory.json), link services and "
        "synonyms to their thematiques by code, and refresh the search vectors. Idempotent: "
        "running it twice changes nothing."
    )

    def handle(self, *args, **options):
        links = json.loads(THEMATIQUES_FIXTURE.read_text(encoding="utf-8"))
        thematique_ids = _thematique_ids(links)
        with transaction.atomic():
            call_command("loaddata", str(DIRECTORY_FIXTURE), verbosity=0)
            service_ids = _link(Service, "slug", links["services"], thematique_ids)
            _link(Synonym, "word", links["synonyms"], thematique_ids)
            refresh_search_vectors(service_ids)
            _attach_demo_accounts()
        self.stdout.write(
            f"Demo directory: {len(links['services'])} services and "
            f"{len(links['synonyms'])} synonyms loaded and linked to their thematiques."
        )


def _attach_demo_accounts() -> None:
    """The demo accounts that load_demo created (development only) join their structure."""
    users = get_user_model().objects.in_bulk(list(DEMO_MEMBERSHIPS), field_name="username")
    for username, user in users.items():
        structure = Structure.objects.get(slug=DEMO_MEMBERSHIPS[username])
        StructureMembership.objects.update_or_create(user=user, defaults={"structure": structure})


def _thematique_ids(links: dict) -> dict[str, int]:
    """Thematique id by code, for every code the links use; an unknown code stops here."""
    codes = {
        code
        for section in links.values()
        for object_codes in section.values()
        for code in object_codes
    }
    ids = dict(Thematique.objects.filter(code__in=codes).values_list("code", "id"))
    unknown = sorted(codes - ids.keys())
    if unknown:
        raise CommandError(
            f"Unknown thematique code(s) in {THEMATIQUES_FIXTURE.name}: {', '.join(unknown)}. "
            "Run the migrations, or fix services/demo_directory.py and run build_demo_fixtures."
        )
    return ids


def _link(model, key: str, codes_by_key: dict[str, list[str]], thematique_ids) -> list[int]:
    """Set each object's thematiques to exactly the listed codes; return the objects' ids."""
    objects = model.objects.in_bulk(list(codes_by_key), field_name=key)
    missing = sorted(codes_by_key.keys() - objects.keys())
    if missing:
        raise CommandError(
            f"{model._meta.verbose_name_plural} missing after loading "
            f"{DIRECTORY_FIXTURE.name}: {', '.join(missing)}. Run build_demo_fixtures."
        )
    for value, obj in objects.items():
        obj.thematiques.set([thematique_ids[code] for code in codes_by_key[value]])
    return [obj.pk for obj in objects.values()]
