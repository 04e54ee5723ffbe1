"""The detector of personal data in free text (roseraie_portal/personal_data.py).

Hand-written cases and the probe of issue 11 here; hypothesis strategies that write every
spelling of every kind, and ordinary notes, in test_personal_data_properties.py.
"""

import pytest
from django.core.exceptions import ValidationError

from roseraie_portal.personal_data import (
    MESSAGES,
    NUMBERS_NO_PARTNER_NEEDS,
    PersonalData,
    find_personal_data,
    iban_is_valid,
    nir_key_is_valid,
    normalise,
    spi_key_is_valid,
    validate_no_personal_data,
)

NNBSP, NBSP = "\u202f", "\u00a0"


def with_key(first_13: str) -> str:
    """A NIR whose key checks out: 97 − (number mod 97), Corsica counted as 19 / 18."""
    number = first_13.replace("2A", "19").replace("2B", "18")
    return f"{first_13}{97 - int(number) % 97:02d}"


NIR = with_key("1850578006084")  # 185057800608491
NIR_CORSE_SUD = with_key("290022A123456")
NIR_HAUTE_CORSE = with_key("175112B045012")


# Issue 11's probe, re-measured: 84 variants that a conseiller types in a hurry, one
# bullet of the issue after the other, with the kind each must be refused as; and 86
# ordinary notes that must pass. Against the detector before issue 11, 74 of the 84
# variants got through, 9 more were refused under another kind (a France Travail
# identifier as a CAF number, an IBAN or a numéro fiscal as a long number…) and 1 was
# refused as it should; no ordinary note was refused. Now: 0 get through, 0 under
# another kind, 0 ordinary notes refused.
PROBE = [
    # Titles without a dot, glued to the name, other titles, lower-case names.
    ("Vu M Dupont pour sa retraite.", "name"),
    ("M.Dupont a perdu sa carte Vitale.", "name"),
    ("Mr.Dupont revient jeudi.", "name"),
    ("Dr Martin a fait le certificat.", "name"),
    ("certificat signé par le Dr. Martin", "name"),
    ("Mlle benali, première visite.", "name"),
    ("mme dupont voulait refaire sa carte d’identité", "name"),
    ("Mme durand, demande de RSA.", "name"),
    ("Mme.Martin est venue seule.", "name"),
    ("accompagné mr leroy sur Ameli", "name"),
    ("Docteur Benali, ordonnance à scanner.", "name"),
    ("vu Melle traoré ce matin", "name"),
    ("M\u1d50\u1d49 Dupont", "name"),
    ("M. dupont, dossier retraite", "name"),
    ("Maître Leroy, l’avocat, a écrit.", "name"),
    ("Mrs Smith needs help with Ameli.", "name"),
    ("M.DUPONT", "name"),
    ("Mlle.Diallo a un rendez-vous.", "name"),
    ("M KONATÉ revient lundi", "name"),
    ("Mme lefebvre a tout signé", "name"),
    # Phones: slashes, mixed or doubled separators, narrow no-break spaces, no leading
    # zero, foreign.
    ("06/12/34/56/78", "phone"),
    ("tél 06 12.34-56 78", "phone"),
    ("06  12  34  56  78", "phone"),
    ("06 - 12 - 34 - 56 - 78", "phone"),
    (f"06{NNBSP}12{NNBSP}34{NNBSP}56{NNBSP}78", "phone"),
    ("6 12 34 56 78", "phone"),
    ("rappeler au 7 81 22 33 44", "phone"),
    ("+212 6 12 34 56 78", "phone"),
    ("+213 5 51 23 45 67", "phone"),
    ("+90 532 123 45 67", "phone"),
    ("+44 7911 123456", "phone"),
    ("00212 612345678", "phone"),
    ("+216 20 123 456", "phone"),
    ("06.12.34.56 78", "phone"),
    ("０６ １２ ３４ ５６ ７８", "phone"),
    ("06-12/34.56 78", "phone"),
    ("+351 912 345 678", "phone"),
    ("whatsapp +225 07 12 34 56 78", "phone"),
    # E-mails: spaces around "@", "(at)", "arobase", full-width "＠", no dot in the domain.
    ("jean.dupont @ gmail.com", "email"),
    ("écrire à jean.dupont@ gmail.com", "email"),
    ("jean.dupont (at) gmail.com", "email"),
    ("jean.dupont[at]gmail.com", "email"),
    ("jean.dupont arobase gmail.com", "email"),
    ("jean.dupont arobase gmail point com", "email"),
    ("jean.dupont＠gmail.com", "email"),
    ("mail : jean@gmail", "email"),
    ("jean.dupont@hotmail", "email"),
    ("écrire à jdupont @ orange", "email"),
    ("jean.dupont(at)laposte.net", "email"),
    ("jean.dupont AT gmail DOT com", "email"),
    ("j.dupont {at} free.fr", "email"),
    # NIR with a wrong or missing key once written with spaces; CAF in groups or 8
    # digits; France Travail in lower case or with spaces, and the 11-digit identifier.
    ("NIR 1 85 05 78 006 084", "nir"),
    ("sécu 1 85 05 78 006 084 92", "nir"),
    ("1.85.05.78.006.084", "nir"),
    ("2 90 02 2A 123 456", "nir"),
    (f"1{NNBSP}85{NNBSP}05{NNBSP}78{NNBSP}006{NNBSP}084{NNBSP}91", "nir"),
    ("1-85-05-78-006-084-00", "nir"),
    ("1 85 05 78 006 084  91", "nir"),
    ("carte vitale 2 84 12 76 451 089", "nir"),
    ("allocataire 123 45 67", "caf"),
    ("CAF 12345678", "caf"),
    ("n° CAF 1234 567", "caf"),
    ("dossier caf 1 234 567", "caf"),
    ("CAF : 123-45-67", "caf"),
    ("numéro d’allocataire 12 34 567", "caf"),
    ("1234567 a", "france-travail"),
    ("identifiant FT 1234567a", "france-travail"),
    ("1234 567A", "france-travail"),
    ("id pôle emploi 123 4567 B", "france-travail"),
    ("nouvel identifiant France Travail 12345678901", "france-travail"),
    ("FT: 1234567 b", "france-travail"),
    ("identifiant 1234567-A", "france-travail"),
    # IBAN and numéro fiscal.
    ("IBAN FR76 3000 6000 0112 3456 7890 189", "iban"),
    ("FR7630006000011234567890189", "iban"),
    ("rib : fr76 3000 6000 0112 3456 7890 189", "iban"),
    ("virement sur DE89 3704 0044 0532 0130 00", "iban"),
    ("GB29 NWBK 6016 1331 9268 19", "iban"),
    ("FR76-3000-6000-0112-3456-7890-189", "iban"),
    ("TR33 0006 1005 1978 6457 8413 26", "iban"),
    ("RIB 30006 00001 12345678901 89", "iban"),
    ("numéro fiscal 30 12 345 678 167", "fiscal"),
    ("n° fiscal 3012345678167", "fiscal"),
    ("SPI 1234567890066", "fiscal"),
    ("avis d’impôt, numéro fiscal 20 98 765 432 029", "fiscal"),
]

