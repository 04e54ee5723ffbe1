from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from roseraie_portal.panels import ACCOUNT, ESPACE, HOME


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Annuaire des services")
    demo_command = "load_demo_directory"

    def ready(self):
        # Imported once the models are: the panels read them.
        from services import panels

        HOME.register(template="services/panels/home.html", context=panels.home, order=10)
        ACCOUNT.register(template="services/panels/account.html", context=panels.account)
        ESPACE.register(template="services/panels/espace.html", context=panels.espace, order=30)
        ESPACE.register(
            template="services/panels/orientations.html", context=panels.orientations, order=12
        )
        ESPACE.register(template="services/panels/accounts.html", context=panels.accounts, order=35)
