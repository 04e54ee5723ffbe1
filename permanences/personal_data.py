"""Personal data in the free-text note of an accompaniment.

The log is anonymous by design (../shared/PRODUCT.md, "Principles"): a note that looks
like it names or identifies the person is refused, with a message that says *what* was
found, never the value. The detectors favour catching an identifier over letting one
through, but stay quiet on what notes ordinarily hold: durations ("30 minutes"), dates
("12/03/2026", "2026-03-12"), times ("14h30"), amounts ("1 250 €"), postcodes ("49100").

Formats (each detector runs on the text left over by the ones before it, so that one
number is reported once, under its most precise name):

- e-mail address: ``something@domain.tld``;
- NIR (numéro de sécurité sociale): 13 characters and a 2-digit key, separators
  (space, dot, hyphen) allowed between characters; first digit 1, 2 (sex), 3, 4
  (people born abroad, provisional) or 7, 8 (NIA, provisional numbers); the department
  may be 2A or 2B (Corsica). It is reported only when the key checks out,
  key = 97 − (number mod 97), where 2A counts as 19 and 2B as 18; a 15-digit number
  whose key does not check out still falls under "long number" below;
- French phone number: 0 then a digit from 1 to 9 then 4 pairs of digits, or the same
  after +33 / 0033 (with an optional "(0)"), pairs separated by nothing, a space, a dot
  or a hyphen, the same one throughout: 06 12 34 56 78, 0612345678, +33 6 12 34 56 78,
  06.12.34.56.78 (a date then a time, "01.02.2026 10", mixes them and passes);
- France Travail identifier: 7 digits then a capital letter (1234567A, 1234567 A), the
  identifier Pôle emploi gave job seekers and France Travail kept; the newer 11-digit
  identifier is caught by the "long number" rule;
- CAF allocataire number (now "numéro de dossier"): exactly 7 digits written together
  (1234567). Nothing ordinary in a note has 7 digits in a row: dates, times and amounts
  are shorter or separated, phone numbers longer;
- any other run of 9 or more digits written together: a tax number (13 digits), a new
  France Travail identifier (11), a bank account or a NIR with a wrong key: none is an
  ordinary number in a note;
- a name introduced by a civility: M. (with its dot, capital M), then Mr, Mme, Mlle,
  Melle, Monsieur, Madame, Mademoiselle in any case, then up to two particles (de, du,
  d’, le, la, van, von, ben, el), then a word of two letters or more that starts with a
  capital:
  "Mme Dupont", "monsieur LEROY", "Madame de Villiers". "Madame a besoin" passes.
"""

import re
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class PersonalData(StrEnum):
    EMAIL = "email"
    NIR = "nir"
    PHONE = "phone"
    FRANCE_TRAVAIL = "france-travail"
    CAF = "caf"
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
    PersonalData.LONG_NUMBER: _(
        "La note contient un long numéro qui pourrait identifier la personne. "
        "Retirez-le : la fiche doit rester anonyme."
    ),
}

_SEP = r"[ .\-\u00a0]?"

EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")

# 15 characters, a separator allowed between any two; the structure is checked in code.
NIR_CANDIDATE = re.compile(
    rf"(?<![\w])[1-478](?:{_SEP}[0-9]){{4}}{_SEP}[0-9][0-9ABab](?:{_SEP}[0-9]){{8}}(?![\w])"
)

# The same separator between every pair, so that a date followed by a time
# ("01.02.2026 10") is not read as a number.
PHONE = re.compile(
    rf"(?<![\w+])(?:(?:\+|00)33{_SEP}(?:\(0\){_SEP})?|0)[1-9]"
    r"(?P<sep>[ .\-\u00a0]?)\d{2}(?:(?P=sep)\d{2}){3}(?!\w)"
)

FRANCE_TRAVAIL = re.compile(r"(?<![\w])\d{7} ?[A-Z](?![\w])")

CAF = re.compile(r"(?<![\w.,])\d{7}(?![\w]|[.,]\d)")

LONG_NUMBER = re.compile(r"\d{9,}")

CIVILITY = re.compile(
    r"(?<![\w])"
    r"(?:M\.|(?i:mr|mme|mlle|melle)\.?|(?i:monsieur|madame|mademoiselle))"
    r"\s+(?:(?i:de|du|le|la|van|von|ben|el)\s+|(?i:d)['’]){0,2}"
    r"(?P<word>[^\W\d_][\w'’\-]*)"
)


def find_personal_data(text: str) -> list[PersonalData]:
    """The kinds of personal data that ``text`` seems to hold, each once, in the order
    of ``PersonalData``."""
    found = []
    for kind, finder in _FINDERS:
        spans = finder(text)
        if spans:
            found.append(kind)
            text = _blank(text, spans)
    return found


def validate_no_personal_data(text: str) -> None:
    """Refuse a note that names or identifies the person, one message per kind found."""
    found = find_personal_data(text)
    if found:
        raise ValidationError(
            [
                ValidationError(MESSAGES[kind], code="personal_data", params={"kind": kind})
                for kind in found
            ]
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


def _matches(pattern):
    def find(text):
        return [match.span() for match in pattern.finditer(text)]

    return find


def _find_nirs(text):
    spans = []
    for match in NIR_CANDIDATE.finditer(text):
        compact = re.sub(r"[^0-9A-Za-z]", "", match.group())
        department = compact[5:7].upper()
        letters_where_allowed = department in ("2A", "2B") or department.isdigit()
        if letters_where_allowed and nir_key_is_valid(compact):
            spans.append(match.span())
    return spans


def _find_names(text):
    spans = []
    for match in CIVILITY.finditer(text):
        word = match.group("word")
        if len(word) >= 2 and word[0].isupper():
            spans.append(match.span())
    return spans


def _blank(text, spans):
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


_FINDERS = [
    (PersonalData.EMAIL, _matches(EMAIL)),
    (PersonalData.NIR, _find_nirs),
    (PersonalData.PHONE, _matches(PHONE)),
    (PersonalData.FRANCE_TRAVAIL, _matches(FRANCE_TRAVAIL)),
    (PersonalData.CAF, _matches(CAF)),
    (PersonalData.LONG_NUMBER, _matches(LONG_NUMBER)),
    (PersonalData.NAME, _find_names),
]
