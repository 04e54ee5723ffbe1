"""The directory's vocabularies, shared by its models, forms, filters and exports.

Most are the values of the national data·inclusion schema v1 (``data-inclusion-schema``
on PyPI), so that our data can be exchanged: https://www.data.inclusion.gouv.fr/.
"""

from data_inclusion.schema import v1 as schema
from django.db import models
from django.utils.translation import gettext_lazy as _


def _schema_choices(enum) -> list[tuple[str, str]]:
    return [(member.value, member.label) for member in enum]


class StructureKind(models.TextChoices):
    CAF = "caf", _("Caisse d’allocations familiales (CAF)")
    CPAM = "cpam", _("Assurance maladie (CPAM)")
    CCAS = "ccas", _("Centre communal d’action sociale (CCAS)")
    FRANCE_SERVICES = "france-services", _("France Services")
    FRANCE_TRAVAIL = "france-travail", _("France Travail")
    MAIRIE = "mairie", _("Mairie ou service municipal")
    MAISON_DE_QUARTIER = "maison-de-quartier", _("Maison de quartier")
    CENTRE_SOCIAL = "centre-social", _("Centre social")
    MISSION_LOCALE = "mission-locale", _("Mission locale")
    EPN = "epn", _("Espace public numérique")
    ASSOCIATION = "association", _("Association")
    INSTITUTION = "institution", _("Autre institution publique")


class TypeService(models.TextChoices):
    ACCOMPAGNEMENT = "accompagnement", _("Accompagnement")
    AIDE_FINANCIERE = "aide-financiere", _("Aide financière")
    AIDE_MATERIELLE = "aide-materielle", _("Aide matérielle")
    ATELIER = "atelier", _("Atelier")
    FORMATION = "formation", _("Formation")
    INFORMATION = "information", _("Information")


class Frais(models.TextChoices):
    GRATUIT = "gratuit", _("Gratuit")
    PAYANT = "payant", _("Payant")


class ModeMobilisation(models.TextChoices):
    """How a resident comes to the service (data·inclusion ``modes_mobilisation``)."""

    SE_PRESENTER = "se-presenter", _("Se présenter sur place")
    TELEPHONER = "telephoner", _("Téléphoner")
    ENVOYER_UN_COURRIEL = "envoyer-un-courriel", _("Envoyer un e-mail")
    UTILISER_LIEN_MOBILISATION = "utiliser-lien-mobilisation", _("Prendre rendez-vous en ligne")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("lundi")
    TUESDAY = 1, _("mardi")
    WEDNESDAY = 2, _("mercredi")
    THURSDAY = 3, _("jeudi")
    FRIDAY = 4, _("vendredi")
    SATURDAY = 5, _("samedi")
    SUNDAY = 6, _("dimanche")


# Languages spoken on site (ISO 639 codes). data·inclusion v1 has no such field: the list is
# ours, the languages of the neighbourhood that the field work names.
LANGUAGE_CHOICES = [
    ("fr", _("français")),
    ("en", _("anglais")),
    ("ar", _("arabe")),
    ("ber", _("berbère (tamazight)")),
    ("tr", _("turc")),
    ("ru", _("russe")),
    ("uk", _("ukrainien")),
    ("fa", _("persan (dari)")),
    ("ps", _("pachto")),
    ("ti", _("tigrigna")),
    ("es", _("espagnol")),
    ("pt", _("portugais")),
    ("ro", _("roumain")),
    ("lsf", _("langue des signes française")),
]

# "Who is it for", in the reader's language: the schema's French labels, marked for the
# catalogs (a test fails when the schema names a public that is missing here).
PUBLIC_LABELS = {
    "tous-publics": _("Tous publics"),
    "actifs": _("Actifs"),
    "beneficiaires-des-minimas-sociaux": _("Bénéficiaires des minimas sociaux"),
    "demandeurs-emploi": _("Demandeurs d’emploi"),
    "etudiants": _("Étudiants"),
    "familles": _("Familles"),
    "femmes": _("Femmes"),
    "jeunes": _("Jeunes"),
    "personnes-en-situation-de-handicap": _("Personnes en situation de handicap"),
    "personnes-en-situation-durgence": _("Personnes en situation d’urgence"),
    "personnes-en-situation-juridique-specifique": _("Personnes en situation juridique spécifique"),
    "personnes-exilees": _("Personnes exilées"),
    "residents-qpv-frr": _("Résidents en QPV ou FRR"),
    "seniors": _("Séniors"),
}
PUBLIC_CHOICES = [
    (member.value, PUBLIC_LABELS.get(member.value, member.label)) for member in schema.Public
]
RESEAU_PORTEUR_CHOICES = _schema_choices(schema.ReseauPorteur)

# The answer a person may always give.
NON_COMMUNIQUE = "non-communique"


class OrientationSource(models.TextChoices):
    """How a person heard of a permanence or an atelier: the log and the registrations
    ask it alike, so that the bilans add them up."""

    PARTENAIRE = "envoye-par-partenaire", _("Envoyé par un partenaire")
    BOUCHE_A_OREILLE = "bouche-a-oreille", _("Bouche-à-oreille")
    PASSAGE_BUS = "passage-bus", _("En passant devant le bus")
    FLYER = "flyer-affiche", _("Flyer ou affiche")
    TRAVAILLEUR_SOCIAL = "travailleur-social", _("Travailleur social")
    DEJA_VENU = "deja-venu", _("Déjà venu")
    AUTRE = "autre", _("Autre")
    NON_COMMUNIQUE = NON_COMMUNIQUE, _("Non communiqué")


