"""Reads that other views and apps share, of the app's two domains: the directory, and
the orientations."""

from services.selectors.directory import (
    THEME_INDENT,
    Scope,
    editorial_warnings,
    scope_of,
    theme_choices,
)

__all__ = ["THEME_INDENT", "Scope", "editorial_warnings", "scope_of", "theme_choices"]
