from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoseraiePortalConfig(AppConfig):
    name = "roseraie_portal"
    verbose_name = _("Portail et comptes")
