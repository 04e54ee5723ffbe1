from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PermanencesConfig(AppConfig):
    name = "permanences"
    verbose_name = _("Permanences et accompagnements")
