"""The labelled set of the directory's search: what residents say at the Relais-Mairie
desk, in their words, and the demo services (fixtures/demo/services.csv) that answer it.

Each entry: the page's language, the words typed, and the slugs of the services that
answer; at least one of them must be among the first three results. Read by
tests/services/test_search_ranking.py and benchmarks/search_quality.py.
"""

from typing import NamedTuple


class LabelledQuery(NamedTuple):
    language: str
    text: str
    expected: tuple[str, ...]


LABELLED_QUERIES = [
    LabelledQuery("fr", "aide pour la caf", ("caf-rendez-vous-conseiller",)),
    LabelledQuery("fr", "j'ai perdu ma carte vitale", ("ameli-compte-carte-vitale",)),
    LabelledQuery("fr", "payer la cantine", ("ccas-aide-urgence",)),
    LabelledQuery("fr", "un ordinateur pour imprimer", ("ordinateurs-wifi-acces-libre",)),
    LabelledQuery("fr", "refaire ma carte d'identité", ("carte-identite-passeport",)),
    LabelledQuery("fr", "faire un passeport pour mon fils", ("carte-identite-passeport",)),
    LabelledQuery("fr", "renouveler mon titre de séjour", ("titre-de-sejour-anef",)),
    LabelledQuery(
        "fr",
        "déclarer mes impôts",
        ("impots-declaration-revenus", "permanence-finances-publiques"),
    ),
    LabelledQuery("fr", "j'ai perdu mon travail", ("france-travail-inscription",)),
    LabelledQuery("fr", "m'inscrire au chômage", ("france-travail-inscription",)),
    LabelledQuery("fr", "faire mon cv", ("atelier-cv-lettre-motivation",)),
    LabelledQuery(
        "fr", "je n'arrive plus à payer mon loyer", ("impayes-loyer-prevention-expulsion",)
    ),
    LabelledQuery("fr", "demande de logement hlm", ("demande-logement-social",)),
    LabelledQuery("fr", "toucher les apl", ("caf-aide-au-logement",)),
    LabelledQuery("fr", "demander le rsa", ("caf-rsa-prime-activite",)),
    LabelledQuery("fr", "une mutuelle gratuite", ("complementaire-sante-solidaire",)),
    LabelledQuery("fr", "trouver un médecin", ("centre-sante-medecin-generaliste",)),
    LabelledQuery("fr", "j'ai mal aux dents", ("centre-sante-dentiste",)),
    LabelledQuery("fr", "je déprime, besoin de parler", ("point-ecoute-sante-mentale",)),
    LabelledQuery("fr", "dossier mdph pour mon fils", ("dossier-mdph-handicap",)),
    LabelledQuery(
        "fr",
        "je n'ai plus rien à manger",
        ("secours-populaire-aide-alimentaire", "restos-du-coeur-distribution"),
    ),
    LabelledQuery("fr", "ma facture d'électricité est trop chère", ("pimms-factures-energie",)),
    LabelledQuery("fr", "j'ai trop de dettes", ("point-conseil-budget",)),
    LabelledQuery("fr", "changer ma carte grise", ("titres-ants-carte-grise-permis",)),
    LabelledQuery("fr", "aide pour passer le permis", ("bilan-mobilite-permis",)),
    LabelledQuery("fr", "apprendre le français", ("cours-francais-adultes",)),
    LabelledQuery("fr", "quelqu'un pour écrire une lettre", ("ecrivain-public",)),
    LabelledQuery("fr", "apprendre à envoyer un mail", ("ateliers-numeriques-debutants",)),
    LabelledQuery("fr", "acheter un ordinateur pas cher", ("emmaus-connect-equipement-solidaire",)),
    LabelledQuery("fr", "trouver une nounou", ("creche-mode-de-garde",)),
    LabelledQuery("fr", "faire vacciner mon bébé", ("pmi-consultations-enfants",)),
    LabelledQuery("fr", "divorce et pension alimentaire", ("cidff-separation-droit-famille",)),
    LabelledQuery("fr", "mon mari me frappe", ("violences-femmes-ecoute",)),
    LabelledQuery("fr", "problème avec mon voisin", ("conciliateur-de-justice",)),
    LabelledQuery("fr", "parler à un avocat gratuitement", ("consultation-avocat-gratuite",)),
    LabelledQuery("fr", "préparer ma retraite", ("preparer-sa-retraite",)),
    LabelledQuery("fr", "un acte de naissance", ("etat-civil-actes",)),
    LabelledQuery("fr", "mon père est décédé", ("demarches-apres-deces",)),
    LabelledQuery("fr", "je n'ai pas d'adresse pour le courrier", ("ccas-domiciliation",)),
    LabelledQuery("fr", "le bus moins cher", ("tarif-solidaire-transports",)),
    LabelledQuery("fr", "m'inscrire pour voter", ("listes-electorales-recensement",)),
    LabelledQuery("fr", "voir une assistante sociale", ("assistante-sociale-mds",)),
    LabelledQuery("fr", "occuper mes enfants le mercredi", ("accueil-loisirs-enfants",)),
    LabelledQuery("fr", "jeune sans emploi ni formation", ("mission-locale-accueil-jeunes",)),
    LabelledQuery("fr", "humidité dans mon appartement", ("permanence-locataires",)),
    LabelledQuery("fr", "sécu", ("cpam-accueil-rendez-vous", "ameli-compte-carte-vitale")),
    LabelledQuery("fr", "alocation familliale", ("caf-rendez-vous-conseiller",)),  # typos
    # The same needs, typed on the English, Arabic and Turkish pages.
    LabelledQuery("en", "family allowance", ("caf-rendez-vous-conseiller",)),
    LabelledQuery("en", "lost my health insurance card", ("ameli-compte-carte-vitale",)),
    LabelledQuery("en", "residence permit", ("titre-de-sejour-anef",)),
    LabelledQuery("en", "looking for a job", ("france-travail-inscription",)),
    LabelledQuery("en", "print a document", ("ordinateurs-wifi-acces-libre",)),
    LabelledQuery("en", "help with my taxes", ("impots-declaration-revenus",)),
    LabelledQuery("ar", "إعانة عائلية", ("caf-rendez-vous-conseiller",)),
    LabelledQuery("ar", "بطاقة الإقامة", ("titre-de-sejour-anef",)),
    LabelledQuery("ar", "أبحث عن عمل", ("france-travail-inscription",)),
    LabelledQuery("ar", "طبيب", ("centre-sante-medecin-generaliste",)),
    LabelledQuery("tr", "oturma izni", ("titre-de-sejour-anef",)),
    LabelledQuery("tr", "kimlik kartı", ("carte-identite-passeport",)),
    LabelledQuery("tr", "iş arıyorum", ("france-travail-inscription",)),
    LabelledQuery("tr", "bilgisayar", ("ordinateurs-wifi-acces-libre",)),
]
