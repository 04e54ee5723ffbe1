"""The words of the synthetic ateliers: workshops as the partners of La Roseraie run them,
with the data·inclusion theme each belongs to, their times, and why one is cancelled.

Most are digital workshops, as in the field: the rest help with one procedure at a time.
"""

from ateliers.enums import Niveau

FONDAMENTAUX = "numerique--maitriser-les-fondamentaux-du-numerique"
EN_LIGNE = "numerique--acceder-a-des-services-en-ligne"
DEMARCHES = (
    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
)
DROITS = "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"
PARENTALITE = "famille--soutien-a-la-parentalite-et-a-leducation"

# (title, data·inclusion theme, description, level, weight: how often it is scheduled)
WORKSHOPS = (
    (
        "Premiers pas sur l’ordinateur",
        FONDAMENTAUX,
        "Allumer l’ordinateur, utiliser la souris et le clavier, aller sur internet. En "
        "petit groupe, à votre rythme.",
        Niveau.DEBUTANT,
        6,
    ),
    (
        "Mon smartphone au quotidien",
        FONDAMENTAUX,
        "Régler son téléphone, installer une application, faire une photo d’un document "
        "pour l’envoyer.",
        Niveau.DEBUTANT,
        6,
    ),
    (
        "Créer et utiliser son adresse e-mail",
        FONDAMENTAUX,
        "Créer une adresse, lire ses messages, envoyer une pièce jointe, reconnaître un "
        "message frauduleux.",
        Niveau.DEBUTANT,
        4,
    ),
    (
        "Internet sans arnaque",
        FONDAMENTAUX,
        "Reconnaître un faux site, un faux SMS, choisir un mot de passe et le retenir.",
        Niveau.INTERMEDIAIRE,
        3,
    ),
    (
        "Se connecter avec FranceConnect",
        EN_LIGNE,
        "Un seul compte pour les impôts, la CAF et l’Assurance maladie : le créer et s’en servir.",
        Niveau.INTERMEDIAIRE,
        4,
    ),
    (
        "Scanner et envoyer un document",
        EN_LIGNE,
        "Photographier un justificatif avec son téléphone, en faire un PDF lisible et le "
        "déposer sur un site.",
        Niveau.INTERMEDIAIRE,
        3,
    ),
    (
        "Choisir un ordinateur reconditionné",
        "numerique--acquerir-un-equipement",
        "Quel appareil pour quel usage, où l’acheter moins cher, les aides qui existent.",
        Niveau.DEBUTANT,
        1,
    ),
    (
        "Wifi, forfait, données : s’y retrouver",
        "numerique--acceder-a-une-connexion-internet",
        "Se connecter au wifi, suivre sa consommation, choisir un forfait social.",
        Niveau.DEBUTANT,
        2,
    ),
    (
        "Créer son compte Ameli",
        "sante--acces-aux-soins",
        "Créer son compte sur ameli.fr, télécharger une attestation de droits, suivre ses "
        "remboursements.",
        Niveau.DEBUTANT,
        3,
    ),
    (
        "Prendre rendez-vous chez le médecin en ligne",
        "sante--acces-aux-soins",
        "Chercher un médecin, prendre et annuler un rendez-vous, faire une téléconsultation.",
        Niveau.INTERMEDIAIRE,
        2,
    ),
    (
        "Préparer son dossier MDPH",
        "sante--constituer-un-dossier-mdph-invalidite",
        "Les pièces à réunir, le formulaire rempli ensemble, le dépôt en ligne.",
        Niveau.INTERMEDIAIRE,
        1,
    ),
    (
        "Faire son CV sur ordinateur",
        "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
        "Écrire son CV avec un modèle simple, l’enregistrer et l’envoyer à un employeur.",
        Niveau.INTERMEDIAIRE,
        3,
    ),
    (
        "Préparer un entretien d’embauche",
        "trouver-un-emploi--convaincre-un-recruteur-en-entretien",
        "Se présenter en deux minutes, répondre aux questions difficiles, s’entraîner.",
        Niveau.INTERMEDIAIRE,
        2,
    ),
    (
        "Mon espace France Travail",
        "trouver-un-emploi--repondre-a-des-offres-demploi",
        "S’actualiser, lire ses courriers, répondre à une offre depuis son espace.",
        Niveau.DEBUTANT,
        2,
    ),
    (
        "Déclarer ses revenus en ligne",
        DEMARCHES,
        "Se connecter à impots.gouv.fr, vérifier sa déclaration, la signer.",
        Niveau.INTERMEDIAIRE,
        2,
    ),
    (
        "Demander sa carte d’identité",
        DEMARCHES,
        "La pré-demande en ligne, la photo, le rendez-vous en mairie.",
        Niveau.DEBUTANT,
        1,
    ),
    (
        "Mon compte CAF",
        DROITS,
        "Déclarer ses ressources, signaler un changement, lire ses courriers de la CAF.",
        Niveau.DEBUTANT,
        3,
    ),
    (
        "Tenir son budget du mois",
        "difficultes-financieres--acquerir-une-autonomie-budgetaire",
        "Noter ses dépenses, prévoir les factures, éviter les frais bancaires.",
        Niveau.DEBUTANT,
        2,
    ),
    (
        "Comprendre ses factures d’énergie",
        "difficultes-financieres--ameliorer-sa-gestion-budgetaire",
        "Lire une facture, le chèque énergie, les gestes qui font baisser la note.",
        Niveau.DEBUTANT,
        1,
    ),
    (
        "Faire sa demande de logement social",
        "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
        "La demande en ligne, les pièces à joindre, le renouvellement chaque année.",
        Niveau.INTERMEDIAIRE,
        1,
    ),
    (
        "Suivre la scolarité de son enfant en ligne",
        PARENTALITE,
        "L’espace numérique de travail du collège : notes, devoirs, messages aux professeurs.",
        Niveau.DEBUTANT,
        2,
    ),
    (
        "Les écrans en famille",
        PARENTALITE,
        "Le temps d’écran des enfants, le contrôle parental, en parler ensemble.",
        Niveau.DEBUTANT,
        1,
    ),
    (
        "Réviser le code de la route en ligne",
        "mobilite--preparer-un-permis",
        "Les sites pour s’entraîner, les séries de questions, s’inscrire à l’examen.",
        Niveau.INTERMEDIAIRE,
        1,
    ),
    (
        "Le français des démarches",
        "lecture-ecriture-calcul--maitriser-le-francais",
        "Lire un courrier administratif, remplir un formulaire, les mots qui reviennent.",
        Niveau.DEBUTANT,
        2,
    ),
)

FALC_LINES = (
    "Vous apprenez pas à pas.",
    "Le groupe est petit.",
    "Une personne vous aide.",
    "C’est gratuit.",
)
# (start, end), Paris time.
TIMES = (
    ("09:30", "11:30"),
    ("10:00", "12:00"),
    ("14:00", "16:00"),
    ("14:30", "16:30"),
    ("17:00", "18:30"),
)
CAPACITIES = (6, 8, 8, 10, 10, 10, 12, 12, 15)
TO_BRING = (
    "Votre téléphone, chargé",
    "Vos identifiants",
    "Une pièce d’identité",
    "Vos lunettes si vous en portez",
)
CANCELLATION_REASONS = (
    "L’animatrice est malade.",
    "La salle n’est pas disponible.",
    "Pas assez d’inscrits.",
)
