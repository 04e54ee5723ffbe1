"""Open data: our directory as data·inclusion v1 rows, and v1 rows into our directory.

Exports (``/donnees/structures.json``, ``/donnees/services.json`` and their ``.csv``)
produce one row per structure and one per published service, each valid for the schema
package's pydantic models (``data_inclusion.schema.v1.Structure`` and ``Service``).
Imports (``manage.py import_data_inclusion``) validate each row with the same models and
keep the valid ones; invalid rows are reported with their line and a reason in French.

What v1 has no field for travels in its free-text fields, in fixed French sentences so
that an import of our own export gives them back: the documents to bring close
``conditions_acces``; appointments, languages and interpreters go in
``mobilisation_precisions``.
"""

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import time
from operator import itemgetter
from pathlib import Path
from typing import Any, get_args, get_origin

import pydantic
from data_inclusion.schema import v1 as schema
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DatabaseError, models, transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from roseraie_portal.csv_export import MULTI_VALUE_SEPARATOR, unneutralise
from services.enums import LANGUAGE_CHOICES, Frais, StructureKind
from services.models import Lieu, OpeningHours, Service, Structure, Thematique
from services.opening_hours import OSM_DAYS, to_osm
from services.search import refresh_search_vectors

SOURCE = "roseraie-portal"
ID_SEPARATOR = "--"
EXPORT_CHUNK_SIZE = 1000

STRUCTURE_FIELDS = list(schema.Structure.model_fields)
SERVICE_FIELDS = list(schema.Service.model_fields)
# Cells holding several values, joined with " | " in CSV files.


def _is_multi_valued(annotation) -> bool:
    if get_origin(annotation) in (list, set):
        return True
    return any(_is_multi_valued(argument) for argument in get_args(annotation))


MULTI_VALUED_FIELDS = {
    name
    for model in (schema.Structure, schema.Service)
    for name, info in model.model_fields.items()
    if _is_multi_valued(info.annotation)
}

SCHEMA_THEMATIQUES = {thematique.value for thematique in schema.Thematique}
# The network a kind of structure belongs to by definition (v1 has no structure type).
KIND_NETWORKS = {
    StructureKind.CAF: "caf",
    StructureKind.CPAM: "cpam",
    StructureKind.CCAS: "ccas-cias",
    StructureKind.FRANCE_SERVICES: "france-service",
    StructureKind.FRANCE_TRAVAIL: "france-travail",
    StructureKind.MAIRIE: "communes",
    StructureKind.MISSION_LOCALE: "mission-locale",
    StructureKind.EPN: "espaces-publics-numeriques",
}
NETWORK_KINDS = {network: kind for kind, network in KIND_NETWORKS.items()}
# Residents come by themselves, and the professionals of a premier accueil orient people
# to every service of the directory.
MOBILISABLE_PAR = sorted(person.value for person in schema.PersonneMobilisatrice)

# Fixed French sentences, part of the data rather than of the interface: they are never
# translated, so that the import recognises them whatever the language of the request.
DOCUMENTS_HEADING = "Documents à apporter :"
APPOINTMENT_SENTENCE = "Sur rendez-vous uniquement."
INTERPRETER_SENTENCE = "Interprète possible."
LANGUAGES_SENTENCE = "Langues parlées sur place : {}."
LANGUAGES_PATTERN = re.compile(r"^Langues parlées sur place : (.+)\.$")


# --- Export ----------------------------------------------------------------------------


def make_id(slug: str) -> str:
    return f"{SOURCE}{ID_SEPARATOR}{slug}"


def _absolute_url(base_url: str | None, obj) -> str | None:
    if not base_url:
        return None
    # The French URL, without language prefix, whatever language the request asked for.
    with translation.override(settings.LANGUAGE_CODE):
        return base_url.rstrip("/") + obj.get_absolute_url()


def _french(choices) -> dict[str, str]:
    with translation.override("fr"):
        return {value: str(label) for value, label in choices}


def _text(value: str) -> str | None:
    value = (value or "").strip()
    return value or None


def _values(values: Iterable[str]) -> list[str] | None:
    values = sorted(set(values))
    return values or None


