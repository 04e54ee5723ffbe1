"""The words of the messages residents receive about their registration, in the
language of the page they registered from, with the link to their registration."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ateliers.enums import InscriptionStatus
from ateliers.models import Inscription
from roseraie_portal.notifications import Message, absolute_url

SUBJECTS = {
    "registered": _("Votre inscription à l’atelier « %(title)s »"),
    "waiting": _("Liste d’attente de l’atelier « %(title)s »"),
    "promoted": _("Une place s’est libérée : atelier « %(title)s »"),
    "cancelled": _("Atelier annulé : « %(title)s »"),
    "moved": _("Changement pour l’atelier « %(title)s »"),
    "reminder": _("Rappel : atelier « %(title)s » demain"),
}


def key(inscription: Inscription, kind: str) -> str:
    """What makes a message the same message when a task runs twice: a change of day
    or place is a new message, so is the reminder of a moved session."""
    atelier = inscription.atelier
    if kind == "moved":
        when = f"{atelier.date}-{atelier.start_time}-{atelier.lieu_id}"
        return f"inscription-{inscription.pk}-moved-{when}"
    if kind == "reminder":
        return f"inscription-{inscription.pk}-reminder-{atelier.date}"
    return f"inscription-{inscription.pk}-{kind}"


def build(inscription: Inscription, kind: str) -> Message:
    if kind == "registered" and inscription.status == InscriptionStatus.WAITING:
        kind = "waiting"
    atelier = inscription.atelier
    with translation.override(inscription.language):
        context = {
            "inscription": inscription,
            "atelier": atelier,
            "lieu": atelier.lieu,
            "link": absolute_url(inscription.get_absolute_url()),
            "kind": kind,
        }
        return Message(
            subject=str(SUBJECTS[kind] % {"title": atelier.title}),
            text=render_to_string(f"ateliers/messages/{kind}.txt", context).strip() + "\n",
            short_text=render_to_string("ateliers/messages/sms.txt", context).strip(),
        )
