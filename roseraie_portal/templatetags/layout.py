from django import template
from django.utils.safestring import mark_safe

from roseraie_portal import pictograms
from roseraie_portal.forms import error_summary
from roseraie_portal.hours import format_hour

register = template.Library()
register.filter("hour", format_hour)
register.simple_tag(error_summary)


@register.simple_tag
def pictogram(name: str):
    """Inline SVG pictogram from static/img/pictos/, inheriting the text colour."""
    try:
        return mark_safe(pictograms.inline_svg(name))
    except LookupError as error:
        raise template.TemplateSyntaxError(str(error)) from None


@register.simple_tag(takes_context=True)
def panels(context, filled_panels):
    """Render the panels a view collected from a Slot, each with its own context only."""
    engine = context.template.engine
    return mark_safe(
        "".join(
            engine.get_template(panel.template).render(context.new(panel.context))
            for panel in filled_panels
        )
    )
