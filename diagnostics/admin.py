"""Coordinators write the diagnostics here: a diagnostic with its SWOT, objectives,
roadmap and actions on one page; the indicators followed by hand with their history; the
common budget's contributions."""

from django.contrib import admin

from diagnostics.models import (
    Action,
    Contribution,
    Diagnostic,
    Indicator,
    IndicatorValue,
    Objective,
    Phase,
    SwotItem,
)


class SwotItemInline(admin.TabularInline):
    model = SwotItem
    extra = 1
    fields = ["quadrant", "text", "position"]


class ObjectiveInline(admin.TabularInline):
    model = Objective
    extra = 1
    fields = ["kind", "text", "position"]


class PhaseInline(admin.StackedInline):
    model = Phase
    extra = 0
    fields = [("title", "position"), ("starts_on", "ends_on"), "description"]


class ActionInline(admin.TabularInline):
    model = Action
    extra = 1
    fields = ["title", "phase", "owner", "due_on", "status", "position"]
    autocomplete_fields = ["owner"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """A phase of this diagnostic only."""
        if db_field.name == "phase":
            diagnostic_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Phase.objects.filter(diagnostic_id=diagnostic_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Diagnostic)
class DiagnosticAdmin(admin.ModelAdmin):
    list_display = ["title", "quartier", "date", "status"]
    list_filter = ["status", "quartier"]
    search_fields = ["title", "context"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "quartier", "date", "status", "context", "indicators"]
    filter_horizontal = ["indicators"]
    inlines = [SwotItemInline, ObjectiveInline, PhaseInline, ActionInline]
    list_select_related = ["quartier"]


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 1
    fields = ["value", "period", "measured_on", "source"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "unit"]
    search_fields = ["name"]
    inlines = [IndicatorValueInline]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["year", "action", "structure", "kind", "amount", "detail", "funder"]
    list_filter = ["year", "kind", "structure"]
    search_fields = ["action__title", "structure__name", "funder", "detail"]
    autocomplete_fields = ["structure"]
    list_select_related = ["action", "structure"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "action":
            kwargs["queryset"] = Action.objects.select_related("diagnostic").order_by(
                "diagnostic__title", "position"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
