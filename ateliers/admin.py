"""The ateliers in the admin: cycles, sessions with their registrations at a glance, and
the actions to create, copy and cancel sessions (what they did is said by the actions)."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Case, Value, When
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from ateliers import actions, selectors
from ateliers.forms import AtelierCycleForm, AtelierForm, DuplicateActionForm
from ateliers.models import Atelier, AtelierCycle, Inscription
from roseraie_portal.notices import Notice, tell

DETAILS = [
    (None, {"fields": ["title", "thematique", "level", "structure", "service", "animateur"]}),
    (_("Pour qui"), {"fields": ["description", "falc_description", "publics", "languages"]}),
    (
        _("Où et comment"),
        {
            "fields": [
                "lieu",
                "capacity",
                "registration_required",
                "equipment_provided",
                "to_bring",
            ]
        },
    ),
]
AUTOCOMPLETE = ["thematique", "structure", "service", "lieu"]


@admin.register(AtelierCycle)
class AtelierCycleAdmin(TranslationAdmin):
    form = AtelierCycleForm
    list_display = ["title", "lieu", "rrule", "starts_on", "ends_on", "start_time"]
    list_select_related = ["lieu"]
    search_fields = ["title", "lieu__name"]
    autocomplete_fields = AUTOCOMPLETE
    actions = ["expand_selected"]
    fieldsets = [
        *DETAILS,
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
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        tell(request, actions.expand_cycle(cycle=form.instance).notices())

    @admin.action(description=_("Créer les séances manquantes"))
    def expand_selected(self, request, queryset):
        for cycle in queryset:
            try:
                tell(request, actions.expand_cycle(cycle=cycle).notices())
            except ValidationError as error:
                tell(request, [Notice("error", f"{cycle} : {' '.join(error.messages)}")])


class InscriptionInline(admin.TabularInline):
    model = Inscription
    extra = 0
    fields = ["first_name", "status", "attendance", "heard_from", "needs", "created_at"]
    readonly_fields = ["created_at"]
    ordering = ["status", "created_at"]


class UpcomingFirst(admin.SimpleListFilter):
    title = _("quand")
    parameter_name = "quand"

    def lookups(self, request, model_admin):
        return [("a-venir", _("À venir")), ("passes", _("Passés"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "a-venir":
            return queryset.filter(date__gte=today)
        if self.value() == "passes":
            return queryset.filter(date__lt=today)
        return queryset


@admin.register(Atelier)
class AtelierAdmin(TranslationAdmin):
    form = AtelierForm
    action_form = DuplicateActionForm
    list_display = [
        "date",
        "start_time",
        "title",
        "lieu",
        "status",
        "places",
        "waiting_list",
        "present_count",
    ]
    list_filter = [UpcomingFirst, "status", "thematique", "lieu", "structure"]
    list_select_related = ["lieu"]
    search_fields = ["title", "lieu__name", "structure__name"]
    date_hierarchy = "date"
    autocomplete_fields = AUTOCOMPLETE
    readonly_fields = ["cycle", "changed_by_hand"]
    inlines = [InscriptionInline]
    actions = ["duplicate", "cancel_selected"]
    fieldsets = [
        *DETAILS,
        (_("Quand"), {"fields": ["date", "start_time", "end_time", "cycle", "changed_by_hand"]}),
        (_("Déroulement"), {"fields": ["status", "cancellation_reason", "walk_ins"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    def get_ordering(self, request):
        # Upcoming sessions first, soonest first; then the past ones.
        past = Case(When(date__lt=timezone.localdate(), then=Value(1)), default=Value(0))
        return [past.asc(), "date", "start_time"]

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        if hasattr(response, "context_data") and "cl" in response.context_data:
            # The figures of the sessions the filters chose, above the list.
            queryset = response.context_data["cl"].queryset
            response.context_data["figures"] = selectors.figures_of(queryset)
        return response

    @admin.display(description=_("inscrits / places"))
    def places(self, obj):
        return f"{obj.registered} / {obj.capacity}"

    @admin.display(description=_("en attente"), ordering="waiting")
    def waiting_list(self, obj):
        return obj.waiting

    @admin.display(description=_("présents"), ordering="present")
    def present_count(self, obj):
        return obj.present

    def save_model(self, request, obj, form, change):
        actions.save_atelier(atelier=obj, changed_fields=form.changed_data if change else ())

    @admin.action(description=_("Dupliquer à la date choisie"))
    def duplicate(self, request, queryset):
        try:
            on = parse_date(request.POST.get("on", ""))
        except ValueError:
            on = None
        if on is None:
            tell(request, [Notice("error", gettext("Choisissez la nouvelle date."))])
            return
        for atelier in queryset:
            copy = actions.duplicate_atelier(atelier=atelier, on=on)
            tell(request, [Notice("success", gettext("Copié : %(atelier)s.") % {"atelier": copy})])

    @admin.action(description=_("Annuler (indiquez la raison) et prévenir les inscrits"))
    def cancel_selected(self, request, queryset):
        reason = request.POST.get("reason", "")
        for atelier in queryset:
            try:
                told = actions.cancel_atelier(atelier=atelier, reason=reason)
            except ValidationError as error:
                tell(request, [Notice("error", " ".join(error.messages))])
                return
            text = gettext("%(atelier)s : annulé. Personnes prévenues : %(count)d.") % {
                "atelier": atelier,
                "count": told,
            }
            tell(request, [Notice("success", text)])
