from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from roseraie_portal.models import User

admin.site.site_header = _("Portail de La Roseraie")
admin.site.site_title = _("Portail de La Roseraie")
admin.site.index_title = _("Administration")

admin.site.register(User, UserAdmin)
