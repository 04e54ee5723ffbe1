"""Personal data in free text: the note of an accompaniment, and of an orientation.

The log is anonymous by design (../shared/PRODUCT.md, "Principles"): a note that looks
like it names or identifies the person is refused, with a message that says *what* was
found, never the value. An orientation names the person in its contact fields only, with
her consent; its free texts refuse the numbers that no partner needs
(``NUMBERS_NO_PARTNER_NEEDS``). The detectors favour catching an identifier over letting
one through, but stay quiet on what notes ordinarily hold: durations ("30 minutes",
"1h30"), dates ("12/03/2026", "12-03-2026", "2026-03-12", "12 mars"), times ("14h30",
"14:30", "9 h"), amounts ("1 250 €", "1250,50 €"), postcodes ("49100"), counts, form
numbers ("cerfa 12345*01"), years ("2024-2025"), room numbers, references under 7 digits.

The text is first normalised (``normalise``), then each detector runs on what the ones
before it left, so that one number is reported once, under its most precise name: the
e-mail addresses, the IBANs, the NIRs with their key, the numéros fiscaux with theirs,
the phone numbers from abroad, the other NIRs and numéros fiscaux, the French phone
numbers, the France Travail identifiers, the CAF numbers, the numbers after an
identifier's name, the long numbers, then the names. What each looks for:

Normalisation
    Unicode NFKC (a full-width "＠" or digit becomes "@" or an ASCII digit, a no-break or
    narrow no-break space a space, "Mᵐᵉ" becomes "Mme"); invisible format characters
    (zero-width spaces, soft hyphens, direction marks pasted with a phone number) are
    dropped; every dash becomes "-", every slash "/", every digit an ASCII digit; runs of
    spaces (but line breaks) become one space, and a run of separators next to a digit
    ("06 - 12", "06 / 12", "06  12", "2A - 123") becomes one space, unless it starts with
    a dot glued to a number then a space, which ends a sentence ("… en 2025. 3 enfants"
    stays two numbers). Below, "a separator" is then one space, dot, hyphen or slash.

E-mail address
    ``local@domain`` with or without spaces around "@", or with "@" written "(at)",
    "[at]", "{at}", " arobase " or " at "; the domain's dots may be written "(dot)",
    " point ", " dot ". Written "@" without spaces or "(at)", a domain without a dot
    ("jean@gmail") is enough; with spaces or in words, the domain needs a dot or must be
    a known mailbox provider ("gmail", "orange"…), so that "un @ dans l’adresse" passes.

IBAN
    two letters glued to two check digits, then 11 to 30 letters or digits, grouped by 4
    or not (FR76 3000 6000 0112 3456 7890 189, de89370400440532013000): refused on its
    shape, so that a mistyped one is refused too; the country and its check digits
    apart ("FR 76 …") only when the check digits are right (mod 97 = 1). A French RIB in
    its four groups (5, 5, 11 and 2 characters) counts as an IBAN.

NIR (numéro de sécurité sociale)
    13 characters and a 2-digit key; first digit 1, 2 (sex), 3, 4 (born abroad,
    provisional) or 7, 8 (NIA); the department may be 2A or 2B (Corsica). With its
    key right (key = 97 − (number mod 97), 2A counting as 19 and 2B as 18), a separator
    may stand anywhere. Without its key or with a wrong one, it is still a NIR when it
    has a NIR's shape: a plausible month (01–12, 20–42, 50–99) and either written
    together or with separators between its fields only, all of them or all but one
    (1 85 05 78 006 084 [91]); the key may stand apart (1850578006084 92).

Numéro fiscal (SPI)
    13 digits, the first 0 to 3, written together or as printed on the avis d’impôt
    (30 12 345 678 901). Written together, 13 digits with a NIR's shape are a NIR
    unless the SPI check (the last 3 digits = the first 10 mod 511) holds.

Phone number
    French: 0 and a digit from 1 to 9 then 4 pairs, written together, or with a
    separator (any, mixed, or a dot and a space: "06. 12. 34. 56. 78") between every
    pair, or "0X" then 8 digits (after a space); the same without the
    leading 0 ("6 12 34 56 78", separated at every pair); international: "+" or "00"
    glued to a country code, then 8 to 12 digits with any separators, "(0)" included
    (+33 (0)6…, +212 6…, +90 532 123 45 67, +44 7911 123456, 00212612345678). A date
    then a time ("01.02.2026 10") is not separated at every pair, and passes.

France Travail identifier
    7 digits then a letter, in any case, with or without a separator (1234567A,
    1234567 a, 1234 567A, 123 4567 B), the identifier Pôle emploi gave and France
    Travail kept; the newer 11-digit identifier, 11 digits written together.

CAF allocataire number (now "numéro de dossier")
    7 digits written together (1234567); 8 digits written together, unless they read as
    a date (12032026, 20260312) or two years (20242025); 7 digits grouped 3-2-2
    (123 45 67).

A number after an identifier's name
    after "CAF", "allocataire", "France Travail", "Pôle emploi", "identifiant", "id",
    "FT", "NIR", "sécu", "fiscal", "SPI", "IBAN", "RIB" or "dossier" (a few words
    between allowed), 7 to 15 digits in any grouping ("dossier caf 1 234 567",
    "numéro d’allocataire 12 34 567"), unless they read as a date, two years or an
    amount in euros; reported under the name nearest to the number.

Long number
    any other run of 9 or more digits written together.

Name
    a civility then a name. The civilities: "Monsieur", "Madame", "Mademoiselle",
    "Docteur", "Professeur", "Maître" (any case), and the abbreviations "M" (capital, with
    or without its dot, glued to the name after a dot: "M.Dupont"), "Mr", "Mrs", "Ms",
    "Mme", "Mlle", "Melle", "Mle" (any case), "Dr", "Pr", "Me" (capital first), each with
    an optional dot. Then up to two particles (de, du, des, d’, le, la, van, von, ben,
    el…), then a word of two letters or more. A name must be refused, an ordinary French
    sentence accepted, hence:

    - a word that a French sentence puts after a civility used as a noun is not a name:
      articles, pronouns, prepositions, the common verbs ("Madame a besoin", "Mme
      souhaite", "Mr ne comprend pas", "Mme accompagnée"), and titles of office after a
      particle or not ("M. le maire", "Madame la Directrice");
    - after a full word ("Madame", "Monsieur"…) or the bare "M", "Pr", "Me" the name has
      a capital ("madame ne sait pas" passes, "monsieur LEROY" does not); after the other
      abbreviations, which a sentence does not use otherwise, a lower-case name counts
      too ("Mme dupont", "mr leroy");
    - a bare capital M after "taille", "bâtiment", "escalier", "porte"… is a letter;
    - a name without any civility ("Jean Dupont") passes: it cannot be told from the
      name of a place, a service or a street.
"""

