from django.contrib import admin

from services.models import Structure, StructureMembership


class StructureMembershipInline(admin.TabularInline):
    model = StructureMembership
    autocomplete_fields = ["user"]
    extra = 0


@admin.register(Structure)
class StructureAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [StructureMembershipInline]
