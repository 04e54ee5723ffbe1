"""Turn services/demo_directory.py into the demo fixtures, the same bytes on every run.

Two files, because thematiques have no natural key and their primary keys differ from one
database to another:

- ``fixtures/directory.json``: quartiers, structures, lieux, services, opening hours and
  synonyms, with fixed primary keys (1, 2, … in the order of demo_directory.py), and no
  thematique link;
- ``fixtures/directory_thematiques.json``: service slug → thematique codes and synonym
  word → thematique codes, which ``load_demo_directory`` links by code.
"""

import json
from pathlib import Path

from data_inclusion.schema import v1 as schema
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from services import demo_directory as demo
from services.enums import LANGUAGE_CHOICES, Frais, ModeMobilisation, StructureKind, TypeService
from services.falc import check_falc

DIRECTORY_FILE = "directory.json"
THEMATIQUES_FILE = "directory_thematiques.json"

THEMATIQUE_CODES = {member.value for member in schema.Thematique} | {
    member.value for member in schema.Categorie
}
PUBLICS = {member.value for member in schema.Public}
RESEAUX_PORTEURS = {member.value for member in schema.ReseauPorteur}
LANGUAGES = {code for code, _label in LANGUAGE_CHOICES}

SERVICE_DEFAULTS = {
    "publics": ["tous-publics"],
    "frais": Frais.GRATUIT.value,
    "frais_precisions": "",
    "conditions_acces": "",
    "modes_mobilisation": [],
    "lien_mobilisation": "",
    "appointment_required": False,
    "interpreter": False,
    "documents": [],
    "phone": "",
    "email": "",
    "pro_contact": "",
    "hours": (),
    "verifie_le": None,
}
LIEU_DEFAULTS = {"itinerant": False, "acceslibre_url": ""}


class DemoDataError(ValueError):
    """demo_directory.py breaks a rule: every problem is listed, not only the first."""


def build_directory() -> tuple[list[dict], dict[str, dict[str, list[str]]]]:
    """The fixture objects and the thematique links, or DemoDataError listing every problem."""
    problems: list[str] = []
    objects: list[dict] = []

    quartier_pks = _pks("quartier", [slug for slug, _name in demo.QUARTIERS], problems)
    for slug, name in demo.QUARTIERS:
        objects.append(_object("quartier", quartier_pks[slug], {"name": name, "slug": slug}))

    structure_pks = _pks("structure", [row["slug"] for row in demo.STRUCTURES], problems)
    for row in demo.STRUCTURES:
        _check_choices(row["slug"], "kind", [row["kind"]], StructureKind.values, problems)
        _check_choices(
            row["slug"], "reseaux_porteurs", row["reseaux_porteurs"], RESEAUX_PORTEURS, problems
        )
        fields = {key: row[key] for key in ("name", "slug", "kind", "description", "website")}
        fields |= {
            "phone": row["phone"],
            "email": row["email"],
            "siret": "",
            "reseaux_porteurs": list(row["reseaux_porteurs"]),
            "date_maj": row["date_maj"],
        }
        objects.append(_object("structure", structure_pks[row["slug"]], fields))

    lieu_pks = _pks("lieu", [row["slug"] for row in demo.LIEUX], problems)
    hours: list[tuple[str, str, tuple]] = []  # (model field, slug, slot)
    for row in demo.LIEUX:
        row = LIEU_DEFAULTS | row
        _check_reference(row["slug"], "quartier", row["quartier"], quartier_pks, problems)
        fields = {
            key: row[key]
            for key in (
                "name",
                "slug",
                "address",
                "postcode",
                "latitude",
                "longitude",
                "itinerant",
                "step_free",
                "acceslibre_url",
                "public_wifi",
                "free_computers",
                "caf_terminal",
                "printer_scanner",
                "access_notes",
            )
        }
        fields |= {
            "commune": "Angers",
            "code_insee": "49007",
            "quartier": quartier_pks.get(row["quartier"]),
        }
        objects.append(_object("lieu", lieu_pks[row["slug"]], fields))
        if not row["hours"]:
            problems.append(f"lieu {row['slug']}: no opening hours")
        hours += [("lieu", row["slug"], slot) for slot in row["hours"]]

    service_pks = _pks("service", [row["slug"] for row in demo.SERVICES], problems)
    service_links = {}
    for row in demo.SERVICES:
        row = SERVICE_DEFAULTS | row
        slug = row["slug"]
        _check_service(row, structure_pks, lieu_pks, problems)
        fields = {
            "structure": structure_pks.get(row["structure"]),
            "lieux": [lieu_pks[lieu] for lieu in row["lieux"] if lieu in lieu_pks],
            "name": row["name"],
            "slug": slug,
            "description": row["description"],
            "falc_text": "\n".join(row["falc_text"]),
            "type": row["type"],
            "publics": list(row["publics"]),
            "frais": row["frais"],
            "frais_precisions": row["frais_precisions"],
            "conditions_acces": row["conditions_acces"],
            "modes_mobilisation": list(row["modes_mobilisation"]),
            "lien_mobilisation": row["lien_mobilisation"],
            "appointment_required": row["appointment_required"],
            "languages": list(row["languages"]),
            "interpreter": row["interpreter"],
            "documents": list(row["documents"]),
            "phone": row["phone"],
            "email": row["email"],
            "pro_contact": row["pro_contact"],
            "date_maj": row["date_maj"],
            "verifie_le": row["verifie_le"],
            "is_published": True,
        }
        objects.append(_object("service", service_pks[slug], fields))
        service_links[slug] = list(row["thematiques"])
        hours += [("service", slug, slot) for slot in row["hours"]]

    owner_pks = {"lieu": lieu_pks, "service": service_pks}
    for pk, (owner, slug, (weekday, opens, closes)) in enumerate(hours, start=1):
        if not (0 <= weekday <= 6 and opens < closes):
            problems.append(f"{owner} {slug}: invalid opening hours {weekday} {opens}–{closes}")
        fields = {
            "lieu": None,
            "service": None,
            owner: owner_pks[owner].get(slug),
            "weekday": weekday,
            "opens": f"{opens}:00",
            "closes": f"{closes}:00",
        }
        objects.append(_object("openinghours", pk, fields))

    synonym_pks = _pks("synonym", [word for word, _expansion, _codes in demo.SYNONYMS], problems)
    synonym_links = {}
    for word, expansion, codes in demo.SYNONYMS:
        if word != word.lower():
            problems.append(f"synonym {word!r}: residents' words are written in lowercase")
        _check_choices(f"synonym {word!r}", "thematiques", codes, THEMATIQUE_CODES, problems)
        objects.append(
            _object("synonym", synonym_pks[word], {"word": word, "expansion": expansion})
        )
        synonym_links[word] = list(codes)

    if problems:
        raise DemoDataError("\n".join(problems))
    return objects, {"services": service_links, "synonyms": synonym_links}


