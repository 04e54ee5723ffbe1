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
from services.models.orientations import (
    Orientation,
    OrientationQuerySet,
    OrientationTrace,
    structure_id_of,
)

__all__ = [
    "FRESHNESS_LIMIT",
    "Lieu",
    "Orientation",
    "OrientationQuerySet",
    "OrientationTrace",
    "OpeningHours",
    "Quartier",
    "Service",
    "ServiceQuerySet",
    "Structure",
    "StructureMembership",
    "Synonym",
    "Thematique",
    "structure_id_of",
]
