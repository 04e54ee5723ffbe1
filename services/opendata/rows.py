"""Our directory as data·inclusion v1 rows, for the open data downloads."""

import re
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from data_inclusion.schema import v1 as schema
from django.conf import settings
from django.db import models
from django.utils import translation

from services.enums import LANGUAGE_CHOICES
from services.models import Lieu, Service, Structure
from services.opendata.schema import (
    APPOINTMENT_SENTENCE,
    DOCUMENTS_HEADING,
    INTERPRETER_SENTENCE,
    KIND_NETWORKS,
    LANGUAGES_SENTENCE,
    MOBILISABLE_PAR,
    SCHEMA_THEMATIQUES,
    SERVICE_FIELDS,
    SOURCE,
    STRUCTURE_FIELDS,
    french_labels,
    make_id,
)
from services.opening_hours import to_osm


def _absolute_url(base_url: str | None, obj) -> str | None:
    if not base_url:
        return None
    # The French URL, without language prefix, whatever language the request asked for.
    with translation.override(settings.LANGUAGE_CODE):
        return base_url.rstrip("/") + obj.get_absolute_url()


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
        labels = french_labels(LANGUAGE_CHOICES)
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