def structures_for_export():
    return Structure.objects.order_by("name", "pk")


def services_for_export():
    """Published services with everything a row needs, in a fixed number of queries."""
    return (
        Service.objects.published()
        .select_related("structure")
        .prefetch_related(
            models.Prefetch("lieux", queryset=Lieu.objects.prefetch_related("opening_hours")),
            "thematiques",
            "opening_hours",
        )
        .order_by("name", "pk")
    )


def structure_row(structure: Structure, *, base_url: str | None = None) -> dict[str, Any]:
    """The data·inclusion v1 row of a structure. ``base_url`` (``https://host``) adds
    ``lien_source``, the structure's page here."""
    networks = set(structure.reseaux_porteurs)
    if structure.kind in KIND_NETWORKS:
        networks.add(KIND_NETWORKS[structure.kind])
    row = dict.fromkeys(STRUCTURE_FIELDS)
    row.update(
        source=SOURCE,
        id=make_id(structure.slug),
        nom=structure.name,
        date_maj=structure.date_maj,
        description=_text(structure.description),
        lien_source=_absolute_url(base_url, structure),
        # A malformed SIRET is of no use to anyone: data·inclusion would drop it.
        siret=structure.siret if re.fullmatch(r"\d{14}", structure.siret) else None,
        telephone=_text(structure.phone),
        courriel=_text(structure.email),
        site_web=_text(structure.website),
        reseaux_porteurs=_values(networks),
    )
    return row


def _publics(values: list[str]) -> list[str] | None:
    # v1 forbids "tous-publics" beside other publics; the specific ones say more.
    publics = set(values)
    if len(publics) > 1:
        publics.discard(schema.Public.TOUS_PUBLICS.value)
    return _values(publics)


def _conditions(service: Service) -> str | None:
    parts = [service.conditions_acces.strip()] if service.conditions_acces.strip() else []
    documents = [document.strip() for document in service.documents if document.strip()]
    if documents:
        parts.append("\n".join([DOCUMENTS_HEADING, *(f"- {doc}" for doc in documents)]))
    return "\n\n".join(parts) or None


def _mobilisation_precisions(service: Service) -> str | None:
    sentences = []
    if service.appointment_required:
        sentences.append(APPOINTMENT_SENTENCE)
    if service.languages:
        labels = _french(LANGUAGE_CHOICES)
        names = ", ".join(labels.get(code, code) for code in service.languages)
        sentences.append(LANGUAGES_SENTENCE.format(names))
    if service.interpreter:
        sentences.append(INTERPRETER_SENTENCE)
    return "\n".join(sentences) or None


def service_row(service: Service, *, base_url: str | None = None) -> dict[str, Any]:
    """The data·inclusion v1 row of a service: the address of its first place, its own
    hours or else its first place's. Use :func:`services_for_export` to read them."""
    lieux = list(service.lieux.all())
    lieu = lieux[0] if lieux else None
    own_hours = list(service.opening_hours.all())
    hours = own_hours or (list(lieu.opening_hours.all()) if lieu else [])
    themes = [theme.code for theme in service.thematiques.all()]
    modes = list(service.modes_mobilisation)
    row = dict.fromkeys(SERVICE_FIELDS)
    row.update(
        source=SOURCE,
        structure_id=make_id(service.structure.slug),
        id=make_id(service.slug),
        nom=service.name,
        description=service.description,
        lien_source=_absolute_url(base_url, service),
        date_maj=service.date_maj,
        type=service.type or None,
        # Categories are ours to group tiles; v1 exchanges only the sub-themes.
        thematiques=_values(code for code in themes if code in SCHEMA_THEMATIQUES),
        frais=service.frais or None,
        frais_precisions=_text(service.frais_precisions),
        publics=_publics(service.publics),
        conditions_acces=_conditions(service),
        telephone=_text(service.phone),
        courriel=_text(service.email),
        modes_accueil=[schema.ModeAccueil.EN_PRESENTIEL.value],
        lien_mobilisation=_text(service.lien_mobilisation),
        modes_mobilisation=_values(modes),
        mobilisable_par=list(MOBILISABLE_PAR),
        mobilisation_precisions=_mobilisation_precisions(service),
        horaires_accueil=to_osm(hours) or None,
    )
    if lieu is not None:
        row.update(
            adresse=lieu.address,
            code_postal=lieu.postcode or None,
            commune=lieu.commune or None,
            code_insee=lieu.code_insee or None,
            latitude=lieu.latitude,
            longitude=lieu.longitude,
        )
    return row


