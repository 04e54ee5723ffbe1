"""What coordinators translate in the ateliers (see roseraie_portal.content_language)."""

from modeltranslation.translator import TranslationOptions

from ateliers.models import Atelier, AtelierCycle
from roseraie_portal.content_language import register

ATELIER_FIELDS = ("title", "description", "falc_description")


@register(AtelierCycle)
class AtelierCycleTranslation(TranslationOptions):
    fields = ATELIER_FIELDS


@register(Atelier)
class AtelierTranslation(TranslationOptions):
    fields = ATELIER_FIELDS
