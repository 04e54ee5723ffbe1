"""Checks a FALC text (facile à lire et à comprendre) against the easy-to-read rules a
program can check, and returns warnings for the coordinator: never a block, since only
a person can judge the rest (one idea per sentence, familiar words, a sensible order).

The rules and thresholds follow the "FALC" section of the team's A11Y.md:

- a sentence ends at ``.``, ``!``, ``?`` or a line break (FALC writes one per line) and
  has at most 12 words; a time such as "9 h 30" counts as one word;
- a word has at most 4 syllables and 14 letters (numbers, links, e-mail addresses and
  proper names, i.e. capitalised words not starting a sentence, are not judged);
- an acronym (2 to 6 capital letters, digits allowed: CAF, CCAS, CM2) is explained in
  parentheses where it first appears: "la CAF (Caisse d'allocations familiales)" or
  "la Caisse d'allocations familiales (CAF)";
- no special character (& # / ;) outside links, no percentage, no Roman numeral;
- at most one negation per 5 sentences;
- a Kandel–Moles score of at least 80, judged on texts of 30 words or more.
"""

import math
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass

import textstat
from django.utils.translation import gettext as _

# textstat's syllable counts use Pyphen's French dictionary; its default language is
# English, for which it downloads the CMU dictionary from the internet.
textstat.set_lang("fr")

MAX_WORDS_PER_SENTENCE = 12
MAX_SYLLABLES_PER_WORD = 4
MAX_LETTERS_PER_WORD = 14
SENTENCES_PER_NEGATION = 5
MIN_READABILITY = 80
# Below this, one long word moves the score by more than 7 points: it measures the
# choice of a single word, not the text. Short texts still get the word and sentence rules.
MIN_WORDS_FOR_READABILITY = 30

# Acronyms that are the everyday French word for the thing: "Short Message Service" or
# "water-closet" would help nobody. "RDV" is not here: FALC writes "rendez-vous" in full.
KNOWN_ACRONYMS = frozenset({"OK", "SMS", "WC"})