import re
import unicodedata
from datetime import date
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class PersonalData(StrEnum):
    EMAIL = "email"
    NIR = "nir"
    PHONE = "phone"
    FRANCE_TRAVAIL = "france-travail"
    CAF = "caf"
    IBAN = "iban"
    FISCAL = "fiscal"
    LONG_NUMBER = "long-number"
    NAME = "name"


# One whole sentence per kind (never glued fragments): what was found, and what to do.
MESSAGES = {
    PersonalData.NAME: _(
        "La note contient ce qui ressemble à un nom (après « Madame », « Monsieur »…). "
        "Retirez-le : la fiche doit rester anonyme."
    ),
    PersonalData.PHONE: _(
        "La note contient un numéro de téléphone. Retirez-le : la fiche doit rester anonyme."
    ),
    PersonalData.EMAIL: _(
        "La note contient une adresse e-mail. Retirez-la : la fiche doit rester anonyme."
    ),
    PersonalData.NIR: _(
        "La note contient un numéro de sécurité sociale. Retirez-le : la fiche doit rester anonyme."
    ),
    PersonalData.CAF: _(
        "La note contient ce qui ressemble à un numéro d’allocataire CAF. "
        "Retirez-le : la fiche doit rester anonyme."
    ),
    PersonalData.FRANCE_TRAVAIL: _(
        "La note contient ce qui ressemble à un identifiant France Travail. "
        "Retirez-le : la fiche doit rester anonyme."
    ),
    PersonalData.IBAN: _(
        "La note contient ce qui ressemble à des coordonnées bancaires (IBAN ou RIB). "
        "Retirez-les : la fiche doit rester anonyme."
    ),
    PersonalData.FISCAL: _(
        "La note contient ce qui ressemble à un numéro fiscal. "
        "Retirez-le : la fiche doit rester anonyme."
    ),
    PersonalData.LONG_NUMBER: _(
        "La note contient un long numéro qui pourrait identifier la personne. "
        "Retirez-le : la fiche doit rester anonyme."
    ),
}

