"""The log in the admin, read by coordination: entries are the conseillers', never
edited here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from permanences.models import PROFILE_FIELDS, Accompagnement


@admin.register(Accompagnement)
class AccompagnementAdmin(admin.ModelAdmin):
    """The log, read by coordination: the entries are the conseillers', never edited here."""

    list_display = [
        "date",
        "canal",
        "lieu",
        "structure",
        "duration_minutes",
        "themes_list",
        "resultat",
        "conseiller",
    ]
    list_filter = ["date", "canal", "resultat", ("structure", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["lieu", "structure", "conseiller"]
    date_hierarchy = "date"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "date",
                    "duration_minutes",
                    "canal",
                    "lieu",
                    "permanence",
                    "structure",
                    "conseiller",
                ]
            },
        ),
        (
            _("La démarche"),
            {
                "fields": [
                    "themes_list",
                    "demarche",
                    "materiel_list",
                    "autonomie",
                    "resultat",
                    "reoriente_vers",
                    "note",
                ]
            },
        ),
        (
            _("La personne, sans la nommer"),
            {"fields": PROFILE_FIELDS},
        ),
        (_("Suivi"), {"fields": ["created_at", "updated_at"]}),
    ]
    readonly_fields = [field for section in fieldsets for field in section[1]["fields"]]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("thèmes"))
    def themes_list(self, obj):
        return ", ".join(obj.themes_display)

    @admin.display(description=_("matériel utilisé"))
    def materiel_list(self, obj):
        return ", ".join(obj.materiel_display)
