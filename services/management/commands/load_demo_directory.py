"""Load the demonstration directory from fixtures/demo/ (see its README), through the
directory's actions. The files are data a person edits in a spreadsheet: every problem
in them is reported, with its file and line, and nothing is loaded until they are fixed.
Then the demonstration orientations between the demo partners (load_demo_orientations),
when the demo accounts exist.
"""

import csv
import json
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from roseraie_portal.csv_files import cell_text, read_records, split_values
from services import actions
from services.models import (
    Lieu,
    Quartier,
    Service,
    Structure,
    StructureMembership,
    Synonym,
    Thematique,
)
from services.opening_hours import parse_osm

DEMO_DIR = Path(settings.BASE_DIR) / "fixtures" / "demo"
YES, NO = "oui", "non"
# The worker e-mails a service's shared mailbox of orientations: a placeholder in the demo.
PLACEHOLDER_DOMAIN = "@example.org"


class DemoDataError(Exception):
    """A cell that cannot be loaded; the loader collects them all before stopping."""


class Row:
    """One line of a demo file, read cell by cell in the conventions of the CSV exports."""

    def __init__(self, file: str, line: int, record: dict[str, str]):
        self.file, self.line, self.record = file, line, record

    def __str__(self):
        return f"{self.file}, ligne {self.line}"

    def text(self, name: str) -> str:
        return cell_text(self.record.get(name))

    def values(self, name: str) -> list[str]:
        return split_values(self.text(name))

    def flag(self, name: str) -> bool:
        value = self.text(name) or NO
        if value not in (YES, NO):
            raise DemoDataError(f"{name}: « {value} » (oui ou non)")
        return value == YES

    def day(self, name: str) -> date | None:
        value = self.text(name)
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            raise DemoDataError(f"{name}: « {value} » (AAAA-MM-JJ)") from None

    def number(self, name: str) -> float | None:
        value = self.text(name)
        try:
            return float(value) if value else None
        except ValueError:
            raise DemoDataError(f"{name}: « {value} » (un nombre)") from None

    def whole_number(self, name: str) -> int | None:
        value = self.text(name)
        if value and not value.isdecimal():
            raise DemoDataError(f"{name}: « {value} » (un nombre entier)")
        return int(value) if value else None

    def placeholder_email(self, name: str) -> str:
        value = self.text(name)
        if value and not value.endswith(PLACEHOLDER_DOMAIN):
            raise DemoDataError(f"{name}: « {value} » (une adresse en {PLACEHOLDER_DOMAIN})")
        return value

    def hours(self, name: str = "horaires") -> list:
        value = self.text(name)
        slots = parse_osm(value) if value else []
        if slots is None:
            raise DemoDataError(f"{name}: « {value} » (syntaxe OpenStreetMap)")
        return slots

    def pick(self, name: str, rows: dict):
        """The row of another file that a cell names by its slug or code."""
        value = self.text(name)
        if value not in rows:
            raise DemoDataError(f"{name}: « {value} » inconnu")
        return rows[value]

    def pick_all(self, name: str, rows: dict) -> list:
        unknown = [value for value in self.values(name) if value not in rows]
        if unknown:
            raise DemoDataError(f"{name}: {', '.join(unknown)} inconnu(s)")
        return [rows[value] for value in self.values(name)]


def read_rows(file: str) -> list[Row]:
    try:
        _header, records = read_records((DEMO_DIR / file).read_text(encoding="utf-8"))
    except (OSError, csv.Error) as error:
        raise CommandError(f"fixtures/demo/{file}: {error}") from error
    return [Row(file, line, record) for line, record in enumerate(records, start=2)]


