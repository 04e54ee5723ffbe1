"""Property-based tests of the detector of personal data (issue 11).

Strategies write each kind of identifier in every spelling a hurried conseiller uses,
inside ordinary French notes, and the detector must refuse it under the right kind; and
they write ordinary notes (dates, times, durations, amounts, postcodes, counts, cerfa
numbers, civilities used as nouns…), which must pass, so that false positives are
measured as much as misses. Each test is bounded (``max_examples``) so that the module
runs in a few seconds.
"""

import string
from datetime import date, timedelta

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from roseraie_portal.personal_data import (
    PersonalData,
    find_personal_data,
    iban_is_valid,
    nir_key_is_valid,
    spi_key_is_valid,
)

# Bounded so that the module stays fast; no example database in the shared checkout.
EXAMPLES = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Between two parts of a number: what a keyboard gives, one or doubled, and what a word
# processor or a phone's contact card pastes (no-break and narrow no-break spaces). Not
# a dot glued to the digits then a space: that ends a sentence ("… en 2025. 3 enfants"),
# and the detector reads it so (a phone number may have it: test_personal_data.py).
SEPARATORS = [" ", ".", "-", "/", "  ", " - ", " / ", " . ", "--", "\u00a0", "\u202f", "\t"]
separator = st.sampled_from(SEPARATORS)


def digits(n, *, first=string.digits):
    return st.tuples(
        st.sampled_from(first), st.text(string.digits, min_size=n - 1, max_size=n - 1)
    ).map("".join)


@st.composite
def grouped(draw, groups, *, separators=SEPARATORS):
    """The parts joined by a separator drawn for each gap (so mixed ones too)."""
    out = groups[0]
    for group in groups[1:]:
        out += draw(st.sampled_from(separators)) + group
    return out


# Ordinary notes ------------------------------------------------------------------------

MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def a_date(draw):
    day = draw(days)
    return draw(
        st.sampled_from(
            [
                f"le {day:%d/%m/%Y}",
                f"le {day:%d-%m-%Y}",
                f"le {day:%d.%m.%Y}",
                f"le {day:%Y-%m-%d}",
                f"le {day:%d/%m}",
                f"le {day:%d/%m/%y}",
                f"le {day.day} {MONTHS.split()[day.month - 1]}",
                f"le {day.day} {MONTHS.split()[day.month - 1]} {day.year}",
                f"depuis le {day:%d/%m/%Y}",
                f"du {day:%d/%m/%Y} au {day + timedelta(days=14):%d/%m/%Y}",
                f"échéance {day:%d %m %Y}",
            ]
        )
    )


@st.composite
def a_time(draw):
    hour, minute = draw(st.integers(7, 20)), draw(st.sampled_from([0, 15, 30, 45]))
    return draw(
        st.sampled_from(
            [
                f"à {hour}h{minute:02d}",
                f"à {hour}h",
                f"à {hour} h {minute:02d}",
                f"à {hour} h",
                f"à {hour:02d}:{minute:02d}",
                f"de {hour}h à {hour + 2}h",
                f"{hour}h-{hour + 3}h",
                f"{hour:02d}:{minute:02d} - {hour + 1:02d}:{minute:02d}",
            ]
        )
    )


@st.composite
def a_duration(draw):
    minutes, hours = draw(st.integers(5, 120)), draw(st.integers(1, 3))
    return draw(
        st.sampled_from(
            [
                f"{minutes} minutes",
                f"{minutes} min",
                f"{hours}h{minutes % 60:02d}",
                f"{hours} h {minutes % 60}",
                f"{hours} heure{'s' if hours > 1 else ''}",
                f"{hours}h30 d’attente",
            ]
        )
    )


@st.composite
def an_amount(draw):
    euros, cents = draw(st.integers(1, 9_999_999)), draw(st.integers(0, 99))
    thousands = draw(st.sampled_from([" ", "\u00a0", "\u202f", ".", ""]))
    whole = f"{euros:,}".replace(",", thousands)
    return draw(
        st.sampled_from(
            [
                f"{whole} €",
                f"{whole},{cents:02d} €",
                f"{euros} euros",
                f"{whole}€",
                f"loyer {whole} €/mois",
                f"dette de {whole} €",
                f"aide de {euros} euros",
                f"{euros},{cents:02d} €",
            ]
        )
    )


