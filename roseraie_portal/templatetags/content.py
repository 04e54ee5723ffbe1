"""Content in the reader's language, and French marked as French where it shows through.

{% load content %}
<h1>{% content service "name" %}</h1>            the translation, or <span lang="fr">…
{% translated service "falc_text" as falc %}      a ShownText, for a block of text:
<div{% lang_attrs falc %}>{{ falc|linebreaks }}</div> {% only_in_french falc %}
{{ lieu.name|french }}                            a French proper name, marked as such
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language_bidi, gettext

from roseraie_portal.content_language import (
    SOURCE_LANGUAGE,
    ShownText,
    language_attrs,
    page_language,
    shown,
)

register = template.Library()


def _marked(text: str, language: str):
    """``text`` in an element saying its language, if it is not the page's. Inside a
    right-to-left page, ``bdi`` keeps a left-to-right name from reordering the sentence."""
    if not text or language == page_language():
        return text
    element = "bdi" if get_language_bidi() else "span"
    return format_html("<{0}{1}>{2}</{0}>", element, language_attrs(language), text)


@register.simple_tag
def translated(instance, field: str) -> ShownText:
    return shown(instance, field)


@register.simple_tag
def content(instance, field: str):
    text = shown(instance, field)
    return _marked(text.text, text.language)


@register.filter
def french(text):
    """A name or an address, written in French whatever the page's language."""
    return _marked(str(text) if text is not None else "", SOURCE_LANGUAGE)


@register.simple_tag
def lang_attrs(text: ShownText):
    """` lang="fr"` (and `dir="ltr"` in a right-to-left page) on the element holding a
    text that is not in the page's language."""
    if not text or not text.is_fallback:
        return ""
    return language_attrs(text.language)


@register.simple_tag
def only_in_french(text: ShownText):
    """One line, in the reader's language, saying that the text above exists in French only."""
    if not text or not text.is_fallback:
        return ""
    return format_html(
        '<p class="content-fallback">{}</p>', gettext("Ce texte n’existe qu’en français.")
    )