ORDINARY_PROBE = [
    "RDV le 12/03/2026 à 14h30.",
    "Revenir le 12-03-2026.",
    "Dossier déposé le 2026-03-12.",
    "Rendez-vous le 12 mars à 9 h.",
    "30 minutes sur Ameli.",
    "1h30 d’accompagnement, 2 h 15 d’attente.",
    "Loyer 1 250 € ; facture 1250,50 €.",
    "Aide de 35 euros.",
    "Habite 49100 Angers.",
    "3 enfants, 2 à charge.",
    "Formulaire cerfa 12345*01.",
    "Année scolaire 2024-2025.",
    "Taux d’effort 33 %.",
    "Bureau 12, 2e étage.",
    "Référence du courrier 123456.",
    "Madame a besoin d’aide pour Ameli.",
    "M. le maire a signé.",
    "Madame la conseillère rappelle demain.",
    "Mme souhaite refaire sa carte Vitale.",
    "Mme a oublié son mot de passe.",
    "Mr voulait savoir pour la prime d’activité.",
    "Mme est venue avec sa fille.",
    "Le docteur a fait un certificat.",
    "De 9h à 12h, puis 14:30-16:00.",
    "RDV 14:30.",
    "Le 01.02.2026 10 h.",
    "Délai de 2 à 3 semaines.",
    "Échéance au 31/12.",
    "Facture EDF de 128,43 € du 05/02/2026.",
    "APL de 245 € par mois depuis 2023.",
    "Carte grise, 2 pages, 10 minutes.",
    "Code postal 49000.",
    "Le 12/03/2026 14 h 30.",
    "Entre le 01/03/2026 et le 15/03/2026.",
    "RDV 12/03 à 10h, 19/03 à 11h.",
    "Compte CAF créé, attestation imprimée.",
    "Imprimé 12 pages, scanné 3 pages.",
    "Bus ligne 2, arrêt Roseraie.",
    "La personne a 67 ans, née en 1958.",
    "Versement de 1 234,56 €.",
    "Salle 104.",
    "Revenu fiscal de référence 12 345 €.",
    "Numéro de dossier à retrouver.",
    "Le 3949 ne répond pas.",
    "Tarif social 9,99 €/mois.",
    "Prochaine permanence mardi 14h-17h.",
    "Du 1er au 15 avril.",
    "Windows 10, 8 Go de RAM.",
    "12 mars 2026 à 14 h.",
    "Dette de 1 250 € depuis 2025 (49100).",
    "Formulaire cerfa n°15776*02, 2 pages.",
    "2 x 45 min.",
    "Tranche 25-34 ans.",
    "Quotient familial 650.",
    "Prélèvement le 5 de chaque mois.",
    "Horaires 9h-12h / 14h-17h.",
    "Entre 10 et 12 personnes.",
    "Mme la directrice de l’école a appelé.",
    "Monsieur souhaite un rendez-vous.",
    "madame ne sait pas utiliser le clavier.",
    "M. et Mme ont déposé le dossier ensemble.",
    "Un @ manquait dans l’adresse.",
    "Il faut taper l’arobase avec Alt Gr.",
    "Déclaration sur impots.gouv.fr.",
    "Taille M ou L pour le gilet.",
    "Dates : 12/03, 19/03, 26/03.",
    "Horaires 08:30 - 12:00.",
    "Le 06/03/2026 10 h 30.",
    "Le 06/03 à 14h.",
    "RDV le 12/03/2026 à 9 h 30, puis le 26/03/2026 à 10 h.",
    "En 2025, 312 personnes accueillies.",
    "1 personne sur 3.",
    "Le 3 puis le 10 du mois.",
    "Mme n’a pas de scanner.",
    "Monsieur est reparti avec ses papiers.",
    "Mme accompagnée pour la déclaration.",
    "M. souhaiterait un rendez-vous.",
    "Mr ne comprend pas le courrier.",
    "Mme sera absente la semaine prochaine.",
    "Madame, 2 enfants, loyer 640 €.",
    "12/03/2026 - 14h30 - 30 min",
    "Montant 1 250 000 € ?",
    "14h30-15h30",
    "APL 2024 2025 à vérifier.",
    "Ameli : 2 h 15 d’attente, 12032026 comme référence de date.",
    "Appelé le 3949 puis le 3230.",
]


