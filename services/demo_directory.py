"""The demonstration directory of La Roseraie (Angers), as plain data.

Demonstration data only: the partners are real kinds of services of Angers and their
websites are public, but the addresses are approximate and every phone number (02 41 00 00
xx) and e-mail (@example.org) is a placeholder. ``build_demo_fixtures`` turns this module
into ``fixtures/directory.json`` and ``fixtures/directory_thematiques.json``;
``load_demo_directory`` loads them. Edit here, then rebuild: fixtures are never edited by
hand.

Vocabularies are the data·inclusion v1 values (https://www.data.inclusion.gouv.fr/):
``reseaux_porteurs``, ``type``, ``thematiques``, ``publics``, ``frais`` and
``modes_mobilisation``; ``kind`` and ``languages`` are the choices of services.models.
Dates are fixed, chosen around 22 November 2026, a few over 12 months old so that the
freshness warnings have something to show.

Opening hours are ``(weekday, opens, closes)`` with 0 for Monday. A service's
``falc_text`` is a tuple of sentences, one per line once built.
"""

# Weekly hours shared by several places: (weekday, opens, closes), 0 = Monday.
OFFICE_HOURS = tuple(
    slot for day in range(5) for slot in ((day, "09:00", "12:30"), (day, "13:30", "17:30"))
)

QUARTIERS = (
    # (slug, name)
    ("roseraie", "La Roseraie"),
    ("justices", "Justices – Madeleine – Saint-Léonard"),
    ("monplaisir", "Monplaisir"),
    ("belle-beille", "Belle-Beille"),
    ("centre-ville", "Centre-ville – La Fayette – Éblé"),
    ("grand-pigeon", "Grand-Pigeon – Deux-Croix – Banchais"),
    ("lac-de-maine", "Lac de Maine"),
)

STRUCTURES = (
    # The first two keep the primary keys of the former fixtures/structures.json.
    {
        "slug": "caf-maine-et-loire",
        "name": "CAF de Maine-et-Loire",
        "kind": "caf",
        "description": (
            "La Caisse d'allocations familiales verse les prestations familiales, les aides "
            "au logement (APL), le RSA et la prime d'activité. Accueil sur rendez-vous à "
            "Angers et permanences dans les quartiers."
        ),
        "website": "https://www.caf.fr/allocataires/caf-de-maine-et-loire",
        "phone": "02 41 00 00 01",
        "email": "caf-maine-et-loire@example.org",
        "reseaux_porteurs": ["caf"],
        "date_maj": "2026-09-15",
    },
    {
        "slug": "relais-mairie-roseraie",
        "name": "Relais-Mairie de La Roseraie",
        "kind": "mairie",
        "description": (
            "L'accueil de la Ville d'Angers dans le quartier : état civil, carte d'identité "
            "et passeport, inscription sur les listes électorales, information et orientation "
            "vers les partenaires de La Roseraie."
        ),
        "website": "https://www.angers.fr",
        "phone": "02 41 00 00 02",
        "email": "relais-mairie-roseraie@example.org",
        "reseaux_porteurs": ["communes"],
        "date_maj": "2026-10-02",
    },
    {
        "slug": "bus-mairie-angers",
        "name": "Bus Mairie de la Ville d'Angers",
        "kind": "mairie",
        "description": (
            "Un bus aménagé en bureau qui s'arrête chaque semaine dans les quartiers. Un agent "
            "de la Ville et un conseiller numérique y aident aux démarches administratives et "
            "en ligne, sans rendez-vous."
        ),
        "website": "https://www.angers.fr",
        "phone": "02 41 00 00 03",
        "email": "bus-mairie@example.org",
        "reseaux_porteurs": ["communes", "conseillers-numeriques"],
        "date_maj": "2026-11-04",
    },
    {
        "slug": "cpam-maine-et-loire",
        "name": "CPAM de Maine-et-Loire (Assurance maladie)",
        "kind": "cpam",
        "description": (
            "La Caisse primaire d'assurance maladie rembourse les soins, délivre la carte "
            "Vitale, attribue la complémentaire santé solidaire et propose des examens de "
            "prévention gratuits."
        ),
        "website": "https://www.ameli.fr/maine-et-loire",
        "phone": "02 41 00 00 04",
        "email": "cpam-maine-et-loire@example.org",
        "reseaux_porteurs": ["cpam"],
        "date_maj": "2026-08-28",
    },
    {
        "slug": "ccas-angers",
        "name": "CCAS d'Angers",
        "kind": "ccas",
        "description": (
            "Le Centre communal d'action sociale accompagne les Angevins en difficulté : aides "
            "d'urgence, domiciliation, tarifs solidaires des transports, soutien aux personnes "
            "âgées."
        ),
        "website": "https://www.angers.fr",
        "phone": "02 41 00 00 05",
        "email": "ccas-angers@example.org",
        "reseaux_porteurs": ["ccas-cias"],
        "date_maj": "2026-07-10",
    },
    {
        "slug": "france-travail-angers",
        "name": "France Travail Angers Sud",
        "kind": "france-travail",
        "description": (
            "L'agence France Travail (anciennement Pôle emploi) du sud d'Angers : inscription "
            "comme demandeur d'emploi, allocations chômage, offres d'emploi et ateliers de "
            "recherche d'emploi."
        ),
        "website": "https://www.francetravail.fr",
        "phone": "02 41 00 00 06",
        "email": "france-travail-angers-sud@example.org",
        "reseaux_porteurs": ["france-travail"],
        "date_maj": "2026-10-20",
    },
    {
        "slug": "mission-locale-angevine",
        "name": "Mission locale angevine",
        "kind": "mission-locale",
        "description": (
            "Accompagnement des jeunes de 16 à 25 ans sortis de l'école : emploi, formation, "
            "stage, logement, santé et mobilité. Conseillers présents chaque semaine à "
            "La Roseraie."
        ),
        "website": "https://www.mission-locale-angers.fr",
        "phone": "02 41 00 00 07",
        "email": "mission-locale-angevine@example.org",
        "reseaux_porteurs": ["mission-locale"],
        "date_maj": "2026-09-30",
    },
    {
        "slug": "france-services-roseraie",
        "name": "France Services de La Roseraie",
        "kind": "france-services",
        "description": (
            "Un guichet unique rue André-Maurois : des agents formés aident pour les démarches "
            "de la CAF, de l'Assurance maladie, des impôts, de la retraite, de France Travail "
            "et de l'ANTS, et accueillent des permanences de partenaires."
        ),
        "website": "https://www.france-services.gouv.fr",
        "phone": "02 41 00 00 08",
        "email": "france-services-roseraie@example.org",
        "reseaux_porteurs": ["france-service"],
        "date_maj": "2026-11-02",
    },
    {
        "slug": "centre-jean-vilar",
        "name": "Centre Jean Vilar – maison de quartier de La Roseraie",
        "kind": "maison-de-quartier",
        "description": (
            "La maison de quartier de La Roseraie : accueil de loisirs, activités pour les "
            "familles, café démarches, écrivain public et salles pour les associations du "
            "quartier."
        ),
        "website": "https://www.angers.fr",
        "phone": "02 41 00 00 09",
        "email": "centre-jean-vilar@example.org",
        "reseaux_porteurs": ["fcsf"],
        "date_maj": "2026-09-01",
    },
    {
        "slug": "centre-social-justices",
        "name": "Centre social des Justices",
        "kind": "centre-social",
        "description": (
            "Centre social agréé par la CAF : accueil des familles, lieu d'accueil "
            "parents-enfants, sorties collectives et ateliers de conversation en français."
        ),
        "website": "https://www.example.org/centre-social-justices",
        "phone": "02 41 00 00 10",
        "email": "centre-social-justices@example.org",
        "reseaux_porteurs": ["fcsf"],
        "date_maj": "2026-06-12",
    },
    {
        "slug": "epn-roseraie",
        "name": "Espace public numérique de La Roseraie",
        "kind": "epn",
        "description": (
            "Ordinateurs et wifi en accès libre, ateliers pour débuter et permanences d'un "
            "conseiller numérique, à la bibliothèque du quartier."
        ),
        "website": "https://bm.angers.fr",
        "phone": "02 41 00 00 11",
        "email": "epn-roseraie@example.org",
        "reseaux_porteurs": ["espaces-publics-numeriques", "conseillers-numeriques"],
        "date_maj": "2026-10-08",
    },
    {
        "slug": "mds-angers-roseraie",
        "name": "Maison départementale des solidarités d'Angers Sud",
        "kind": "institution",
        "description": (
            "Le Département de Maine-et-Loire dans le quartier : assistantes sociales, "
            "protection maternelle et infantile (PMI), fonds de solidarité pour le logement et "
            "aide aux dossiers de handicap."
        ),
        "website": "https://www.maine-et-loire.fr",
        "phone": "02 41 00 00 12",
        "email": "mds-angers-sud@example.org",
        "reseaux_porteurs": ["departements", "maisons-des-solidarites"],
        "date_maj": "2026-05-19",
    },
    {
        "slug": "centre-sante-roseraie",
        "name": "Centre de santé de La Roseraie",
        "kind": "institution",
        "description": (
            "Médecins généralistes, dentiste et infirmière salariés, en tiers payant : rien à "
            "avancer avec la carte Vitale et une complémentaire santé."
        ),
        "website": "https://www.example.org/centre-sante-roseraie",
        "phone": "02 41 00 00 13",
        "email": "centre-sante-roseraie@example.org",
        "reseaux_porteurs": ["cms"],
        "date_maj": "2026-10-27",
    },
    {
        "slug": "angers-loire-habitat",
        "name": "Angers Loire Habitat",
        "kind": "institution",
        "description": (
            "L'office public de l'habitat d'Angers Loire Métropole : logements sociaux (HLM), "
            "demandes de logement, suivi des locataires et conseillères sociales."
        ),
        "website": "https://www.angers-loire-habitat.fr",
        "phone": "02 41 00 00 14",
        "email": "angers-loire-habitat@example.org",
        "reseaux_porteurs": [],
        "date_maj": "2026-04-03",
    },
    {
        "slug": "finances-publiques-angers",
        "name": "Service des impôts des particuliers d'Angers",
        "kind": "institution",
        "description": (
            "La Direction générale des finances publiques : déclaration de revenus, impôt sur "
            "le revenu, taxe foncière, prélèvement à la source. Permanence mensuelle à France "
            "Services."
        ),
        "website": "https://www.impots.gouv.fr",
        "phone": "02 41 00 00 15",
        "email": "sip-angers@example.org",
        "reseaux_porteurs": [],
        "date_maj": "2026-03-16",
    },
    {
        "slug": "carsat-pays-de-la-loire",
        "name": "Carsat Pays de la Loire",
        "kind": "institution",
        "description": (
            "La caisse de retraite du régime général : relevé de carrière, demande de retraite, "
            "pension de réversion et aides pour bien vieillir chez soi."
        ),
        "website": "https://www.carsat-pl.fr",
        "phone": "02 41 00 00 16",
        "email": "carsat-pays-de-la-loire@example.org",
        "reseaux_porteurs": [],
        "date_maj": "2026-02-11",
    },
    {
        "slug": "point-justice-angers",
        "name": "Point-justice d'Angers (CDAD de Maine-et-Loire)",
        "kind": "institution",
        "description": (
            "Le Conseil départemental de l'accès au droit organise des consultations gratuites "
            "et confidentielles avec des avocats, des conciliateurs de justice et des juristes."
        ),
        "website": "https://www.justice.fr",
        "phone": "02 41 00 00 17",
        "email": "point-justice-angers@example.org",
        "reseaux_porteurs": ["points-justice"],
        "date_maj": "2026-09-09",
    },
    {
        "slug": "cidff-maine-et-loire",
        "name": "CIDFF de Maine-et-Loire",
        "kind": "association",
        "description": (
            "Le Centre d'information sur les droits des femmes et des familles informe sur le "
            "droit de la famille, la séparation et les violences, et accompagne les victimes."
        ),
        "website": "https://fncidff.info",
        "phone": "02 41 00 00 18",
        "email": "cidff-49@example.org",
        "reseaux_porteurs": ["cidff"],
        "date_maj": "2026-08-21",
    },
    {
        "slug": "udaf-point-conseil-budget",
        "name": "Point conseil budget de l'UDAF 49",
        "kind": "association",
        "description": (
            "L'Union départementale des associations familiales aide gratuitement à faire le "
            "point sur son budget, à négocier avec sa banque ou ses créanciers et à monter un "
            "dossier de surendettement."
        ),
        "website": "https://www.udaf49.fr",
        "phone": "02 41 00 00 19",
        "email": "point-conseil-budget@example.org",
        "reseaux_porteurs": ["points-conseil-budget", "unaf"],
        "date_maj": "2026-06-30",
    },
    {
        "slug": "secours-populaire-angers",
        "name": "Secours populaire français – comité d'Angers",
        "kind": "association",
        "description": (
            "Association de solidarité : aide alimentaire, vestiaire, accès aux vacances et à "
            "la culture, accueil inconditionnel par des bénévoles."
        ),
        "website": "https://www.secourspopulaire.fr",
        "phone": "02 41 00 00 20",
        "email": "secours-populaire-angers@example.org",
        "reseaux_porteurs": ["secours-populaire"],
        "date_maj": "2026-10-12",
    },
    {
        "slug": "restos-du-coeur-angers",
        "name": "Les Restos du cœur – centre de La Roseraie",
        "kind": "association",
        "description": (
            "Distribution de repas et de colis alimentaires, produits pour bébés et aide à "
            "l'accès aux droits, pendant la campagne d'hiver et l'été."
        ),
        "website": "https://www.restosducoeur.org",
        "phone": "02 41 00 00 21",
        "email": "restos-roseraie@example.org",
        "reseaux_porteurs": ["restos-du-coeur"],
        "date_maj": "2026-11-10",
    },
    {
        "slug": "emmaus-connect-angers",
        "name": "Emmaüs Connect Angers",
        "kind": "association",
        "description": (
            "Inclusion numérique : ordinateurs et téléphones reconditionnés à petit prix, "
            "recharges internet solidaires et ateliers pour apprendre à s'en servir."
        ),
        "website": "https://emmaus-connect.org",
        "phone": "02 41 00 00 22",
        "email": "emmaus-connect-angers@example.org",
        "reseaux_porteurs": ["emmaus"],
        "date_maj": "2026-07-22",
    },
    {
        "slug": "pimms-mediation-angers",
        "name": "PIMMS Médiation Angers",
        "kind": "association",
        "description": (
            "Le Point d'information et de médiation multi-services explique les factures "
            "d'énergie et d'eau, aide à négocier un échéancier et accompagne les démarches "
            "auprès des opérateurs."
        ),
        "website": "https://pimms.org",
        "phone": "02 41 00 00 23",
        "email": "pimms-angers@example.org",
        "reseaux_porteurs": ["pimms-mediation"],
        "date_maj": "2026-09-25",
    },
    {
        "slug": "amicale-locataires-roseraie",
        "name": "Amicale des locataires de La Roseraie (CNL)",
        "kind": "association",
        "description": (
            "Association de locataires affiliée à la Confédération nationale du logement : "
            "charges, travaux, troubles de voisinage et défense des droits des locataires face "
            "au bailleur."
        ),
        "website": "https://www.lacnl.com",
        "phone": "02 41 00 00 24",
        "email": "locataires-roseraie@example.org",
        "reseaux_porteurs": [],
        "date_maj": "2025-09-18",
    },
    {
        "slug": "parlons-francais-roseraie",
        "name": "Parlons français à La Roseraie",
        "kind": "association",
        "description": (
            "Association de quartier qui enseigne le français langue étrangère (FLE) aux "
            "adultes, du premier niveau jusqu'à la préparation du DELF, avec des bénévoles "
            "formés."
        ),
        "website": "https://www.example.org/parlons-francais",
        "phone": "02 41 00 00 25",
        "email": "parlons-francais@example.org",
        "reseaux_porteurs": [],
        "date_maj": "2026-09-03",
    },
    {
        "slug": "wimoov-angers",
        "name": "Wimoov Angers – plateforme mobilité",
        "kind": "association",
        "description": (
            "Conseil en mobilité pour les personnes en insertion : bilan mobilité, aide au "
            "permis de conduire, location solidaire de voitures et de scooters."
        ),
        "website": "https://www.wimoov.org",
        "phone": "02 41 00 00 26",
        "email": "wimoov-angers@example.org",
        "reseaux_porteurs": ["wimoov"],
        "date_maj": "2026-05-27",
    },
)

