"""How a resident is received by a service, said once: walk in or take an appointment,
and the ways to take one, in one sentence (issue 10: the page said "Sans rendez-vous"
and then offered to book online twice)."""

from babel.lists import format_list
from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, to_locale

from services.enums import ModeMobilisation

register = template.Library()


def booking_ways(service, *, contact_by_default: bool) -> list[str]:
    """The ways to take an appointment that the service names and can be reached by, as
    HTML fragments. A service that names none is booked through its contact when
    ``contact_by_default`` (it receives on appointment only), else not at all."""
    modes = set(service.modes_mobilisation or ())
    named = bool(modes - {ModeMobilisation.SE_PRESENTER}) or not contact_by_default
    phone = service.phone or service.structure.phone
    email = service.email or service.structure.email
    ways = []
    if phone and (ModeMobilisation.TELEPHONER in modes or not named):
        link = format_html('<a href="tel:{}" dir="ltr">{}</a>', phone.replace(" ", ""), phone)
        ways.append(format_html(gettext("par téléphone au {phone}"), phone=link))
    if email and (ModeMobilisation.ENVOYER_UN_COURRIEL in modes or not named):
        link = format_html('<a href="mailto:{}" dir="ltr">{}</a>', email, email)
        ways.append(format_html(gettext("par e-mail à {email}"), email=link))
    if service.lien_mobilisation:
        ways.append(
            format_html('<a href="{}">{}</a>', service.lien_mobilisation, gettext("en ligne"))
        )
    return ways


@register.simple_tag
def reception(service) -> str:
    """One sentence: on appointment only, or walk in during the opening hours; and how
    to book, when the service can be booked."""
    ways = booking_ways(service, contact_by_default=service.appointment_required)
    # The fragments are safe HTML; the locale's "or" pattern adds words and commas only.
    joined = mark_safe(format_list(ways, style="or", locale=to_locale(get_language() or "fr")))
    if service.appointment_required:
        if ways:
            return format_html(
                gettext("<strong>Sur rendez-vous seulement</strong> : prenez rendez-vous {ways}."),
                ways=joined,
            )
        return format_html("<strong>{}</strong>", gettext("Sur rendez-vous seulement."))
    if ways:
        return format_html(
            gettext(
                "<strong>Sans rendez-vous</strong> : venez aux horaires d’ouverture, "
                "ou prenez rendez-vous {ways}."
            ),
            ways=joined,
        )
    # The catalogs are ours: their markup is trusted as the templates' is.
    return mark_safe(gettext("<strong>Sans rendez-vous</strong> : venez aux horaires d’ouverture."))