# Header -> function of the row: the v1 field names, in the schema's order.
STRUCTURE_COLUMNS = {name: itemgetter(name) for name in STRUCTURE_FIELDS}
SERVICE_COLUMNS = {name: itemgetter(name) for name in SERVICE_FIELDS}


# --- Validation ------------------------------------------------------------------------

FIELD_LABELS = {
    "source": gettext_lazy("source"),
    "id": gettext_lazy("identifiant"),
    "structure_id": gettext_lazy("identifiant de la structure"),
    "nom": gettext_lazy("nom"),
    "description": gettext_lazy("description"),
    "date_maj": gettext_lazy("date de mise à jour"),
    "code_postal": gettext_lazy("code postal"),
    "code_insee": gettext_lazy("code INSEE"),
    "siret": gettext_lazy("numéro SIRET"),
    "telephone": gettext_lazy("téléphone"),
    "courriel": gettext_lazy("e-mail"),
    "site_web": gettext_lazy("site internet"),
    "thematiques": gettext_lazy("thématiques"),
    "publics": gettext_lazy("publics"),
    "horaires_accueil": gettext_lazy("horaires d’accueil"),
}


def _describe(error: dict) -> str:
    """One pydantic error in plain French."""
    name = str(error["loc"][0]) if error["loc"] else ""
    label = str(FIELD_LABELS.get(name, name))
    value = error.get("input")
    kind = error["type"]
    context = error.get("ctx") or {}
    if not name:
        return _("la ligne n’est pas un objet (des champs et leurs valeurs)")
    if kind == "missing" or (value is None and kind.endswith("_type")):
        return _("le champ « %(field)s » est obligatoire") % {"field": label}
    if kind == "enum" and name == "thematiques":
        return _("thématique inconnue : « %(value)s »") % {"value": value}
    if kind == "enum":
        return _("valeur inconnue pour « %(field)s » : « %(value)s »") % {
            "field": label,
            "value": value,
        }
    if name in ("code_postal", "code_insee", "siret") and kind.startswith("string_"):
        digits = 14 if name == "siret" else 5
        return _("%(field)s invalide : « %(value)s » (%(digits)s chiffres attendus)") % {
            "field": label,
            "value": value,
            "digits": digits,
        }
    if kind == "string_too_short":
        return _("« %(field)s » est trop court (au moins %(min)s caractères)") % {
            "field": label,
            "min": context.get("min_length"),
        }
    if kind == "string_too_long":
        return _("« %(field)s » est trop long (au plus %(max)s caractères)") % {
            "field": label,
            "max": context.get("max_length"),
        }
    if kind == "too_short":
        return _("« %(field)s » doit contenir au moins une valeur") % {"field": label}
    if kind.startswith("date"):
        return _("« %(field)s » doit être une date au format AAAA-MM-JJ") % {"field": label}
    if kind.startswith("url"):
        return _("« %(field)s » doit être une adresse web complète (https://…)") % {"field": label}
    if kind.startswith(("float", "int")):
        return _("« %(field)s » doit être un nombre") % {"field": label}
    if name == "courriel":
        return _("« %(value)s » n’est pas une adresse e-mail valide") % {"value": value}
    if kind in ("value_error", "avertissement"):
        # The schema's own validators already speak French.
        return str(error["msg"]).removeprefix("Value error, ")
    return _("« %(field)s » est invalide : %(detail)s") % {"field": label, "detail": error["msg"]}


def check_row(model: type[pydantic.BaseModel], row: Any):
    """``(instance or None, errors, warnings)``: the schema's "avertissement" checks (a
    name ending with a full stop) are warnings, everything else is an error."""
    try:
        return model.model_validate(row, context={"ignore_warnings": False}), [], []
    except pydantic.ValidationError as exc:
        problems = exc.errors()
    errors = [_describe(error) for error in problems if error["type"] != "avertissement"]
    warnings = [_describe(error) for error in problems if error["type"] == "avertissement"]
    if errors:
        return None, errors, warnings
    return model.model_validate(row), [], warnings


