"""The admin changelists of the portal's own models: each must have its row in the role
matrix and its query count at two sizes."""

from django.contrib import admin

PORTAL_APPS = {"roseraie_portal", "services", "permanences", "ateliers", "diagnostics"}


def changelist_paths() -> set[str]:
    return {
        f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        for model in admin.site._registry
        if model.__module__.split(".")[0] in PORTAL_APPS
    }
