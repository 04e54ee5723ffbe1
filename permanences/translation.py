"""What coordinators translate in the schedule (see roseraie_portal.content_language)."""

from modeltranslation.translator import TranslationOptions, register

from permanences.models import Permanence, PermanenceRule


@register(PermanenceRule)
class PermanenceRuleTranslation(TranslationOptions):
    fields = ("theme_label",)


@register(Permanence)
class PermanenceTranslation(TranslationOptions):
    fields = ("theme_label",)