@st.composite
def a_count(draw):
    n = draw(st.integers(1, 40))
    return draw(
        st.sampled_from(
            [
                f"{n} enfants",
                f"{n} pages",
                f"{n} personnes",
                f"{n} ans",
                f"{n} %",
                f"{n}%",
                f"bureau {n}",
                f"salle {n * 10 + 4}",
                f"{n}e étage",
                f"ligne {n}",
                f"{n} x 45 min",
                f"1 personne sur {n}",
            ]
        )
    )


@st.composite
def a_reference(draw):
    year = draw(st.integers(2000, 2030))
    return draw(
        st.sampled_from(
            [
                f"habite {draw(st.integers(1000, 95999)):05d}",
                f"code postal {draw(st.sampled_from(['49000', '49100', '75019', '13002']))}",
                f"cerfa {draw(digits(5))}*0{draw(st.integers(1, 9))}",
                f"formulaire cerfa n°{draw(digits(5))}*0{draw(st.integers(1, 9))}",
                f"année {year}-{year + 1}",
                f"en {year}",
                f"né en {year - 60}",
                f"référence {draw(digits(draw(st.integers(1, 6))))}",
                f"appelé le {draw(st.sampled_from(['3949', '3230', '3646', '115', '17']))}",
                f"quotient familial {draw(st.integers(100, 2000))}",
                f"Windows {draw(st.integers(7, 11))}, {draw(st.integers(2, 16))} Go",
            ]
        )
    )


# A civility used as a noun, or a title of office: an ordinary sentence, not a name.
CIVILITIES_AS_NOUNS = [
    "Madame a besoin d’aide",
    "Monsieur est venu seul",
    "madame ne sait pas utiliser le clavier",
    "M. le maire a signé",
    "Madame la conseillère rappelle",
    "Mme la directrice a appelé",
    "Mme souhaite refaire sa carte Vitale",
    "Mme a oublié son mot de passe",
    "Mr voulait savoir pour la prime d’activité",
    "Mme est venue avec sa fille",
    "Mme n’a pas de scanner",
    "Mr ne comprend pas le courrier",
    "Mme sera absente",
    "M. et Mme ont déposé le dossier",
    "Mme accompagnée pour la déclaration",
    "Monsieur souhaiterait un rendez-vous",
    "le docteur a fait un certificat",
    "Mlle doit revenir",
    "Mme demande une aide",
    "Mr cherche un logement",
    "Mme X a besoin d’aide",
    "taille M ou L",
]
WORDS = [
    "Compte Ameli créé",
    "attestation imprimée",
    "déclaration de revenus faite",
    "mot de passe refait",
    "dossier APL à compléter",
    "carte grise",
    "RDV pris",
    "à revoir",
    "prime d’activité",
    "Bus ligne 2, arrêt Roseraie",
    "Jean Dupont est venu",
    "il faut taper l’arobase",
    "impots.gouv.fr",
    "revenu fiscal de référence",
    "dossier CAF ouvert",
    "identifiant oublié",
]
fragment = st.one_of(
    a_date(),
    a_time(),
    a_duration(),
    an_amount(),
    a_count(),
    a_reference(),
    st.sampled_from(CIVILITIES_AS_NOUNS),
    st.sampled_from(WORDS),
)
JOINERS = [", ", ". ", " ; ", " puis ", " et ", " - ", " : ", "\n", " "]


@st.composite
def ordinary_note(draw, min_size=1, max_size=4):
    parts = draw(st.lists(fragment, min_size=min_size, max_size=max_size))
    note = parts[0] if parts else ""
    for part in parts[1:]:
        note += draw(st.sampled_from(JOINERS)) + part
    return note


@EXAMPLES
@given(ordinary_note())
def test_ordinary_notes_are_accepted(note):
    assert find_personal_data(note) == []


# Identifiers, each kind in every spelling --------------------------------------------

CONTEXT_BEFORE = [", ", ". ", " : ", " (", " - ", "\n", " "]
CONTEXT_AFTER = [", ", ". ", ") ", " ; ", "\n"]


@st.composite
def in_a_note(draw, identifier):
    """The identifier inside an ordinary note, before and after it, or alone."""
    before = draw(st.one_of(st.just(""), ordinary_note(max_size=2)))
    after = draw(st.one_of(st.just(""), ordinary_note(max_size=2)))
    note = identifier
    if before:
        note = before + draw(st.sampled_from(CONTEXT_BEFORE)) + note
    if after:
        note += draw(st.sampled_from(CONTEXT_AFTER)) + after
    return note


