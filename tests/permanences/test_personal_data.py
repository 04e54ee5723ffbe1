import pytest
from django.core.exceptions import ValidationError

from permanences.personal_data import (
    PersonalData,
    find_personal_data,
    nir_key_is_valid,
    validate_no_personal_data,
)


def with_key(first_13: str) -> str:
    """A NIR whose key checks out: 97 − (number mod 97), Corsica counted as 19 / 18."""
    number = first_13.replace("2A", "19").replace("2B", "18")
    return f"{first_13}{97 - int(number) % 97:02d}"


NIR = with_key("1850578006084")  # 185057800608491
NIR_CORSE_SUD = with_key("290022A123456")
NIR_HAUTE_CORSE = with_key("175112B045012")


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
    ],
)
def test_a_name_introduced_by_a_civility_is_found(note):
    assert find_personal_data(note) == [PersonalData.NAME]


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
    ],
)
def test_a_french_phone_number_is_found(note):
    assert find_personal_data(note) == [PersonalData.PHONE]


@pytest.mark.parametrize(
    "note",
    ["jean.dupont@example.org", "écrire à j-d+caf@mail.example.fr svp"],
)
def test_an_email_address_is_found(note):
    assert find_personal_data(note) == [PersonalData.EMAIL]


@pytest.mark.parametrize(
    "written",
    [
        NIR,
        "1 85 05 78 006 084 91",
        "1.85.05.78.006.084.91",
        f"NIR {NIR_CORSE_SUD}",
        f"{NIR_CORSE_SUD[:5]} 2a {NIR_CORSE_SUD[7:]}",
        NIR_HAUTE_CORSE,
    ],
)
def test_a_social_security_number_with_a_valid_key_is_found(written):
    assert find_personal_data(written) == [PersonalData.NIR]


def test_the_nir_key_is_checked_with_corsica_counted_as_19_and_18():
    assert NIR == "185057800608491"
    assert nir_key_is_valid(NIR)
    assert nir_key_is_valid(NIR_CORSE_SUD) and nir_key_is_valid(NIR_HAUTE_CORSE)
    assert not nir_key_is_valid(NIR[:-2] + "92")
    assert not nir_key_is_valid(NIR_CORSE_SUD.replace("2A", "2B"))


def test_fifteen_digits_with_a_wrong_key_are_still_refused_as_a_long_number():
    assert find_personal_data("185057800608492") == [PersonalData.LONG_NUMBER]


@pytest.mark.parametrize("note", ["allocataire 1234567", "n°7654321", "dossier CAF : 1234567."])
def test_a_caf_allocataire_number_is_found(note):
    assert find_personal_data(note) == [PersonalData.CAF]


@pytest.mark.parametrize("note", ["identifiant 1234567X", "1234567 A", "id : 0123456B"])
def test_a_france_travail_identifier_is_found(note):
    assert find_personal_data(note) == [PersonalData.FRANCE_TRAVAIL]


@pytest.mark.parametrize(
    "note",
    ["nouvel identifiant 12345678901", "numéro fiscal 0123456789012", "IBAN FR7630006000011234"],
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


def test_one_number_is_reported_once_under_its_most_precise_name():
    # A NIR holds runs of digits that would also look like other identifiers.
    assert find_personal_data(f"NIR {NIR} et tél 0612345678") == [
        PersonalData.NIR,
        PersonalData.PHONE,
    ]