LIEUX = (
    {
        "slug": "relais-mairie-roseraie",
        "name": "Relais-Mairie de La Roseraie",
        "address": "4 rue André-Maurois",
        "postcode": "49100",
        "latitude": 47.44652,
        "longitude": -0.55431,
        "quartier": "roseraie",
        "step_free": True,
        "public_wifi": True,
        "free_computers": True,
        "caf_terminal": True,
        "printer_scanner": True,
        "access_notes": "Tram A, arrêt Roseraie, puis 3 minutes à pied. Entrée de plain-pied.",
        "hours": OFFICE_HOURS + ((5, "09:00", "12:00"),),
    },
    {
        "slug": "france-services-roseraie",
        "name": "France Services de La Roseraie",
        "address": "6 rue André-Maurois",
        "postcode": "49100",
        "latitude": 47.44631,
        "longitude": -0.55402,
        "quartier": "roseraie",
        "step_free": True,
        "public_wifi": True,
        "free_computers": True,
        "caf_terminal": False,
        "printer_scanner": True,
        "access_notes": "Tram A, arrêt Roseraie. À côté du Relais-Mairie, rez-de-chaussée.",
        "hours": (
            (0, "09:00", "12:30"),
            (0, "14:00", "17:30"),
            (1, "09:00", "12:30"),
            (1, "14:00", "17:30"),
            (2, "09:00", "12:30"),
            (2, "14:00", "17:30"),
            (3, "14:00", "18:30"),
            (4, "09:00", "12:30"),
            (4, "14:00", "16:30"),
        ),
    },
    {
        "slug": "centre-jean-vilar",
        "name": "Centre Jean Vilar",
        "address": "1 rue Jean-Vilar",
        "postcode": "49100",
        "latitude": 47.44795,
        "longitude": -0.55218,
        "quartier": "roseraie",
        "step_free": True,
        "public_wifi": True,
        "free_computers": True,
        "caf_terminal": False,
        "printer_scanner": True,
        "access_notes": "Tram A, arrêt Jean Vilar, en face de la station. Ascenseur.",
        "hours": tuple(
            slot for day in range(5) for slot in ((day, "09:00", "12:00"), (day, "14:00", "19:00"))
        )
        + ((5, "10:00", "12:30"),),
    },
    {
        "slug": "bibliotheque-roseraie",
        "name": "Bibliothèque de La Roseraie – espace numérique",
        "address": "3 rue Henri-Bergson",
        "postcode": "49100",
        "latitude": 47.44561,
        "longitude": -0.55612,
        "quartier": "roseraie",
        "step_free": True,
        "public_wifi": True,
        "free_computers": True,
        "caf_terminal": False,
        "printer_scanner": True,
        "access_notes": "Tram A, arrêt Roseraie. Espace numérique au rez-de-chaussée.",
        "hours": (
            (1, "14:00", "18:00"),
            (2, "10:00", "12:30"),
            (2, "14:00", "18:00"),
            (3, "14:00", "18:00"),
            (4, "14:00", "18:00"),
            (5, "10:00", "12:30"),
            (5, "14:00", "17:00"),
        ),
    },
    {
        "slug": "mds-angers-sud",
        "name": "Maison départementale des solidarités d'Angers Sud",
        "address": "15 rue Guillaume-Lekeu",
        "postcode": "49100",
        "latitude": 47.44498,
        "longitude": -0.55097,
        "quartier": "roseraie",
        "step_free": True,
        "public_wifi": False,
        "free_computers": False,
        "caf_terminal": False,
        "printer_scanner": False,
        "access_notes": "Bus 2, arrêt Lekeu. Salle d'attente de la PMI au rez-de-chaussée.",
        "hours": tuple(
            slot for day in range(5) for slot in ((day, "08:45", "12:15"), (day, "13:30", "17:15"))
        ),
    },
    {
        "slug": "centre-sante-roseraie",
        "name": "Centre de santé de La Roseraie",
        "address": "8 place de la Roseraie",
        "postcode": "49100",
        "latitude": 47.44718,
        "longitude": -0.55677,
        "quartier": "roseraie",
        "step_free": True,
        "public_wifi": False,
        "free_computers": False,
        "caf_terminal": False,
        "printer_scanner": False,
        "access_notes": "Tram A, arrêt Roseraie. Cabinet au premier étage, avec ascenseur.",
        "hours": tuple((day, "08:30", "19:00") for day in range(5)) + ((5, "09:00", "12:00"),),
    },
    {
        "slug": "local-associatif-maurois",
        "name": "Local associatif André-Maurois",
        "address": "10 rue André-Maurois",
        "postcode": "49100",
        "latitude": 47.44603,
        "longitude": -0.55476,
        "quartier": "roseraie",
        "step_free": False,
        "public_wifi": False,
        "free_computers": False,
        "caf_terminal": False,
        "printer_scanner": False,
        "access_notes": "Tram A, arrêt Roseraie. Entrée par la cour, trois marches.",
        "hours": ((1, "09:00", "12:00"), (3, "14:00", "17:00"), (4, "09:00", "12:00")),
    },
    {
        "slug": "agence-alh-roseraie",
        "name": "Agence Angers Loire Habitat de La Roseraie",
        "address": "20 avenue Jean-XXIII",
        "postcode": "49100",
        "latitude": 47.44912,
        "longitude": -0.55341,
        "quartier": "roseraie",
        "step_free": True,
        "public_wifi": False,
        "free_computers": False,
        "caf_terminal": False,
        "printer_scanner": False,
        "access_notes": "Tram A, arrêt Jean XXIII. Accueil au rez-de-chaussée.",
        "hours": tuple(
            slot
            for day in (0, 1, 3, 4)
            for slot in ((day, "08:30", "12:00"), (day, "13:30", "16:30"))
        ),
    },
    {
        "slug": "accueil-caf-angers",
        "name": "Accueil de la CAF de Maine-et-Loire",
        "address": "32 rue Louis-Gain",
        "postcode": "49100",
        "latitude": 47.46602,
        "longitude": -0.55711,
        "quartier": "centre-ville",
        "step_free": True,
        "public_wifi": True,
        "free_computers": True,
        "caf_terminal": True,
        "printer_scanner": True,
        "access_notes": "Tram A, arrêt Foch-Maison bleue, puis 5 minutes à pied.",
        "hours": tuple((day, "08:30", "16:30") for day in range(5)),
    },
    {
        "slug": "accueil-cpam-angers",
        "name": "Accueil de l'Assurance maladie d'Angers",
        "address": "15 boulevard du Roi-René",
        "postcode": "49100",
        "latitude": 47.46811,
        "longitude": -0.55288,
        "quartier": "centre-ville",
        "step_free": True,
        "public_wifi": True,
        "free_computers": True,
        "caf_terminal": False,
        "printer_scanner": False,
        "access_notes": "Tram A, arrêt Foch-Haras. Borne ameli dans le hall.",
        "hours": tuple((day, "08:30", "17:00") for day in range(5)),
    },
    {
        "slug": "agence-france-travail-angers-sud",
        "name": "Agence France Travail Angers Sud",
        "address": "40 rue de la Chalouère",
        "postcode": "49000",
        "latitude": 47.45436,
        "longitude": -0.53298,
        "quartier": "justices",
        "step_free": True,
        "public_wifi": True,
        "free_computers": True,
        "caf_terminal": False,
        "printer_scanner": True,
        "access_notes": "Bus 4, arrêt Chalouère. Accueil libre le matin, rendez-vous l'après-midi.",
        "hours": tuple(
            slot for day in range(4) for slot in ((day, "08:30", "12:30"), (day, "13:30", "16:30"))
        )
        + ((4, "08:30", "12:30"),),
    },
    {
        "slug": "mission-locale-imbach",
        "name": "Mission locale angevine – accueil Imbach",
        "address": "12 place Imbach",
        "postcode": "49100",
        "latitude": 47.47493,
        "longitude": -0.55352,
        "quartier": "centre-ville",
        "step_free": True,
        "public_wifi": True,
        "free_computers": True,
        "caf_terminal": False,
        "printer_scanner": True,
        "access_notes": "Tram A, arrêt Ralliement, puis 8 minutes à pied.",
        "hours": OFFICE_HOURS,
    },
    {
        "slug": "point-justice-monplaisir",
        "name": "Point-justice de Monplaisir",
        "address": "3 rue de Normandie",
        "postcode": "49000",
        "latitude": 47.48794,
        "longitude": -0.53562,
        "quartier": "monplaisir",
        "step_free": True,
        "public_wifi": False,
        "free_computers": False,
        "caf_terminal": False,
        "printer_scanner": False,
        "access_notes": "Tram B, arrêt Monplaisir. Bureau au rez-de-chaussée.",
        "hours": tuple(
            slot for day in range(5) for slot in ((day, "09:00", "12:00"), (day, "14:00", "17:00"))
        ),
    },
    {
        "slug": "centre-social-justices",
        "name": "Centre social des Justices",
        "address": "5 place des Justices",
        "postcode": "49000",
        "latitude": 47.45551,
        "longitude": -0.52934,
        "quartier": "justices",
        "step_free": True,
        "public_wifi": True,
        "free_computers": False,
        "caf_terminal": False,
        "printer_scanner": False,
        "access_notes": "Bus 4, arrêt Justices. Entrée côté parking.",
        "hours": tuple(
            slot for day in range(5) for slot in ((day, "09:00", "12:00"), (day, "13:30", "18:00"))
        ),
    },
    {
        "slug": "emmaus-connect-bressigny",
        "name": "Emmaüs Connect – point d'accueil d'Angers",
        "address": "21 rue Bressigny",
        "postcode": "49100",
        "latitude": 47.46886,
        "longitude": -0.54809,
        "quartier": "centre-ville",
        "step_free": True,
        "public_wifi": True,
        "free_computers": True,
        "caf_terminal": False,
        "printer_scanner": False,
        "access_notes": "Bus 1, arrêt Bressigny. Boutique sur rue.",
        "hours": ((1, "14:00", "18:00"), (2, "09:30", "12:30"), (3, "14:00", "18:00")),
    },
    {
        "slug": "secours-populaire-grand-pigeon",
        "name": "Secours populaire – local du Grand-Pigeon",
        "address": "18 rue du Grand-Pigeon",
        "postcode": "49000",
        "latitude": 47.47867,
        "longitude": -0.52796,
        "quartier": "grand-pigeon",
        "step_free": True,
        "public_wifi": False,
        "free_computers": False,
        "caf_terminal": False,
        "printer_scanner": False,
        "access_notes": "Bus 6, arrêt Grand-Pigeon. Local au fond de la cour, de plain-pied.",
        "hours": ((0, "14:00", "17:00"), (2, "09:00", "12:00"), (4, "14:00", "17:00")),
    },
    # Stops of the Mairie Bus: it comes on one or two half-days a week.
    {
        "slug": "bus-mairie-bamako",
        "name": "Bus Mairie – arrêt Bamako (La Roseraie)",
        "address": "Place Bamako",
        "postcode": "49100",
        "latitude": 47.44421,
        "longitude": -0.55215,
        "quartier": "roseraie",
        "itinerant": True,
        "step_free": True,
        "public_wifi": True,
        "free_computers": True,
        "caf_terminal": False,
        "printer_scanner": True,
        "access_notes": "Tram A, arrêt Roseraie. Le bus stationne sur la place, rampe d'accès.",
        "hours": ((1, "09:30", "12:00"), (3, "14:00", "16:30")),
    },
    {
        "slug": "bus-mairie-justices",
        "name": "Bus Mairie – arrêt place des Justices",
        "address": "Place des Justices",
        "postcode": "49000",
        "latitude": 47.45527,
        "longitude": -0.52981,
        "quartier": "justices",
        "itinerant": True,
        "step_free": True,
        "public_wifi": True,
        "free_computers": True,
        "caf_terminal": False,
        "printer_scanner": True,
        "access_notes": "Bus 4, arrêt Justices. Le bus stationne devant le centre social.",
        "hours": ((3, "09:30", "12:00"),),
    },
    {
        "slug": "bus-mairie-monplaisir",
        "name": "Bus Mairie – arrêt place de l'Europe (Monplaisir)",
        "address": "Place de l'Europe",
        "postcode": "49000",
        "latitude": 47.48655,
        "longitude": -0.53474,
        "quartier": "monplaisir",
        "itinerant": True,
        "step_free": True,
        "public_wifi": True,
        "free_computers": True,
        "caf_terminal": False,
        "printer_scanner": True,
        "access_notes": "Tram B, arrêt Monplaisir. Le bus stationne près du marché.",
        "hours": ((2, "09:30", "12:00"), (4, "14:00", "16:30")),
    },
    {
        "slug": "bus-mairie-belle-beille",
        "name": "Bus Mairie – arrêt Belle-Beille",
        "address": "Parking du centre Jacques-Tati",
        "postcode": "49000",
        "latitude": 47.47712,
        "longitude": -0.60012,
        "quartier": "belle-beille",
        "itinerant": True,
        "step_free": True,
        "public_wifi": True,
        "free_computers": True,
        "caf_terminal": False,
        "printer_scanner": True,
        "access_notes": "Tram B, arrêt Belle-Beille Campus, puis 5 minutes à pied.",
        "hours": ((0, "14:00", "16:30"),),
    },
)

BUS_STOPS = (
    "bus-mairie-bamako",
    "bus-mairie-justices",
    "bus-mairie-monplaisir",
    "bus-mairie-belle-beille",
)