@pytest.mark.parametrize(("note", "kind"), PROBE)
def test_the_probe_of_hurried_variants_is_refused_under_the_right_kind(note, kind):
    assert find_personal_data(note) == [PersonalData(kind)]


@pytest.mark.parametrize("note", ORDINARY_PROBE)
def test_the_probe_of_ordinary_notes_passes(note):
    assert find_personal_data(note) == []


def test_the_probe_is_as_large_as_the_issues():
    assert len(PROBE) >= 81
    assert {kind for _note, kind in PROBE} == {str(kind) for kind in PersonalData} - {
        PersonalData.LONG_NUMBER
    }


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("jean.dupont＠gmail．com", "jean.dupont@gmail.com"),
        (f"06{NNBSP}12{NBSP}34\u200b 56\t78", "06 12 34 56 78"),
        ("06 - 12 / 34 .. 56  78", "06 12 34 56 78"),
        # A dot that ends a sentence stays: the next number is another one.
        ("en 2025. 3 enfants", "en 2025. 3 enfants"),
        ("12 / 03 / 2026", "12 03 2026"),
        ("12/03/2026", "12/03/2026"),
        ("０６１２３４５６７８", "0612345678"),
        ("\u0660\u0666\u0661\u0662", "0612"),
        ("M\u1d50\u1d49 Dupont", "Mme Dupont"),
        ("1 250\u2013300 €", "1 250-300 €"),
        ("une ligne\npuis une autre", "une ligne\npuis une autre"),
    ],
)
def test_the_text_is_normalised_before_detecting(written, read):
    assert normalise(written) == read