class ThemeNumerique(models.TextChoices):
    """The themes of an accompaniment (at least one per entry) or of an orientation: the
    digital ones, then the administrative categories of the national CRA of conseillers
    numériques."""

    DIAGNOSTIC = "diagnostic-numerique", _("Diagnostic numérique")
    MATERIEL = "prendre-en-main-materiel", _("Prendre en main le matériel")
    NAVIGATION = "navigation", _("Naviguer sur internet")
    COURRIELS = "courriels", _("E-mail")
    BUREAUTIQUE = "bureautique", _("Bureautique")
    SECURITE = "securite-numerique", _("Sécurité numérique")
    SANTE_NUMERIQUE = "sante-numerique", _("Santé en ligne")
    BANQUE = "banque-achats", _("Banque et achats en ligne")
    INSERTION_PRO = "insertion-professionnelle", _("Insertion professionnelle")
    PARENTALITE = "parentalite", _("Parentalité, école en ligne")
    RESEAUX_SOCIAUX = "reseaux-sociaux", _("Réseaux sociaux et communication")
    PAPIERS = "papiers-elections-citoyennete", _("Papiers, élections, citoyenneté")
    FAMILLE = "famille-scolarite", _("Famille, scolarité")
    SOCIAL_SANTE = "social-sante", _("Social, santé")
    TRAVAIL = "travail-formation", _("Travail, formation")
    LOGEMENT = "logement", _("Logement")
    TRANSPORTS = "transports-mobilite", _("Transports, mobilité")
    ARGENT = "argent-impots", _("Argent, impôts")
    JUSTICE = "justice", _("Justice")
    ETRANGERS = "etrangers-europe", _("Étrangers, Europe")
    LOISIRS = "loisirs-sports-culture", _("Loisirs, sports, culture")
    ASSOCIATIONS = "associations", _("Associations")


class Demarche(models.TextChoices):
    """The precise online procedure, when known."""

    CAF = "caf", _("CAF (Caisse d’allocations familiales)")
    ANTS = "ants", _("ANTS (papiers d’identité, permis, carte grise)")
    AMELI = "ameli", _("Ameli (Assurance maladie)")
    IMPOTS = "impots", _("impots.gouv")
    FRANCE_TRAVAIL = "france-travail", _("France Travail")
    VIA_TRAJECTOIRE = "via-trajectoire", _("Via Trajectoire (maison de retraite)")
    CSS = "complementaire-sante-solidaire", _("Complémentaire santé solidaire")
    TITRE_SEJOUR = "titre-sejour", _("Titre de séjour (ANEF)")
    RETRAITE = "retraite", _("Retraite (info-retraite)")
    LOGEMENT_SOCIAL = "demande-logement-social", _("Demande de logement social")
    ENERGIE = "cheque-energie", _("Chèque énergie")
    AUTRE = "autre", _("Autre démarche")


# The administrative categories of the CRA; every other theme is a digital one.
ADMINISTRATIVE_THEMES = (
    ThemeNumerique.PAPIERS,
    ThemeNumerique.FAMILLE,
    ThemeNumerique.SOCIAL_SANTE,
    ThemeNumerique.TRAVAIL,
    ThemeNumerique.LOGEMENT,
    ThemeNumerique.TRANSPORTS,
    ThemeNumerique.ARGENT,
    ThemeNumerique.JUSTICE,
    ThemeNumerique.ETRANGERS,
    ThemeNumerique.LOISIRS,
    ThemeNumerique.ASSOCIATIONS,
)
THEME_CHOICES = [
    (
        _("Numérique"),
        [(t.value, t.label) for t in ThemeNumerique if t not in ADMINISTRATIVE_THEMES],
    ),
    (_("Démarches administratives"), [(t.value, t.label) for t in ADMINISTRATIVE_THEMES]),
]


class OrientationStatus(models.TextChoices):
    SENT = "envoyee", _("En attente de réponse")
    ACCEPTED = "acceptee", _("Acceptée")
    DECLINED = "refusee", _("Refusée")
    WITHDRAWN = "retiree", _("Retirée par l’envoyeur")


class Urgency(models.TextChoices):
    NORMAL = "normale", _("Pas urgent")
    WEEK = "semaine", _("Dans la semaine")
    URGENT = "urgente", _("Urgent : dans les 48 heures")


class DeclineReason(models.TextChoices):
    NOT_OUR_SERVICE = "pas-notre-service", _("Ce n’est pas notre service")
    FULL = "complet", _("Nous sommes complets")
    UNREACHABLE = "injoignable", _("La personne est injoignable")
    OTHER = "autre", _("Autre raison")


class TraceKind(models.TextChoices):
    """What a professional did with an orientation: each is written down, who and when."""

    SENT = "envoi", _("Envoi")
    VIEWED = "consultation", _("Consultation")
    ACCEPTED = "acceptation", _("Acceptation")
    DECLINED = "refus", _("Refus")
    WITHDRAWN = "retrait", _("Retrait")
