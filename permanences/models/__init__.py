"""The models of the two domains of the app: the schedule and the log."""

from permanences.models.log import (
    EDIT_WINDOW,
    PROFILE_FIELDS,
    Accompagnement,
    AccompagnementQuerySet,
    AccompagnementTally,
    TallyDimension,
)
from permanences.models.schedule import (
    Permanence,
    PermanenceQuerySet,
    PermanenceRule,
)

__all__ = [
    "EDIT_WINDOW",
    "PROFILE_FIELDS",
    "Accompagnement",
    "AccompagnementQuerySet",
    "AccompagnementTally",
    "Permanence",
    "PermanenceQuerySet",
    "PermanenceRule",
    "TallyDimension",
]
