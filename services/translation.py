"""What coordinators translate in the directory (see roseraie_portal.content_language)."""

from modeltranslation.translator import TranslationOptions

from roseraie_portal.content_language import register
from services.models import Lieu, Service, Structure


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = ("name", "description", "falc_text", "conditions_acces", "frais_precisions")


@register(Structure)
class StructureTranslation(TranslationOptions):
    fields = ("description",)


@register(Lieu)
class LieuTranslation(TranslationOptions):
    fields = ("access_notes",)