# Kandel & Moles (1958), Flesch's formula adapted to French. textstat's "fr" settings use
# the same constants, but its sentence count ignores line breaks and sentences of one or
# two words, which are exactly what a FALC text is made of; so the sentences are ours.
KANDEL_MOLES_BASE = 207
KANDEL_MOLES_PER_WORD_PER_SENTENCE = 1.015
KANDEL_MOLES_PER_SYLLABLE_PER_WORD = 73.6

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n")
LINK = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|eu|info)\b(?:/\S*)?"
)
TIME = re.compile(r"\b(\d{1,2}) ?h(?: ?(\d{2}))?\b")
WORD = re.compile(r"[\w'’-]+")
ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")
EXPLANATION_AFTER = re.compile(r"\s*\([^)]*[a-zà-ÿ]")
EXPLANATION_BEFORE = re.compile(r"[a-zà-ÿ]\s*\(\s*$")
SPECIAL_CHARACTER = re.compile(r"[&#/;]")
PERCENTAGE = re.compile(r"%|\bpour[ -]?cents?\b", re.IGNORECASE)
# Up to LXXXIX: enough for centuries, kings and arrondissements.
ROMAN = r"L?X{0,3}(?:IX|IV|V?I{0,3})"
ROMAN_NUMERAL = re.compile(rf"\b(?P<numeral>{ROMAN})(?P<ending>er|re|ère|ème|e|es)?\b")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
NEGATION = re.compile(
    r"\bn(?:e\s|['’]).*?\b(?:pas|plus|jamais|rien|personne|aucune?|guère)\b|\bsans\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FalcWarning:
    code: str
    message: str
    excerpt: str  # the sentence or word concerned, "" for the whole text


def check_falc(text: str) -> list[FalcWarning]:
    sentences = _sentences(text)
    return [warning for rule in RULES for warning in rule(sentences)]


def readability_score(text: str) -> float | None:
    """Kandel–Moles: 207 − 1.015 × words/sentence − 73.6 × syllables/word (None: no words)."""
    return _readability(_sentences(text))[0]


def _sentences(text: str) -> list[str]:
    return [sentence.strip() for sentence in SENTENCE_END.split(text) if sentence.strip()]


def _without_links(sentence: str) -> str:
    return LINK.sub(" ", sentence)


def _quoted(sentence: str) -> str:
    return textwrap.shorten(sentence, width=80, placeholder=" …")


def _readability(sentences: list[str]) -> tuple[float | None, int]:
    """The score and the number of words it was measured on."""
    # A link is not read aloud word by word: "contact@roseraie.fr" is not 8 syllables.
    counted = [_without_links(sentence) for sentence in sentences]
    words_by_sentence = [textstat.lexicon_count(sentence) for sentence in counted]
    words = sum(words_by_sentence)
    if not words:
        return None, 0
    sentence_count = sum(1 for count in words_by_sentence if count)
    syllables = sum(textstat.syllable_count(sentence) for sentence in counted)
    score = (
        KANDEL_MOLES_BASE
        - KANDEL_MOLES_PER_WORD_PER_SENTENCE * words / sentence_count
        - KANDEL_MOLES_PER_SYLLABLE_PER_WORD * syllables / words
    )
    return score, words


def long_sentences(sentences: list[str]) -> Iterator[FalcWarning]:
    for sentence in sentences:
        # "9 h 30" is read as one thing; counted as three, every opening hour would fail.
        words = textstat.lexicon_count(TIME.sub(r"\1h\2", sentence))
        if words > MAX_WORDS_PER_SENTENCE:
            message = _("Phrase trop longue (%(count)d mots, %(limit)d au plus) : « %(sentence)s »")
            values = {
                "count": words,
                "limit": MAX_WORDS_PER_SENTENCE,
                "sentence": _quoted(sentence),
            }
            yield FalcWarning("long_sentence", message % values, sentence)


def long_words(sentences: list[str]) -> Iterator[FalcWarning]:
    seen = set()
    for sentence in sentences:
        words = (word.strip("'’-") for word in WORD.findall(_without_links(sentence)))
        for position, word in enumerate(word for word in words if word):
            word = ELISION.sub("", word)
            proper_name = position > 0 and word[:1].isupper()
            if proper_name or any(char.isdigit() for char in word) or word.lower() in seen:
                continue
            syllables = textstat.syllable_count(word)
            letters = sum(char.isalpha() for char in word)
            if syllables > MAX_SYLLABLES_PER_WORD or letters > MAX_LETTERS_PER_WORD:
                seen.add(word.lower())
                message = _(
                    "Mot long : « %(word)s » (%(syllables)d syllabes, %(letters)d lettres). "
                    "Cherchez un mot plus court, ou expliquez-le."
                )
                yield FalcWarning(
                    "long_word",
                    message % {"word": word, "syllables": syllables, "letters": letters},
                    word,
                )


def unexplained_abbreviations(sentences: list[str]) -> Iterator[FalcWarning]:
    seen = set()
    for sentence in sentences:
        sentence = _without_links(sentence)
        for match in ACRONYM.finditer(sentence):
            acronym = match.group()
            letters = sum(char.isalpha() for char in acronym)
            if not 2 <= letters <= 6 or acronym in KNOWN_ACRONYMS or _is_roman(acronym):
                continue
            if acronym in seen:
                continue  # only the first use needs the explanation
            seen.add(acronym)
            before, after = sentence[: match.start()], sentence[match.end() :]
            explained = EXPLANATION_AFTER.match(after) or (
                EXPLANATION_BEFORE.search(before) and after.lstrip().startswith(")")
            )
            if not explained:
                message = _(
                    "Sigle non expliqué : « %(acronym)s ». Écrivez les mots en entier, "
                    "ou expliquez le sigle entre parenthèses la première fois."
                )
                yield FalcWarning(
                    "unexplained_abbreviation", message % {"acronym": acronym}, acronym
                )


def special_characters(sentences: list[str]) -> Iterator[FalcWarning]:
    for sentence in sentences:
        found = SPECIAL_CHARACTER.findall(_without_links(sentence))
        for character in dict.fromkeys(found):
            message = _(
                "Caractère spécial « %(character)s » : « %(sentence)s ». "
                "Remplacez-le par des mots, ou coupez la phrase."
            )
            yield FalcWarning(
                "special_character",
                message % {"character": character, "sentence": _quoted(sentence)},
                sentence,
            )


def percentages(sentences: list[str]) -> Iterator[FalcWarning]:
    for sentence in sentences:
        if PERCENTAGE.search(_without_links(sentence)):
            message = _(
                "Pourcentage : « %(sentence)s ». Dites-le autrement, par exemple "
                "« la moitié » ou « 1 personne sur 4 »."
            )
            yield FalcWarning("percentage", message % {"sentence": _quoted(sentence)}, sentence)


def roman_numerals(sentences: list[str]) -> Iterator[FalcWarning]:
    seen = set()
    for sentence in sentences:
        for match in ROMAN_NUMERAL.finditer(_without_links(sentence)):
            written, numeral, ending = match.group(), match.group("numeral"), match.group("ending")
            # A lone I, V or X is a numeral only with an ordinal ending ("Ier", "Ve"); the
            # ending is not enough for L, or every "Le" and "Les" would be fifty.
            if not (_is_roman(numeral) or (numeral in ("I", "V", "X") and ending)):
                continue
            if written in seen:
                continue
            seen.add(written)
            message = _("Chiffre romain : « %(numeral)s ». Écrivez « %(number)s ».")
            number = f"{_roman_value(numeral)}{ending or ''}"
            yield FalcWarning(
                "roman_numeral", message % {"numeral": written, "number": number}, written
            )


def _is_roman(word: str) -> bool:
    # Two letters at least: a lone "I", "V" or "X" is more often a name or a label.
    return len(word) >= 2 and re.fullmatch(ROMAN, word) is not None


def _roman_value(numeral: str) -> int:
    values = [ROMAN_VALUES[letter] for letter in numeral]
    # A letter before a larger one is subtracted: IV, IX.
    return sum(
        -value if value < following else value
        for value, following in zip(values, [*values[1:], 0], strict=True)
    )


def negations(sentences: list[str]) -> Iterator[FalcWarning]:
    count = sum(len(NEGATION.findall(sentence)) for sentence in sentences)
    # One per 5 sentences, counting a started group of 5: a 3-line text may have one.
    limit = math.ceil(len(sentences) / SENTENCES_PER_NEGATION)
    if count > limit:
        message = _(
            "Trop de négations : %(count)d, pour %(limit)d au plus dans ce texte. "
            "Dites plutôt ce qu'il faut faire."
        )
        yield FalcWarning("negations", message % {"count": count, "limit": limit}, "")


def low_readability(sentences: list[str]) -> Iterator[FalcWarning]:
    score, words = _readability(sentences)
    if score is not None and words >= MIN_WORDS_FOR_READABILITY and score < MIN_READABILITY:
        message = _(
            "Texte difficile à lire : score de lisibilité %(score)d, il faut au moins "
            "%(minimum)d. Faites des phrases plus courtes, avec des mots plus courts."
        )
        # Rounded down, so 79.6 does not read as "80, il faut au moins 80".
        yield FalcWarning(
            "low_readability",
            message % {"score": math.floor(score), "minimum": MIN_READABILITY},
            "",
        )


RULES = (
    long_sentences,
    long_words,
    unexplained_abbreviations,
    special_characters,
    percentages,
    roman_numerals,
    negations,
    low_readability,
)
