import pytest
import textstat

from services.falc import FalcWarning, check_falc, readability_score

GOOD_TEXT = (
    "Vous avez besoin d'aide pour vos papiers ?\n"
    "Venez au Relais-Mairie.\n"
    "C'est gratuit.\n"
    "Apportez votre carte d'identité."
)
# Long enough to be scored (30 words or more), every sentence of three words or more and
# ended by a full stop, so that textstat counts the same sentences as the module.
SIMPLE_TEXT = (
    "Le club de foot est pour les enfants.\n"
    "Il a lieu le mercredi.\n"
    "Il est dans le parc.\n"
    "Venez à deux heures.\n"
    "Les parents sont les bienvenus.\n"
    "Le club prête les ballons.\n"
    "Apportez de l'eau."
)
ADMINISTRATIVE_TEXT = (
    "Conformément aux dispositions réglementaires en vigueur, les bénéficiaires de "
    "prestations sociales sont tenus de communiquer annuellement à l'organisme gestionnaire "
    "l'ensemble des justificatifs permettant l'actualisation de leurs droits, faute de quoi "
    "le versement des allocations pourra être suspendu."
)


def codes(text):
    return [warning.code for warning in check_falc(text)]


def flagged(text, code):
    return [warning for warning in check_falc(text) if warning.code == code]


def test_good_falc_text_gets_no_warning():
    assert check_falc(GOOD_TEXT) == []
    assert check_falc(SIMPLE_TEXT) == []


@pytest.mark.parametrize("text", ["", "   ", "\n \n"])
def test_blank_text_gets_no_warning_and_no_score(text):
    assert check_falc(text) == []
    assert readability_score(text) is None


def test_sentence_of_twelve_words_passes():
    assert codes("Vous pouvez venir le mardi ou le jeudi matin avec votre carte.") == []


def test_sentence_of_thirteen_words_is_flagged():
    sentence = "Vous pouvez venir le mardi ou le jeudi matin avec votre carte vitale."

    assert flagged(sentence, "long_sentence") == [
        FalcWarning(
            "long_sentence",
            f"Phrase trop longue (13 mots, 12 au plus) : « {sentence} »",
            sentence,
        )
    ]


def test_a_line_break_ends_a_sentence():
    one_sentence_per_line = "Vous pouvez venir le mardi\nou le jeudi matin avec votre carte vitale"

    assert codes(one_sentence_per_line) == []
    assert codes(one_sentence_per_line.replace("\n", " ")) == ["long_sentence"]


def test_a_time_counts_as_one_word():
    assert codes("Le mardi de 9 h 30 à 12 h et de 14 h à 17 h 30.") == []


def test_word_of_more_than_four_syllables_is_flagged():
    warnings = flagged("Nous faisons un accompagnement.", "long_word")

    assert [warning.excerpt for warning in warnings] == ["accompagnement"]
    assert "5 syllabes" in warnings[0].message


def test_word_of_more_than_fourteen_letters_is_flagged():
    # Four syllables only: the letters alone make it long.
    assert [w.excerpt for w in flagged("Les administrations ferment.", "long_word")] == [
        "administrations"
    ]


def test_a_long_word_is_flagged_once():
    text = "Un accompagnement gratuit.\nL'accompagnement dure une heure."

    assert [w.excerpt for w in flagged(text, "long_word")] == ["accompagnement"]


def test_numbers_links_and_proper_names_are_not_long_words():
    text = (
        "Écrivez à accompagnement@roseraie-angers.fr.\n"
        "Lisez https://www.service-public.fr/particuliers/vosdroits.\n"
        "Appelez le 0241234567.\n"
        "Allez à la maison de quartier Marie-Antoinette-Boissonnade."
    )

    assert flagged(text, "long_word") == []


def test_unexplained_acronym_is_flagged():
    assert flagged("La CAF vous aide.", "unexplained_abbreviation") == [
        FalcWarning(
            "unexplained_abbreviation",
            "Sigle non expliqué : « CAF ». Écrivez les mots en entier, "
            "ou expliquez le sigle entre parenthèses la première fois.",
            "CAF",
        )
    ]


def test_acronym_explained_after_its_first_use_passes():
    text = "La CAF (Caisse d'allocations familiales) vous aide.\nLa CAF paie le loyer."

    assert codes(text) == []


def test_acronym_explained_before_its_first_use_passes():
    assert codes("La Caisse d'allocations familiales (CAF) vous aide.") == []


def test_acronym_explained_only_after_a_first_use_is_flagged():
    text = "La CAF vous aide.\nLa CAF (Caisse d'allocations familiales) paie le loyer."

    assert [w.excerpt for w in flagged(text, "unexplained_abbreviation")] == ["CAF"]


def test_each_unexplained_acronym_is_flagged_once():
    text = "Le CCAS vous aide.\nLe CCAS est ouvert.\nVotre enfant est en CM2."

    assert [w.excerpt for w in flagged(text, "unexplained_abbreviation")] == ["CCAS", "CM2"]


def test_everyday_acronyms_pass_but_rdv_does_not():
    text = "Envoyez un SMS.\nLes WC sont au fond.\nC'est OK.\nPrenez un RDV."

    assert [w.excerpt for w in flagged(text, "unexplained_abbreviation")] == ["RDV"]


