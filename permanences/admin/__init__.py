"""The admin of the app's two domains; importing this package registers both."""

from permanences.admin import log, schedule

__all__ = ["log", "schedule"]