class Command(BaseCommand):
    help = (
        "Load the demonstration directory of La Roseraie from fixtures/demo/ (quartiers, "
        "structures, places, services, everyday words), through the directory's actions; then "
        "the demonstration orientations between them (load_demo_orientations). "
        "Idempotent: rows are found again by their slug, so running it twice changes nothing."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        self.problems: list[str] = []
        quartiers = self._load("quartiers.csv", self._quartier)
        structures = self._load("structures.csv", self._structure)
        lieux = self._load("lieux.csv", lambda row: self._lieu(row, quartiers))
        themes = {theme.code: theme for theme in Thematique.objects.all()}
        loaded = self._load(
            "services.csv", lambda row: self._service(row, structures, lieux, themes)
        )
        self._load("synonyms.csv", lambda row: self._synonym(row, themes), key="word")
        self._load("memberships.csv", lambda row: self._membership(row, structures))
        translated = self._translations(loaded)
        if self.problems:
            raise CommandError("fixtures/demo/ has problems:\n" + "\n".join(self.problems))
        actions.reindex_services(service_ids=[service.pk for service in loaded.values()])
        self.stdout.write(
            f"Demo directory: {len(structures)} structures, {len(lieux)} places and "
            f"{len(loaded)} services loaded, {translated} of them with demonstration "
            "translations."
        )
        call_command(
            "load_demo_orientations", stdout=self.stdout, verbosity=options.get("verbosity", 1)
        )

    def _translations(self, services: dict) -> int:
        """translations.json: names and FALC texts of the services residents ask most
        about, in other languages; each entry is marked as demonstration content."""
        entries = json.loads((DEMO_DIR / "translations.json").read_text())["services"]
        languages = {code for code, _name in settings.LANGUAGES} - {settings.LANGUAGE_CODE}
        for number, entry in enumerate(entries, start=1):
            where = f"translations.json, service {number}"
            service = services.get(entry.get("slug"))
            if service is None or entry.get("demonstration") is not True:
                self.problems.append(
                    f"{where}: « {entry.get('slug')} » (un service de services.csv, "
                    "avec « demonstration »: true)"
                )
                continue
            for field in ("name", "falc_text"):
                for language, text in entry.get(field, {}).items():
                    if language not in languages:
                        self.problems.append(f"{where}: langue « {language} »")
                        continue
                    setattr(service, f"{field}_{language}", text)
            service.save()
        return len(entries)

    def _load(self, file: str, load, key: str = "slug") -> dict:
        """Each row loaded by ``load``, by its ``key`` cell; a problem is noted and the row
        skipped, so that every problem of the files is reported at once."""
        loaded = {}
        for row in read_rows(file):
            try:
                obj = load(row)
            except DemoDataError as error:
                self.problems.append(f"{row}: {error}")
            except ValidationError as error:
                self.problems += [f"{row}: {message}" for message in error.messages]
            else:
                loaded[row.text(key)] = obj
        return loaded

    def _quartier(self, row: Row) -> Quartier:
        quartier, _created = Quartier.objects.update_or_create(
            slug=row.text("slug"), defaults={"name": row.text("name")}
        )
        return quartier

    def _structure(self, row: Row) -> Structure:
        structure = Structure.objects.filter(slug=row.text("slug")).first()
        structure = structure or Structure(slug=row.text("slug"))
        for name in ("name", "kind", "description", "website", "phone", "email"):
            setattr(structure, name, row.text(name))
        structure.reseaux_porteurs = row.values("reseaux_porteurs")
        structure.date_maj = row.day("date_maj")
        structure.full_clean()
        return actions.save_structure(structure=structure, reindex=False)

    def _lieu(self, row: Row, quartiers: dict) -> Lieu:
        lieu = Lieu.objects.filter(slug=row.text("slug")).first() or Lieu(slug=row.text("slug"))
        for name in ("name", "address", "postcode", "commune", "code_insee", "acceslibre_url"):
            setattr(lieu, name, row.text(name))
        lieu.access_notes = row.text("access_notes")
        lieu.latitude, lieu.longitude = row.number("latitude"), row.number("longitude")
        lieu.quartier = row.pick("quartier", quartiers)
        for name in ("itinerant", "step_free", "public_wifi", "free_computers", "caf_terminal"):
            setattr(lieu, name, row.flag(name))
        lieu.printer_scanner = row.flag("printer_scanner")
        lieu.half_days_per_week = row.whole_number("demi_journees") or 0
        lieu.full_clean()
        return actions.save_lieu(lieu=lieu, opening_hours=row.hours())

    def _service(self, row: Row, structures: dict, lieux: dict, themes: dict) -> Service:
        service = Service.objects.filter(slug=row.text("slug")).first()
        service = service or Service(slug=row.text("slug"))
        service.structure = row.pick("structure", structures)
        for name in ("name", "description", "falc_text", "type", "frais", "frais_precisions"):
            setattr(service, name, row.text(name))
        for name in ("conditions_acces", "lien_mobilisation", "phone", "email", "pro_contact"):
            setattr(service, name, row.text(name))
        for name in ("publics", "modes_mobilisation", "languages", "documents"):
            setattr(service, name, row.values(name))
        service.appointment_required = row.flag("appointment_required")
        service.interpreter = row.flag("interpreter")
        service.accepts_orientations = row.flag("orientations")
        service.orientation_email = row.placeholder_email("boite_orientations")
        if service.orientation_email and not service.accepts_orientations:
            raise DemoDataError(
                f"boite_orientations: « {service.orientation_email} » "
                "(seulement avec orientations: oui)"
            )
        service.date_maj, service.verifie_le = row.day("date_maj"), row.day("verifie_le")
        service.is_published = True
        thematiques, places = row.pick_all("thematiques", themes), row.pick_all("lieux", lieux)
        service.full_clean(exclude=["search_vector"])
        return actions.save_service(
            service=service,
            thematiques=thematiques,
            lieux=places,
            opening_hours=row.hours(),
            reindex=False,
        )

    def _synonym(self, row: Row, themes: dict) -> Synonym:
        thematiques = row.pick_all("thematiques", themes)
        language = row.text("language") or settings.LANGUAGE_CODE
        if language not in dict(settings.LANGUAGES):
            raise DemoDataError(f"language: « {language} » (fr, en, ar ou tr)")
        synonym, _created = Synonym.objects.update_or_create(
            word=row.text("word"), language=language, defaults={"expansion": row.text("expansion")}
        )
        synonym.thematiques.set(thematiques)
        return synonym

    def _membership(self, row: Row, structures: dict) -> StructureMembership | None:
        """A demo account that load_demo created (development only) joins its structure."""
        structure = row.pick("structure", structures)
        user = get_user_model().objects.filter(username=row.text("username")).first()
        if user is None:
            return None
        membership, _created = StructureMembership.objects.update_or_create(
            user=user, defaults={"structure": structure}
        )
        return membership