@pytest.mark.parametrize(
    ("text", "character"),
    [
        ("Venez lundi & mardi.", "&"),
        ("Prenez le ticket #3.", "#"),
        ("Venez le 12/03/2025.", "/"),
        ("Venez lundi ; c'est gratuit.", ";"),
    ],
)
def test_special_character_is_flagged(text, character):
    warnings = flagged(text, "special_character")

    assert [warning.excerpt for warning in warnings] == [text]
    assert f"« {character} »" in warnings[0].message


def test_special_characters_in_links_and_addresses_pass():
    text = (
        "Lisez https://www.caf.fr/aides?page=2&tri=date#logement.\n"
        "Allez sur service-public.fr/particuliers.\n"
        "Venez à 14 h 30."
    )

    assert flagged(text, "special_character") == []


@pytest.mark.parametrize("text", ["La moitié des familles a 50 % d'aide.", "Dix pour cent paient."])
def test_percentage_is_flagged(text):
    assert [warning.excerpt for warning in flagged(text, "percentage")] == [text]


def test_percentage_sign_in_a_link_passes():
    assert flagged("Lisez https://angers.fr/aide%20logement.", "percentage") == []


@pytest.mark.parametrize(
    ("text", "numeral", "number"),
    [
        ("Lisez le chapitre II.", "II", "2"),
        ("Le roi Louis XIV.", "XIV", "14"),
        ("Le XXIe siècle.", "XXIe", "21e"),
        ("Le roi François Ier.", "Ier", "1er"),
        ("Le Ve arrondissement.", "Ve", "5e"),
    ],
)
def test_roman_numeral_is_flagged_with_the_number_to_write(text, numeral, number):
    warnings = flagged(text, "roman_numeral")

    assert [warning.excerpt for warning in warnings] == [numeral]
    assert f"Écrivez « {number} »" in warnings[0].message


def test_words_that_look_like_roman_numerals_pass():
    text = "Le bus passe.\nLes enfants jouent.\nIl fait beau.\nLa vitamine C et la vitamine D."

    assert flagged(text, "roman_numeral") == []


def test_roman_numeral_is_not_also_flagged_as_an_acronym():
    assert codes("Lisez le chapitre III.") == ["roman_numeral"]


def test_more_than_one_negation_in_five_sentences_is_flagged():
    text = "Vous ne payez pas.\nVenez sans rendez-vous.\nApportez votre carte."

    assert flagged(text, "negations") == [
        FalcWarning(
            "negations",
            "Trop de négations : 2, pour 1 au plus dans ce texte. "
            "Dites plutôt ce qu'il faut faire.",
            "",
        )
    ]


@pytest.mark.parametrize(
    "negation",
    [
        "Vous ne payez pas.",
        "Vous n'avez rien à payer.",
        "Vous ne payez plus.",
        "Vous ne payez jamais.",
        "Venez sans rendez-vous.",
    ],
)
def test_each_form_of_negation_counts(negation):
    assert codes(f"{negation}\n{negation}") == ["negations"]
    assert codes(negation) == []


def test_one_negation_is_allowed_per_five_sentences():
    five = "Vous ne payez pas.\nVenez le mardi.\nVenez le jeudi.\nApportez votre carte.\nMerci."

    assert flagged(five, "negations") == []
    assert flagged(f"{five}\nVenez sans rendez-vous.", "negations") == []
    assert flagged(f"{five}\nVenez sans rendez-vous.\nVous ne payez rien.", "negations")


def test_simple_text_scores_above_80():
    assert readability_score(SIMPLE_TEXT) > 80
    assert flagged(SIMPLE_TEXT, "low_readability") == []


def test_administrative_paragraph_scores_below_80_and_is_flagged():
    score = readability_score(ADMINISTRATIVE_TEXT)

    assert score < 80
    assert flagged(ADMINISTRATIVE_TEXT, "low_readability") == [
        FalcWarning(
            "low_readability",
            f"Texte difficile à lire : score de lisibilité {int(score)}, il faut au moins 80. "
            "Faites des phrases plus courtes, avec des mots plus courts.",
            "",
        )
    ]


def test_score_is_kandel_moles_as_textstat_computes_it():
    # Where textstat sees the same sentences (all ended by a full stop, none of one or two
    # words), its French Flesch and the module's score are the same formula.
    assert readability_score(SIMPLE_TEXT) == pytest.approx(
        textstat.flesch_reading_ease(SIMPLE_TEXT)
    )
    assert readability_score(ADMINISTRATIVE_TEXT) == pytest.approx(
        textstat.flesch_reading_ease(ADMINISTRATIVE_TEXT)
    )


def test_score_counts_every_line_as_a_sentence():
    # textstat would read these lines as one sentence of 11 words.
    lines = "Venez le mardi\nVenez le jeudi\nApportez votre carte\nC'est gratuit"
    words, sentences, syllables = 11, 4, textstat.syllable_count(lines)

    assert readability_score(lines) == pytest.approx(
        207 - 1.015 * words / sentences - 73.6 * syllables / words
    )


def test_text_too_short_to_measure_is_not_judged_on_its_score():
    # 16 words: "Relais-Mairie" and "identité" alone pull the score below 80.
    assert readability_score(GOOD_TEXT) < 80
    assert flagged(GOOD_TEXT, "low_readability") == []
