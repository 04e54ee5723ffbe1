"""The vocabularies of the ateliers: level, the life of a session, of a registration,
and attendance."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Niveau(models.TextChoices):
    DEBUTANT = "debutant", _("Débutant")
    INTERMEDIAIRE = "intermediaire", _("Intermédiaire")
    AVANCE = "avance", _("Avancé")


class AtelierStatus(models.TextChoices):
    PLANNED = "prevu", _("Prévu")
    CANCELLED = "annule", _("Annulé")
    HELD = "tenu", _("Tenu")


class InscriptionStatus(models.TextChoices):
    CONFIRMED = "confirmee", _("Inscrite")
    WAITING = "en-attente", _("Sur liste d’attente")
    CANCELLED = "annulee", _("Annulée")


class Attendance(models.TextChoices):
    PRESENT = "present", _("Présent")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excuse", _("Excusé")


class Need(models.TextChoices):
    """What a person needs to take part; asked at registration, never required."""

    INTERPRETER = "interprete", _("Un interprète")
    STEP_FREE = "sans-marche", _("Un accès sans marche (fauteuil roulant)")