@pytest.mark.parametrize(
    "note",
    [
        "Mme Dupont voulait renouveler sa carte d’identité.",
        "Accompagné M. Martin pour la CAF.",
        "Mr Leroy revient mardi.",
        "Mlle Benali, première visite.",
        "Melle Diallo",
        "Monsieur Nguyen a créé son compte Ameli.",
        "madame Traoré a besoin d’aide",
        "MADAME KONATÉ",
        "Madame de Villiers",
        "Monsieur d’Aubigné",
        "Madame Le Gall",
        "Vu avec Mme Émilie",
        # Issue 11: without the dot, glued, other titles, lower case after an abbreviation.
        "M Dupont",
        "M.Dupont",
        "Mr.Dupont",
        "Dr Martin",
        "Dr.Martin",
        "Docteur Martin",
        "Pr Leroy",
        "Maître Leroy",
        "Mme dupont",
        "mr leroy",
        "Mlle traoré",
        "M. et Mme Dupont",
        "M. O’Brien",
    ],
)
def test_a_name_introduced_by_a_civility_is_found(note):
    assert find_personal_data(note) == [PersonalData.NAME]


@pytest.mark.parametrize(
    "note",
    [
        # A civility used as a noun in an ordinary French sentence.
        "Madame a besoin d’aide pour Ameli, monsieur aussi.",
        "M. le maire a signé.",
        "M. Le Maire a signé.",
        "Madame la Directrice a appelé.",
        "Mme souhaite refaire sa carte Vitale.",
        "Mme n’a pas de scanner.",
        "Mr ne comprend pas le courrier.",
        "Mme accompagnée pour la déclaration.",
        "Mme voulait savoir.",
        # After a full word, a lower-case word is not a name.
        "madame ne sait pas utiliser le clavier",
        "Monsieur souhaite un rendez-vous.",
        # A capital M that is a letter.
        "Taille M Pour le gilet",
        "Bâtiment M Escalier B",
        # "Me" and "Pr" with a lower-case word: a pronoun, an abbreviation of "pour".
        "Me rappeler demain.",
        "pr la CAF",
        # A placeholder, and a name without any civility.
        "Mme X a besoin d’aide.",
        "Jean Dupont est venu.",
    ],
)
def test_a_civility_without_a_name_passes(note):
    assert find_personal_data(note) == []


@pytest.mark.parametrize(
    "note",
    [
        "06 12 34 56 78",
        "0612345678",
        "+33 6 12 34 56 78",
        "+33612345678",
        "0033 6 12 34 56 78",
        "+33 (0)6 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "Rappeler au 02 41 00 00 01 demain",
        # Issue 11.
        "06/12/34/56/78",
        "06 12.34-56/78",
        "06. 12. 34. 56. 78",
        "06 - 12 - 34 - 56 - 78",
        "06 12345678",
        "6 12 34 56 78",
        "+212 6 12 34 56 78",
        "+213 5 51 23 45 67",
        "+90 532 123 45 67",
        "+44 7911 123456",
        "(+216) 20 123 456",
        "00212612345678",
    ],
)
def test_a_phone_number_is_found(note):
    assert find_personal_data(note) == [PersonalData.PHONE]


@pytest.mark.parametrize(
    "note",
    [
        "jean.dupont@example.org",
        "écrire à j-d+caf@mail.example.fr svp",
        # Issue 11.
        "jean.dupont @ example.org",
        "jean.dupont (at) example.org",
        "jean.dupont [at] example [dot] org",
        "jean.dupont arobase example point org",
        "jean@gmail",
        "jean @ gmail",
    ],
)
def test_an_email_address_is_found(note):
    assert find_personal_data(note) == [PersonalData.EMAIL]


@pytest.mark.parametrize(
    "note",
    [
        "Un @ manquait dans l’adresse.",
        "Il faut taper l’arobase avec Alt Gr.",
        "Déclaration sur impots.gouv.fr.",
        "mot de passe avec @123 à la fin",
    ],
)
def test_what_only_looks_like_an_email_address_passes(note):
    assert find_personal_data(note) == []


