from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from roseraie_portal import agenda
from roseraie_portal.panels import ESPACE, HOME


class AteliersConfig(AppConfig):
    name = "ateliers"
    verbose_name = _("Ateliers")
    demo_command = "load_demo_ateliers"

    def ready(self):
        # Imported once the models are: the panels, the agenda source and the directory's
        # slot read them.
        from ateliers import panels
        from ateliers.selectors import AteliersAgenda
        from services.panels import SERVICE_PAGE

        HOME.register(template="ateliers/panels/home.html", context=panels.home, order=25)
        ESPACE.register(template="ateliers/panels/espace.html", context=panels.espace, order=15)
        SERVICE_PAGE.register(
            template="ateliers/panels/service_page.html", context=panels.service_page
        )
        agenda.register("atelier", AteliersAgenda())
