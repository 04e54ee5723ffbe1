"""The words of what an orientation tells people: the receiving structure (a new
orientation, the reminder, a withdrawal), the sender (the answer), and the person (her
appointment, in her language when the portal speaks it). Messages to professionals hold
a link to the orientation and never the person's name or contact."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from roseraie_portal.notifications import Message, absolute_url
from services.models import Orientation

SUBJECTS = {
    "new": _("Nouvelle orientation : « %(service)s »"),
    "reminder": _("Relance : une orientation attend votre réponse (« %(service)s »)"),
    "withdrawn": _("Orientation retirée : « %(service)s »"),
    "answered": _("Réponse à votre orientation : « %(service)s »"),
    "appointment": _("Votre rendez-vous : « %(service)s »"),
}
INTERFACE_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def build(orientation: Orientation, kind: str) -> Message:
    language = settings.LANGUAGE_CODE
    if kind == "appointment" and orientation.language in INTERFACE_LANGUAGES:
        language = orientation.language
    with translation.override(language):
        context = {
            "orientation": orientation,
            "sender_name": _sender_name(orientation),
            "link": absolute_url(orientation.get_absolute_url()),
        }
        # Only the person gets text messages: professionals read their e-mail.
        short_text = ""
        if kind == "appointment":
            short_text = render_to_string("services/messages/appointment_sms.txt", context)
        return Message(
            subject=str(SUBJECTS[kind] % {"service": orientation.service.name}),
            text=render_to_string(f"services/messages/{kind}.txt", context).strip() + "\n",
            short_text=short_text.strip(),
        )


def _sender_name(orientation: Orientation) -> str:
    if orientation.from_structure is not None:
        return orientation.from_structure.name
    return str(_("Un professionnel du portail"))