@pytest.mark.parametrize(
    "written",
    [
        NIR,
        "1 85 05 78 006 084 91",
        "1.85.05.78.006.084.91",
        f"NIR {NIR_CORSE_SUD}",
        f"{NIR_CORSE_SUD[:5]} 2a {NIR_CORSE_SUD[7:]}",
        NIR_HAUTE_CORSE,
        # Issue 11: a wrong or missing key, written with spaces or not.
        "1 85 05 78 006 084",
        "1 85 05 78 006 084 92",
        "2 90 02 2A 123 456",
        "1850578006084",
    ],
)
def test_a_social_security_number_is_found(written):
    assert find_personal_data(written) == [PersonalData.NIR]


def test_the_nir_key_is_checked_with_corsica_counted_as_19_and_18():
    assert NIR == "185057800608491"
    assert nir_key_is_valid(NIR)
    assert nir_key_is_valid(NIR_CORSE_SUD) and nir_key_is_valid(NIR_HAUTE_CORSE)
    assert not nir_key_is_valid(NIR[:-2] + "92")
    assert not nir_key_is_valid(NIR_CORSE_SUD.replace("2A", "2B"))


def test_fifteen_digits_in_a_nirs_shape_with_a_wrong_key_are_refused_as_a_nir():
    # Before issue 11 this was refused as a long number: in a NIR's shape (first digit,
    # plausible month), a wrong key is a mistyped NIR, and the message says so.
    assert find_personal_data("185057800608492") == [PersonalData.NIR]
    # Without a NIR's shape (month 45), fifteen digits stay a long number.
    assert find_personal_data("123457800608492") == [PersonalData.LONG_NUMBER]


@pytest.mark.parametrize(
    "note",
    [
        "allocataire 1234567",
        "n°7654321",
        "dossier CAF : 1234567.",
        # Issue 11.
        "allocataire 123 45 67",
        "CAF 12345678",
        "dossier caf 1 234 567",
        "numéro d’allocataire 12 34 567",
    ],
)
def test_a_caf_allocataire_number_is_found(note):
    assert find_personal_data(note) == [PersonalData.CAF]


@pytest.mark.parametrize(
    "note",
    [
        "identifiant 1234567X",
        "1234567 A",
        "id : 0123456B",
        # Issue 11.
        "1234567 a",
        "1234567a",
        "1234 567A",
        "123 4567 b",
        "1234567-A",
        # The newer 11-digit identifier, once refused as a long number only.
        "nouvel identifiant 12345678901",
        "identifiant France Travail : 123 456 789 01",
    ],
)
def test_a_france_travail_identifier_is_found(note):
    assert find_personal_data(note) == [PersonalData.FRANCE_TRAVAIL]


@pytest.mark.parametrize(
    "note",
    [
        "IBAN FR76 3000 6000 0112 3456 7890 189",
        "FR7630006000011234567890189",
        "fr76 3000 6000 0112 3456 7890 189",
        "FR 76 3000 6000 0112 3456 7890 189",
        "GB29 NWBK 6016 1331 9268 19",
        "BE68 5390 0754 7034",
        # Shaped like one, a mistyped IBAN too (once a long number).
        "IBAN FR7630006000011234",
        "RIB 30006 00001 12345678901 89",
    ],
)
def test_bank_details_are_found(note):
    assert find_personal_data(note) == [PersonalData.IBAN]


def test_the_iban_check_digits_are_checked():
    assert iban_is_valid("FR76 3000 6000 0112 3456 7890 189")
    assert not iban_is_valid("FR77 3000 6000 0112 3456 7890 189")
    # Country and check digits apart, only with the right check digits: "DE" is a word.
    assert find_personal_data("DE 89 3704 0044 0532 0130 00") == [PersonalData.IBAN]
    assert find_personal_data("de 12 34 56") == []


@pytest.mark.parametrize(
    "note",
    [
        # Once refused as long numbers: now named.
        "numéro fiscal 0123456789012",
        "numéro fiscal 30 12 345 678 167",
        "SPI 3012345678167",
    ],
)
def test_a_tax_number_is_found(note):
    assert find_personal_data(note) == [PersonalData.FISCAL]