SERVICES = (
    # --- CAF ---------------------------------------------------------------------------
    {
        "slug": "caf-rendez-vous-conseiller",
        "structure": "caf-maine-et-loire",
        "lieux": ["accueil-caf-angers", "france-services-roseraie"],
        "name": "Rendez-vous avec un conseiller de la CAF",
        "description": (
            "Un conseiller de la CAF fait le point sur votre dossier : changement de "
            "situation, trop-perçu, droits oubliés. Le rendez-vous a lieu à l'accueil de la "
            "CAF ou par visio à France Services de La Roseraie. Prenez rendez-vous sur caf.fr "
            "ou par téléphone."
        ),
        "falc_text": (
            "La CAF (Caisse d'allocations familiales) verse des aides.",
            "Un conseiller regarde votre dossier avec vous.",
            "Il regarde si vous avez toutes vos aides.",
            "Appelez pour prendre rendez-vous.",
            "Apportez votre numéro de la CAF.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
            "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
        ],
        "publics": ["tous-publics", "familles"],
        "conditions_acces": "Être allocataire de la CAF de Maine-et-Loire ou le devenir.",
        "modes_mobilisation": ["telephoner", "utiliser-lien-mobilisation"],
        "lien_mobilisation": "https://www.caf.fr/allocataires/mon-compte",
        "appointment_required": True,
        "languages": ["fr", "en"],
        "interpreter": True,
        "documents": [
            "Numéro d'allocataire",
            "Pièce d'identité",
            "Derniers courriers de la CAF",
        ],
        "phone": "02 41 00 00 31",
        "pro_contact": "Ligne des partenaires CAF : 02 41 00 00 91, partenaires-caf@example.org",
        "date_maj": "2026-10-14",
        "verifie_le": "2026-10-14",
    },
    {
        "slug": "caf-rsa-prime-activite",
        "structure": "caf-maine-et-loire",
        "lieux": ["france-services-roseraie", "accueil-caf-angers"],
        "name": "Demander le RSA ou la prime d'activité",
        "description": (
            "Le revenu de solidarité active (RSA) complète les ressources des personnes sans "
            "revenu ou avec de faibles revenus ; la prime d'activité complète les petits "
            "salaires. La demande se fait en ligne sur caf.fr : un agent vous aide à faire la "
            "simulation et à remplir le formulaire."
        ),
        "falc_text": (
            "La CAF (Caisse d'allocations familiales) verse des aides.",
            "Le RSA (un revenu minimum) aide les personnes avec peu d'argent.",
            "La prime d'activité aide les personnes avec un petit salaire.",
            "Un agent vous aide à faire la demande sur internet.",
            "Apportez vos fiches de paie des 3 derniers mois.",
        ),
        "type": "aide-financiere",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
            "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
        ],
        "publics": ["beneficiaires-des-minimas-sociaux", "actifs", "demandeurs-emploi"],
        "conditions_acces": (
            "Avoir 25 ans ou plus (ou moins avec un enfant), résider en France, ressources "
            "sous un plafond."
        ),
        "modes_mobilisation": ["se-presenter", "utiliser-lien-mobilisation"],
        "lien_mobilisation": "https://www.caf.fr/allocataires/aides-et-demarches",
        "languages": ["fr", "ar"],
        "documents": [
            "Pièce d'identité ou titre de séjour",
            "Relevé d'identité bancaire (RIB)",
            "Fiches de paie des 3 derniers mois",
            "Numéro de sécurité sociale",
        ],
        "date_maj": "2026-09-22",
        "verifie_le": "2026-09-22",
    },
    {
        "slug": "caf-aide-au-logement",
        "structure": "caf-maine-et-loire",
        "lieux": ["accueil-caf-angers", "relais-mairie-roseraie"],
        "name": "Aide au logement (APL, ALS, ALF)",
        "description": (
            "Les aides personnelles au logement réduisent le loyer des locataires et des "
            "résidents de foyer. La demande se fait en ligne dès l'entrée dans le logement ; la "
            "borne CAF du Relais-Mairie permet de la faire avec l'aide d'un agent."
        ),
        "falc_text": (
            "L'APL (aide au logement) aide à payer le loyer.",
            "La CAF (Caisse d'allocations familiales) verse cette aide.",
            "Faites la demande dès votre arrivée dans le logement.",
            "Un agent du Relais-Mairie vous aide sur la borne.",
        ),
        "type": "aide-financiere",
        "thematiques": [
            "logement-hebergement--louer-un-logement",
            "logement-hebergement--se-maintenir-dans-le-logement",
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
        ],
        "publics": ["tous-publics", "familles", "jeunes", "etudiants"],
        "conditions_acces": "Être locataire ou résident d'un foyer ; ressources sous un plafond.",
        "modes_mobilisation": ["se-presenter", "utiliser-lien-mobilisation"],
        "lien_mobilisation": "https://www.caf.fr/allocataires/aides-et-demarches",
        "languages": ["fr"],
        "documents": [
            "Bail ou contrat de location",
            "Relevé d'identité bancaire (RIB)",
            "Montant du loyer",
            "Numéro de sécurité sociale",
        ],
        "date_maj": "2026-08-30",
        "verifie_le": "2026-08-30",
    },
    # --- Assurance maladie --------------------------------------------------------------
    {
        "slug": "cpam-accueil-rendez-vous",
        "structure": "cpam-maine-et-loire",
        "lieux": ["accueil-cpam-angers"],
        "name": "Accueil de l'Assurance maladie sur rendez-vous",
        "description": (
            "Un conseiller de l'Assurance maladie (CPAM) reçoit sur rendez-vous pour les "
            "remboursements, les arrêts de travail, l'ouverture des droits à la sécurité "
            "sociale et les changements de situation. Rendez-vous sur ameli.fr ou au 36 46."
        ),
        "falc_text": (
            "L'Assurance maladie rembourse vos soins.",
            "Un conseiller répond à vos questions.",
            "Il parle de vos remboursements et de votre arrêt de travail.",
            "Prenez rendez-vous sur ameli.fr ou par téléphone.",
            "Apportez votre carte Vitale.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "sante--acces-aux-soins",
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
        ],
        "publics": ["tous-publics"],
        "modes_mobilisation": ["telephoner", "utiliser-lien-mobilisation"],
        "lien_mobilisation": "https://www.ameli.fr",
        "appointment_required": True,
        "languages": ["fr", "en", "es"],
        "interpreter": True,
        "documents": ["Carte Vitale", "Pièce d'identité", "Relevé d'identité bancaire (RIB)"],
        "phone": "02 41 00 00 32",
        "pro_contact": "Référente partenaires CPAM : 02 41 00 00 92, partenaires-cpam@example.org",
        "date_maj": "2026-09-05",
        "verifie_le": "2026-09-05",
    },
    {
        "slug": "complementaire-sante-solidaire",
        "structure": "cpam-maine-et-loire",
        "lieux": ["france-services-roseraie", "accueil-cpam-angers"],
        "name": "Demander la complémentaire santé solidaire",
        "description": (
            "La complémentaire santé solidaire remplace la mutuelle des personnes aux revenus "
            "modestes : elle est gratuite ou coûte moins d'un euro par jour. Un agent aide à "
            "faire la demande sur ameli.fr ou à remplir le formulaire papier."
        ),
        "falc_text": (
            "La complémentaire santé solidaire remplace la mutuelle.",
            "Elle est gratuite ou coûte moins de 1 euro par jour.",
            "Elle paie ce que la sécurité sociale laisse à payer.",
            "Un agent vous aide à faire la demande.",
            "Apportez vos revenus des 12 derniers mois.",
        ),
        "type": "aide-financiere",
        "thematiques": [
            "sante--acces-aux-soins",
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
        ],
        "publics": ["tous-publics", "beneficiaires-des-minimas-sociaux", "seniors"],
        "conditions_acces": "Ressources des 12 derniers mois sous un plafond.",
        "modes_mobilisation": ["se-presenter", "utiliser-lien-mobilisation"],
        "lien_mobilisation": "https://www.ameli.fr/assure/droits-demarches",
        "languages": ["fr", "ar", "tr"],
        "documents": [
            "Carte Vitale",
            "Avis d'imposition",
            "Justificatifs de ressources des 12 derniers mois",
        ],
        "date_maj": "2026-10-01",
        "verifie_le": "2026-10-01",
    },
    {
        "slug": "ameli-compte-carte-vitale",
        "structure": "cpam-maine-et-loire",
        "lieux": ["france-services-roseraie", "bibliotheque-roseraie"],
        "name": "Créer son compte ameli et commander sa carte Vitale",
        "description": (
            "Aide pour créer son compte ameli, télécharger une attestation de droits, suivre "
            "ses remboursements et commander ou remplacer sa carte Vitale. L'application carte "
            "Vitale sur téléphone peut être activée sur place."
        ),
        "falc_text": (
            "Le compte ameli est le site de l'Assurance maladie.",
            "Vous y voyez vos remboursements.",
            "Vous pouvez commander une nouvelle carte Vitale.",
            "Un agent vous aide à créer votre compte.",
            "Venez avec votre téléphone et votre adresse mail.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "numerique--acceder-a-des-services-en-ligne",
            "sante--acces-aux-soins",
        ],
        "publics": ["tous-publics", "seniors"],
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr", "ar", "ru", "uk"],
        "documents": [
            "Carte Vitale ou numéro de sécurité sociale",
            "Téléphone portable",
            "Adresse e-mail et son mot de passe",
            "Photo d'identité pour une nouvelle carte",
        ],
        "date_maj": "2026-07-07",
        "verifie_le": "2026-07-07",
    },
    {
        "slug": "examen-prevention-sante",
        "structure": "cpam-maine-et-loire",
        "lieux": ["accueil-cpam-angers"],
        "name": "Examen de prévention santé (bilan de santé gratuit)",
        "description": (
            "Un bilan de santé complet et gratuit pour les assurés qui n'ont pas de suivi "
            "médical régulier : prise de sang, vue, audition, dents, vaccins. Il dure une "
            "matinée et se fait à jeun, sur rendez-vous."
        ),
        "falc_text": (
            "Le bilan de santé est gratuit.",
            "Un médecin vérifie votre santé en une matinée.",
            "Venez le matin sans manger.",
            "Prenez rendez-vous par téléphone.",
        ),
        "type": "accompagnement",
        "thematiques": ["sante--acces-aux-soins"],
        "publics": ["tous-publics", "beneficiaires-des-minimas-sociaux", "jeunes"],
        "conditions_acces": "Être assuré au régime général, à partir de 16 ans.",
        "modes_mobilisation": ["telephoner"],
        "appointment_required": True,
        "languages": ["fr"],
        "interpreter": True,
        "documents": ["Carte Vitale", "Carnet de vaccination", "Lunettes si vous en portez"],
        "phone": "02 41 00 00 33",
        "hours": ((1, "08:00", "12:00"), (3, "08:00", "12:00")),
        "date_maj": "2025-03-04",
        "verifie_le": "2025-03-04",
    },
    # --- Ville d'Angers : Relais-Mairie et Bus Mairie -----------------------------------
    {
        "slug": "carte-identite-passeport",
        "structure": "relais-mairie-roseraie",
        "lieux": ["relais-mairie-roseraie"],
        "name": "Carte d'identité et passeport",
        "description": (
            "Dépôt des demandes de carte nationale d'identité et de passeport, et remise des "
            "titres. Faites d'abord la pré-demande en ligne sur le site de l'ANTS (l'agent peut "
            "vous y aider), puis prenez rendez-vous. Le passeport demande un timbre fiscal."
        ),
        "falc_text": (
            "Vous pouvez demander une carte d'identité ou un passeport.",
            "L'ANTS (Agence nationale des titres sécurisés) fait ces papiers.",
            "D'abord, faites la demande sur le site de l'ANTS.",
            "Un agent peut vous aider.",
            "Ensuite, prenez rendez-vous au Relais-Mairie.",
            "Le passeport est payant : achetez un timbre.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        ],
        "publics": ["tous-publics"],
        "frais": "payant",
        "frais_precisions": (
            "Carte d'identité gratuite, 25 € en cas de perte ; passeport adulte 86 € en "
            "timbre fiscal."
        ),
        "modes_mobilisation": ["telephoner", "utiliser-lien-mobilisation"],
        "lien_mobilisation": "https://ants.gouv.fr",
        "appointment_required": True,
        "languages": ["fr"],
        "documents": [
            "Numéro de pré-demande ANTS",
            "Photo d'identité de moins de 6 mois",
            "Justificatif de domicile de moins d'un an",
            "Ancienne carte ou ancien passeport",
            "Timbre fiscal pour le passeport",
        ],
        "phone": "02 41 00 00 34",
        "date_maj": "2026-10-02",
        "verifie_le": "2026-10-02",
    },
    {
        "slug": "relais-mairie-accueil-orientation",
        "structure": "relais-mairie-roseraie",
        "lieux": ["relais-mairie-roseraie"],
        "name": "Accueil, information et orientation du Relais-Mairie",
        "description": (
            "Le premier accueil de la Ville dans le quartier : un agent écoute votre question, "
            "vous aide pour une démarche simple et vous oriente vers le bon partenaire. Borne "
            "CAF, ordinateurs et imprimante en libre accès."
        ),
        "falc_text": (
            "Vous cherchez de l'aide pour une démarche ?",
            "Venez au Relais-Mairie.",
            "Un agent écoute votre question.",
            "Il vous aide ou il vous dit où aller.",
            "Venez sans rendez-vous.",
        ),
        "type": "information",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        ],
        "publics": ["tous-publics", "residents-qpv-frr"],
        "modes_mobilisation": ["se-presenter", "telephoner"],
        "languages": ["fr", "ar", "ber"],
        "documents": ["Les courriers que vous avez reçus"],
        "pro_contact": "Responsable de l'accueil : 02 41 00 00 93, accueil-roseraie@example.org",
        "date_maj": "2026-11-02",
        "verifie_le": "2026-11-02",
    },
    {
        "slug": "etat-civil-actes",
        "structure": "relais-mairie-roseraie",
        "lieux": ["relais-mairie-roseraie"],
        "name": "Actes d'état civil et livret de famille",
        "description": (
            "Demande d'actes de naissance, de mariage ou de décès, mise à jour du livret de "
            "famille, légalisation de signature et attestation d'accueil. Les actes peuvent "
            "aussi être demandés en ligne sur angers.fr."
        ),
        "falc_text": (
            "L'acte de naissance prouve votre naissance.",
            "Le Relais-Mairie vous donne des actes de naissance et de mariage.",
            "Il met à jour votre livret de famille.",
            "Apportez votre pièce d'identité.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        ],
        "publics": ["tous-publics", "familles"],
        "modes_mobilisation": ["se-presenter", "utiliser-lien-mobilisation"],
        "lien_mobilisation": "https://www.angers.fr",
        "languages": ["fr"],
        "documents": ["Pièce d'identité", "Livret de famille"],
        "date_maj": "2025-06-17",
        "verifie_le": "2025-06-17",
    },
    {
        "slug": "demarches-apres-deces",
        "structure": "relais-mairie-roseraie",
        "lieux": ["relais-mairie-roseraie"],
        "name": "Démarches après un décès",
        "description": (
            "Déclaration du décès, actes de décès, information sur les obsèques et aide pour "
            "prévenir la CAF, l'Assurance maladie, la caisse de retraite et la banque. Un agent "
            "remet la liste des démarches dans l'ordre et oriente vers le CCAS pour une aide aux "
            "frais d'obsèques."
        ),
        "falc_text": (
            "Un proche est mort.",
            "Un agent vous aide pour les démarches.",
            "Il vous donne l'acte de décès.",
            "Il vous donne la liste des démarches à faire.",
            "Apportez le livret de famille et le certificat du médecin.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
            "famille--soutien-aidants",
        ],
        "publics": ["tous-publics", "familles"],
        "modes_mobilisation": ["se-presenter", "telephoner"],
        "languages": ["fr", "ar"],
        "documents": [
            "Certificat de décès du médecin",
            "Livret de famille",
            "Pièce d'identité de la personne décédée",
            "Votre pièce d'identité",
        ],
        "phone": "02 41 00 00 34",
        "date_maj": "2026-06-08",
        "verifie_le": "2026-06-08",
    },
    {
        "slug": "listes-electorales-recensement",
        "structure": "relais-mairie-roseraie",
        "lieux": ["relais-mairie-roseraie", "bus-mairie-bamako"],
        "name": "Inscription sur les listes électorales et recensement citoyen",
        "description": (
            "Inscription sur les listes électorales pour voter, changement d'adresse de vote "
            "et recensement des jeunes de 16 ans, obligatoire pour passer le permis et les "
            "examens."
        ),
        "falc_text": (
            "Pour voter, inscrivez-vous sur les listes électorales.",
            "À 16 ans, les jeunes vont à la mairie.",
            "C'est le recensement.",
            "Il sert pour passer le permis de conduire.",
            "Apportez une pièce d'identité et une facture à votre adresse.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete",
        ],
        "publics": ["tous-publics", "jeunes"],
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr"],
        "documents": ["Pièce d'identité", "Justificatif de domicile de moins de 3 mois"],
        "date_maj": "2026-01-12",
        "verifie_le": "2026-01-12",
    },
    {
        "slug": "creche-mode-de-garde",
        "structure": "relais-mairie-roseraie",
        "lieux": ["relais-mairie-roseraie", "centre-jean-vilar"],
        "name": "Trouver une crèche ou une assistante maternelle",
        "description": (
            "Le Relais petite enfance informe les parents sur les modes de garde : crèches "
            "municipales, assistantes maternelles, aides de la CAF. Il enregistre les demandes "
            "de place en crèche et donne la liste des assistantes maternelles disponibles."
        ),
        "falc_text": (
            "Vous cherchez une personne pour garder votre enfant ?",
            "La crèche garde les enfants de moins de 3 ans.",
            "Une assistante maternelle garde les enfants chez elle.",
            "Une animatrice vous aide à choisir.",
            "La CAF (Caisse d'allocations familiales) peut aider à payer.",
        ),
        "type": "information",
        "thematiques": [
            "famille--garde-denfants",
            "famille--soutien-a-la-parentalite-et-a-leducation",
        ],
        "publics": ["familles"],
        "modes_mobilisation": ["telephoner", "se-presenter"],
        "appointment_required": True,
        "languages": ["fr", "en"],
        "documents": ["Livret de famille", "Dernier avis d'imposition", "Numéro d'allocataire CAF"],
        "phone": "02 41 00 00 35",
        "hours": ((1, "13:30", "17:00"), (3, "09:00", "12:00")),
        "date_maj": "2026-08-19",
        "verifie_le": "2026-08-19",
    },
    {
        "slug": "bus-mairie-demarches",
        "structure": "bus-mairie-angers",
        "lieux": list(BUS_STOPS),
        "name": "Bus Mairie : démarches et papiers près de chez vous",
        "description": (
            "Le Bus Mairie s'arrête chaque semaine dans les quartiers. Un agent de la Ville "
            "répond aux questions, aide à remplir les formulaires, remet des dossiers et "
            "oriente vers le bon service. Sans rendez-vous."
        ),
        "falc_text": (
            "Le Bus Mairie vient dans votre quartier.",
            "Un agent de la mairie est dans le bus.",
            "Il vous aide à remplir vos papiers.",
            "Venez sans rendez-vous.",
            "Regardez les jours et les heures du bus.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
        ],
        "publics": ["tous-publics", "residents-qpv-frr", "seniors"],
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr", "ar", "tr"],
        "documents": ["Les courriers que vous avez reçus", "Pièce d'identité"],
        "pro_contact": "Coordination du Bus Mairie : 02 41 00 00 94, bus-mairie-pro@example.org",
        "date_maj": "2026-11-04",
        "verifie_le": "2026-11-04",
    },
    {
        "slug": "bus-mairie-aide-numerique",
        "structure": "bus-mairie-angers",
        "lieux": ["bus-mairie-bamako", "bus-mairie-monplaisir", "bus-mairie-justices"],
        "name": "Bus Mairie : aide numérique (ANTS, carte grise, permis)",
        "description": (
            "Un conseiller numérique à bord du Bus Mairie aide à faire les démarches en ligne : "
            "carte grise et permis de conduire sur le site de l'ANTS, pré-demande de carte "
            "d'identité, création d'une adresse e-mail. Ordinateurs et imprimante dans le bus."
        ),
        "falc_text": (
            "Un conseiller numérique est dans le Bus Mairie.",
            "Il vous aide à faire vos démarches sur internet.",
            "Par exemple la carte grise ou le permis de conduire.",
            "Le bus a des ordinateurs et une imprimante.",
            "Venez avec vos codes et votre téléphone.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "numerique--acceder-a-des-services-en-ligne",
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
            "mobilite--acceder-a-un-vehicule",
        ],
        "publics": ["tous-publics", "seniors"],
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr", "ar"],
        "documents": [
            "Pièce d'identité",
            "Téléphone portable",
            "Adresse e-mail et son mot de passe",
            "Certificat de cession pour une carte grise",
        ],
        "date_maj": "2026-11-04",
        "verifie_le": "2026-11-04",
    },
    # --- France Services ----------------------------------------------------------------
    {
        "slug": "france-services-accueil",
        "structure": "france-services-roseraie",
        "lieux": ["france-services-roseraie"],
        "name": "France Services : aide pour toutes vos démarches",
        "description": (
            "Deux agents France Services aident pour les démarches des principaux services "
            "publics : CAF, Assurance maladie, retraite, impôts, France Travail, ANTS, "
            "justice. Ils expliquent un courrier, aident à remplir un dossier en ligne et "
            "prennent contact avec l'organisme si besoin."
        ),
        "falc_text": (
            "France Services aide pour toutes les démarches.",
            "Par exemple la CAF (Caisse d'allocations familiales) ou les impôts.",
            "Un agent vous explique vos courriers.",
            "Il vous aide à faire vos démarches sur internet.",
            "Venez sans rendez-vous ou appelez avant.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
            "numerique--acceder-a-des-services-en-ligne",
        ],
        "publics": ["tous-publics"],
        "modes_mobilisation": ["se-presenter", "telephoner"],
        "languages": ["fr", "en", "ar", "ru"],
        "interpreter": True,
        "documents": [
            "Pièce d'identité",
            "Les courriers que vous avez reçus",
            "Vos identifiants et mots de passe",
        ],
        "phone": "02 41 00 00 08",
        "email": "france-services-roseraie@example.org",
        "pro_contact": "Animatrice France Services : 02 41 00 00 95, fs-roseraie-pro@example.org",
        "date_maj": "2026-11-02",
        "verifie_le": "2026-11-02",
    },
    {
        "slug": "titres-ants-carte-grise-permis",
        "structure": "france-services-roseraie",
        "lieux": ["france-services-roseraie"],
        "name": "Carte grise et permis de conduire sur le site de l'ANTS",
        "description": (
            "Toutes les démarches de carte grise (certificat d'immatriculation) et de permis "
            "de conduire se font sur le site de l'Agence nationale des titres sécurisés. Un "
            "agent vous accompagne pas à pas : changement de titulaire, changement d'adresse, "
            "inscription au permis, permis perdu ou volé."
        ),
        "falc_text": (
            "Vous achetez une voiture ?",
            "Il faut une carte grise à votre nom.",
            "L'ANTS (Agence nationale des titres sécurisés) fait les cartes grises.",
            "La demande se fait sur son site internet.",
            "Un agent vous aide à faire la demande.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "mobilite--acceder-a-un-vehicule",
            "mobilite--preparer-un-permis",
            "numerique--acceder-a-des-services-en-ligne",
        ],
        "publics": ["tous-publics"],
        "frais": "payant",
        "frais_precisions": "Taxe régionale de la carte grise à payer en ligne par carte bancaire.",
        "modes_mobilisation": ["se-presenter", "telephoner"],
        "lien_mobilisation": "https://ants.gouv.fr",
        "languages": ["fr"],
        "documents": [
            "Pièce d'identité",
            "Justificatif de domicile",
            "Ancienne carte grise barrée et signée",
            "Certificat de cession",
            "Carte bancaire",
        ],
        "date_maj": "2026-09-18",
        "verifie_le": "2026-09-18",
    },
    {
        "slug": "titre-de-sejour-anef",
        "structure": "france-services-roseraie",
        "lieux": ["france-services-roseraie"],
        "name": "Titre de séjour : préparer sa demande en ligne",
        "description": (
            "Les demandes et renouvellements de titre de séjour se font sur le site de "
            "l'Administration numérique pour les étrangers en France (ANEF). Un agent aide à "
            "créer le compte, à numériser les pièces et à suivre la demande. Interprète "
            "possible sur rendez-vous."
        ),
        "falc_text": (
            "Votre titre de séjour finit bientôt ?",
            "Faites la demande sur le site ANEF (le site pour les étrangers).",
            "Un agent vous aide à faire la demande.",
            "Venez 4 mois avant la fin de votre titre.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete",
            "numerique--acceder-a-des-services-en-ligne",
        ],
        "publics": ["personnes-exilees"],
        "modes_mobilisation": ["telephoner", "se-presenter"],
        "appointment_required": True,
        "languages": ["fr", "en", "ar", "fa", "ps", "ti"],
        "interpreter": True,
        "documents": [
            "Titre de séjour actuel ou récépissé",
            "Passeport",
            "Justificatif de domicile",
            "3 photos d'identité",
            "Adresse e-mail et son mot de passe",
        ],
        "phone": "02 41 00 00 36",
        "hours": ((0, "14:00", "17:30"), (2, "09:00", "12:30")),
        "date_maj": "2026-10-06",
        "verifie_le": "2026-10-06",
    },
    {
        "slug": "impots-declaration-revenus",
        "structure": "france-services-roseraie",
        "lieux": ["france-services-roseraie"],
        "name": "Déclarer ses revenus et comprendre son avis d'impôt",
        "description": (
            "Aide pour créer son espace sur impots.gouv.fr, déclarer ses revenus, comprendre "
            "son avis d'impôt ou de taxe foncière et modifier son taux de prélèvement à la "
            "source. La déclaration est utile même sans impôt à payer : elle ouvre les droits "
            "aux aides."
        ),
        "falc_text": (
            "Chaque année, il faut déclarer ses revenus.",
            "C'est important pour recevoir les aides.",
            "Un agent vous aide à faire la déclaration.",
            "Il vous explique votre avis d'impôt.",
            "Apportez votre numéro fiscal et vos fiches de paie.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
            "difficultes-financieres--ameliorer-sa-gestion-budgetaire",
        ],
        "publics": ["tous-publics"],
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr", "ar"],
        "documents": [
            "Numéro fiscal (sur le dernier avis d'impôt)",
            "Fiches de paie ou attestations de la CAF et de France Travail",
            "Dernier avis d'impôt",
        ],
        "date_maj": "2026-04-14",
        "verifie_le": "2026-04-14",
    },
    {
        "slug": "permanence-finances-publiques",
        "structure": "finances-publiques-angers",
        "lieux": ["france-services-roseraie"],
        "name": "Permanence des Finances publiques (impôts)",
        "description": (
            "Un agent des Finances publiques reçoit sur rendez-vous pour les situations "
            "complexes : réclamation, délai de paiement, remise gracieuse, changement de "
            "situation familiale. Rendez-vous à prendre auprès de France Services."
        ),
        "falc_text": (
            "Vous avez un problème avec vos impôts ?",
            "Un agent des impôts vient à France Services.",
            "Il vient le mardi matin.",
            "Prenez rendez-vous à l'accueil de France Services.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        ],
        "publics": ["tous-publics"],
        "modes_mobilisation": ["telephoner", "se-presenter"],
        "appointment_required": True,
        "languages": ["fr"],
        "documents": ["Avis d'impôt concerné", "Pièce d'identité", "Courriers des impôts"],
        "phone": "02 41 00 00 08",
        "hours": ((1, "09:00", "12:00"),),
        "date_maj": "2024-12-10",
        "verifie_le": "2024-12-10",
    },
    {
        "slug": "preparer-sa-retraite",
        "structure": "carsat-pays-de-la-loire",
        "lieux": ["france-services-roseraie"],
        "name": "Préparer sa retraite et demander sa pension",
        "description": (
            "Un conseiller retraite de la Carsat vérifie le relevé de carrière, estime le "
            "montant de la pension et aide à faire la demande de retraite en ligne, 6 mois "
            "avant la date de départ. Aussi : pension de réversion après un décès."
        ),
        "falc_text": (
            "Vous allez bientôt partir à la retraite ?",
            "Un conseiller de la caisse de retraite vous reçoit.",
            "Il vérifie les années où vous avez travaillé.",
            "Il vous aide à demander votre retraite.",
            "Faites la demande 6 mois avant votre départ.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
            "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
        ],
        "publics": ["seniors", "actifs"],
        "modes_mobilisation": ["telephoner", "utiliser-lien-mobilisation"],
        "lien_mobilisation": "https://www.lassuranceretraite.fr",
        "appointment_required": True,
        "languages": ["fr", "pt"],
        "documents": [
            "Relevé de carrière",
            "Pièce d'identité",
            "Fiches de paie des périodes manquantes",
            "Relevé d'identité bancaire (RIB)",
        ],
        "phone": "02 41 00 00 37",
        "hours": ((3, "14:00", "17:00"),),
        "date_maj": "2026-05-21",
        "verifie_le": "2026-05-21",
    },
    # --- Emploi -------------------------------------------------------------------------
    {
        "slug": "france-travail-inscription",
        "structure": "france-travail-angers",
        "lieux": ["agence-france-travail-angers-sud", "france-services-roseraie"],
        "name": "S'inscrire à France Travail et toucher l'allocation chômage",
        "description": (
            "Inscription comme demandeur d'emploi, demande d'allocation chômage (aide au retour "
            "à l'emploi), actualisation mensuelle et suivi du dossier. L'inscription se fait en "
            "ligne ; un agent aide sur place si besoin."
        ),
        "falc_text": (
            "Vous avez perdu votre travail ?",
            "Inscrivez-vous à France Travail.",
            "France Travail peut vous verser une allocation chômage.",
            "Chaque mois, déclarez votre situation sur internet.",
            "Un agent vous aide à vous inscrire.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "trouver-un-emploi--repondre-a-des-offres-demploi",
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
        ],
        "publics": ["demandeurs-emploi"],
        "modes_mobilisation": ["se-presenter", "utiliser-lien-mobilisation"],
        "lien_mobilisation": "https://www.francetravail.fr",
        "languages": ["fr", "en"],
        "documents": [
            "Pièce d'identité ou titre de séjour",
            "Attestation employeur",
            "Relevé d'identité bancaire (RIB)",
            "Curriculum vitae si vous en avez un",
        ],
        "phone": "02 41 00 00 38",
        "pro_contact": "Correspondante partenaires : 02 41 00 00 96, ft-angers-pro@example.org",
        "date_maj": "2026-10-20",
        "verifie_le": "2026-10-20",
    },
    {
        "slug": "france-travail-conseiller-quartier",
        "structure": "france-travail-angers",
        "lieux": ["centre-jean-vilar"],
        "name": "Un conseiller France Travail au centre Jean Vilar",
        "description": (
            "Chaque lundi après-midi, un conseiller France Travail reçoit sans rendez-vous au "
            "centre Jean Vilar : questions sur l'inscription, offres d'emploi du quartier, "
            "formations et aides à la reprise d'emploi."
        ),
        "falc_text": (
            "Vous cherchez un emploi ?",
            "Un conseiller France Travail vient au centre Jean Vilar.",
            "Il vient le lundi après-midi.",
            "Il répond à vos questions sur l'emploi.",
            "Venez sans rendez-vous.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "trouver-un-emploi--repondre-a-des-offres-demploi",
            "choisir-un-metier--connaitre-les-opportunites-demploi",
        ],
        "publics": ["demandeurs-emploi", "residents-qpv-frr"],
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr"],
        "documents": ["Identifiant France Travail", "Curriculum vitae si vous en avez un"],
        "hours": ((0, "14:00", "17:00"),),
        "date_maj": "2026-09-29",
        "verifie_le": "2026-09-29",
    },
    {
        "slug": "atelier-cv-lettre-motivation",
        "structure": "france-travail-angers",
        "lieux": ["agence-france-travail-angers-sud"],
        "name": "Atelier CV et lettre de motivation",
        "description": (
            "Un atelier collectif de deux heures pour écrire ou améliorer son CV et sa lettre "
            "de motivation, avec des exemples et des outils en ligne. Places limitées : "
            "inscription auprès de son conseiller ou de l'accueil."
        ),
        "falc_text": (
            "Le CV (curriculum vitae) présente votre parcours.",
            "Dans l'atelier, vous écrivez votre CV.",
            "Vous écrivez aussi une lettre pour les employeurs.",
            "L'atelier dure 2 heures.",
            "Inscrivez-vous à l'accueil de France Travail.",
        ),
        "type": "atelier",
        "thematiques": [
            "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
            "preparer-sa-candidature--valoriser-ses-competences",
        ],
        "publics": ["demandeurs-emploi", "jeunes"],
        "modes_mobilisation": ["se-presenter", "telephoner"],
        "appointment_required": True,
        "languages": ["fr"],
        "documents": ["Clé USB", "Ancien CV si vous en avez un", "Offre d'emploi visée"],
        "hours": ((2, "09:30", "11:30"),),
        "date_maj": "2026-08-25",
        "verifie_le": "2026-08-25",
    },
    {
        "slug": "mission-locale-accueil-jeunes",
        "structure": "mission-locale-angevine",
        "lieux": ["mission-locale-imbach", "centre-jean-vilar"],
        "name": "Mission locale : emploi, formation et logement des 16–25 ans",
        "description": (
            "Un conseiller suit le jeune dans la durée : trouver une formation ou un "
            "apprentissage, chercher un emploi, passer le permis, trouver un logement, se "
            "soigner. Permanence sans rendez-vous le mercredi après-midi au centre Jean Vilar."
        ),
        "falc_text": (
            "Vous avez entre 16 et 25 ans ?",
            "Vous avez quitté l'école ?",
            "La Mission locale vous aide à trouver un travail.",
            "Elle vous aide aussi pour une formation ou un logement.",
            "Le mercredi après-midi, un conseiller vient à Jean Vilar.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "se-former--trouver-sa-formation",
            "trouver-un-emploi--repondre-a-des-offres-demploi",
            "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
        ],
        "publics": ["jeunes"],
        "conditions_acces": "Avoir entre 16 et 25 ans et ne plus être scolarisé.",
        "modes_mobilisation": ["se-presenter", "telephoner"],
        "languages": ["fr", "en", "ar"],
        "documents": ["Pièce d'identité", "Justificatif de domicile", "Carte Vitale"],
        "phone": "02 41 00 00 07",
        "pro_contact": "Conseillère référente Roseraie : 02 41 00 00 97, mla-roseraie@example.org",
        "date_maj": "2026-09-30",
        "verifie_le": "2026-09-30",
    },
    {
        "slug": "contrat-engagement-jeune",
        "structure": "mission-locale-angevine",
        "lieux": ["mission-locale-imbach"],
        "name": "Contrat d'engagement jeune (CEJ)",
        "description": (
            "Un accompagnement intensif de 6 à 12 mois, 15 à 20 heures par semaine : ateliers, "
            "stages, formation, mises en situation professionnelle. Le jeune peut recevoir une "
            "allocation jusqu'à 545 € par mois selon ses ressources."
        ),
        "falc_text": (
            "Le CEJ (contrat d'engagement jeune) aide à trouver un emploi.",
            "Vous êtes suivi par un conseiller pendant 6 à 12 mois.",
            "Vous faites des ateliers et des stages.",
            "Vous pouvez recevoir de l'argent chaque mois.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "preparer-sa-candidature--valoriser-ses-competences",
            "se-former--trouver-sa-formation",
            "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
        ],
        "publics": ["jeunes"],
        "conditions_acces": "Avoir entre 16 et 25 ans (29 ans avec un handicap), sans emploi.",
        "modes_mobilisation": ["telephoner", "se-presenter"],
        "appointment_required": True,
        "languages": ["fr"],
        "documents": [
            "Pièce d'identité",
            "Relevé d'identité bancaire (RIB)",
            "Justificatif de domicile",
        ],
        "phone": "02 41 00 00 07",
        "date_maj": "2026-07-16",
        "verifie_le": "2026-07-16",
    },
    {
        "slug": "stage-decouverte-metier",
        "structure": "mission-locale-angevine",
        "lieux": ["mission-locale-imbach"],
        "name": "Trouver un stage et découvrir un métier",
        "description": (
            "Aide pour trouver un stage d'observation ou une période de mise en situation en "
            "milieu professionnel (PMSMP) dans une entreprise angevine, pour découvrir un "
            "métier avant de choisir une formation."
        ),
        "falc_text": (
            "Vous voulez découvrir un métier ?",
            "La Mission locale vous aide à trouver un stage.",
            "Vous allez quelques jours dans une entreprise.",
            "Vous voyez si le métier vous plaît.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
            "choisir-un-metier--confirmer-son-choix-de-metier",
        ],
        "publics": ["jeunes"],
        "modes_mobilisation": ["telephoner", "se-presenter"],
        "languages": ["fr"],
        "documents": ["Curriculum vitae", "Carte Vitale", "Attestation d'assurance"],
        "date_maj": "2025-09-30",
        "verifie_le": "2025-09-30",
    },
    # --- Solidarités : CCAS, Département --------------------------------------------------
    {
        "slug": "ccas-aide-urgence",
        "structure": "ccas-angers",
        "lieux": ["relais-mairie-roseraie"],
        "name": "Aides financières d'urgence du CCAS",
        "description": (
            "Le CCAS peut accorder une aide ponctuelle pour faire face à une dépense "
            "imprévue : alimentation, énergie, frais de santé, frais d'obsèques. La demande "
            "est étudiée avec un travailleur social, sur rendez-vous."
        ),
        "falc_text": (
            "Le CCAS (Centre communal d'action sociale) aide les habitants.",
            "Il peut donner de l'argent en cas de gros problème.",
            "Par exemple pour payer à manger ou une facture.",
            "Prenez rendez-vous avec un travailleur social.",
            "Apportez vos factures et vos revenus.",
        ),
        "type": "aide-financiere",
        "thematiques": [
            "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
            "equipement-et-alimentation--alimentation",
        ],
        "publics": ["personnes-en-situation-durgence", "beneficiaires-des-minimas-sociaux"],
        "conditions_acces": "Habiter Angers ; ressources étudiées lors du rendez-vous.",
        "modes_mobilisation": ["telephoner"],
        "appointment_required": True,
        "languages": ["fr"],
        "interpreter": True,
        "documents": [
            "Pièce d'identité",
            "Justificatifs de ressources",
            "Factures à payer",
            "Quittance de loyer",
        ],
        "phone": "02 41 00 00 05",
        "pro_contact": "Pôle accueil du CCAS : 02 41 00 00 98, ccas-pro@example.org",
        "hours": ((1, "09:00", "12:00"), (3, "14:00", "17:00")),
        "date_maj": "2026-07-10",
        "verifie_le": "2026-07-10",
    },
    {
        "slug": "ccas-domiciliation",
        "structure": "ccas-angers",
        "lieux": ["relais-mairie-roseraie"],
        "name": "Domiciliation : une adresse pour recevoir son courrier",
        "description": (
            "Les personnes sans domicile stable peuvent se faire domicilier au CCAS pour "
            "recevoir leur courrier et faire valoir leurs droits (CAF, sécurité sociale, "
            "France Travail). L'attestation de domiciliation est valable un an."
        ),
        "falc_text": (
            "Vous n'avez pas d'adresse fixe ?",
            "Le CCAS (Centre communal d'action sociale) vous donne une adresse.",
            "Vous recevez votre courrier au CCAS.",
            "Avec cette adresse, vous pouvez demander vos droits.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
            "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
        ],
        "publics": ["personnes-en-situation-durgence", "personnes-exilees"],
        "conditions_acces": "Avoir un lien avec Angers et ne pas avoir d'adresse stable.",
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr", "en"],
        "interpreter": True,
        "documents": ["Pièce d'identité si vous en avez une"],
        "date_maj": "2026-03-09",
        "verifie_le": "2026-03-09",
    },
    {
        "slug": "tarif-solidaire-transports",
        "structure": "ccas-angers",
        "lieux": ["relais-mairie-roseraie"],
        "name": "Tarif solidaire des bus et du tram",
        "description": (
            "Le CCAS ouvre les droits au tarif solidaire du réseau de bus et de tram Irigo : "
            "abonnement gratuit ou à prix réduit selon le quotient familial, pour les "
            "demandeurs d'emploi, les bénéficiaires du RSA et les foyers modestes."
        ),
        "falc_text": (
            "Le bus et le tram peuvent coûter moins cher.",
            "Le CCAS (Centre communal d'action sociale) regarde vos revenus.",
            "Votre abonnement est alors gratuit ou moins cher.",
            "Apportez un papier de la CAF (Caisse d'allocations familiales).",
        ),
        "type": "aide-financiere",
        "thematiques": [
            "mobilite--financer-ma-mobilite",
            "mobilite--mobilite-douce-partagee-collective",
        ],
        "publics": ["beneficiaires-des-minimas-sociaux", "demandeurs-emploi", "familles"],
        "conditions_acces": "Habiter Angers ; quotient familial sous un plafond.",
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr"],
        "documents": [
            "Attestation de quotient familial de la CAF",
            "Pièce d'identité",
            "Photo d'identité",
            "Carte Irigo si vous en avez une",
        ],
        "date_maj": "2026-02-02",
        "verifie_le": "2026-02-02",
    },
    {
        "slug": "assistante-sociale-mds",
        "structure": "mds-angers-roseraie",
        "lieux": ["mds-angers-sud"],
        "name": "Rendez-vous avec une assistante sociale",
        "description": (
            "Une assistante sociale du Département écoute, aide à faire valoir ses droits et "
            "accompagne dans les difficultés de logement, de budget, de santé ou de famille. "
            "Rendez-vous par téléphone ; accueil d'urgence chaque matin."
        ),
        "falc_text": (
            "Vous avez des difficultés ?",
            "Par exemple pour le logement, l'argent ou la famille.",
            "Une assistante sociale vous écoute.",
            "Elle vous aide à trouver des solutions.",
            "Appelez pour prendre rendez-vous.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
            "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
            "logement-hebergement--se-maintenir-dans-le-logement",
        ],
        "publics": ["tous-publics", "familles", "personnes-en-situation-durgence"],
        "modes_mobilisation": ["telephoner"],
        "appointment_required": True,
        "languages": ["fr"],
        "interpreter": True,
        "documents": ["Pièce d'identité", "Justificatifs de ressources", "Courriers reçus"],
        "phone": "02 41 00 00 12",
        "pro_contact": "Secrétariat de la MDS : 02 41 00 00 99, mds-sud-pro@example.org",
        "date_maj": "2026-05-19",
        "verifie_le": "2026-05-19",
    },
    {
        "slug": "pmi-consultations-enfants",
        "structure": "mds-angers-roseraie",
        "lieux": ["mds-angers-sud"],
        "name": "Consultations de PMI pour les enfants de 0 à 6 ans",
        "description": (
            "La protection maternelle et infantile suit gratuitement la santé des enfants de "
            "moins de 6 ans : pesée, vaccins, conseils d'alimentation et de sommeil, "
            "puéricultrice à domicile. Aussi un suivi des femmes enceintes."
        ),
        "falc_text": (
            "La PMI (protection maternelle et infantile) suit les jeunes enfants.",
            "Un médecin pèse et vaccine votre bébé.",
            "C'est gratuit.",
            "Posez vos questions sur votre enfant.",
            "Apportez le carnet de santé.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "famille--soutien-a-la-parentalite-et-a-leducation",
            "sante--acces-aux-soins",
        ],
        "publics": ["familles", "femmes"],
        "modes_mobilisation": ["telephoner"],
        "appointment_required": True,
        "languages": ["fr", "ar", "en"],
        "interpreter": True,
        "documents": ["Carnet de santé de l'enfant", "Carte Vitale"],
        "phone": "02 41 00 00 39",
        "hours": ((1, "09:00", "12:00"), (3, "13:30", "17:00")),
        "date_maj": "2026-06-23",
        "verifie_le": "2026-06-23",
    },
    {
        "slug": "fonds-solidarite-logement",
        "structure": "mds-angers-roseraie",
        "lieux": ["mds-angers-sud"],
        "name": "Fonds de solidarité pour le logement : impayés de loyer et d'énergie",
        "description": (
            "Le FSL aide à payer un dépôt de garantie, un premier loyer, des dettes de loyer "
            "ou des factures d'énergie et d'eau. La demande est faite avec un travailleur "
            "social (assistante sociale, CCAS, bailleur)."
        ),
        "falc_text": (
            "Le FSL (un fonds d'aide pour le logement) aide à payer.",
            "Il aide pour le loyer ou les factures d'énergie.",
            "La demande se fait avec une assistante sociale.",
            "Apportez vos factures et votre bail.",
        ),
        "type": "aide-financiere",
        "thematiques": [
            "logement-hebergement--reduire-les-impayes-de-loyer",
            "logement-hebergement--se-maintenir-dans-le-logement",
            "difficultes-financieres--situation-dendettement-surendettement",
        ],
        "publics": ["familles", "beneficiaires-des-minimas-sociaux"],
        "conditions_acces": "Habiter le Maine-et-Loire ; ressources sous un plafond.",
        "modes_mobilisation": ["telephoner"],
        "appointment_required": True,
        "languages": ["fr"],
        "documents": [
            "Bail",
            "Factures ou décompte de dette",
            "Justificatifs de ressources",
            "Relevé d'identité bancaire (RIB)",
        ],
        "phone": "02 41 00 00 12",
        "date_maj": "2025-10-01",
        "verifie_le": "2025-10-01",
    },
    {
        "slug": "dossier-mdph-handicap",
        "structure": "mds-angers-roseraie",
        "lieux": ["mds-angers-sud", "france-services-roseraie"],
        "name": "Aide pour le dossier MDPH (handicap)",
        "description": (
            "Aide pour remplir le dossier de la Maison départementale des personnes "
            "handicapées : allocation aux adultes handicapés (AAH), carte mobilité inclusion, "
            "reconnaissance de travailleur handicapé, aides pour les enfants."
        ),
        "falc_text": (
            "Vous avez un handicap ?",
            "La MDPH (la maison du handicap) donne des aides.",
            "Le dossier est long à remplir.",
            "Un agent vous aide à le remplir.",
            "Apportez le certificat de votre médecin.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "sante--constituer-un-dossier-mdph-invalidite",
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
        ],
        "publics": ["personnes-en-situation-de-handicap", "familles"],
        "modes_mobilisation": ["telephoner", "se-presenter"],
        "appointment_required": True,
        "languages": ["fr", "lsf"],
        "documents": [
            "Certificat médical de moins d'un an",
            "Pièce d'identité",
            "Justificatif de domicile",
            "Comptes rendus médicaux",
        ],
        "phone": "02 41 00 00 40",
        "date_maj": "2026-04-28",
        "verifie_le": "2026-04-28",
    },
    # --- Santé ----------------------------------------------------------------------------
    {
        "slug": "centre-sante-medecin-generaliste",
        "structure": "centre-sante-roseraie",
        "lieux": ["centre-sante-roseraie"],
        "name": "Consultations de médecine générale",
        "description": (
            "Des médecins généralistes salariés reçoivent sur rendez-vous et en consultation "
            "sans rendez-vous le matin. Tiers payant : rien à avancer avec la carte Vitale et "
            "une complémentaire. Possibilité de déclarer un médecin traitant."
        ),
        "falc_text": (
            "Vous êtes malade ?",
            "Les médecins du centre de santé vous soignent.",
            "Le matin, venez sans rendez-vous.",
            "Avec la carte Vitale, la sécurité sociale paie pour vous.",
        ),
        "type": "accompagnement",
        "thematiques": ["sante--acces-aux-soins"],
        "publics": ["tous-publics"],
        "frais": "payant",
        "frais_precisions": "Tarif de la sécurité sociale, tiers payant intégral.",
        "modes_mobilisation": ["se-presenter", "telephoner"],
        "languages": ["fr", "ar", "ro"],
        "documents": ["Carte Vitale", "Attestation de complémentaire santé", "Ordonnances"],
        "phone": "02 41 00 00 13",
        "date_maj": "2026-10-27",
        "verifie_le": "2026-10-27",
    },
    {
        "slug": "centre-sante-dentiste",
        "structure": "centre-sante-roseraie",
        "lieux": ["centre-sante-roseraie"],
        "name": "Soins dentaires",
        "description": (
            "Un cabinet dentaire en tiers payant : soins, détartrage, prothèses du panier "
            "« 100 % santé » sans reste à charge avec la complémentaire santé solidaire. "
            "Urgences dentaires le mardi matin."
        ),
        "falc_text": (
            "Vous avez mal aux dents ?",
            "Le dentiste du centre de santé vous soigne.",
            "Le mardi matin, il reçoit les urgences.",
            "Prenez rendez-vous par téléphone.",
        ),
        "type": "accompagnement",
        "thematiques": ["sante--acces-aux-soins"],
        "publics": ["tous-publics"],
        "frais": "payant",
        "frais_precisions": "Tiers payant ; certaines prothèses sans reste à charge.",
        "modes_mobilisation": ["telephoner"],
        "appointment_required": True,
        "languages": ["fr", "es"],
        "documents": ["Carte Vitale", "Attestation de complémentaire santé"],
        "phone": "02 41 00 00 41",
        "hours": ((0, "09:00", "18:00"), (1, "08:30", "12:00"), (3, "09:00", "18:00")),
        "date_maj": "2026-10-27",
        "verifie_le": "2026-10-27",
    },
    {
        "slug": "point-ecoute-sante-mentale",
        "structure": "centre-sante-roseraie",
        "lieux": ["centre-jean-vilar"],
        "name": "Point écoute : parler de ce qui ne va pas",
        "description": (
            "Une psychologue reçoit gratuitement et anonymement les habitants qui traversent "
            "une période difficile : stress, deuil, isolement, conflits. Elle oriente si besoin "
            "vers le centre médico-psychologique."
        ),
        "falc_text": (
            "Vous êtes triste ou très fatigué ?",
            "Une psychologue vous écoute.",
            "C'est gratuit et secret.",
            "Appelez pour prendre rendez-vous.",
        ),
        "type": "accompagnement",
        "thematiques": ["sante--sante-mentale", "remobilisation--bien-etre-confiance-en-soi"],
        "publics": ["tous-publics", "jeunes"],
        "modes_mobilisation": ["telephoner"],
        "appointment_required": True,
        "languages": ["fr", "ar"],
        "phone": "02 41 00 00 42",
        "hours": ((2, "14:00", "18:00"),),
        "date_maj": "2026-09-14",
        "verifie_le": "2026-09-14",
    },
    # --- Logement ---------------------------------------------------------------------------
    {
        "slug": "demande-logement-social",
        "structure": "angers-loire-habitat",
        "lieux": ["agence-alh-roseraie"],
        "name": "Faire ou renouveler sa demande de logement social (HLM)",
        "description": (
            "La demande de logement social se fait une fois pour tous les bailleurs du "
            "département, en ligne ou au guichet. Elle doit être renouvelée chaque année. "
            "L'agence aide à la remplir et à la mettre à jour, par exemple pour un échange de "
            "logement."
        ),
        "falc_text": (
            "Vous cherchez un logement HLM (un logement social) ?",
            "Faites une demande de logement.",
            "L'agence vous aide à remplir la demande.",
            "Refaites la demande chaque année.",
            "Gardez bien votre numéro de demande.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "logement-hebergement--louer-un-logement",
            "logement-hebergement--changer-de-logement",
            "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
        ],
        "publics": ["tous-publics", "familles"],
        "modes_mobilisation": ["se-presenter", "utiliser-lien-mobilisation"],
        "lien_mobilisation": "https://www.demande-logement-social.gouv.fr",
        "languages": ["fr"],
        "documents": [
            "Pièce d'identité ou titre de séjour",
            "Dernier avis d'impôt",
            "Justificatifs de ressources",
            "Numéro unique de demande (pour un renouvellement)",
        ],
        "phone": "02 41 00 00 14",
        "date_maj": "2026-04-03",
        "verifie_le": "2026-04-03",
    },
    {
        "slug": "impayes-loyer-prevention-expulsion",
        "structure": "angers-loire-habitat",
        "lieux": ["agence-alh-roseraie"],
        "name": "Difficultés pour payer son loyer : éviter l'expulsion",
        "description": (
            "Une conseillère sociale du bailleur propose un plan d'apurement de la dette, "
            "vérifie les droits aux aides au logement et oriente vers le FSL ou le Point "
            "conseil budget. Plus on vient tôt, plus les solutions sont nombreuses."
        ),
        "falc_text": (
            "Vous avez du mal à payer votre loyer ?",
            "Venez vite voir la conseillère sociale.",
            "Elle vous aide à payer votre dette petit à petit.",
            "Elle vous aide à garder votre logement.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "logement-hebergement--reduire-les-impayes-de-loyer",
            "logement-hebergement--se-maintenir-dans-le-logement",
        ],
        "publics": ["tous-publics", "familles"],
        "conditions_acces": "Être locataire d'Angers Loire Habitat.",
        "modes_mobilisation": ["telephoner", "se-presenter"],
        "appointment_required": True,
        "languages": ["fr"],
        "documents": ["Avis d'échéance ou décompte de dette", "Justificatifs de ressources"],
        "phone": "02 41 00 00 43",
        "pro_contact": "Pôle social du bailleur : 02 41 00 00 88, alh-social@example.org",
        "date_maj": "2026-04-03",
        "verifie_le": "2026-04-03",
    },
    {
        "slug": "permanence-locataires",
        "structure": "amicale-locataires-roseraie",
        "lieux": ["local-associatif-maurois"],
        "name": "Permanence des locataires : charges, travaux, voisinage",
        "description": (
            "Des bénévoles de l'amicale aident les locataires à vérifier leur décompte de "
            "charges, à signaler des travaux ou de l'humidité et à écrire au bailleur. "
            "L'amicale défend les locataires lors des réunions avec le bailleur."
        ),
        "falc_text": (
            "Vous avez un problème dans votre logement ?",
            "Par exemple de l'humidité ou des charges trop chères.",
            "Les bénévoles de l'amicale vous aident.",
            "Ils vous aident à écrire au bailleur.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "logement-hebergement--se-maintenir-dans-le-logement",
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
        ],
        "publics": ["tous-publics", "residents-qpv-frr"],
        "frais": "payant",
        "frais_precisions": "Adhésion à l'amicale : 15 € par an, premier conseil gratuit.",
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr", "ar", "tr"],
        "documents": ["Bail", "Décompte de charges", "Photos du problème"],
        "hours": ((3, "14:00", "17:00"),),
        "date_maj": "2025-09-18",
        "verifie_le": "2025-09-18",
    },
    # --- Budget, énergie, alimentation -------------------------------------------------------
    {
        "slug": "pimms-factures-energie",
        "structure": "pimms-mediation-angers",
        "lieux": ["france-services-roseraie", "relais-mairie-roseraie"],
        "name": "Comprendre ses factures d'électricité, de gaz et d'eau",
        "description": (
            "Un médiateur du PIMMS explique les factures, vérifie le contrat, aide à utiliser "
            "le chèque énergie et négocie un échéancier avec le fournisseur en cas de retard. "
            "Conseils pour réduire sa consommation."
        ),
        "falc_text": (
            "Vos factures d'électricité ou de gaz sont trop chères ?",
            "Un médiateur du PIMMS (point d'information et de médiation) vous aide.",
            "Il explique vos factures.",
            "Il peut demander au fournisseur de payer en plusieurs fois.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-financieres--ameliorer-sa-gestion-budgetaire",
            "logement-hebergement--se-maintenir-dans-le-logement",
        ],
        "publics": ["tous-publics", "seniors"],
        "modes_mobilisation": ["se-presenter", "telephoner"],
        "languages": ["fr", "ar", "tr"],
        "documents": ["Dernières factures", "Contrat d'énergie", "Chèque énergie reçu"],
        "phone": "02 41 00 00 23",
        "hours": ((1, "14:00", "17:00"), (4, "09:30", "12:00")),
        "date_maj": "2026-09-25",
        "verifie_le": "2026-09-25",
    },
    {
        "slug": "point-conseil-budget",
        "structure": "udaf-point-conseil-budget",
        "lieux": ["france-services-roseraie"],
        "name": "Point conseil budget : faire le point sur son budget et ses dettes",
        "description": (
            "Un conseiller aide à faire le point sur les dépenses et les dettes, à négocier "
            "avec la banque ou les créanciers, à ouvrir un compte bancaire en cas de refus et à "
            "monter un dossier de surendettement à la Banque de France. Gratuit et "
            "confidentiel."
        ),
        "falc_text": (
            "Vous avez des dettes ?",
            "Vous avez du mal à finir le mois ?",
            "Un conseiller regarde votre budget avec vous.",
            "Il vous aide à parler avec votre banque.",
            "C'est gratuit et secret.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-financieres--situation-dendettement-surendettement",
            "difficultes-financieres--ameliorer-sa-gestion-budgetaire",
        ],
        "publics": ["tous-publics"],
        "modes_mobilisation": ["telephoner", "envoyer-un-courriel"],
        "appointment_required": True,
        "languages": ["fr"],
        "documents": [
            "Relevés de compte des 3 derniers mois",
            "Courriers des créanciers",
            "Justificatifs de ressources",
        ],
        "phone": "02 41 00 00 19",
        "email": "point-conseil-budget@example.org",
        "hours": ((2, "09:00", "12:00"),),
        "date_maj": "2026-06-30",
        "verifie_le": "2026-06-30",
    },
    {
        "slug": "secours-populaire-aide-alimentaire",
        "structure": "secours-populaire-angers",
        "lieux": ["secours-populaire-grand-pigeon"],
        "name": "Aide alimentaire et vestiaire solidaire",
        "description": (
            "Après un premier accueil, les familles reçoivent des denrées alimentaires et des "
            "produits d'hygiène chaque semaine, pour une participation symbolique. Vestiaire "
            "ouvert à tous le mercredi."
        ),
        "falc_text": (
            "Vous avez besoin de nourriture ?",
            "Le Secours populaire donne des colis de nourriture.",
            "Vous payez une petite somme.",
            "Vous pouvez aussi avoir des vêtements.",
            "Apportez vos papiers et vos revenus.",
        ),
        "type": "aide-materielle",
        "thematiques": [
            "equipement-et-alimentation--alimentation",
            "equipement-et-alimentation--habillement",
        ],
        "publics": ["tous-publics", "personnes-en-situation-durgence", "familles"],
        "frais": "payant",
        "frais_precisions": "Participation de 2 à 5 € par semaine selon la taille du foyer.",
        "conditions_acces": "Premier accueil pour étudier la situation (reste à vivre).",
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr", "en", "uk"],
        "documents": [
            "Pièce d'identité",
            "Justificatifs de ressources et de charges",
            "Justificatif de domicile",
        ],
        "phone": "02 41 00 00 20",
        "date_maj": "2026-10-12",
        "verifie_le": "2026-10-12",
    },
    {
        "slug": "restos-du-coeur-distribution",
        "structure": "restos-du-coeur-angers",
        "lieux": ["local-associatif-maurois"],
        "name": "Distribution alimentaire des Restos du cœur",
        "description": (
            "Distribution gratuite de repas à cuisiner et de produits pour bébés, deux fois "
            "par semaine, après une inscription. Les bénévoles aident aussi pour les démarches "
            "et orientent vers les partenaires du quartier."
        ),
        "falc_text": (
            "Les Restos du cœur donnent des repas gratuits.",
            "Il faut d'abord vous inscrire.",
            "Venez le mardi matin pour l'inscription.",
            "Apportez vos papiers et vos revenus.",
        ),
        "type": "aide-materielle",
        "thematiques": ["equipement-et-alimentation--alimentation"],
        "publics": ["tous-publics", "personnes-en-situation-durgence", "familles"],
        "conditions_acces": "Inscription sur place selon les ressources du foyer.",
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr", "ar"],
        "documents": [
            "Pièce d'identité",
            "Justificatifs de ressources",
            "Quittance de loyer",
            "Livret de famille",
        ],
        "hours": ((1, "09:00", "11:30"), (4, "09:00", "11:30")),
        "date_maj": "2026-11-10",
        "verifie_le": "2026-11-10",
    },
    # --- Numérique ---------------------------------------------------------------------------
    {
        "slug": "ordinateurs-wifi-acces-libre",
        "structure": "epn-roseraie",
        "lieux": ["bibliotheque-roseraie"],
        "name": "Ordinateurs et wifi en accès libre",
        "description": (
            "Huit ordinateurs connectés, un scanner et une imprimante en libre accès, et un "
            "wifi public gratuit. Un médiateur est présent pour débloquer une situation "
            "simple. Impression de 10 pages gratuites par jour."
        ),
        "falc_text": (
            "À la bibliothèque, des ordinateurs sont libres.",
            "Vous pouvez aller sur internet gratuitement.",
            "Vous pouvez imprimer 10 pages par jour.",
            "Il y a aussi du wifi gratuit.",
        ),
        "type": "aide-materielle",
        "thematiques": [
            "numerique--acceder-a-une-connexion-internet",
            "numerique--acceder-a-des-services-en-ligne",
        ],
        "publics": ["tous-publics"],
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr"],
        "documents": ["Clé USB pour enregistrer vos documents"],
        "date_maj": "2026-10-08",
        "verifie_le": "2026-10-08",
    },
    {
        "slug": "ateliers-numeriques-debutants",
        "structure": "epn-roseraie",
        "lieux": ["bibliotheque-roseraie"],
        "name": "Ateliers numériques : e-mail, internet, sécurité",
        "description": (
            "Des ateliers en petit groupe pour apprendre à utiliser un ordinateur, créer et "
            "utiliser une adresse e-mail, naviguer sur internet en sécurité et éviter les "
            "arnaques. Un cycle de 5 séances, sur inscription."
        ),
        "falc_text": (
            "Vous voulez apprendre à utiliser un ordinateur ?",
            "Venez aux ateliers numériques.",
            "Vous apprenez à envoyer un mail.",
            "Vous apprenez à éviter les arnaques sur internet.",
            "Inscrivez-vous à la bibliothèque.",
        ),
        "type": "atelier",
        "thematiques": ["numerique--maitriser-les-fondamentaux-du-numerique"],
        "publics": ["tous-publics", "seniors"],
        "modes_mobilisation": ["se-presenter", "telephoner"],
        "appointment_required": True,
        "languages": ["fr"],
        "hours": ((3, "14:00", "16:00"),),
        "date_maj": "2026-10-08",
        "verifie_le": "2026-10-08",
    },
    {
        "slug": "permanence-conseiller-numerique",
        "structure": "epn-roseraie",
        "lieux": ["bibliotheque-roseraie", "centre-jean-vilar"],
        "name": "Permanence d'un conseiller numérique",
        "description": (
            "Un conseiller numérique aide à faire une démarche en ligne, à retrouver un mot de "
            "passe, à installer une application sur son smartphone ou à scanner un document. Il "
            "montre comment faire pour gagner en autonomie."
        ),
        "falc_text": (
            "Un conseiller numérique vous aide sur internet.",
            "Il vous aide avec votre téléphone ou l'ordinateur.",
            "Il vous montre comment faire.",
            "La prochaine fois, vous pourrez le faire seul.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "numerique--acceder-a-des-services-en-ligne",
            "numerique--maitriser-les-fondamentaux-du-numerique",
        ],
        "publics": ["tous-publics", "seniors"],
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr", "ar", "ber"],
        "documents": [
            "Téléphone portable chargé",
            "Identifiants et mots de passe",
            "Documents à envoyer",
        ],
        "hours": ((2, "14:00", "17:30"), (5, "10:00", "12:00")),
        "date_maj": "2026-10-08",
        "verifie_le": "2026-10-08",
    },
    {
        "slug": "emmaus-connect-equipement-solidaire",
        "structure": "emmaus-connect-angers",
        "lieux": ["emmaus-connect-bressigny"],
        "name": "Ordinateur et téléphone reconditionnés à petit prix",
        "description": (
            "Sur orientation d'un travailleur social, Emmaüs Connect vend des ordinateurs et "
            "smartphones reconditionnés à prix solidaire et propose des recharges internet et "
            "téléphone à petit prix. Un bilan des usages numériques est fait au premier "
            "rendez-vous."
        ),
        "falc_text": (
            "Il vous faut un ordinateur ou un téléphone ?",
            "Emmaüs Connect les vend à petit prix.",
            "Ils sont réparés et marchent bien.",
            "Il vend aussi des cartes pour internet.",
            "D'abord, demandez une fiche à votre assistante sociale.",
        ),
        "type": "aide-materielle",
        "thematiques": [
            "numerique--acquerir-un-equipement",
            "numerique--acceder-a-une-connexion-internet",
        ],
        "publics": ["beneficiaires-des-minimas-sociaux", "demandeurs-emploi", "jeunes"],
        "frais": "payant",
        "frais_precisions": "Ordinateur portable à partir de 80 €, smartphone à partir de 30 €.",
        "conditions_acces": "Être orienté par un travailleur social ou un partenaire.",
        "modes_mobilisation": ["telephoner", "envoyer-un-courriel"],
        "appointment_required": True,
        "languages": ["fr", "en"],
        "documents": ["Fiche d'orientation du travailleur social", "Pièce d'identité"],
        "phone": "02 41 00 00 22",
        "email": "emmaus-connect-angers@example.org",
        "pro_contact": "Orientation des partenaires : emmaus-connect-pro@example.org",
        "date_maj": "2026-07-22",
        "verifie_le": "2026-07-22",
    },
    {
        "slug": "emmaus-connect-atelier-smartphone",
        "structure": "emmaus-connect-angers",
        "lieux": ["emmaus-connect-bressigny", "centre-jean-vilar"],
        "name": "Ateliers pour débuter sur smartphone",
        "description": (
            "Trois séances en petit groupe pour apprivoiser son smartphone : appels et "
            "messages, applications utiles (ameli, CAF, France Travail), photos de documents, "
            "sécurité. Prêt de téléphone possible pendant l'atelier."
        ),
        "falc_text": (
            "Vous avez un smartphone ?",
            "Vous voulez mieux l'utiliser ?",
            "Venez à l'atelier en petit groupe.",
            "Vous apprenez à prendre un document en photo.",
            "Vous apprenez à utiliser les applications utiles.",
        ),
        "type": "atelier",
        "thematiques": [
            "numerique--maitriser-les-fondamentaux-du-numerique",
            "numerique--acceder-a-des-services-en-ligne",
        ],
        "publics": ["tous-publics", "seniors", "personnes-exilees"],
        "modes_mobilisation": ["telephoner", "se-presenter"],
        "appointment_required": True,
        "languages": ["fr", "ar", "uk"],
        "documents": ["Votre smartphone chargé", "Votre code de déverrouillage"],
        "phone": "02 41 00 00 22",
        "hours": ((4, "14:00", "16:00"),),
        "date_maj": "2026-07-22",
        "verifie_le": "2026-07-22",
    },
    # --- Apprendre le français ------------------------------------------------------------------
    {
        "slug": "cours-francais-adultes",
        "structure": "parlons-francais-roseraie",
        "lieux": ["centre-jean-vilar"],
        "name": "Cours de français pour adultes (FLE)",
        "description": (
            "Des cours de français langue étrangère en petits groupes de niveau, deux fois par "
            "semaine : parler, lire et écrire pour la vie de tous les jours, préparation du "
            "DELF. Test de niveau à l'inscription, en septembre et en janvier."
        ),
        "falc_text": (
            "Vous voulez apprendre le français ?",
            "Venez aux cours de français.",
            "Vous apprenez à parler, lire et écrire.",
            "Les cours ont lieu 2 fois par semaine.",
            "L'inscription coûte 10 euros par an.",
        ),
        "type": "formation",
        "thematiques": [
            "lecture-ecriture-calcul--maitriser-le-francais",
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete",
        ],
        "publics": ["personnes-exilees", "tous-publics"],
        "frais": "payant",
        "frais_precisions": "Adhésion annuelle de 10 €.",
        "conditions_acces": "Avoir 18 ans ou plus ; test de niveau à l'inscription.",
        "modes_mobilisation": ["se-presenter", "telephoner"],
        "languages": ["fr", "en", "ar", "fa", "uk"],
        "documents": ["Pièce d'identité ou titre de séjour", "Cahier et stylo"],
        "phone": "02 41 00 00 25",
        "email": "parlons-francais@example.org",
        "pro_contact": "Coordinatrice pédagogique : 02 41 00 00 87, fle-roseraie-pro@example.org",
        "hours": ((0, "09:30", "11:30"), (3, "09:30", "11:30")),
        "date_maj": "2026-09-03",
        "verifie_le": "2026-09-03",
    },
    {
        "slug": "ateliers-conversation-francais",
        "structure": "centre-social-justices",
        "lieux": ["centre-social-justices"],
        "name": "Ateliers de conversation en français",
        "description": (
            "Un moment convivial chaque semaine pour pratiquer le français à l'oral autour d'un "
            "thème de la vie quotidienne : faire ses courses, aller chez le médecin, parler "
            "avec l'école. Ouvert à tous les niveaux, sans inscription."
        ),
        "falc_text": (
            "Vous voulez parler français ?",
            "Venez discuter avec d'autres habitants.",
            "Chaque semaine, on parle de la vie de tous les jours.",
            "C'est gratuit.",
            "Venez sans inscription.",
        ),
        "type": "atelier",
        "thematiques": [
            "lecture-ecriture-calcul--maitriser-le-francais",
            "remobilisation--lien-social",
        ],
        "publics": ["personnes-exilees", "tous-publics"],
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr"],
        "hours": ((1, "14:00", "16:00"),),
        "date_maj": "2026-06-12",
        "verifie_le": "2026-06-12",
    },
    {
        "slug": "ecrivain-public",
        "structure": "centre-jean-vilar",
        "lieux": ["centre-jean-vilar"],
        "name": "Écrivain public : écrire une lettre, remplir un formulaire",
        "description": (
            "Un écrivain public bénévole aide à lire et comprendre un courrier, écrire une "
            "lettre administrative ou personnelle, remplir un formulaire papier. Confidentiel, "
            "sans rendez-vous."
        ),
        "falc_text": (
            "Vous avez du mal à lire ou écrire un courrier ?",
            "L'écrivain public vous aide.",
            "Il lit votre courrier avec vous.",
            "Il vous aide à écrire une lettre.",
            "Venez sans rendez-vous le jeudi matin.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "lecture-ecriture-calcul--maitriser-le-francais",
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        ],
        "publics": ["tous-publics", "personnes-exilees", "seniors"],
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr", "ar"],
        "documents": ["Le courrier ou le formulaire concerné"],
        "hours": ((3, "09:30", "12:00"),),
        "date_maj": "2026-09-01",
        "verifie_le": "2026-09-01",
    },
    {
        "slug": "cafe-demarches",
        "structure": "centre-jean-vilar",
        "lieux": ["centre-jean-vilar"],
        "name": "Café démarches",
        "description": (
            "Chaque mardi matin, un temps d'accueil autour d'un café où des bénévoles et un "
            "agent de la maison de quartier aident à débrouiller une démarche, trier des "
            "papiers et préparer un rendez-vous chez un partenaire."
        ),
        "falc_text": (
            "Le mardi matin, venez boire un café.",
            "Des bénévoles vous aident pour vos papiers.",
            "Ils vous aident à préparer vos rendez-vous.",
            "C'est gratuit et sans rendez-vous.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
            "remobilisation--lien-social",
        ],
        "publics": ["tous-publics", "residents-qpv-frr"],
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr", "ar", "ber", "tr"],
        "documents": ["Les papiers qui vous posent question"],
        "hours": ((1, "09:00", "11:30"),),
        "date_maj": "2026-09-01",
        "verifie_le": "2026-09-01",
    },
    # --- Famille -----------------------------------------------------------------------------
    {
        "slug": "accueil-loisirs-enfants",
        "structure": "centre-jean-vilar",
        "lieux": ["centre-jean-vilar"],
        "name": "Accueil de loisirs pour les 3–11 ans",
        "description": (
            "Les enfants de 3 à 11 ans sont accueillis le mercredi et pendant les vacances "
            "scolaires : jeux, sorties, activités sportives et culturelles. Tarif selon le "
            "quotient familial de la CAF."
        ),
        "falc_text": (
            "Le mercredi, vos enfants peuvent venir au centre Jean Vilar.",
            "Ils jouent et font des sorties.",
            "Le prix dépend de vos revenus.",
            "Inscrivez vos enfants à l'accueil du centre.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "famille--garde-denfants",
            "remobilisation--activites-sportives-et-culturelles",
        ],
        "publics": ["familles"],
        "frais": "payant",
        "frais_precisions": "De 1,50 € à 12 € la journée selon le quotient familial.",
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr"],
        "documents": [
            "Carnet de vaccination de l'enfant",
            "Attestation de quotient familial de la CAF",
            "Attestation d'assurance",
        ],
        "date_maj": "2026-08-29",
        "verifie_le": "2026-08-29",
    },
    {
        "slug": "lieu-accueil-parents-enfants",
        "structure": "centre-social-justices",
        "lieux": ["centre-social-justices"],
        "name": "Lieu d'accueil parents-enfants",
        "description": (
            "Un espace de jeu et de parole pour les enfants de moins de 6 ans accompagnés d'un "
            "parent ou d'un grand-parent. Deux accueillantes sont présentes. Gratuit, anonyme, "
            "sans inscription."
        ),
        "falc_text": (
            "Venez jouer avec votre enfant de moins de 6 ans.",
            "Vous rencontrez d'autres parents.",
            "Deux personnes du centre vous écoutent.",
            "C'est gratuit et sans inscription.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "famille--soutien-a-la-parentalite-et-a-leducation",
            "remobilisation--lien-social",
        ],
        "publics": ["familles"],
        "modes_mobilisation": ["se-presenter"],
        "languages": ["fr", "ar", "ber"],
        "hours": ((2, "09:00", "11:30"), (4, "14:00", "17:00")),
        "date_maj": "2026-06-12",
        "verifie_le": "2026-06-12",
    },
    # --- Droit et justice -------------------------------------------------------------------
    {
        "slug": "consultation-avocat-gratuite",
        "structure": "point-justice-angers",
        "lieux": ["point-justice-monplaisir", "france-services-roseraie"],
        "name": "Consultation gratuite avec un avocat",
        "description": (
            "Un avocat du barreau d'Angers donne un premier conseil juridique gratuit et "
            "confidentiel : famille, travail, logement, dettes, droit des étrangers. Il explique "
            "les démarches et l'aide juridictionnelle."
        ),
        "falc_text": (
            "Vous avez une question sur vos droits ?",
            "Un avocat vous conseille gratuitement.",
            "Il vous explique ce que vous pouvez faire.",
            "Prenez rendez-vous par téléphone.",
            "Apportez tous vos papiers sur le problème.",
        ),
        "type": "information",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
        ],
        "publics": ["tous-publics", "personnes-en-situation-juridique-specifique"],
        "modes_mobilisation": ["telephoner"],
        "appointment_required": True,
        "languages": ["fr", "en"],
        "interpreter": True,
        "documents": ["Tous les documents liés au problème", "Pièce d'identité"],
        "phone": "02 41 00 00 17",
        "hours": ((2, "14:00", "17:00"),),
        "date_maj": "2026-09-09",
        "verifie_le": "2026-09-09",
    },
    {
        "slug": "conciliateur-de-justice",
        "structure": "point-justice-angers",
        "lieux": ["point-justice-monplaisir"],
        "name": "Conciliateur de justice : régler un conflit à l'amiable",
        "description": (
            "Le conciliateur de justice aide à trouver un accord dans un conflit de voisinage, "
            "avec un propriétaire, un artisan ou un commerçant, sans aller au tribunal. "
            "L'accord signé peut avoir la force d'un jugement."
        ),
        "falc_text": (
            "Vous avez un conflit avec un voisin ou un propriétaire ?",
            "Le conciliateur vous aide à trouver un accord.",
            "Il reçoit les deux personnes ensemble.",
            "C'est gratuit et plus rapide que le tribunal.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
        ],
        "publics": ["tous-publics"],
        "modes_mobilisation": ["telephoner"],
        "appointment_required": True,
        "languages": ["fr"],
        "documents": ["Courriers échangés", "Contrat ou facture concerné"],
        "phone": "02 41 00 00 17",
        "hours": ((0, "09:00", "12:00"),),
        "date_maj": "2026-09-09",
        "verifie_le": "2026-09-09",
    },
    {
        "slug": "cidff-separation-droit-famille",
        "structure": "cidff-maine-et-loire",
        "lieux": ["france-services-roseraie", "centre-social-justices"],
        "name": "Séparation, divorce, pension alimentaire : connaître ses droits",
        "description": (
            "Une juriste du CIDFF informe gratuitement sur la séparation et le divorce, la "
            "garde des enfants, la pension alimentaire et les démarches auprès du juge aux "
            "affaires familiales et de la CAF."
        ),
        "falc_text": (
            "Vous vous séparez de votre conjoint ?",
            "Une juriste vous explique vos droits.",
            "Elle parle de la garde des enfants.",
            "Elle parle aussi de la pension alimentaire.",
            "C'est gratuit et secret.",
        ),
        "type": "information",
        "thematiques": [
            "famille--surmonter-conflits-separation-violence",
            "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
        ],
        "publics": ["familles", "femmes"],
        "modes_mobilisation": ["telephoner"],
        "appointment_required": True,
        "languages": ["fr", "ar"],
        "interpreter": True,
        "documents": [
            "Livret de famille",
            "Jugement si vous en avez un",
            "Justificatifs de revenus",
        ],
        "phone": "02 41 00 00 18",
        "hours": ((4, "09:00", "12:00"),),
        "date_maj": "2026-08-21",
        "verifie_le": "2026-08-21",
    },
    {
        "slug": "violences-femmes-ecoute",
        "structure": "cidff-maine-et-loire",
        "lieux": ["centre-social-justices"],
        "name": "Écoute et accompagnement des femmes victimes de violences",
        "description": (
            "Une écoute confidentielle et un accompagnement dans la durée pour les femmes "
            "victimes de violences conjugales ou familiales : droits, plainte, mise à l'abri, "
            "soutien psychologique. En cas de danger, appelez le 17 ; numéro d'écoute "
            "national : 3919."
        ),
        "falc_text": (
            "Quelqu'un vous frappe ou vous fait peur chez vous ?",
            "Une personne formée vous écoute en secret.",
            "Elle vous aide à vous protéger.",
            "En cas de danger, appelez le 17.",
            "Le 3919 vous écoute jour et nuit, gratuitement.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "famille--surmonter-conflits-separation-violence",
            "difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination",
        ],
        "publics": ["femmes", "personnes-en-situation-durgence"],
        "modes_mobilisation": ["telephoner", "se-presenter"],
        "languages": ["fr", "ar", "en"],
        "interpreter": True,
        "phone": "02 41 00 00 18",
        "pro_contact": "Juriste référente violences : 02 41 00 00 86, cidff-pro@example.org",
        "hours": ((1, "14:00", "17:00"),),
        "date_maj": "2026-08-21",
        "verifie_le": "2026-08-21",
    },
    # --- Mobilité ------------------------------------------------------------------------------
    {
        "slug": "bilan-mobilite-permis",
        "structure": "wimoov-angers",
        "lieux": ["france-services-roseraie"],
        "name": "Bilan mobilité et aide pour le permis de conduire",
        "description": (
            "Un conseiller mobilité fait le point sur vos déplacements pour l'emploi ou la "
            "formation, propose des solutions (bus, vélo, covoiturage) et aide à financer et "
            "préparer le permis de conduire avec une auto-école sociale."
        ),
        "falc_text": (
            "Vous avez du mal à vous déplacer pour travailler ?",
            "Un conseiller cherche une solution avec vous.",
            "Par exemple le bus, le vélo ou le permis.",
            "Il peut vous aider à payer le permis de conduire.",
        ),
        "type": "accompagnement",
        "thematiques": [
            "mobilite--etre-accompagne-dans-son-parcours-mobilite",
            "mobilite--preparer-un-permis",
            "mobilite--financer-ma-mobilite",
        ],
        "publics": ["demandeurs-emploi", "jeunes", "beneficiaires-des-minimas-sociaux"],
        "conditions_acces": "Être orienté par France Travail, la Mission locale ou le Département.",
        "modes_mobilisation": ["telephoner", "envoyer-un-courriel"],
        "appointment_required": True,
        "languages": ["fr"],
        "documents": ["Fiche d'orientation", "Pièce d'identité", "Attestation France Travail"],
        "phone": "02 41 00 00 26",
        "email": "wimoov-angers@example.org",
        "hours": ((0, "09:00", "12:30"),),
        "date_maj": "2026-05-27",
        "verifie_le": "2026-05-27",
    },
    {
        "slug": "location-solidaire-vehicule",
        "structure": "wimoov-angers",
        "lieux": ["france-services-roseraie"],
        "name": "Location solidaire de voiture ou de scooter",
        "description": (
            "Location à petit prix d'une voiture, d'un scooter ou d'un vélo électrique pour "
            "aller travailler ou se former, le temps de trouver une solution durable. Durée de "
            "1 à 3 mois."
        ),
        "falc_text": (
            "Vous avez besoin d'une voiture pour aller travailler ?",
            "Vous pouvez louer une voiture ou un scooter.",
            "Le prix est petit.",
            "La location dure de 1 à 3 mois.",
        ),
        "type": "aide-materielle",
        "thematiques": [
            "mobilite--acceder-a-un-vehicule",
            "trouver-un-emploi--maintien-dans-lemploi",
        ],
        "publics": ["demandeurs-emploi", "actifs", "jeunes"],
        "frais": "payant",
        "frais_precisions": "De 2 € à 6 € par jour selon le véhicule et les ressources.",
        "conditions_acces": (
            "Avoir un contrat de travail ou une formation, et le permis pour une voiture."
        ),
        "modes_mobilisation": ["telephoner"],
        "appointment_required": True,
        "languages": ["fr"],
        "documents": [
            "Permis de conduire",
            "Contrat de travail ou de formation",
            "Attestation d'assurance",
            "Pièce d'identité",
        ],
        "phone": "02 41 00 00 26",
        "date_maj": "2026-05-27",
        "verifie_le": "2026-05-27",
    },
)

