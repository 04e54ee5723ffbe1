"""The schedule in the admin: recurring permanences, dated ones, school holidays."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from permanences.actions import schedule as actions
from permanences.models import Permanence, PermanenceRule, SchoolHoliday
from roseraie_portal import roles

RRULE_HELP = _(
    "Au format iCalendar. FREQ=WEEKLY;BYDAY=TU : chaque mardi. FREQ=WEEKLY;BYDAY=MO,TH : "
    "chaque lundi et chaque jeudi. FREQ=WEEKLY;INTERVAL=2;BYDAY=WE : un mercredi sur deux. "
    "FREQ=MONTHLY;BYDAY=2TH : le 2e jeudi du mois. Les jours fériés sont toujours sautés."
)


def _conseillers_field(db_field, kwargs):
    # Only the people who hold permanences: conseillers and coordinators.
    kwargs["queryset"] = (
        db_field.remote_field.model.objects.filter(
            is_active=True, groups__name__in=[roles.CONSEILLER, roles.COORDINATION]
        )
        .distinct()
        .order_by("username")
    )
    return kwargs


class PermanenceRuleForm(forms.ModelForm):
    class Meta:
        model = PermanenceRule
        fields = [
            "service",
            "lieu",
            "theme_label",
            "thematique",
            "rrule",
            "starts_on",
            "ends_on",
            "start_time",
            "end_time",
            "skip_school_holidays",
            "appointment_required",
            "languages",
            "conseillers",
        ]
        help_texts = {"rrule": RRULE_HELP}

    def clean(self):
        cleaned = super().clean()
        text, starts_on, ends_on = (cleaned.get(name) for name in ("rrule", "starts_on", "ends_on"))
        if text and starts_on and ends_on:
            try:
                actions.rule_dates(rrule_text=text, starts_on=starts_on, ends_on=ends_on)
            except ValidationError as error:
                self.add_error("rrule", error)
        return cleaned


@admin.register(PermanenceRule)
class PermanenceRuleAdmin(admin.ModelAdmin):
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

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "conseillers":
            kwargs = _conseillers_field(db_field, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Expanded once the conseillers are saved: the occurrences copy them.
        self._report(request, actions.expand_rule(rule=form.instance))
        copied = {"lieu", "start_time", "end_time", "theme_label", "thematique", "languages"}
        if change and copied & set(form.changed_data):
            self.message_user(
                request,
                gettext(
                    "Les dates déjà créées gardent leurs horaires, leur lieu et leur thème : "
                    "modifiez-les une à une dans les permanences si besoin."
                ),
                messages.WARNING,
            )

    def _report(self, request, expansion):
        self.message_user(
            request,
            ngettext("%(count)d date créée.", "%(count)d dates créées.", expansion.created)
            % {"count": expansion.created},
            messages.SUCCESS,
        )
        if expansion.deleted:
            self.message_user(
                request,
                ngettext(
                    "%(count)d date que la règle ne prévoit plus a été supprimée.",
                    "%(count)d dates que la règle ne prévoit plus ont été supprimées.",
                    expansion.deleted,
                )
                % {"count": expansion.deleted},
                messages.SUCCESS,
            )
        if expansion.kept:
            self.message_user(
                request,
                gettext(
                    "Gardées car annulées ou modifiées à la main, alors que la règle ne les "
                    "prévoit plus : %(days)s. Supprimez-les si elles n’ont plus lieu d’être."
                )
                % {"days": ", ".join(date_format(day, "j F Y") for day in expansion.kept)},
                messages.WARNING,
            )

    @admin.action(description=_("Créer les dates manquantes"))
    def expand_selected(self, request, queryset):
        for rule in queryset:
            try:
                self._report(request, actions.expand_rule(rule=rule))
            except ValidationError as error:
                # A rule written outside the admin may not parse: say which, do the others.
                self.message_user(request, f"{rule} : {' '.join(error.messages)}", messages.ERROR)


class PermanenceForm(forms.ModelForm):
    class Meta:
        model = Permanence
        fields = [
            "service",
            "lieu",
            "theme_label",
            "thematique",
            "date",
            "start_time",
            "end_time",
            "appointment_required",
            "languages",
            "conseillers",
            "cancelled",
            "cancellation_reason",
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("cancelled") and not (cleaned.get("cancellation_reason") or "").strip():
            self.add_error(
                "cancellation_reason",
                ValidationError(
                    gettext("Dites pourquoi la permanence est annulée."),
                    code="cancellation_reason_required",
                ),
            )
        return cleaned

    def validate_constraints(self):
        # The reason is already required next to its field, by clean(): say it once.
        if "cancellation_reason" in self.errors:
            return
        super().validate_constraints()


class PermanenceActionForm(ActionForm):
    reason = forms.CharField(
        label=_("Raison (pour annuler) :"),
        required=False,
        max_length=255,
    )


@admin.register(Permanence)
class PermanenceAdmin(admin.ModelAdmin):
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

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "conseillers":
            kwargs = _conseillers_field(db_field, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        actions.save_permanence(permanence=obj)

    @admin.action(description=_("Dupliquer vers le mois suivant (Bus Mairie)"))
    def duplicate_to_next_month(self, request, queryset):
        if not queryset.filter(lieu__itinerant=True).exists():
            self.message_user(
                request,
                gettext("Aucune permanence choisie n’a lieu à un arrêt du Bus Mairie."),
                messages.WARNING,
            )
            return
        for month in queryset.dates("date", "month"):
            target = actions.first_of_next_month(month)
            result = actions.duplicate_month(
                source_month=month, target_month=target, among=queryset
            )
            self.message_user(
                request,
                ngettext(
                    "%(count)d permanence copiée vers %(month)s.",
                    "%(count)d permanences copiées vers %(month)s.",
                    result.created,
                )
                % {"count": result.created, "month": date_format(target, "F Y")},
                messages.SUCCESS,
            )
            for line in result.skipped:
                self.message_user(request, line, messages.WARNING)

    @admin.action(description=_("Annuler (indiquez la raison)"))
    def cancel_selected(self, request, queryset):
        try:
            count = actions.cancel_permanences(
                permanences=queryset, reason=request.POST.get("reason", "")
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        self.message_user(
            request,
            ngettext("%(count)d permanence annulée.", "%(count)d permanences annulées.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(SchoolHoliday)
class SchoolHolidayAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on", "ends_on"]
    search_fields = ["name"]
    date_hierarchy = "starts_on"
