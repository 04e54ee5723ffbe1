"""The schedule in the admin: recurring permanences and dated ones. What
the admin's actions did is said by the actions themselves (notices)."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from permanences.actions import schedule as actions
from permanences.forms.schedule import PermanenceActionForm, PermanenceForm, PermanenceRuleForm
from permanences.models import Permanence, PermanenceRule
from roseraie_portal.notices import Notice, tell


@admin.register(PermanenceRule)
class PermanenceRuleAdmin(TranslationAdmin):
    form = PermanenceRuleForm
    list_display = ["service", "lieu", "rrule", "starts_on", "ends_on", "start_time", "end_time"]
    list_filter = ["lieu__itinerant", "skip_school_holidays", "lieu"]
    list_select_related = ["service", "lieu"]
    search_fields = ["service__name", "lieu__name", "theme_label", "rrule"]
    autocomplete_fields = ["service", "lieu", "thematique"]
    filter_horizontal = ["conseillers"]
    actions = ["expand_selected"]
    fieldsets = [
        (None, {"fields": ["service", "lieu", "theme_label", "thematique"]}),
        (
            _("Quand"),
            {
                "fields": [
                    "rrule",
                    "starts_on",
                    "ends_on",
                    "start_time",
                    "end_time",
                    "skip_school_holidays",
                ]
            },
        ),
        (_("Accueil"), {"fields": ["appointment_required", "languages", "conseillers"]}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Expanded once the conseillers are saved: the occurrences copy them.
        changed = form.changed_data if change else ()
        tell(request, actions.expand_rule(rule=form.instance, changed_fields=changed).notices())

    @admin.action(description=_("Créer les dates manquantes"))
    def expand_selected(self, request, queryset):
        for rule in queryset:
            try:
                tell(request, actions.expand_rule(rule=rule).notices())
            except ValidationError as error:
                # A rule written outside the admin may not parse: say which, do the others.
                tell(request, [Notice("error", f"{rule} : {' '.join(error.messages)}")])


@admin.register(Permanence)
class PermanenceAdmin(TranslationAdmin):
    form = PermanenceForm
    action_form = PermanenceActionForm
    list_display = ["date", "start_time", "lieu", "service", "theme_label", "cancelled"]
    list_filter = ["lieu__itinerant", "cancelled", "lieu"]
    list_select_related = ["lieu", "service"]
    search_fields = ["service__name", "lieu__name", "theme_label", "cancellation_reason"]
    date_hierarchy = "date"
    autocomplete_fields = ["service", "lieu", "thematique"]
    filter_horizontal = ["conseillers"]
    readonly_fields = ["rule", "changed_by_hand"]
    actions = ["duplicate_to_next_month", "cancel_selected"]
    fieldsets = [
        (None, {"fields": ["service", "lieu", "theme_label", "thematique"]}),
        (_("Quand"), {"fields": ["date", "start_time", "end_time", "rule", "changed_by_hand"]}),
        (_("Accueil"), {"fields": ["appointment_required", "languages", "conseillers"]}),
        (_("Annulation"), {"fields": ["cancelled", "cancellation_reason"]}),
    ]

    def save_model(self, request, obj, form, change):
        actions.save_permanence(permanence=obj)

    @admin.action(description=_("Dupliquer vers le mois suivant (Bus Mairie)"))
    def duplicate_to_next_month(self, request, queryset):
        if not queryset.filter(lieu__itinerant=True).exists():
            text = gettext("Aucune permanence choisie n’a lieu à un arrêt du Bus Mairie.")
            tell(request, [Notice("warning", text)])
            return
        for month in queryset.dates("date", "month"):
            target = actions.first_of_next_month(month)
            result = actions.duplicate_month(
                source_month=month, target_month=target, among=queryset
            )
            tell(request, result.notices())

    @admin.action(description=_("Annuler (indiquez la raison)"))
    def cancel_selected(self, request, queryset):
        try:
            count = actions.cancel_permanences(
                permanences=queryset, reason=request.POST.get("reason", "")
            )
        except ValidationError as error:
            tell(request, [Notice("error", " ".join(error.messages))])
            return
        tell(request, [actions.cancellation_notice(count)])