# Thematique codes that several synonyms use.
DEMARCHES = (
    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
)
ACCES_AUX_DROITS = (
    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"
)
CITOYENNETE = (
    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete"
)
JUDICIAIRE = (
    "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire"
)
SOINS = "sante--acces-aux-soins"
EMPLOI = "trouver-un-emploi--repondre-a-des-offres-demploi"
BUDGET = "difficultes-financieres--ameliorer-sa-gestion-budgetaire"
DETTES = "difficultes-financieres--situation-dendettement-surendettement"
ALIMENTATION = "equipement-et-alimentation--alimentation"
FRANCAIS = "lecture-ecriture-calcul--maitriser-le-francais"
NUMERIQUE_BASES = "numerique--maitriser-les-fondamentaux-du-numerique"
CONNEXION = "numerique--acceder-a-une-connexion-internet"
EQUIPEMENT = "numerique--acquerir-un-equipement"
EN_LIGNE = "numerique--acceder-a-des-services-en-ligne"
SEPARATION_VIOLENCE = "famille--surmonter-conflits-separation-violence"
GARDE = "famille--garde-denfants"
PARENTALITE = "famille--soutien-a-la-parentalite-et-a-leducation"
MDPH = "sante--constituer-un-dossier-mdph-invalidite"
HEBERGEMENT = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire"
LOUER = "logement-hebergement--louer-un-logement"
IMPAYES = "logement-hebergement--reduire-les-impayes-de-loyer"
SE_MAINTENIR = "logement-hebergement--se-maintenir-dans-le-logement"