def test_thirteen_digits_in_a_nirs_shape_are_a_tax_number_only_with_its_key():
    assert spi_key_is_valid("3012345678167")
    assert not spi_key_is_valid("3012345678168")
    assert find_personal_data("3012345678167") == [PersonalData.FISCAL]
    assert find_personal_data("3012345678168") == [PersonalData.NIR]


@pytest.mark.parametrize(
    "note",
    ["référence 123456789", "carte 4970 1234 5678 9012 : 4970123456789012"],
)
def test_other_long_numbers_are_found(note):
    assert find_personal_data(note) == [PersonalData.LONG_NUMBER]


@pytest.mark.parametrize(
    "note",
    [
        "",
        "30 minutes sur la déclaration de revenus.",
        "Rendez-vous le 12/03/2026 à 14h30, revenir le 2026-03-19.",
        "Dossier déposé le 01.02.2026 10 h, relance le 05.03.2026.",
        "Facture de 1 250,50 € ; loyer 480 €.",
        "Habite au 49100, quartier Roseraie, 3 enfants.",
        "Madame a besoin d’aide pour Ameli, monsieur aussi.",
        "La personne souhaite que Madame la conseillère rappelle la CAF.",
        "Formulaire cerfa n°15776*02, 2 pages.",
        "Créé un compte sur impots.gouv, mot de passe noté sur papier.",
        "M. le maire a signé.",
        "Téléphone cassé, il faut un nouveau forfait à 9,99 €.",
        "Appelé le 3949 puis le 3230.",
        "Ameli : 2 h 15 d’attente, 12032026 comme référence de date.",
        "Dossier CAF déposé le 12 03 2026, aide de 1 234 567 €.",
        "APL 2024 2025 à revoir, impôts 20242025.",
    ],
)
def test_ordinary_notes_pass(note):
    assert find_personal_data(note) == []
    validate_no_personal_data(note)


def test_every_kind_found_gets_its_own_message_without_the_value():
    note = "Mme Dupont, 06 12 34 56 78, jean@example.org"

    with pytest.raises(ValidationError) as refused:
        validate_no_personal_data(note)

    messages = refused.value.messages
    assert len(messages) == 3
    assert any("une adresse e-mail" in m for m in messages)
    assert any("un numéro de téléphone" in m for m in messages)
    assert any("un nom" in m for m in messages)
    assert all("Dupont" not in m and "06 12" not in m and "jean@" not in m for m in messages)
    assert {error.code for error in refused.value.error_list} == {"personal_data"}


def test_every_kind_has_a_message_for_the_log_and_the_numbers_for_an_orientation():
    assert set(MESSAGES) == set(PersonalData)
    assert set(NUMBERS_NO_PARTNER_NEEDS) == set(PersonalData) - {
        PersonalData.EMAIL,
        PersonalData.PHONE,
        PersonalData.NAME,
    }
    assert all(
        "le partenaire n’en a pas besoin" in str(m) for m in NUMBERS_NO_PARTNER_NEEDS.values()
    )


@pytest.mark.parametrize(
    ("note", "found"),
    [
        ("IBAN FR76 3000 6000 0112 3456 7890 189", "des coordonnées bancaires"),
        ("numéro fiscal 30 12 345 678 167", "un numéro fiscal"),
    ],
)
def test_an_orientation_refuses_bank_details_and_tax_numbers(note, found):
    with pytest.raises(ValidationError) as refused:
        validate_no_personal_data(note, refused=NUMBERS_NO_PARTNER_NEEDS)

    (message,) = refused.value.messages
    assert found in message and "le partenaire n’en a pas besoin" in message
    # Her phone and e-mail, with her consent, have their own fields; the note may say them.
    validate_no_personal_data("Rappeler au 06 12 34 56 78", refused=NUMBERS_NO_PARTNER_NEEDS)


def test_one_number_is_reported_once_under_its_most_precise_name():
    # A NIR holds runs of digits that would also look like other identifiers.
    assert find_personal_data(f"NIR {NIR} et tél 0612345678") == [
        PersonalData.NIR,
        PersonalData.PHONE,
    ]
    # So do an IBAN and a foreign phone number.
    assert find_personal_data("FR7630006000011234567890189, +212 6 12 34 56 78") == [
        PersonalData.PHONE,
        PersonalData.IBAN,
    ]
