"""The vocabularies of the log, aligned with the national CRA (compte rendu d'activité)
of conseillers numériques so that local figures match what they report nationally."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The themes and the procedures are the directory's too (an orientation names them): they
# live there, and are the log's through here.
from services.enums import NON_COMMUNIQUE
from services.enums import Demarche as Demarche
from services.enums import ThemeNumerique as ThemeNumerique


class Canal(models.TextChoices):
    """Where the accompaniment took place (CRA "lieu")."""

    LIEU_ACTIVITE = "lieu-activite", _("Lieu d’activité")
    BUS_MAIRIE = "bus-mairie", _("Bus Mairie")
    DOMICILE = "domicile", _("À domicile")
    A_DISTANCE = "a-distance", _("À distance")
    AUTRE = "autre", _("Autre lieu")


class Materiel(models.TextChoices):
    ORDINATEUR = "ordinateur", _("Ordinateur")
    TELEPHONE = "telephone", _("Téléphone")
    TABLETTE = "tablette", _("Tablette")
    AUCUN = "aucun", _("Aucun")


class Autonomie(models.TextChoices):
    ACCOMPAGNE = "entierement-accompagne", _("Entièrement accompagné")
    PARTIEL = "partiellement-autonome", _("Partiellement autonome")
    AUTONOME = "autonome", _("Autonome")


class Resultat(models.TextChoices):
    ABOUTIE = "aboutie", _("Démarche aboutie")
    A_POURSUIVRE = "a-poursuivre", _("À poursuivre")
    REORIENTEE = "reorientee", _("Réorientée")
    NON_ABOUTIE = "non-aboutie", _("Non aboutie")


# The durations a conseiller ticks in one tap (minutes); any other is typed.
DURATION_PRESETS = (15, 30, 45, 60, 90, 120)


class TrancheAge(models.TextChoices):
    MOINS_12 = "moins-12", _("Moins de 12 ans")
    AGE_12_17 = "12-17", _("12 à 17 ans")
    AGE_18_24 = "18-24", _("18 à 24 ans")
    AGE_25_39 = "25-39", _("25 à 39 ans")
    AGE_40_59 = "40-59", _("40 à 59 ans")
    AGE_60_69 = "60-69", _("60 à 69 ans")
    PLUS_70 = "70-plus", _("70 ans et plus")
    NON_COMMUNIQUE = NON_COMMUNIQUE, _("Non communiqué")


class Genre(models.TextChoices):
    FEMME = "femme", _("Femme")
    HOMME = "homme", _("Homme")
    NON_COMMUNIQUE = NON_COMMUNIQUE, _("Non communiqué")


class Statut(models.TextChoices):
    SCOLARISE = "scolarise", _("Scolarisé")
    SANS_EMPLOI = "sans-emploi", _("Sans emploi")
    EN_EMPLOI = "en-emploi", _("En emploi")
    RETRAITE = "retraite", _("Retraité")
    NON_COMMUNIQUE = NON_COMMUNIQUE, _("Non communiqué")


class Residence(models.TextChoices):
    """Where the person lives, when it is not one of the Quartier rows."""

    QUARTIER = "quartier", _("Dans un quartier de la liste")
    HORS_QUARTIER = "hors-quartier", _("Hors quartier")
    NON_COMMUNIQUE = NON_COMMUNIQUE, _("Non communiqué")