# Names: random syllables, so that no list of names is needed; never a French word.
SYLLABLES = (
    "du pont mar tin ler oy ben ali tra oré ko na té ngu yen dia llo fo fa na bou kri mé zi".split()
)
surname = (
    st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=4)
    .map("".join)
    .filter(lambda name: not name.endswith(("ait", "aient", "era", "erait", "eront")))
)
# Every spelling of a civility, and whether a lower-case name counts after it.
ABBREVIATIONS = [
    "M.",
    "M. ",
    "Mr",
    "Mr.",
    "MR",
    "Mme",
    "Mme.",
    "MME",
    "mme",
    "Mlle",
    "Melle",
    "mlle",
    "Mlle.",
    "Dr",
    "Dr.",
    "M\u1d50\u1d49",
    "mr",
]
CAPITAL_ONLY = [
    "M",
    "Monsieur",
    "monsieur",
    "MONSIEUR",
    "Madame",
    "madame",
    "Mademoiselle",
    "Docteur",
    "Maître",
    "Pr",
    "Me",
]


@st.composite
def a_name(draw):
    title = draw(st.sampled_from(ABBREVIATIONS + CAPITAL_ONLY))
    name = draw(surname)
    glued = title.endswith(".") and draw(st.booleans())
    space = "" if glued else draw(st.sampled_from([" ", "  ", "\u00a0"]))
    particle = draw(st.sampled_from(["", "", "", "de ", "Le ", "d’", "van ", "ben "]))
    if particle or title in CAPITAL_ONLY:
        case = draw(st.sampled_from([str.capitalize, str.upper]))
    else:
        case = draw(st.sampled_from([str.capitalize, str.upper, str.lower]))
    rest = draw(st.sampled_from(["", " a besoin d’aide", " revient lundi", ", dossier APL"]))
    return f"{title.strip()}{space}{particle}{case(name)}{rest}"


@EXAMPLES
@given(st.data())
def test_a_name_after_a_civility_is_refused(data):
    note = data.draw(in_a_note(data.draw(a_name())))
    assert find_personal_data(note) == [PersonalData.NAME]


# NIR: random birth, place and order, a valid, wrong or missing key.
@st.composite
def a_nir(draw):
    sex = draw(st.sampled_from("123478"))
    year = draw(digits(2))
    month = f"{draw(st.one_of(st.integers(1, 12), st.integers(20, 42), st.integers(50, 99))):02d}"
    department = draw(
        st.one_of(st.sampled_from(["2A", "2B", "99", "97"]), digits(2).filter(lambda d: d != "00"))
    )
    commune, order = draw(digits(3)), draw(digits(3))
    body = sex + year + month + department + commune + order
    right_key = f"{97 - int(body.replace('2A', '19').replace('2B', '18')) % 97:02d}"
    key = draw(st.sampled_from(["valid", "wrong", "none"]))
    if key == "valid":
        fields = [sex, year, month, department, commune, order, right_key]
    elif key == "wrong":
        wrong = draw(digits(2).filter(lambda k: k != right_key))
        fields = [sex, year, month, department, commune, order, wrong]
    else:
        fields = [sex, year, month, department, commune, order]
    compact = "".join(fields)
    # 13 digits together in a NIR's shape are a numéro fiscal when the SPI key holds.
    assume(not (len(compact) == 13 and compact[0] <= "3" and spi_key_is_valid(compact)))
    spelling = draw(st.sampled_from(["together", "fields", "anywhere"]))
    if spelling == "together":
        written = compact
    elif spelling == "fields" or key != "valid":
        written = draw(grouped(fields))
    else:
        # With its key right, a separator anywhere.
        written = compact[0]
        for position, char in enumerate(compact[1:], start=1):
            if position != 6:  # never inside "2A", "2B"
                written += draw(st.sampled_from(["", "", " ", ".", "-"]))
            written += char
        assert nir_key_is_valid(compact)
    if draw(st.booleans()):
        written = written.lower()
    return draw(st.sampled_from(["", "NIR ", "sécu ", "carte vitale : "])) + written


@EXAMPLES
@given(st.data())
def test_a_nir_is_refused_whatever_its_key(data):
    note = data.draw(in_a_note(data.draw(a_nir())))
    assert find_personal_data(note) == [PersonalData.NIR]


@st.composite
def a_tax_number(draw):
    first_10 = draw(digits(10, first="0123"))
    number = f"{first_10}{int(first_10) % 511:03d}"
    assert spi_key_is_valid(number)
    parts = [number[:2], number[2:4], number[4:7], number[7:10], number[10:]]
    written = draw(st.one_of(st.just(number), grouped(parts)))
    return draw(st.sampled_from(["", "numéro fiscal ", "n° fiscal : ", "SPI "])) + written


