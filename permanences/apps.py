from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from roseraie_portal import agenda
from roseraie_portal.panels import ESPACE, HOME


class PermanencesConfig(AppConfig):
    name = "permanences"
    verbose_name = _("Permanences et accompagnements")
    demo_command = "load_demo_permanences"

    def ready(self):
        # Imported once the models are: the panels and the directory's slot read them.
        from permanences import panels
        from permanences.selectors.schedule import PermanenceAgenda
        from services.panels import SERVICE_PAGE

        HOME.register(template="permanences/panels/home.html", context=panels.home, order=20)
        ESPACE.register(template="permanences/panels/espace.html", context=panels.espace, order=10)
        agenda.register("permanence", PermanenceAgenda())
        SERVICE_PAGE.register(
            template="permanences/panels/service_page.html", context=panels.service_page
        )