def validate_structure_row(row: Any) -> list[str]:
    """The errors that make ``row`` invalid for data·inclusion v1 (empty when valid)."""
    return check_row(schema.Structure, row)[1]


def validate_service_row(row: Any) -> list[str]:
    return check_row(schema.Service, row)[1]


# --- Reading files ---------------------------------------------------------------------


class UnreadableFile(ValueError):
    """The file cannot be read at all (its rows can then not even be reported)."""


@dataclass
class RowsFile:
    rows: list[Any]
    first_line: int  # The line of the first row: 2 in a CSV (its header is line 1).


def csv_record_to_row(record: dict[str, str | None]) -> dict[str, Any]:
    """A CSV record of our export's columns as a v1 row: empty cells are ``None``,
    multi-valued cells split on `` | ``, neutralised formulas restored."""
    row: dict[str, Any] = {}
    for name, value in record.items():
        if name is None:  # More cells than headers.
            continue
        value = unneutralise((value or "").strip())
        if not value:
            row[name] = None
        elif name in MULTI_VALUED_FIELDS:
            row[name] = [part.strip() for part in value.split(MULTI_VALUE_SEPARATOR.strip())]
            row[name] = [part for part in row[name] if part]
        else:
            row[name] = value
    return row


def read_rows_file(path: str | Path) -> RowsFile:
    """The rows of a ``.json`` (an array of rows) or ``.csv`` (our export's columns, ``;``
    separated, BOM tolerated) file. Raises :class:`UnreadableFile` with a French reason."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise UnreadableFile(
            _("%(path)s : seuls les fichiers .json et .csv sont acceptés.") % {"path": path}
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise UnreadableFile(_("%(path)s : fichier introuvable.") % {"path": path}) from exc
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            _("%(path)s : le fichier n’est pas encodé en UTF-8.") % {"path": path}
        ) from exc
    except OSError as exc:
        raise UnreadableFile(
            _("%(path)s : lecture impossible (%(error)s).") % {"path": path, "error": exc}
        ) from exc
    if suffix == ".json":
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UnreadableFile(
                _("%(path)s : JSON invalide, ligne %(line)s (%(error)s).")
                % {"path": path, "line": exc.lineno, "error": exc.msg}
            ) from exc
        if not isinstance(rows, list):
            raise UnreadableFile(
                _("%(path)s : un tableau JSON de lignes est attendu.") % {"path": path}
            )
        return RowsFile(rows=rows, first_line=1)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=";")
    try:
        records = list(reader)
    except csv.Error as exc:
        raise UnreadableFile(
            _("%(path)s : CSV illisible (%(error)s).") % {"path": path, "error": exc}
        ) from exc
    if "id" not in (reader.fieldnames or []):
        raise UnreadableFile(
            _(
                "%(path)s : l’en-tête n’a pas de colonne « id » ; un CSV séparé par « ; » "
                "avec les colonnes de data·inclusion est attendu."
            )
            % {"path": path}
        )
    return RowsFile(rows=[csv_record_to_row(record) for record in records], first_line=2)


# --- Import ----------------------------------------------------------------------------


def parse_osm(text: str) -> list[tuple[int, time, time]] | None:
    """Weekly slots of a simple OpenStreetMap ``opening_hours`` string, or ``None``.

    Understands rules like ``Mo-Fr 08:30-12:30,13:30-17:00; Sa 09:00-12:00; PH off`` (a
    later rule replaces an earlier one for its days, as in OSM). Anything else (weeks,
    months, "off" days, 24/7, comments) is not understood.
    """
    day = "|".join(OSM_DAYS)
    days_pattern = re.compile(rf"^({day})(?:-({day}))?$")
    hours_pattern = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")
    by_day: dict[int, list[tuple[time, time]]] = {}
    for rule in filter(None, (part.strip() for part in text.split(";"))):
        if rule == "PH off":  # Public holidays are closed here anyway.
            continue
        days_part, _space, hours_part = rule.partition(" ")
        days: list[int] = []
        for item in days_part.split(","):
            match = days_pattern.match(item)
            if not match:
                return None
            start = OSM_DAYS.index(match[1])
            end = OSM_DAYS.index(match[2] or match[1])
            days += [(start + step) % 7 for step in range((end - start) % 7 + 1)]
        ranges = []
        for item in hours_part.replace(" ", "").split(","):
            match = hours_pattern.match(item)
            if not match:
                return None
            opens, closes = time(int(match[1]), int(match[2])), time(int(match[3]), int(match[4]))
            if opens >= closes:
                return None
            ranges.append((opens, closes))
        for weekday in days:
            by_day[weekday] = ranges
    return sorted((weekday, *times) for weekday, ranges in by_day.items() for times in ranges)


@dataclass
class RowIssue:
    file: str  # "structures" or "services"
    line: int
    reasons: list[str]

    def __str__(self):
        return _("ligne %(line)s : %(reasons)s") % {
            "line": self.line,
            "reasons": " ; ".join(self.reasons),
        }


@dataclass
class ImportReport:
    structures_kept: list[str] = field(default_factory=list)  # slugs, in file order
    services_kept: list[str] = field(default_factory=list)
    rejected: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)

    def rejected_in(self, file: str) -> list[RowIssue]:
        return [issue for issue in self.rejected if issue.file == file]

    def warnings_in(self, file: str) -> list[RowIssue]:
        return [issue for issue in self.warnings if issue.file == file]

    def lines(self) -> list[str]:
        """The report as text, file by file: rows kept, then each rejected row."""
        lines = []
        for file, title, kept in (
            ("structures", _("Structures"), self.structures_kept),
            ("services", _("Services"), self.services_kept),
        ):
            rejected = self.rejected_in(file)
            kept_text = (
                ngettext("%(count)s ligne gardée", "%(count)s lignes gardées", len(kept))
                % {"count": len(kept)}
                if kept
                else _("aucune ligne gardée")
            )
            rejected_text = (
                ngettext("%(count)s ligne invalide", "%(count)s lignes invalides", len(rejected))
                % {"count": len(rejected)}
                if rejected
                else _("aucune ligne invalide")
            )
            lines.append(
                _("%(file)s : %(kept)s, %(rejected)s.")
                % {"file": title, "kept": kept_text, "rejected": rejected_text}
            )
            lines += [f"  {issue}" for issue in rejected]
            warnings = self.warnings_in(file)
            if warnings:
                lines.append(_("  Avertissements (lignes gardées) :"))
                lines += [f"    {issue}" for issue in warnings]
        return lines


class RowRejected(Exception):
    def __init__(self, reasons: list[str]):
        super().__init__(reasons)
        self.reasons = reasons


def slug_from_id(identifier: str, name: str) -> str:
    """``roseraie-portal--caf-angers`` → ``caf-angers``; without ``--``, the slugified name."""
    _source, separator, local = identifier.partition(ID_SEPARATOR)
    slug = slugify(local) if separator else ""
    return (slug or slugify(name))[:150].strip("-")


def _model_errors(exc: ValidationError, instance: models.Model) -> list[str]:
    reasons = []
    for name, messages in exc.message_dict.items():
        try:
            label = str(instance._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:  # NON_FIELD_ERRORS
            label = name
        reasons += [f"« {label} » : {message}" for message in messages]
    return reasons


def _full_clean(instance: models.Model, exclude: list[str] | None = None) -> None:
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as exc:
        raise RowRejected(_model_errors(exc, instance)) from exc


def _url(raw: dict, name: str) -> str:
    # The text as given: pydantic's HttpUrl would add a trailing slash.
    return str(raw.get(name) or "").strip()


def _save_structure(raw: dict, data: schema.Structure) -> Structure:
    slug = slug_from_id(data.id, data.nom)
    if not slug:
        raise RowRejected([_("identifiant inutilisable : « %(value)s »") % {"value": data.id}])
    networks = sorted(network.value for network in data.reseaux_porteurs or ())
    structure = Structure.objects.filter(slug=slug).first()
    if structure is None:
        kinds = [NETWORK_KINDS[network] for network in networks if network in NETWORK_KINDS]
        structure = Structure(slug=slug, kind=kinds[0] if kinds else StructureKind.ASSOCIATION)
    structure.name = data.nom
    structure.description = data.description or ""
    structure.website = _url(raw, "site_web")
    structure.phone = data.telephone or ""
    structure.email = data.courriel or ""
    structure.siret = data.siret or ""
    structure.reseaux_porteurs = networks
    structure.date_maj = data.date_maj
    _full_clean(structure)
    structure.save()
    return structure


def _lieu(data: schema.Service) -> Lieu | None:
    """The place at the row's address: an existing one with the same address and
    postcode, else a new one named after its address."""
    address = (data.adresse or "").strip()
    if not address:
        return None
    postcode = data.code_postal or ""
    lieu = Lieu.objects.filter(address__iexact=address, postcode=postcode).order_by("pk").first()
    if lieu is not None:
        return lieu
    base = slugify(f"{address} {postcode} {data.commune or ''}")[:140].strip("-") or "lieu"
    slug, number = base, 1
    while Lieu.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    commune = (data.commune or "").strip()
    code_insee = data.code_insee or ""
    if not code_insee and commune.casefold() == "angers":
        code_insee = Lieu._meta.get_field("code_insee").default
    lieu = Lieu(
        slug=slug,
        name=address[:150],
        address=address,
        postcode=postcode,
        commune=commune,
        code_insee=code_insee,
        latitude=data.latitude,
        longitude=data.longitude,
    )
    # v1 makes them optional: a coordinator completes them in the admin.
    _full_clean(
        lieu,
        exclude=[name for name in ("postcode", "commune", "code_insee") if not getattr(lieu, name)],
    )
    lieu.save()
    return lieu


def _split_conditions(text: str | None) -> tuple[str, list[str]]:
    """``conditions_acces`` back into conditions and the list of documents to bring."""
    text = (text or "").strip()
    head, heading, documents = text.partition(DOCUMENTS_HEADING)
    if not heading or (head and not head.endswith("\n")):
        return text, []
    items = [line.strip().removeprefix("- ").strip() for line in documents.splitlines()]
    return head.strip(), [item for item in items if item]


def _parse_precisions(text: str | None) -> dict[str, Any]:
    labels = {label: code for code, label in _french(LANGUAGE_CHOICES).items()}
    found: dict[str, Any] = {"appointment_required": False, "interpreter": False, "languages": []}
    for line in (text or "").splitlines():
        line = line.strip()
        if line == APPOINTMENT_SENTENCE:
            found["appointment_required"] = True
        elif line == INTERPRETER_SENTENCE:
            found["interpreter"] = True
        elif match := LANGUAGES_PATTERN.match(line):
            names = [name.strip() for name in match[1].split(",")]
            found["languages"] = [labels[name] for name in names if name in labels]
    return found


def _save_service(raw: dict, data: schema.Service, themes: dict[str, Thematique]):
    """Create or update the service of a valid row; returns it with the row's warnings."""
    warnings = []
    slug = slug_from_id(data.id, data.nom)
    if not slug:
        raise RowRejected([_("identifiant inutilisable : « %(value)s »") % {"value": data.id}])
    structure_slug = slug_from_id(data.structure_id, "")
    structure = Structure.objects.filter(slug=structure_slug).first() if structure_slug else None
    if structure is None:
        raise RowRejected(
            [
                _(
                    "structure inconnue : « %(value)s » (ni dans le fichier des structures, "
                    "ni dans l’annuaire)"
                )
                % {"value": data.structure_id}
            ]
        )
    codes = sorted(theme.value for theme in data.thematiques or ())
    unknown = [code for code in codes if code not in themes]
    if unknown:
        raise RowRejected(
            [_("thématique inconnue : « %(value)s »") % {"value": code} for code in unknown]
        )
    conditions, documents = _split_conditions(data.conditions_acces)
    service = Service.objects.filter(slug=slug).first() or Service(slug=slug)
    service.structure = structure
    service.name = data.nom
    service.description = data.description
    service.type = data.type.value if data.type else ""
    service.publics = sorted(public.value for public in data.publics or ())
    service.frais = data.frais.value if data.frais else Frais.GRATUIT
    service.frais_precisions = data.frais_precisions or ""
    service.conditions_acces = conditions
    service.documents = documents
    service.modes_mobilisation = sorted(mode.value for mode in data.modes_mobilisation or ())
    service.lien_mobilisation = _url(raw, "lien_mobilisation")
    service.phone = data.telephone or ""
    service.email = data.courriel or ""
    service.date_maj = data.date_maj
    service.is_published = True
    for name, value in _parse_precisions(data.mobilisation_precisions).items():
        setattr(service, name, value)
    exclude = ["search_vector"]
    if not data.type:
        exclude.append("type")
        warnings.append(_("type de service absent : à choisir dans l’administration"))
    _full_clean(service, exclude=exclude)
    service.save()
    service.thematiques.set([themes[code] for code in codes])

    lieu = _lieu(data)
    if lieu is not None:
        # Added, never replacing: our export names only a service's first place.
        service.lieux.add(lieu)
    warnings += _save_hours(service, lieu, data.horaires_accueil)
    return service, warnings