@EXAMPLES
@given(st.data())
def test_a_tax_number_is_refused(data):
    note = data.draw(in_a_note(data.draw(a_tax_number())))
    assert find_personal_data(note) == [PersonalData.FISCAL]


# Phones: random digits, random separators, with or without the 0, French or foreign.
@st.composite
def a_french_phone(draw):
    number = "0" + draw(digits(9, first="123456789"))
    pairs = [number[i : i + 2] for i in range(0, 10, 2)]
    spelling = draw(
        st.sampled_from(["together", "pairs", "pairs", "0X", "no zero", "+33", "+33 (0)", "0033"])
    )
    if spelling == "together":
        return number
    if spelling == "pairs":
        return draw(grouped(pairs))
    if spelling == "0X":
        return pairs[0] + draw(separator) + number[2:]
    if spelling == "no zero":
        return draw(grouped([number[1], *pairs[1:]]))
    prefix = {"+33": "+33 ", "+33 (0)": "+33 (0)", "0033": "0033 "}[spelling]
    return prefix + draw(grouped([number[1], *pairs[1:]]))


@st.composite
def a_foreign_phone(draw):
    country = draw(st.sampled_from(["212", "213", "216", "90", "44", "351", "225", "221", "49"]))
    number = draw(digits(draw(st.integers(8, 12)), first="123456789"))
    cuts = sorted(draw(st.sets(st.integers(1, len(number) - 1), max_size=5)))
    groups = [number[i:j] for i, j in zip([0, *cuts], [*cuts, len(number)], strict=True)]
    prefix = draw(st.sampled_from(["+", "+", "00"]))
    return prefix + country + draw(separator) + draw(grouped(groups))


@EXAMPLES
@given(st.data())
def test_a_phone_number_is_refused(data):
    phone = data.draw(st.one_of(a_french_phone(), a_foreign_phone()))
    note = data.draw(in_a_note(data.draw(st.sampled_from(["", "tél ", "rappeler au "])) + phone))
    assert find_personal_data(note) == [PersonalData.PHONE]


# E-mails: random parts, every way to write "@" and the dots.
# Never a word that writes "@" or a dot.
label = st.text(string.ascii_lowercase, min_size=1, max_size=8).filter(
    lambda word: word not in ("at", "dot", "point", "arobase")
)
local_part = st.lists(
    st.tuples(label, st.text(string.ascii_lowercase + string.digits, max_size=3)).map("".join),
    min_size=1,
    max_size=3,
).flatmap(lambda parts: st.sampled_from([".", "-", "_", "+"]).map(lambda sep: sep.join(parts)))
GLUED_AT = ["@", "\uff20", "(at)", "[at]", "{at}", " (at) ", " [at] "]
SPACED_AT = [" @ ", " @", "@ ", " arobase ", " AT ", " at "]
DOTS = [".", " point ", " (dot) ", "[dot]", " DOT "]


@st.composite
def an_email(draw):
    local = draw(local_part)
    domain_labels = draw(st.lists(label, min_size=1, max_size=2))
    tld = draw(st.sampled_from(["fr", "com", "org", "net", "eu", "info"]))
    dot = draw(st.sampled_from(DOTS))
    domain = dot.join([*domain_labels, tld])
    kind = draw(st.sampled_from(["dotted", "no dot", "provider"]))
    if kind == "dotted":
        at = draw(st.sampled_from(GLUED_AT + SPACED_AT))
    elif kind == "no dot":
        # A domain without a dot only with "@" written glued, or "(at)".
        at, domain = draw(st.sampled_from(GLUED_AT)), domain_labels[0]
    else:
        at = draw(st.sampled_from(GLUED_AT + SPACED_AT))
        domain = draw(st.sampled_from(["gmail", "hotmail", "orange", "laposte", "free"]))
    email = f"{local}{at}{domain}"
    if draw(st.booleans()):
        email = email.replace("@", "\uff20")
    return email


@EXAMPLES
@given(st.data())
def test_an_email_address_is_refused(data):
    note = data.draw(
        in_a_note(data.draw(st.sampled_from(["", "mail ", "écrire à "])) + data.draw(an_email()))
    )
    assert find_personal_data(note) == [PersonalData.EMAIL]


# IBAN: random accounts, their check digits computed.
IBAN_LENGTHS = {
    "FR": 27,
    "DE": 22,
    "BE": 16,
    "ES": 24,
    "IT": 27,
    "PT": 25,
    "TR": 26,
    "MA": 28,
    "TN": 24,
    "CH": 21,
    "LU": 20,
    "NL": 18,
    "GB": 22,
}


