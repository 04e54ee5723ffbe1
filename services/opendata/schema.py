"""What our directory and data·inclusion v1 agree on: identifiers, the fields of each row,
the networks that stand for a kind of structure, and the fixed sentences that carry what
v1 has no field for."""

import re
from typing import get_args, get_origin

from data_inclusion.schema import v1 as schema
from django.utils import translation

from services.enums import StructureKind

SOURCE = "roseraie-portal"
ID_SEPARATOR = "--"

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


def make_id(slug: str) -> str:
    return f"{SOURCE}{ID_SEPARATOR}{slug}"


def french_labels(choices) -> dict[str, str]:
    with translation.override("fr"):
        return {value: str(label) for value, label in choices}