def falc_warnings() -> list[str]:
    """What the admin's FALC checker would tell a coordinator about the demo texts."""
    return [
        f"{row['slug']}: {warning.message}"
        for row in demo.SERVICES
        for warning in check_falc("\n".join(row["falc_text"]))
    ]


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _object(model: str, pk: int, fields: dict) -> dict:
    return {"model": f"services.{model}", "pk": pk, "fields": fields}


def _pks(model: str, keys: list[str], problems: list[str]) -> dict[str, int]:
    pks = {}
    for key in keys:
        if key in pks:
            problems.append(f"{model} {key!r} appears twice")
        pks.setdefault(key, len(pks) + 1)
    return pks


def _check_reference(owner: str, field: str, key, pks: dict, problems: list[str]) -> None:
    if key not in pks:
        problems.append(f"{owner}: unknown {field} {key!r}")


def _check_choices(owner: str, field: str, values, allowed, problems: list[str]) -> None:
    for value in values:
        if value not in allowed:
            problems.append(f"{owner}: {field} {value!r} is not an allowed value")


def _check_service(row: dict, structure_pks, lieu_pks, problems: list[str]) -> None:
    slug = row["slug"]
    _check_reference(slug, "structure", row["structure"], structure_pks, problems)
    for lieu in row["lieux"]:
        _check_reference(slug, "lieu", lieu, lieu_pks, problems)
    _check_choices(slug, "type", [row["type"]], TypeService.values, problems)
    _check_choices(slug, "frais", [row["frais"]], Frais.values, problems)
    _check_choices(slug, "thematiques", row["thematiques"], THEMATIQUE_CODES, problems)
    _check_choices(slug, "publics", row["publics"], PUBLICS, problems)
    _check_choices(slug, "languages", row["languages"], LANGUAGES, problems)
    _check_choices(
        slug, "modes_mobilisation", row["modes_mobilisation"], ModeMobilisation.values, problems
    )
    required = ("lieux", "falc_text", "thematiques", "languages")
    problems += [f"{slug}: {field} is empty" for field in required if not row[field]]
    if not 1 <= len(row["thematiques"]) <= 3:
        problems.append(f"{slug}: give 1 to 3 thematiques")


class Command(BaseCommand):
    help = (
        "Build fixtures/directory.json and fixtures/directory_thematiques.json from "
        "services/demo_directory.py. Deterministic: the same data gives the same files."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=Path(settings.BASE_DIR) / "fixtures",
            help="Directory to write the two fixture files to (default: fixtures/).",
        )

    def handle(self, *args, output_dir: Path, **options):
        try:
            objects, links = build_directory()
        except DemoDataError as error:
            raise CommandError(f"services/demo_directory.py has problems:\n{error}") from error
        for warning in falc_warnings():
            self.stderr.write(f"FALC: {warning}")
        output_dir.mkdir(parents=True, exist_ok=True)
        (output_dir / DIRECTORY_FILE).write_text(dump(objects), encoding="utf-8")
        (output_dir / THEMATIQUES_FILE).write_text(dump(links), encoding="utf-8")
        counts = {}
        for obj in objects:
            counts[obj["model"]] = counts.get(obj["model"], 0) + 1
        summary = ", ".join(f"{count} {model}" for model, count in counts.items())
        self.stdout.write(f"Wrote {output_dir / DIRECTORY_FILE} ({summary}).")
        self.stdout.write(f"Wrote {output_dir / THEMATIQUES_FILE}.")
