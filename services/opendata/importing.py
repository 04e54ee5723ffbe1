"""data·inclusion v1 rows into our directory: every valid row kept, written through the
directory's actions; every invalid one reported with its line and reason."""

from dataclasses import dataclass, field
from typing import Any

from data_inclusion.schema import v1 as schema
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DatabaseError, models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from services import actions
from services.enums import LANGUAGE_CHOICES, Frais, StructureKind
from services.models import Lieu, Service, Structure, Thematique
from services.opendata.schema import (
    APPOINTMENT_SENTENCE,
    DOCUMENTS_HEADING,
    ID_SEPARATOR,
    INTERPRETER_SENTENCE,
    LANGUAGES_PATTERN,
    NETWORK_KINDS,
    french_labels,
)
from services.opendata.validation import check_row
from services.opening_hours import parse_osm


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
    return actions.save_structure(structure=structure, reindex=False)


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
    return actions.save_lieu(lieu=lieu)


def _split_conditions(text: str | None) -> tuple[str, list[str]]:
    """``conditions_acces`` back into conditions and the list of documents to bring."""
    text = (text or "").strip()
    head, heading, documents = text.partition(DOCUMENTS_HEADING)
    if not heading or (head and not head.endswith("\n")):
        return text, []
    items = [line.strip().removeprefix("- ").strip() for line in documents.splitlines()]
    return head.strip(), [item for item in items if item]


def _parse_precisions(text: str | None) -> dict[str, Any]:
    labels = {label: code for code, label in french_labels(LANGUAGE_CHOICES).items()}
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
    lieu = _lieu(data)
    own_hours = _own_hours(lieu, data.horaires_accueil)
    if own_hours is None:
        warnings.append(
            _("horaires non repris, à saisir à la main : « %(value)s »")
            % {"value": data.horaires_accueil.strip()}
        )
    actions.save_service(
        service=service,
        thematiques=[themes[code] for code in codes],
        # Added, never replacing: our export names only a service's first place.
        add_lieux=[lieu] if lieu is not None else [],
        opening_hours=own_hours,
        reindex=False,
    )
    return service, warnings


def _own_hours(lieu: Lieu | None, text: str | None) -> list | None:
    """The service's own weekly hours from the row: none when the row has none or gives
    its place's hours; None when the text cannot be read (the hours stay as they are)."""
    if text is None or not text.strip():
        return []
    slots = parse_osm(text)
    if slots is None:
        return None
    if lieu is not None:
        lieu_slots = sorted(
            (slot.weekday, slot.opens, slot.closes) for slot in lieu.opening_hours.all()
        )
        if lieu_slots == slots:  # The place's own hours: nothing to add to the service.
            return []
    return slots


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
        actions.reindex_services(service_ids=service_ids)
    return report