def _save_hours(service: Service, lieu: Lieu | None, text: str | None) -> list[str]:
    if text is None or not text.strip():
        service.opening_hours.all().delete()
        return []
    slots = parse_osm(text)
    if slots is None:
        return [
            _("horaires non repris, à saisir à la main : « %(value)s »") % {"value": text.strip()}
        ]
    service.opening_hours.all().delete()
    if lieu is not None:
        lieu_slots = sorted(
            (slot.weekday, slot.opens, slot.closes) for slot in lieu.opening_hours.all()
        )
        if lieu_slots == slots:  # The place's own hours: nothing to add to the service.
            return []
    OpeningHours.objects.bulk_create(
        OpeningHours(service=service, weekday=weekday, opens=opens, closes=closes)
        for weekday, opens, closes in slots
    )
    return []


def _import(report, file, rows, first_line, model, save) -> None:
    for offset, raw in enumerate(rows):
        line = first_line + offset
        data, errors, warnings = check_row(model, raw)
        if errors:
            report.rejected.append(RowIssue(file, line, errors))
            continue
        try:
            with transaction.atomic():  # A savepoint: a failing row loses only itself.
                obj, row_warnings = save(raw, data)
        except RowRejected as exc:
            report.rejected.append(RowIssue(file, line, exc.reasons))
            continue
        except DatabaseError as exc:
            reason = _("enregistrement impossible (%(error)s)") % {"error": exc}
            report.rejected.append(RowIssue(file, line, [reason]))
            continue
        getattr(report, f"{file}_kept").append(obj.slug)
        if warnings or row_warnings:
            report.warnings.append(RowIssue(file, line, [*warnings, *row_warnings]))


@transaction.atomic
def import_rows(
    structures: list[Any],
    services: list[Any],
    *,
    structures_first_line: int = 1,
    services_first_line: int = 1,
) -> ImportReport:
    """Create or update structures, places, services and hours from data·inclusion v1
    rows; every valid row is kept, every invalid one reported with its line and reason.

    Line numbers are what a person sees: index + 1 in a JSON array, and in a CSV the
    spreadsheet row (pass ``*_first_line=2``, the header being line 1).
    """
    report = ImportReport()
    _import(
        report,
        "structures",
        structures,
        structures_first_line,
        schema.Structure,
        lambda raw, data: (_save_structure(raw, data), []),
    )
    themes = {theme.code: theme for theme in Thematique.objects.all()}
    _import(
        report,
        "services",
        services,
        services_first_line,
        schema.Service,
        lambda raw, data: _save_service(raw, data, themes),
    )
    # A structure's name weighs in its services' vectors: refresh those too.
    touched = Service.objects.filter(
        models.Q(slug__in=report.services_kept)
        | models.Q(structure__slug__in=report.structures_kept)
    ).values_list("pk", flat=True)
    service_ids = list(touched)
    if service_ids:
        refresh_search_vectors(service_ids=service_ids)
    return report
