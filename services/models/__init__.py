"""The models of the app's two domains: the directory, and the orientations that hand a
resident over to a partner's service."""

from services.models.directory import (
    FRESHNESS_LIMIT,
    Lieu,
    OpeningHours,
    Quartier,
    Service,
    ServiceQuerySet,
    Structure,
    StructureMembership,
    Synonym,
    Thematique,
)

__all__ = [
    "FRESHNESS_LIMIT",
    "Lieu",
    "OpeningHours",
    "Quartier",
    "Service",
    "ServiceQuerySet",
    "Structure",
    "StructureMembership",
    "Synonym",
    "Thematique",
]