def with_check_digits(country, bban):
    rearranged = bban + country + "00"
    number = int("".join(str(int(char, 36)) for char in rearranged))
    return f"{country}{98 - number % 97:02d}{bban}"


@st.composite
def an_iban(draw):
    country = draw(st.sampled_from(sorted(IBAN_LENGTHS)))
    size = IBAN_LENGTHS[country] - 4
    if country in ("GB", "NL"):
        bban = draw(st.text(string.ascii_uppercase, min_size=4, max_size=4)) + draw(
            digits(size - 4)
        )
    else:
        bban = draw(digits(size))
    iban = with_check_digits(country, bban)
    assert iban_is_valid(iban)
    groups = [iban[i : i + 4] for i in range(0, len(iban), 4)]
    spelling = draw(st.sampled_from(["together", "by 4", "by 4", "country apart"]))
    if spelling == "together":
        written = iban
    elif spelling == "by 4":
        written = draw(grouped(groups, separators=[" ", "  ", "-", ".", "\u00a0", "\u202f"]))
    else:
        written = f"{iban[:2]} {iban[2:4]} " + " ".join(groups[1:])
    if spelling == "together" or (spelling == "by 4" and bban.isdigit()):
        # Lower case too; a letter group written apart in lower case reads as a word.
        written = draw(st.sampled_from([written, written.lower()]))
    return draw(st.sampled_from(["", "IBAN ", "RIB : ", "virement sur "])) + written


@EXAMPLES
@given(st.data())
def test_an_iban_is_refused(data):
    note = data.draw(in_a_note(data.draw(an_iban())))
    assert find_personal_data(note) == [PersonalData.IBAN]


# CAF and France Travail: random digits in their groupings.
@st.composite
def a_caf_number(draw):
    number = draw(digits(7))
    spelling = draw(st.sampled_from(["7", "3-2-2", "8", "after its name"]))
    if spelling == "7":
        written = number
    elif spelling == "3-2-2":
        written = draw(grouped([number[:3], number[3:5], number[5:]]))
    elif spelling == "8":
        written = number + draw(digits(1))
        assume(not _reads_as_a_date(written))
    else:
        cut = draw(st.integers(1, 6))
        return draw(
            st.sampled_from(["allocataire ", "n° CAF ", "numéro d’allocataire ", "CAF : "])
        ) + draw(grouped([number[:cut], number[cut:]], separators=[" ", ".", "-"]))
    return draw(st.sampled_from(["", "allocataire ", "CAF "])) + written


def _reads_as_a_date(eight):
    for day, month, year in (
        (eight[:2], eight[2:4], eight[4:]),
        (eight[6:], eight[4:6], eight[:4]),
    ):
        try:
            if 1900 <= int(year) <= 2099:
                date(int(year), int(month), int(day))
                return True
        except ValueError:
            pass
    return eight[:4].startswith(("19", "20")) and int(eight[4:]) - int(eight[:4]) in (0, 1)


@EXAMPLES
@given(st.data())
def test_a_caf_number_is_refused(data):
    note = data.draw(in_a_note(data.draw(a_caf_number())))
    assert find_personal_data(note) == [PersonalData.CAF]


@st.composite
def a_france_travail_identifier(draw):
    if draw(st.integers(0, 4)) == 0:
        # The newer identifier, 11 digits ("00" would start a phone number abroad).
        return draw(digits(11, first="123456789"))
    number = draw(digits(7))
    letter = draw(st.sampled_from(string.ascii_letters))
    digits_written = draw(
        st.sampled_from([number, f"{number[:4]} {number[4:]}", f"{number[:3]} {number[3:]}"])
    )
    return digits_written + draw(st.sampled_from(["", " ", "-"])) + letter


@EXAMPLES
@given(st.data())
def test_a_france_travail_identifier_is_refused(data):
    prefix = data.draw(st.sampled_from(["", "identifiant ", "FT : ", "id pôle emploi "]))
    note = data.draw(in_a_note(prefix + data.draw(a_france_travail_identifier())))
    assert find_personal_data(note) == [PersonalData.FRANCE_TRAVAIL]


@EXAMPLES
@given(st.data())
def test_any_run_of_nine_digits_or_more_is_refused(data):
    number = data.draw(digits(data.draw(st.integers(9, 24))))
    note = data.draw(in_a_note(number))
    assert find_personal_data(note) != []
