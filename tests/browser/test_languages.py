"""The language of every text of the public pages, in each interface language (RGAA 8.3
and 8.7, WCAG 3.1.1 and 3.1.2).

Coordinators write in French and translate field by field: where a translation is
missing, the page shows the French, inside an element that says ``lang="fr"``. Names of
places and structures, and addresses, are French whatever the page's language. A screen
reader reads each text with the voice of its closest ``lang``: these tests walk the text
nodes of each page, in the browser, and check that closest ``lang`` against the language
the text is written in.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.ateliers.factories import AtelierFactory, InscriptionFactory
from tests.browser.axe import assert_no_violation
from tests.permanences.factories import PermanenceFactory
from tests.services.factories import LieuFactory, ServiceFactory, StructureFactory

# serialized_rollback: the roles and themes created by migrations survive the flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["fr", "en", "ar", "tr"]
VIEWPORTS = {
    "phone": {"width": 360, "height": 740},
    "desktop": {"width": 1280, "height": 900},
}

# The service's only translation: its name, in English.
ENGLISH_NAME = "Help with paperwork"

# What the test data writes in French, one line each (a text node holds at most a line:
# FALC texts are shown line by line). Every one of them is in French on every page,
# the service's name excepted, which has an English translation.
FRENCH_NAME = "Aide aux papiers"
FRENCH = {
    "lieu": "Relais-Mairie Jean Vilar",
    "address": "3 rue André Maurois",
    "access_notes": "Entrée côté parking.",
    "structure": "Centre social Marcelle Menet",
    "structure_description": "Un centre social ouvert à tous les habitants.",
    "description": "Un accompagnement pour remplir vos dossiers.",
    "falc_text": "On vous aide à remplir vos papiers.",
    "falc_text_2": "Venez avec vos courriers.",
    "document": "Avis d’imposition",
    "theme": "Démarches en ligne avec un conseiller",
    "cancellation_reason": "Conseiller malade",
    "atelier_title": "Découvrir sa boîte e-mail",
    "atelier_description": "Créer une adresse, lire et envoyer un message.",
    "atelier_falc": "Vous apprenez à lire vos e-mails.",
    "to_bring": "Vos lunettes",
}

# The first name of a person registered to the atelier.
FIRST_NAME = "Aïcha"

# In an Arabic page, Latin letters that may stay under lang="ar". Keep this list tiny:
# each entry is a proper name or a technical term that the Arabic catalog writes inline, in
# Latin letters, in a translated sentence (WCAG 3.1.2 exempts proper names and technical
# terms; the words around them are Arabic), or a text of no language.
ARABIC_PAGE_LATIN_ALLOWED = [
    # The project's name in the footer ("مشروع «Innover à la Roseraie»"). Before the
    # neighbourhood's name, which it contains.
    re.compile(r"Innover à la Roseraie"),
    # The neighbourhood's name ("بوابة La Roseraie", "حي La Roseraie").
    re.compile(r"\bLa Roseraie\b"),
    # The city, in the footer ("…، Angers.").
    re.compile(r"\bAngers\b"),
    # The Caisse d'allocations familiales, as a resident types it in the search box: the
    # home page quotes it among the words to search with ("«CAF»").
    re.compile(r"«CAF»"),
    # Names of things the page links to or offers: the map ("خريطة OpenStreetMap"), the
    # calendar file format ("ملف iCalendar"), the text message ("رسالة SMS"), the paper
    # size of the printed programme ("صفحة A4").
    re.compile(r"\b(OpenStreetMap|iCalendar|SMS|A4)\b"),
    # A person's first name as she typed it when registering: a proper name, in whatever
    # letters she wrote it (the test's registration is in her name).
    re.compile(rf"\b{FIRST_NAME}\b"),
    # Letters of no language, spelled out: an e-mail address (the service's contact) and
    # a web address (the agenda's, printed under its QR code).
    re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"),
    re.compile(r"https?://\S+"),
]
# The pages that show a structure's description, a month's programme and a registration
# are visited on a phone only (the whole file stays under a minute): what the other
# viewport does not see.
PHONE_ONLY = {"structure_description"}
LATIN = re.compile(r"[A-Za-z]")

# Every visible text node of <body> (and those a screen reader reads while hidden to the
# eye: .visually-hidden ones have a box), with the lang of its closest ancestor that has
# one, <html lang> by default. What a click shows is shown first: the <details> are
# opened. Left out: scripts, styles, and what aria-hidden hides from screen readers (the
# pictograms).
TEXTS_AND_THEIR_LANGUAGE = """() => {
    document.querySelectorAll("details").forEach((details) => { details.open = true; });
    const page = document.documentElement.getAttribute("lang") || "";
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue.replace(/\\s+/g, " ").trim();
        const parent = node.parentElement;
        if (!text || !parent) continue;
        if (parent.closest("script, style, template, noscript, [aria-hidden='true']")) continue;
        if (!parent.checkVisibility({ visibilityProperty: true })) continue;
        const owner = parent.closest("[lang]");
        const lang = owner ? owner.getAttribute("lang") : page;
        texts.push({ text, lang: lang.split("-")[0].toLowerCase() });
    }
    return texts;
}"""


@pytest.fixture
def pages(db):
    """A service with an English name but no English FALC text, at a place, with a
    permanence on a theme and a cancelled one, and an atelier with a registration: the
    public pages that show them, the status each answers, and whether a phone only visits
    it."""
    lieu = LieuFactory(
        name=FRENCH["lieu"], address=FRENCH["address"], access_notes=FRENCH["access_notes"]
    )
    structure = StructureFactory(
        name=FRENCH["structure"], description=FRENCH["structure_description"]
    )
    service = ServiceFactory(
        complete=True,
        structure=structure,
        name=FRENCH_NAME,
        name_en=ENGLISH_NAME,
        description=FRENCH["description"],
        falc_text=f"{FRENCH['falc_text']}\n{FRENCH['falc_text_2']}",
        documents=[FRENCH["document"]],
        lieux=[lieu],
    )
    tomorrow = timezone.localdate() + timedelta(days=1)
    PermanenceFactory(service=service, lieu=lieu, date=tomorrow, theme_label=FRENCH["theme"])
    PermanenceFactory(
        service=service,
        lieu=lieu,
        date=tomorrow + timedelta(days=1),
        cancelled=True,
        cancellation_reason=FRENCH["cancellation_reason"],
    )
    atelier = AtelierFactory(
        title=FRENCH["atelier_title"],
        description=FRENCH["atelier_description"],
        falc_description=f"{FRENCH['atelier_falc']}\nVous venez avec votre téléphone.",
        lieu=lieu,
        structure=structure,
        service=service,
        to_bring=["Votre téléphone", FRENCH["to_bring"]],
    )
    inscription = InscriptionFactory(atelier=atelier, first_name=FIRST_NAME)
    return [
        ("/", 200, False),
        ("/services/", 200, False),
        (service.get_absolute_url(), 200, False),
        (service.get_falc_url(), 200, False),
        ("/agenda/", 200, False),
        ("/ateliers/", 200, False),
        (atelier.get_absolute_url(), 200, False),
        ("/nulle-part/", 404, False),
        (structure.get_absolute_url(), 200, True),
        (f"/agenda/imprimer/?mois={tomorrow:%Y-%m}", 200, True),
        (inscription.get_absolute_url(), 200, True),
    ]


def _misplaced(language: str, texts: list[dict]) -> list[str]:
    """What is not in the language its closest lang says, on a page in ``language``."""
    problems = []
    for entry in texts:
        text, lang = entry["text"], entry["lang"]
        if language == "ar":
            # Arabic is written in Arabic letters: Latin ones are another language's.
            rest = text
            for allowed in ARABIC_PAGE_LATIN_ALLOWED:
                rest = allowed.sub("", rest)
            if lang == "ar" and LATIN.search(rest):
                problems.append(f"Latin letters under lang=ar: {text!r}")
        if language != "fr":
            # The French of the database, translated nowhere here, is declared French.
            french = [value for value in FRENCH.values() if value in text]
            if language != "en" and FRENCH_NAME in text:
                french.append(FRENCH_NAME)
            if french and lang != "fr":
                problems.append(f"French {french} under lang={lang}: {text!r}")
        if language == "en" and FRENCH_NAME in text:
            # The service's name has an English translation: English pages show it.
            problems.append(f"French name instead of its translation: {text!r}")
        if ENGLISH_NAME in text and lang != "en":
            # Only English pages show the English name (French and Turkish ones, the
            # French name): wherever it is, it is declared English.
            problems.append(f"English name under lang={lang}: {text!r}")
    return problems


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_of_the_public_pages_is_in_its_declared_language(
    page, site, pages, language, viewport
):
    page.set_viewport_size(VIEWPORTS[viewport])
    prefix = "" if language == "fr" else f"/{language}"
    problems, shown = [], set()

    for path, status, phone_only in pages:
        if phone_only and viewport != "phone":
            continue
        response = page.goto(site + prefix + path)

        assert response.status == status, path
        assert page.locator("html").get_attribute("lang") == language, path
        try:
            assert_no_violation(page)
        except AssertionError as error:
            raise AssertionError(f"{prefix}{path}: {error}") from None
        texts = page.evaluate(TEXTS_AND_THEIR_LANGUAGE)
        problems += [f"{prefix}{path}: {problem}" for problem in _misplaced(language, texts)]
        shown |= {value for value in FRENCH.values() for entry in texts if value in entry["text"]}

    assert not problems, "\n".join(problems)
    # Every French text of the data was seen: the check above did check something.
    expected = {
        value for key, value in FRENCH.items() if viewport == "phone" or key not in PHONE_ONLY
    }
    assert shown == expected


# The options of the visible <select>s (a screen reader reads each one), with the lang of
# their closest ancestor that has one. The walk above leaves them out: a closed list's
# options have no box.
OPTIONS_AND_THEIR_LANGUAGE = """() => {
    document.querySelectorAll("details").forEach((details) => { details.open = true; });
    const page = document.documentElement.getAttribute("lang") || "";
    return [...document.querySelectorAll("select")]
        .filter((select) => select.checkVisibility({ visibilityProperty: true }))
        .flatMap((select) => [...select.options])
        .map((option) => {
            const owner = option.closest("[lang]");
            const lang = owner ? owner.getAttribute("lang") : page;
            return { text: option.text.trim(), lang: lang.split("-")[0].toLowerCase() };
        });
}"""


def test_the_places_offered_by_the_filters_are_declared_french(page, site, pages):
    problems = []
    # The agenda's filters in English, the ateliers' in Arabic.
    for path in ("/en/agenda/", "/ar/ateliers/"):
        page.goto(site + path)
        options = page.evaluate(OPTIONS_AND_THEIR_LANGUAGE)
        assert FRENCH["lieu"] in {option["text"] for option in options}, path
        problems += [
            f"{path}: {option}"
            for option in options
            if option["text"] == FRENCH["lieu"] and option["lang"] != "fr"
        ]

    assert not problems, "\n".join(problems)
