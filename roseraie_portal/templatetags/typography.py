from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language

from roseraie_portal.typography import french_typography_for

register = template.Library()


@register.filter(needs_autoescape=True)
def french_typography(value, language=None, autoescape=True):
    """The no-break spaces of French typography (roseraie_portal/typography.py), on a
    page in French, or only in its ``lang="fr"`` elements on a page in another language:
    ``{% filter french_typography:LANGUAGE_CODE %}…{% endfilter %}``, or
    ``{{ text|french_typography }}`` (the active language by default).

    Rendered HTML comes in already escaped and is never unescaped; a string that is not
    safe yet is escaped first, as ``{{ }}`` would have done."""
    if autoescape and not isinstance(value, SafeData):
        value = conditional_escape(value)
    result = french_typography_for(str(value), language or get_language())
    return mark_safe(result) if isinstance(value, SafeData) else result
