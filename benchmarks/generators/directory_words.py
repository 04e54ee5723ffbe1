"""The words of the synthetic directory: everyday topics and the themes they belong to,
names of people, places and structures, documents, description sentences.

Plain French as residents and partners write it, so that full-text search and typo
correction meet a realistic spread of words.
"""

# (everyday topic, the data·inclusion theme it belongs to)
TOPICS = (
    ("allocation logement", "logement-hebergement--louer-un-logement"),
    ("impôts sur le revenu", "difficultes-financieres--ameliorer-sa-gestion-budgetaire"),
    ("sécurité sociale", "sante--acces-aux-soins"),
    ("allocations familiales", "famille--soutien-a-la-parentalite-et-a-leducation"),
    ("carte Vitale", "sante--acces-aux-soins"),
    ("complémentaire santé solidaire", "sante--acces-aux-soins"),
    (
        "titre de séjour",
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
    ),
    (
        "carte d'identité",
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
    ),
    (
        "passeport",
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
    ),
    ("carte grise", "mobilite--acceder-a-un-vehicule"),
    ("permis de conduire", "mobilite--preparer-un-permis"),
    (
        "prime d'activité",
        "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
    ),
    (
        "revenu de solidarité active",
        "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
    ),
    (
        "retraite",
        "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
    ),
    ("chômage", "trouver-un-emploi--repondre-a-des-offres-demploi"),
    ("curriculum vitae", "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"),
    ("entretien d'embauche", "trouver-un-emploi--convaincre-un-recruteur-en-entretien"),
    ("apprentissage", "se-former--trouver-sa-formation"),
    ("garde d'enfants", "famille--garde-denfants"),
    ("parentalité", "famille--soutien-a-la-parentalite-et-a-leducation"),
    ("aide alimentaire", "equipement-et-alimentation--alimentation"),
    ("vêtements", "equipement-et-alimentation--habillement"),
    ("électroménager", "equipement-et-alimentation--electromenager"),
    ("factures d'énergie", "difficultes-financieres--ameliorer-sa-gestion-budgetaire"),
    ("budget", "difficultes-financieres--acquerir-une-autonomie-budgetaire"),
    ("surendettement", "difficultes-financieres--situation-dendettement-surendettement"),
    ("logement social", "logement-hebergement--louer-un-logement"),
    ("impayés de loyer", "logement-hebergement--reduire-les-impayes-de-loyer"),
    (
        "hébergement d'urgence",
        "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
    ),
    ("ordinateur", "numerique--acquerir-un-equipement"),
    ("smartphone", "numerique--maitriser-les-fondamentaux-du-numerique"),
    ("connexion internet", "numerique--acceder-a-une-connexion-internet"),
    ("démarches en ligne", "numerique--acceder-a-des-services-en-ligne"),
    ("cours de français", "lecture-ecriture-calcul--maitriser-le-francais"),
    ("calcul", "lecture-ecriture-calcul--maitriser-le-calcul"),
    (
        "conseil juridique",
        "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
    ),
    (
        "médiation",
        "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
    ),
    ("séparation", "famille--surmonter-conflits-separation-violence"),
    ("violences conjugales", "famille--surmonter-conflits-separation-violence"),
    (
        "décès et succession",
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
    ),
    ("handicap", "sante--constituer-un-dossier-mdph-invalidite"),
    ("santé mentale", "sante--sante-mentale"),
    ("addictions", "sante--addictions"),
    ("soins dentaires", "sante--acces-aux-soins"),
    ("vaccination", "sante--acces-aux-soins"),
    ("sport", "remobilisation--activites-sportives-et-culturelles"),
    ("sorties culturelles", "remobilisation--activites-sportives-et-culturelles"),
    ("bénévolat", "remobilisation--benevolat-action-citoyenne"),
    ("création d'entreprise", "creer-une-entreprise--definir-son-projet-de-creation-dentreprise"),
    ("covoiturage", "mobilite--mobilite-douce-partagee-collective"),
    ("vélo", "mobilite--mobilite-douce-partagee-collective"),
    ("aidants familiaux", "famille--soutien-aidants"),
    ("confiance en soi", "remobilisation--bien-etre-confiance-en-soi"),
    (
        "travail à l'étranger",
        "souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger",
    ),
)

PEOPLE = (
    "Louise-Michel",
    "Jean-Moulin",
    "Simone-Veil",
    "Victor-Hugo",
    "Jules-Ferry",
    "Marie-Curie",
    "Aimé-Césaire",
    "Olympe-de-Gouges",
    "Nelson-Mandela",
    "Rosa-Parks",
    "Jacques-Prévert",
    "George-Sand",
    "Albert-Camus",
    "Lucie-Aubrac",
    "Joséphine-Baker",
    "Gisèle-Halimi",
)
STREET_KINDS = ("rue", "avenue", "boulevard", "place", "square", "allée")
PLACE_KINDS = (
    "Maison des solidarités",
    "Espace",
    "Local associatif",
    "Antenne",
    "Point accueil",
    "Salle municipale",
    "Maison pour tous",
)
ASSOCIATION_WORDS = (
    "Solidarité",
    "Entraide",
    "Partage",
    "Horizons",
    "Passerelle",
    "Trait d'union",
    "Accueil",
    "Voisins",
)
DOCUMENTS = (
    "Pièce d'identité",
    "Justificatif de domicile",
    "Carte Vitale",
    "Relevé d'identité bancaire (RIB)",
    "Dernier avis d'impôt",
    "Numéro d'allocataire CAF",
    "Fiches de paie des 3 derniers mois",
    "Livret de famille",
    "Titre de séjour",
    "Téléphone portable",
    "Courriers reçus",
)
SENTENCES = (
    "Un conseiller répond à vos questions sur {topic} et sur {other}.",
    "Nous vous aidons à comprendre vos droits en matière de {topic}.",
    "Accueil individuel pour faire le point sur {topic}, puis orientation vers le bon partenaire.",
    "Les bénévoles accompagnent les démarches liées à {other} et à {topic}.",
    "Permanence {when} à {place} : {topic}, {other} et démarches en ligne.",
    "Un atelier collectif pour apprendre les bases : {topic}, {other}.",
    "Vous pouvez venir avec un proche ou un interprète.",
)
WHEN = ("le lundi matin", "le mardi après-midi", "chaque mercredi", "le jeudi", "le vendredi")
# The quartiers of La Roseraie's demo directory, named in descriptions ("… à Monplaisir").
QUARTIER_NAMES = (
    "La Roseraie",
    "Justices – Madeleine – Saint-Léonard",
    "Monplaisir",
    "Belle-Beille",
    "Centre-ville – La Fayette – Éblé",
    "Grand-Pigeon – Deux-Croix – Banchais",
    "Lac de Maine",
)
