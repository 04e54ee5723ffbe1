"""The language of the content: what coordinators write in French and translate field by
field (django-modeltranslation, registered in each app's ``translation.py``).

- Reading ``service.name`` gives the text in the page's language, or the French when no
  translation was written. ``shown()`` says which of the two it is, so that a template marks
  French inside an English or Arabic page with ``lang="fr"`` (RGAA 8.7) and says, in the
  reader's language, that the text exists only in French.
- The database keeps the French in the original columns (``name``, ``description``…):
  search vectors, exports and raw SQL read them whatever the page's language, and ordering
  by ``name`` means the French name in every language. modeltranslation would otherwise
  rewrite ``order_by("name")`` into ``order_by("name_en")``, which puts every service
  without an English name last, in no order.
- Objects built in code take their fields as French, whatever the active language
  (``register``).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.html import format_html
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.translator import register as register_with_modeltranslation
from modeltranslation.utils import build_localized_fieldname

SOURCE_LANGUAGE = settings.LANGUAGE_CODE


def page_language() -> str:
    return translation.get_language() or SOURCE_LANGUAGE


def language_attrs(language: str) -> str:
    """` lang="fr"` for an element whose text is in ``language``, with `dir="ltr"` inside a
    right-to-left page (the other languages of the portal are written left to right)."""
    if translation.get_language_bidi():
        return format_html(' lang="{}" dir="ltr"', language)
    return format_html(' lang="{}"', language)


def translated_languages() -> list[str]:
    """The languages a coordinator may translate the French into."""
    return [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


@dataclass(frozen=True)
class ShownText:
    """A text as a page shows it, and the language it is in. Prints as its text."""

    text: str
    language: str

    def __str__(self):
        return self.text

    def __bool__(self):
        return bool(self.text)

    @property
    def is_fallback(self) -> bool:
        """French shown on a page in another language, for want of a translation."""
        return bool(self.text) and self.language != page_language()


def shown(instance, field: str) -> ShownText:
    """``instance.field`` in the page's language if translated, else in French."""
    language = page_language()
    if language != SOURCE_LANGUAGE:
        translated = getattr(instance, f"{field}_{language}", None)
        if translated:
            return ShownText(translated, language)
    return ShownText(getattr(instance, f"{field}_{SOURCE_LANGUAGE}", None) or "", SOURCE_LANGUAGE)


def translated_fields(model) -> set[str]:
    """The fields of ``model`` that are translated (its app's translation.py)."""
    try:
        return set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return set()


def translation_columns(field: str) -> list[str]:
    """``name`` → ``name_fr``, ``name_en``…: the columns of a translated field."""
    return [build_localized_fieldname(field, code) for code, _name in settings.LANGUAGES]


def with_translation_columns(fields, translated) -> tuple[str, ...]:
    """``fields`` and, for those of them in ``translated``, every language's column: what a
    copy (a rule's dates, a cycle's sessions) takes so that translations follow."""
    return tuple(fields) + tuple(
        column for field in fields if field in translated for column in translation_columns(field)
    )


def missing_languages(instance, field: str) -> list[str]:
    """The languages in which ``field`` has no translation of its French text."""
    if not getattr(instance, f"{field}_{SOURCE_LANGUAGE}", None):
        return []
    return [code for code in translated_languages() if not getattr(instance, f"{field}_{code}")]


class FrenchColumnsQuerySet(models.QuerySet):
    """Lookups and ordering on a translated field read its French (original) column.

    modeltranslation mixes its own queryset into this one and, by default, rewrites
    ``name`` into ``name_<page language>`` (``_post_init`` also rewrites the model's
    ordering). Turned off here: the pages order and filter by the French, and read the
    translation through the instances' attributes.
    """

    def _post_init(self):
        self._rewrite = False
        self._populate = None

    def update(self, **kwargs):
        # update(name=…) writes the original column: the French column follows it.
        for field in translated_fields(self.model) & set(kwargs):
            kwargs.setdefault(build_localized_fieldname(field, SOURCE_LANGUAGE), kwargs[field])
        return super().update(**kwargs)

    def bulk_create(self, *args, **kwargs):
        # The original columns are read from the attributes, in the active language.
        with translation.override(SOURCE_LANGUAGE):
            return super().bulk_create(*args, **kwargs)


class FrenchOriginalColumns(models.Model):
    """Saves the French in the original columns whatever the page's language.

    modeltranslation saves an original column from the attribute, which reads the
    translation of the active language: a coordinator whose admin is in Arabic would write
    Arabic names into the column that search and exports read.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with translation.override(SOURCE_LANGUAGE):
            super().save(*args, **kwargs)


def register(model):
    """modeltranslation's ``register``, with a constructor that reads field names as the
    French: ``Service(name=…)`` fills ``name`` and ``name_fr`` whatever the active
    language. modeltranslation's own constructor writes the active language's column
    (``name_en`` during an English request) and leaves the French empty."""

    def register_options(options):
        register_with_modeltranslation(model)(options)
        init = model.__init__  # modeltranslation's, which rewrites the names it is given

        def init_in_french(self, *args, **kwargs):
            if kwargs and translation.get_language() != SOURCE_LANGUAGE:
                with translation.override(SOURCE_LANGUAGE):
                    init(self, *args, **kwargs)
            else:
                init(self, *args, **kwargs)

        model.__init__ = init_in_french
        return options

    return register_options
