"""Writes of the app's two domains: the directory, and the orientations."""

from services.actions.directory import (
    mark_verified,
    reindex_services,
    save_lieu,
    save_service,
    save_structure,
)

__all__ = ["mark_verified", "reindex_services", "save_lieu", "save_service", "save_structure"]