# What an orientation's note refuses: the identifiers of the administrations and the
# bank's, which the partner asks the person for herself if it needs them.
NUMBERS_NO_PARTNER_NEEDS = {
    PersonalData.NIR: _(
        "La note contient un numéro de sécurité sociale. Retirez-le : le partenaire n’en a "
        "pas besoin."
    ),
    PersonalData.FRANCE_TRAVAIL: _(
        "La note contient ce qui ressemble à un identifiant France Travail. Retirez-le : le "
        "partenaire n’en a pas besoin."
    ),
    PersonalData.CAF: _(
        "La note contient ce qui ressemble à un numéro d’allocataire CAF. Retirez-le : le "
        "partenaire n’en a pas besoin."
    ),
    PersonalData.IBAN: _(
        "La note contient ce qui ressemble à des coordonnées bancaires (IBAN ou RIB). "
        "Retirez-les : le partenaire n’en a pas besoin."
    ),
    PersonalData.FISCAL: _(
        "La note contient ce qui ressemble à un numéro fiscal. Retirez-le : le partenaire "
        "n’en a pas besoin."
    ),
    PersonalData.LONG_NUMBER: _(
        "La note contient un long numéro qui pourrait identifier la personne. Retirez-le : "
        "le partenaire n’en a pas besoin."
    ),
}


def find_personal_data(text: str) -> list[PersonalData]:
    """The kinds of personal data that ``text`` seems to hold, each once, in the order
    of ``PersonalData``."""
    text = normalise(text)
    found = set()
    for finder in _FINDERS:
        hits = finder(text)
        for kind, _span in hits:
            found.add(kind)
        text = _blank(text, [span for _kind, span in hits])
    return [kind for kind in PersonalData if kind in found]


def validate_no_personal_data(text: str, *, refused=MESSAGES) -> None:
    """Refuse a text that holds one of the kinds of ``refused`` (kind → message; by
    default every kind: a note of the log), one message per kind found."""
    found = [kind for kind in find_personal_data(text) if kind in refused]
    if found:
        raise ValidationError(
            [
                ValidationError(refused[kind], code="personal_data", params={"kind": kind})
                for kind in found
            ]
        )


# Normalisation -----------------------------------------------------------------------

_SAME_SIGN = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63", "-"),
        **dict.fromkeys("\u2044\u2215\u29f8", "/"),
        **dict.fromkeys("\u2018\u02bc\u00b4`", "’"),
    }
)