# Everyday words → the directory's words, and themes (data·inclusion codes).
SYNONYMS = (
    # (word as residents type it, expansion, thematique codes)
    ("sécu", "assurance maladie ameli carte Vitale", (SOINS,)),
    ("secu", "assurance maladie ameli carte Vitale", (SOINS,)),
    ("sécurité sociale", "assurance maladie ameli", (SOINS,)),
    ("ameli", "assurance maladie compte ameli carte Vitale", (SOINS, EN_LIGNE)),
    ("carte vitale", "carte Vitale assurance maladie", (SOINS,)),
    ("cpam", "assurance maladie", (SOINS,)),
    ("maladie", "assurance maladie médecin", (SOINS,)),
    ("arrêt maladie", "arrêt de travail assurance maladie", (SOINS,)),
    ("mutuelle", "complémentaire santé solidaire", (SOINS,)),
    ("css", "complémentaire santé solidaire", (SOINS,)),
    ("cmu", "complémentaire santé solidaire", (SOINS,)),
    ("médecin", "médecin généraliste centre de santé", (SOINS,)),
    ("docteur", "médecin généraliste centre de santé", (SOINS,)),
    ("dentiste", "soins dentaires dentiste", (SOINS,)),
    ("dents", "soins dentaires dentiste", (SOINS,)),
    ("psy", "psychologue écoute", ("sante--sante-mentale",)),
    ("déprime", "psychologue écoute", ("sante--sante-mentale",)),
    ("handicap", "handicap MDPH", (MDPH,)),
    ("mdph", "MDPH handicap", (MDPH,)),
    ("aah", "allocation adultes handicapés MDPH", (MDPH,)),
    ("chômage", "France Travail allocation chômage demandeur d'emploi", (EMPLOI,)),
    ("chomage", "France Travail allocation chômage demandeur d'emploi", (EMPLOI,)),
    ("pole emploi", "France Travail", (EMPLOI,)),
    ("pôle emploi", "France Travail", (EMPLOI,)),
    ("travail", "emploi France Travail", (EMPLOI,)),
    ("boulot", "emploi France Travail", (EMPLOI,)),
    ("job", "emploi France Travail", (EMPLOI,)),
    (
        "cv",
        "CV lettre de motivation",
        ("preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",),
    ),
    (
        "stage",
        "stage découvrir un métier",
        ("choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",),
    ),
    ("formation", "formation apprentissage", ("se-former--trouver-sa-formation",)),
    ("jeune", "Mission locale jeunes", ("se-former--trouver-sa-formation", EMPLOI)),
    ("papiers", "carte d'identité passeport titre de séjour démarches", (DEMARCHES,)),
    ("carte d'identité", "carte d'identité passeport", (DEMARCHES,)),
    ("carte identite", "carte d'identité passeport", (DEMARCHES,)),
    ("cni", "carte d'identité", (DEMARCHES,)),
    ("passeport", "passeport carte d'identité", (DEMARCHES,)),
    ("titre de séjour", "titre de séjour ANEF", (DEMARCHES, CITOYENNETE)),
    ("carte de séjour", "titre de séjour ANEF", (DEMARCHES,)),
    ("préfecture", "titre de séjour ANEF ANTS", (DEMARCHES,)),
    ("naturalisation", "citoyenneté nationalité", (CITOYENNETE,)),
    ("voter", "listes électorales", (CITOYENNETE,)),
    (
        "carte grise",
        "carte grise certificat d'immatriculation ANTS",
        ("mobilite--acceder-a-un-vehicule", EN_LIGNE),
    ),
    ("ants", "ANTS carte grise permis passeport", (EN_LIGNE,)),
    ("permis", "permis de conduire", ("mobilite--preparer-un-permis",)),
    ("voiture", "voiture véhicule location solidaire", ("mobilite--acceder-a-un-vehicule",)),
    (
        "bus",
        "bus tram transports tarif solidaire",
        ("mobilite--financer-ma-mobilite", "mobilite--mobilite-douce-partagee-collective"),
    ),
    ("tram", "bus tram transports tarif solidaire", ("mobilite--financer-ma-mobilite",)),
    ("caf", "CAF allocations", (ACCES_AUX_DROITS,)),
    ("alloc", "allocations CAF", (ACCES_AUX_DROITS,)),
    ("rsa", "RSA revenu de solidarité active", (ACCES_AUX_DROITS,)),
    ("apl", "APL aide au logement", (LOUER,)),
    ("prime d'activité", "prime d'activité CAF", (ACCES_AUX_DROITS,)),
    ("retraite", "retraite pension Carsat", (ACCES_AUX_DROITS,)),
    ("décès", "décès obsèques état civil", (DEMARCHES,)),
    ("deces", "décès obsèques état civil", (DEMARCHES,)),
    ("enterrement", "décès obsèques", (DEMARCHES,)),
    ("séparation", "séparation divorce pension alimentaire", (SEPARATION_VIOLENCE,)),
    ("divorce", "séparation divorce pension alimentaire", (SEPARATION_VIOLENCE,)),
    ("violence", "violences femmes victimes", (SEPARATION_VIOLENCE,)),
    ("violences", "violences femmes victimes", (SEPARATION_VIOLENCE,)),
    ("impôts", "impôts déclaration revenus finances publiques", (BUDGET,)),
    ("impots", "impôts déclaration revenus finances publiques", (BUDGET,)),
    ("taxe", "impôts taxe foncière finances publiques", (BUDGET,)),
    ("loyer", "loyer impayés aide au logement", (IMPAYES,)),
    (
        "logement",
        "logement social HLM aide au logement",
        ("logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",),
    ),
    ("hlm", "logement social HLM", (LOUER,)),
    ("appartement", "logement social", (LOUER,)),
    ("expulsion", "expulsion impayés loyer", (SE_MAINTENIR, IMPAYES)),
    ("humidité", "locataires travaux", (SE_MAINTENIR,)),
    ("facture", "factures énergie électricité gaz eau", (BUDGET,)),
    ("électricité", "électricité énergie factures", (BUDGET,)),
    ("electricite", "électricité énergie factures", (BUDGET,)),
    ("edf", "électricité énergie factures", (BUDGET,)),
    ("gaz", "gaz énergie factures", (BUDGET,)),
    ("dette", "dettes surendettement budget", (DETTES,)),
    ("dettes", "dettes surendettement budget", (DETTES,)),
    ("banque", "banque budget compte bancaire", (BUDGET,)),
    (
        "argent",
        "aide financière budget",
        ("difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",),
    ),
    ("manger", "aide alimentaire colis repas", (ALIMENTATION,)),
    ("colis", "colis aide alimentaire", (ALIMENTATION,)),
    ("nourriture", "aide alimentaire colis", (ALIMENTATION,)),
    ("restos", "Restos du cœur aide alimentaire", (ALIMENTATION,)),
    ("vêtements", "vestiaire", ("equipement-et-alimentation--habillement",)),
    ("ordinateur", "ordinateur numérique accès libre reconditionné", (EQUIPEMENT, CONNEXION)),
    ("internet", "internet wifi numérique", (CONNEXION,)),
    ("wifi", "wifi internet", (CONNEXION,)),
    ("mail", "e-mail adresse numérique", (NUMERIQUE_BASES,)),
    ("smartphone", "smartphone téléphone numérique", (NUMERIQUE_BASES, EQUIPEMENT)),
    ("portable", "smartphone téléphone", (NUMERIQUE_BASES, EQUIPEMENT)),
    ("imprimer", "imprimante scanner accès libre", (CONNEXION,)),
    ("français", "cours de français", (FRANCAIS,)),
    ("francais", "cours de français", (FRANCAIS,)),
    ("fle", "cours de français", (FRANCAIS,)),
    ("lire", "lire écrire écrivain public", (FRANCAIS,)),
    ("écrire", "lire écrire écrivain public", (FRANCAIS,)),
    ("lettre", "écrivain public courrier", (DEMARCHES,)),
    ("avocat", "avocat conseil juridique", (JUDICIAIRE,)),
    ("droit", "droits juridique avocat", (ACCES_AUX_DROITS,)),
    ("justice", "avocat conciliateur juridique", (JUDICIAIRE,)),
    ("tribunal", "avocat conciliateur juge", (JUDICIAIRE,)),
    ("voisin", "conciliateur conflit voisinage", (JUDICIAIRE,)),
    ("enfant", "enfants famille PMI accueil de loisirs", (PARENTALITE, GARDE)),
    ("bébé", "PMI bébé enfants", (PARENTALITE, SOINS)),
    ("crèche", "crèche assistante maternelle garde", (GARDE,)),
    ("creche", "crèche assistante maternelle garde", (GARDE,)),
    ("nounou", "assistante maternelle garde", (GARDE,)),
    ("aide", "accueil orientation", (ACCES_AUX_DROITS,)),
    (
        "urgence",
        "aide d'urgence domiciliation",
        (
            "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
            HEBERGEMENT,
        ),
    ),
    ("sdf", "domiciliation hébergement", (HEBERGEMENT,)),
    ("courrier", "courrier domiciliation écrivain public", (ACCES_AUX_DROITS,)),
    ("assistante sociale", "assistante sociale", (ACCES_AUX_DROITS,)),
)
