"""The admin of the app's two domains: the directory, and the orientations."""

from services.admin import directory  # noqa: F401  (registers the ModelAdmins)
