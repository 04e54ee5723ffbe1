"""What coordinators translate in the ateliers (see roseraie_portal.content_language)."""

from modeltranslation.translator import TranslationOptions, register

from ateliers.models import Atelier, AtelierCycle

ATELIER_FIELDS = ("title", "description", "falc_description")


@register(AtelierCycle)
class AtelierCycleTranslation(TranslationOptions):
    fields = ATELIER_FIELDS


@register(Atelier)
class AtelierTranslation(TranslationOptions):
    fields = ATELIER_FIELDS
