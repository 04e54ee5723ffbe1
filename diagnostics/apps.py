from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from roseraie_portal.panels import ESPACE


class DiagnosticsConfig(AppConfig):
    name = "diagnostics"
    verbose_name = _("Diagnostics et bilans")
    demo_command = "load_demo_diagnostics"

    def ready(self):
        from diagnostics import panels

        ESPACE.register(template="diagnostics/panels/espace.html", context=panels.espace, order=20)