def normalise(text: str) -> str:
    """The text the detectors read: see the module's docstring."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    text = text.translate(_SAME_SIGN)
    text = re.sub(r"\d", lambda digit: str(unicodedata.digit(digit.group())), text)
    text = re.sub(r"[^\S\n]+", " ", text)
    # Not a dot that ends a sentence, glued to a number: "… 2026. 3 enfants".
    return re.sub(r"(?<=\d)(?!\.\s)[ .\-/]{2,}(?=\w)|(?<=\w)(?!\.\s)[ .\-/]{2,}(?=\d)", " ", text)


# Building blocks ---------------------------------------------------------------------

_S = r"[ .\-/]"  # one separator, once normalised
_NOT_AFTER_NUMBER = r"(?<![\w+])(?<!\d[.,])"
_NOT_BEFORE_NUMBER = r"(?![\w])(?![.,]\d)"
_NOT_AN_AMOUNT = r"(?!\s?(?i:€|eur))"


def _matches(kind, *patterns, keep=None):
    def find(text):
        hits = []
        for pattern in patterns:
            for match in pattern.finditer(text):
                if keep is None or keep(match):
                    hits.append((kind, match.span()))
            text = _blank(text, [span for _kind, span in hits])
        return hits

    return find


def _blank(text, spans):
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _digits(text):
    return re.sub(r"[^0-9A-Za-z]", "", text)


def _is_date(digits):
    """Whether 8 digits read as a date, day first or year first, or as two years."""
    for year, month, day in (
        (digits[4:], digits[2:4], digits[:2]),
        (digits[:4], digits[4:6], digits[6:]),
    ):
        try:
            if 1900 <= int(year) <= 2099:
                date(int(year), int(month), int(day))
                return True
        except ValueError:
            pass
    first, second = digits[:4], digits[4:]
    return first.startswith(("19", "20")) and int(second) - int(first) in (0, 1)


# E-mail ------------------------------------------------------------------------------

_PROVIDERS = (
    "gmail|googlemail|hotmail|outlook|live|msn|yahoo|ymail|icloud|orange|wanadoo|free|"
    "sfr|neuf|laposte|bbox|aol|gmx|proton|protonmail|yopmail|numericable"
)
_LOCAL = r"(?<![\w.+\-])[\w.+\-]*\w"
_LABEL = r"[^\W\d_][\w\-]*"
_DOT = r"(?:\.|\s*[(\[{<]\s*(?i:dot|point)\s*[)\]}>]\s*|\s+(?i:dot|point)\s+)"
_DOMAIN_WITH_DOT = rf"{_LABEL}(?:{_DOT}[\w\-]+)*{_DOT}[^\W\d_]{{2,24}}\b"

EMAIL = re.compile(
    # Written "@" without spaces, or "(at)": the domain may lack its dot.
    rf"{_LOCAL}(?:@|\s*[(\[{{<]\s*(?i:at|arobase)\s*[)\]}}>]\s*){_LABEL}(?:{_DOT}[\w\-]+)*"
    # With spaces around "@", or in words: a dot, or a known provider.
    rf"|{_LOCAL}(?:\s*@\s*|\s+(?i:at|arobase)\s+)"
    rf"(?:{_DOMAIN_WITH_DOT}|(?i:{_PROVIDERS})\b)"
)


# IBAN --------------------------------------------------------------------------------

# After the check digits, groups of up to 4 characters: digits and capitals, or any
# letters with a digit among them (so that a word after the IBAN is not taken in).
_IBAN_GROUPS = r"(?:[ .\-]?(?:[A-Z0-9]{1,4}|(?=[A-Za-z]*[0-9])[A-Za-z0-9]{1,4}))+(?![A-Za-z0-9])"
IBAN_GLUED = re.compile(rf"(?<![0-9A-Za-z])[A-Za-z]{{2}}[0-9]{{2}}{_IBAN_GROUPS}")
IBAN_SPACED = re.compile(rf"(?<![0-9A-Za-z])[A-Z]{{2}}[ .\-][0-9]{{2}}{_IBAN_GROUPS}")
RIB = re.compile(r"(?<![\w])[0-9]{5}[ .\-][0-9]{5}[ .\-][0-9A-Za-z]{11}[ .\-][0-9]{2}(?![\w])")


def iban_is_valid(iban: str) -> bool:
    """Whether an IBAN (separators allowed) has the right check digits: mod 97 = 1."""
    compact = _digits(iban).upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _spaced_iban_span(match):
    """The span of the IBAN that ``match`` starts with, up to the longest group that
    checks out (a number may follow it: "FR 76 … 189. 3 enfants" reads "… 189 3")."""
    text = match.group()
    ends = [gap.start() for gap in re.finditer(r"[ .\-](?=[A-Za-z0-9])", text)][2:]
    for end in reversed([*ends, len(text)]):
        if len(_digits(text[:end])) >= 15 and iban_is_valid(text[:end]):
            return match.start(), match.start() + end
    return None


def _find_ibans(text):
    hits = _matches(
        PersonalData.IBAN,
        IBAN_GLUED,
        RIB,
        keep=lambda match: match.re is RIB or len(_digits(match.group())) >= 15,
    )(text)
    text = _blank(text, [span for _kind, span in hits])
    for match in IBAN_SPACED.finditer(text):
        span = _spaced_iban_span(match)
        if span:
            hits.append((PersonalData.IBAN, span))
    return hits


# NIR and numéro fiscal ---------------------------------------------------------------

# 15 characters, a separator allowed between any two, found at every position; the key
# is checked in code.
NIR_WITH_KEY = re.compile(
    rf"(?<![\w+])(?=([1-478](?:{_S}?[0-9]){{4}}{_S}?[0-9][0-9ABab](?:{_S}?[0-9]){{8}})(?![\w]))"
)
_MONTH = r"(?:0[1-9]|1[0-2]|[2-3][0-9]|4[0-2]|[5-9][0-9])"
NIR_SHAPE = re.compile(
    rf"(?<![\w+])[1-478]{_S}?[0-9]{{2}}{_S}?{_MONTH}{_S}?(?:[0-9]{{2}}|2[ABab])"
    rf"{_S}?[0-9]{{3}}{_S}?[0-9]{{3}}(?:{_S}?[0-9]{{2}})?(?![\w])"
)
FISCAL_TOGETHER = re.compile(r"(?<![\w+])[0-3][0-9]{12}(?![\w])")
FISCAL_PRINTED = re.compile(
    rf"(?<![\w+])[0-3][0-9]{_S}[0-9]{{2}}{_S}[0-9]{{3}}{_S}[0-9]{{3}}{_S}[0-9]{{3}}(?![\w])"
)


def nir_key_is_valid(nir: str) -> bool:
    """Whether a 15-character NIR (no separators) ends with its key, 97 − (n mod 97)."""
    body, key = nir[:13].upper(), nir[13:]
    department = body[5:7]
    if department in ("2A", "2B"):
        body = body[:5] + ("19" if department == "2A" else "18") + body[7:]
    if not (body.isdigit() and key.isdigit()):
        return False
    return 97 - int(body) % 97 == int(key)


def spi_key_is_valid(spi: str) -> bool:
    """Whether 13 digits end with the key of a numéro fiscal: the first 10 mod 511."""
    return len(spi) == 13 and spi.isdigit() and int(spi[:10]) % 511 == int(spi[10:])


def _find_nirs_with_key(text):
    hits, taken_until = [], 0
    for match in NIR_WITH_KEY.finditer(text):
        start, end = match.span(1)
        compact = _digits(match.group(1))
        department = compact[5:7].upper()
        letters_where_allowed = department in ("2A", "2B") or department.isdigit()
        if start >= taken_until and letters_where_allowed and nir_key_is_valid(compact):
            hits.append((PersonalData.NIR, (start, end)))
            taken_until = end
    return hits


def _separated_as_a_nir(body):
    """Whether the 13 characters of a NIR are written together or separated between
    (nearly) all their fields: "13002 0100000000" is a postcode then a phone number."""
    separators = len(re.findall(_S, body.rstrip(" .-/")))
    return separators == 0 or separators >= 4


def _find_nirs_and_tax_numbers(text):
    hits = []
    for match in FISCAL_PRINTED.finditer(text):
        hits.append((PersonalData.FISCAL, match.span()))
    text = _blank(text, [span for _kind, span in hits])
    for match in NIR_SHAPE.finditer(text):
        written = match.group()
        if not _separated_as_a_nir(written[:-2] if len(_digits(written)) == 15 else written):
            continue
        # 13 digits together, then maybe a key apart (or the next number: "… 10 enfants").
        body, rest = match.group()[:13], match.group()[13:]
        if not rest[:1].isdigit() and body[0] <= "3" and spi_key_is_valid(body):
            hits.append((PersonalData.FISCAL, (match.start(), match.start() + 13)))
        else:
            hits.append((PersonalData.NIR, match.span()))
    text = _blank(text, [span for _kind, span in hits])
    for match in FISCAL_TOGETHER.finditer(text):
        hits.append((PersonalData.FISCAL, match.span()))
    return hits


# Phone -------------------------------------------------------------------------------

# International: "+" or "00" glued to a country code, then 8 to 12 digits.
PHONE_ABROAD = re.compile(
    r"(?<![\w+])(?:\+\s?\(?|00(?=[1-9]))[0-9]{1,3}\)?(?:\s?\(0\))?"
    r"(?:(?:(?!\.\s)[ .\-/]){0,2}[0-9]){8,12}(?![\w])"
)
PHONE = re.compile(
    r"(?<![\w+])(?:"
    # French, written together, then separated at every pair, then "0X" and 8 digits.
    # (a dot and a space too, which the normalisation leaves as it may end a sentence).
    rf"0[1-9][0-9]{{8}}|0[1-9](?:(?:{_S}|\. )[0-9]{{2}}){{4}}"
    # "0X" then 8 digits, after a space or the start only (not the end of a date, "le
    # 2000-01-01 - 12345678", or of a cerfa number).
    r"|(?<![^\s(:])0[1-9][ .\-/][0-9]{8}"
    # French without the leading 0.
    rf"|[1-9](?:{_S}[0-9]{{2}}){{4}}"
    r")(?![\w])"
)


# France Travail and CAF --------------------------------------------------------------

FRANCE_TRAVAIL = re.compile(
    rf"{_NOT_AFTER_NUMBER}(?:[0-9]{{7}}|[0-9]{{4}}{_S}[0-9]{{3}}|[0-9]{{3}}{_S}[0-9]{{4}})"
    r"[ .\-]?[A-Za-z](?![\w])"
)
FRANCE_TRAVAIL_11 = re.compile(rf"{_NOT_AFTER_NUMBER}[0-9]{{11}}(?![\w])")

CAF = re.compile(
    rf"{_NOT_AFTER_NUMBER}(?:[0-9]{{7,8}}|[0-9]{{3}}{_S}[0-9]{{2}}{_S}[0-9]{{2}})"
    rf"{_NOT_BEFORE_NUMBER}{_NOT_AN_AMOUNT}"
)


def _not_a_date(match):
    digits = _digits(match.group())
    return len(digits) != 8 or not _is_date(digits)


# A number after an identifier's name -------------------------------------------------

_KEYWORDS = {
    r"caf|allocataire|alloc": PersonalData.CAF,
    r"france[ \-]travail|p[oô]le[ \-]emploi|ft|pe|identifiant|ident|id": (
        PersonalData.FRANCE_TRAVAIL
    ),
    r"nir|s[ée]cu|s[ée]curit[ée] sociale|vitale": PersonalData.NIR,
    r"fiscal|spi|imp[oô]ts?": PersonalData.FISCAL,
    r"iban|rib": PersonalData.IBAN,
    r"dossier": PersonalData.LONG_NUMBER,
}
_KEYWORD = "|".join(_KEYWORDS)
AFTER_KEYWORD = re.compile(
    rf"(?i:(?<![\w])(?P<context>(?:{_KEYWORD})(?![\w])[^\d\n]{{0,25}}?))"
    rf"(?P<number>(?<![\w])[0-9](?:{_S}?[0-9]){{6,14}}){_NOT_BEFORE_NUMBER}"
)
# The whole run of digits a keyword's number starts, to tell an amount in euros.
_DIGIT_RUN = re.compile(rf"[0-9](?:{_S}?[0-9])*+{_NOT_AN_AMOUNT}")


# Dates, which a keyword's number must not take in ("dossier déposé le 01.02.2026 10 h").
DATE = re.compile(
    r"(?<![\w])(?:(?P<day>[0-9]{1,2})(?P<sep>[ ./\-])(?P<month>[0-9]{1,2})"
    r"(?P=sep)(?:[0-9]{4}|[0-9]{2})"
    r"|[0-9]{4}(?P<iso>[./\-])(?P<iso_month>[0-9]{1,2})(?P=iso)[0-9]{1,2})(?![\w])"
)


def _is_a_date(match):
    month = int(match.group("month") or match.group("iso_month"))
    return 1 <= month <= 12 and (match.group("day") is None or 1 <= int(match.group("day")) <= 31)


def _find_numbers_after_keywords(text):
    hits = []
    text = _blank(text, [match.span() for match in DATE.finditer(text) if _is_a_date(match)])
    for match in AFTER_KEYWORD.finditer(text):
        digits = _digits(match.group("number"))
        if (len(digits) == 8 and _is_date(digits)) or not _DIGIT_RUN.match(
            text, match.start("number")
        ):
            continue
        nearest = None
        for keyword in re.finditer(rf"(?i)(?<![\w])(?:{_KEYWORD})(?![\w])", match["context"]):
            nearest = keyword.group().lower()
        kind = next(kind for pattern, kind in _KEYWORDS.items() if re.fullmatch(pattern, nearest))
        hits.append((kind, match.span("number")))
    return hits


LONG_NUMBER = re.compile(r"[0-9]{9,}")


# Name --------------------------------------------------------------------------------

_FULL_TITLES = r"monsieur|madame|mademoiselle|docteure?|professeure?|ma[iî]tre"
_ABBREVIATIONS = r"mr|mrs|ms|mme|mmes|mlle|mlles|melle|mle"
CIVILITY = re.compile(
    r"(?<![\w.’'\-])(?:"
    rf"(?P<full>(?i:{_FULL_TITLES}))\s+"
    rf"|(?P<abbreviation>(?i:{_ABBREVIATIONS})|Dr|DR|M(?=\.))(?:\.\s*|\s+)"
    r"|(?P<bare>M|Pr|PR|Me)(?:\.\s*|\s+)"
    r")"
    r"(?P<particles>(?:(?i:de|du|des|le|la|les|van|von|der|ben|bin|ibn|el|al|da|di|dos)\s+"
    r"|(?i:d)['’]\s?){0,2})"
    r"(?P<word>[^\W\d_][\w'’\-]*)"
)

# Words that an ordinary sentence puts after a civility used as a noun: not names.
_NOT_NAMES = frozenset(
    """
    a à ai as au aux avec ce ces cet cette chez comme dans de des du elle elles en et
    est eu il ils je la le les leur leurs lui ma mais me mes moi mon même ne ni non nous
    on ont ou où oui par pas peu plus pour qu que qui sa sans se ses si son sont sur ta
    te tes toi ton tous tout toute toutes tu un une vous y aussi très bien déjà encore
    toujours jamais rien car donc puis alors ensuite enfin seul seule seuls seules x xx
    xxx vient vient venait viendra revient reviendra revenu revenue venu venue venus
    venues reparti repartie partie parti part partira était étaient sera serait seront
    avait aura aurait va allait ira irait veut voulait voudrait voudra peut pouvait
    pourra pourrait doit devait devra devrait sait savait saura fait faisait fera ferait
    dit disait dira souhaite souhaitait souhaiterait souhaitent demande demandait
    demandera cherche cherchait attend attendait arrive arrivait habite habitait vit
    vivait travaille travaillait passe passait passera repasse repassera rappelle
    rappellera rappeler appelle appellera appeler téléphone téléphonera écrit écrira
    envoie enverra envoyé envoyée reçoit recevra perçoit touche touchait paie paye paiera
    aimerait préfère pense croit comprend comprenait connaît connait lit parle parlait
    oublie oubliait oublié oubliée signe signé signée remplit rempli remplie accepte
    refuse refusé refusée explique raconte montre apporte apportera ramène ramènera
    garde dépose déposé déposée obtient obtenu obtenue perd perdu perdue prend prendra
    pris prise sort sortait reste restait semble semblait trouve trouvait donne donnait
    se s’est n’a aidé aidée aidés orienté orientée accompagné accompagnée inscrit
    inscrite absent absente présent présente malade enceinte âgé âgée handicapé
    handicapée veuf veuve retraité retraitée divorcé divorcée marié mariée séparé
    séparée hébergé hébergée rencontré rencontrée convoqué convoquée relancé relancée
    informé informée appelé appelée rappelé rappelée contacté contactée passé passée
    reçu reçue vu vue logé logée relogé relogée expulsé expulsée hospitalisé
    hospitalisée licencié licenciée embauché embauchée scolarisé scolarisée né née
    installé installée arrivé arrivée parti partie décédé décédée ok pouvez voulez savez avez êtes
    madame monsieur mademoiselle mesdames messieurs mme mr mlle
    maire adjoint adjointe préfet préfète directeur directrice président présidente
    conseiller conseillère médecin docteur docteure juge ministre député députée
    sénateur sénatrice commissaire secrétaire responsable assistant assistante agent
    agente professeur professeure proviseur principal principale curé recteur rectrice
    gardien gardienne bailleur notaire avocat avocate huissier délégué déléguée référent
    référente chef cheffe inspecteur inspectrice contrôleur contrôleuse infirmier
    infirmière dentiste pharmacien pharmacienne facteur factrice gendarme policier
    policière capitaine commandant lieutenant colonel général abbé pasteur imam rabbin
    père mère fils fille mari femme épouse époux enfant enfants maman papa voisin voisine
    caf cpam apl rsa aah mdph ants cmu css edf sncf ameli
    """.split()
)
_VERB_ENDINGS = ("ait", "aient", "era", "erait", "eront")
_ELISIONS = frozenset("l d n s j m t c qu jusqu lorsqu puisqu".split())
# After these, a bare capital M is a letter, not "Monsieur" ("taille M", "bâtiment M").
_LETTER_M_AFTER = frozenset(
    "taille bâtiment bâtiments bat bât escalier esc porte lettre plan catégorie type "
    "format classe bloc zone allée appartement appt apt étage entrée hall".split()
)


def _is_a_name(match, text):
    word = match.group("word")
    head = re.split(r"['’]", word)[0]
    lower = word.lower()
    if head != word and head.lower() in _ELISIONS:
        return False
    if len(word) < 2 or lower in _NOT_NAMES:
        return False
    if "M" in (match.group("bare"), match.group("abbreviation")):
        before = text[: match.start()].split()
        # "étage M" names a floor; "1e étage, M. Dudu": the comma ends that phrase.
        if before and before[-1].lower().rstrip(":") in _LETTER_M_AFTER:
            return False
    if word[0].isupper():
        return True
    # A lower-case word: a name only after an abbreviation, and not like a verb.
    if not match.group("abbreviation") or match.group("particles"):
        return False
    return not lower.endswith(_VERB_ENDINGS)


def _find_names(text):
    return [
        (PersonalData.NAME, match.span())
        for match in CIVILITY.finditer(text)
        if _is_a_name(match, text)
    ]


_FINDERS = [
    _matches(PersonalData.EMAIL, EMAIL),
    _find_ibans,
    _find_nirs_with_key,
    # 13 digits with the key of a numéro fiscal, before "00" reads as a phone abroad.
    _matches(
        PersonalData.FISCAL, FISCAL_TOGETHER, keep=lambda match: spi_key_is_valid(match.group())
    ),
    _matches(PersonalData.PHONE, PHONE_ABROAD),
    _find_nirs_and_tax_numbers,
    _matches(PersonalData.PHONE, PHONE),
    _matches(PersonalData.FRANCE_TRAVAIL, FRANCE_TRAVAIL, FRANCE_TRAVAIL_11),
    _matches(PersonalData.CAF, CAF, keep=_not_a_date),
    _find_numbers_after_keywords,
    _matches(PersonalData.LONG_NUMBER, LONG_NUMBER),
    _find_names,
]
