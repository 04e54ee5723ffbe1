from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from roseraie_portal.models import SchoolHoliday, User

admin.site.site_header = _("Portail de La Roseraie")
admin.site.site_title = _("Portail de La Roseraie")
admin.site.index_title = _("Administration")

admin.site.register(User, UserAdmin)


@admin.register(SchoolHoliday)
class SchoolHolidayAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on", "ends_on"]
    search_fields = ["name"]
    date_hierarchy = "starts_on"
