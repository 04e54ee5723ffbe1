from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from roseraie_portal.notices import Notice, tell
from services import actions
from services.forms.directory import ServiceForm, StructureMembershipForm
from services.models import (
    Lieu,
    OpeningHours,
    Quartier,
    Service,
    Structure,
    StructureMembership,
    Synonym,
    Thematique,
)
from services.selectors import editorial_warnings

# Links typed without a scheme are web addresses of today: https (Django 6's default).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class StructureMembershipInline(admin.TabularInline):
    model = StructureMembership
    form = StructureMembershipForm
    extra = 0


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0
    fields = ["weekday", "opens", "closes"]


class FreshnessFilter(admin.SimpleListFilter):
    title = _("fraîcheur")
    parameter_name = "fraicheur"

    def lookups(self, request, model_admin):
        return [("a-verifier", _("À vérifier (plus de 12 mois)")), ("a-jour", _("À jour"))]

    def queryset(self, request, queryset):
        if self.value() == "a-verifier":
            return queryset.stale()
        if self.value() == "a-jour":
            return queryset.exclude(pk__in=queryset.stale().values("pk"))
        return queryset


@admin.register(Structure)
class StructureAdmin(TranslationAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ["name", "kind", "phone", "date_maj"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [StructureMembershipInline]

    def save_model(self, request, obj, form, change):
        actions.save_structure(structure=obj)


@admin.register(Quartier)
class QuartierAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Lieu)
class LieuAdmin(TranslationAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ["name", "address", "quartier", "itinerant", "step_free"]
    list_filter = ["quartier", "itinerant", "step_free", "public_wifi", "free_computers"]
    list_select_related = ["quartier"]
    search_fields = ["name", "address", "commune"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OpeningHoursInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "itinerant", "quartier", "access_notes"]}),
        (
            _("Adresse"),
            {"fields": ["address", "postcode", "commune", "code_insee", "latitude", "longitude"]},
        ),
        (
            _("Accès et équipements"),
            {
                "fields": [
                    "step_free",
                    "acceslibre_url",
                    "public_wifi",
                    "free_computers",
                    "caf_terminal",
                    "printer_scanner",
                    "half_days_per_week",
                ]
            },
        ),
    ]


@admin.register(Thematique)
class ThematiqueAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "alias", "pictogram", "home_position"]
    list_editable = ["alias", "pictogram", "home_position"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["code", "label", "alias"]
    readonly_fields = ["code", "label", "parent"]

    def has_add_permission(self, request):
        # The codes are the national vocabulary: coordinators name them, never invent them.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ["word", "language", "expansion"]
    list_filter = ["language"]
    search_fields = ["word", "expansion"]
    autocomplete_fields = ["thematiques"]


@admin.register(Service)
class ServiceAdmin(TranslationAdmin):
    form = ServiceForm
    formfield_overrides = URL_FIELDS
    list_display = ["name", "structure", "type", "frais", "verifie_le", "is_published"]
    list_filter = [FreshnessFilter, "is_published", "type", "frais", "appointment_required"]
    list_select_related = ["structure"]
    search_fields = ["name", "slug", "description", "structure__name"]
    autocomplete_fields = ["structure", "lieux", "thematiques"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "verifie_le"
    inlines = [OpeningHoursInline]
    actions = ["mark_verified"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "structure", "lieux", "is_published"]}),
        (
            _("Ce que fait le service"),
            {"fields": ["type", "thematiques", "publics", "description", "falc_text"]},
        ),
        (
            _("Comment venir"),
            {
                "fields": [
                    "modes_mobilisation",
                    "appointment_required",
                    "lien_mobilisation",
                    "conditions_acces",
                    "frais",
                    "frais_precisions",
                    "documents",
                    "languages",
                    "interpreter",
                ]
            },
        ),
        (_("Contact"), {"fields": ["phone", "email", "pro_contact"]}),
        (_("Orientations"), {"fields": ["accepts_orientations", "orientation_email"]}),
        (_("Fraîcheur"), {"fields": ["date_maj", "verifie_le"]}),
    ]

    @admin.action(description=_("Marquer comme vérifié aujourd’hui"))
    def mark_verified(self, request, queryset):
        count = actions.mark_verified(services=queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d service marqué comme vérifié.",
                "%(count)d services marqués comme vérifiés.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def save_model(self, request, obj, form, change):
        """Saved in save_related, with its themes and places, by the action."""

    def save_related(self, request, form, formsets, change):
        fields = form.cleaned_data
        actions.save_service(
            service=form.instance, thematiques=fields["thematiques"], lieux=fields["lieux"]
        )
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
        tell(request, [Notice("warning", text) for text in editorial_warnings(form.instance)])
