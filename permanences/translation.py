"""What coordinators translate in the schedule (see roseraie_portal.content_language)."""

from modeltranslation.translator import TranslationOptions

from permanences.models import Permanence, PermanenceRule
from roseraie_portal.content_language import register


@register(PermanenceRule)
class PermanenceRuleTranslation(TranslationOptions):
    fields = ("theme_label",)


@register(Permanence)
class PermanenceTranslation(TranslationOptions):
    fields = ("theme_label",)
