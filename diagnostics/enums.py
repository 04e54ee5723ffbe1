"""The vocabularies of the diagnostics: the SWOT quadrants, the kinds of objectives, the
life of an action, and what a partner contributes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DiagnosticStatus(models.TextChoices):
    DRAFT = "brouillon", _("Brouillon")
    PUBLISHED = "publie", _("Publié")


class Quadrant(models.TextChoices):
    """SWOT, in the partners' words (the deck "Innover à la Roseraie")."""

    ATOUT = "atout", _("Atouts")
    FAIBLESSE = "faiblesse", _("Faiblesses")
    OPPORTUNITE = "opportunite", _("Opportunités")
    MENACE = "menace", _("Menaces")


class ObjectiveKind(models.TextChoices):
    STRATEGIC = "strategique", _("Objectif stratégique")
    OPERATIONAL = "operationnel", _("Objectif opérationnel")


class ActionStatus(models.TextChoices):
    TODO = "a-faire", _("À faire")
    STARTED = "en-cours", _("En cours")
    DONE = "faite", _("Faite")


class ContributionKind(models.TextChoices):
    MONEY = "argent", _("Argent")
    STAFF = "personnel", _("Temps de personnel")
    PREMISES = "locaux", _("Locaux")
    EQUIPMENT = "materiel", _("Matériel")
