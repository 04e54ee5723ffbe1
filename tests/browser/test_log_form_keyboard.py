"""The log's form on a phone, with the keyboard only (issue 10): what must be chosen and
the submit button come first, the optional profile is one key press to pass over, and an
entry takes at most 12 key presses after the page loads."""

import pytest

from permanences.enums import NON_COMMUNIQUE, Autonomie, Resultat, ThemeNumerique
from permanences.models import Accompagnement
from tests.browser.axe import assert_no_horizontal_scroll, assert_no_violation
from tests.permanences.factories import AccompagnementFactory
from tests.services.factories import LieuFactory, QuartierFactory, StructureFactory

# serialized_rollback: the roles created by migrations survive the flush after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW = "/espace/accompagnements/nouveau/"
PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
FIRST_THEME = "id_themes_0_0"
IS_SUBMIT = """() => {
    const element = document.activeElement;
    return !!element && element.type === "submit" && !!element.closest(".log-form");
}"""


def tabs_to(page, predicate, *, limit=150):
    """How many Tab presses from the top of a freshly loaded page until ``predicate``
    (a JavaScript function of no argument) holds for the focused element."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return presses
    raise AssertionError(f"never reached with {limit} Tab presses")


def measure(page, url):
    """The issue's figures: Tab presses from page load to the first theme and to the
    submit button, and the page's height, in CSS pixels."""
    page.goto(url)
    to_theme = tabs_to(page, f"() => document.activeElement.id === '{FIRST_THEME}'")
    page.goto(url)
    to_submit = tabs_to(page, IS_SUBMIT)
    height = page.evaluate("document.documentElement.scrollHeight")
    return {"tabs_to_first_theme": to_theme, "tabs_to_submit": to_submit, "height_px": height}


@pytest.fixture
def phone_page(browser, log_in, conseiller):
    """A 360 px wide page whose session is the conseiller's."""
    context = browser.new_context(viewport=PHONE)
    log_in(context, conseiller)
    yield context.new_page()
    context.close()


@pytest.fixture
def places(db):
    """What the form's lists offer: a place, partners, a quartier."""
    QuartierFactory()
    StructureFactory(name="CAF de Maine-et-Loire")
    return LieuFactory(name="Relais-Mairie de La Roseraie")


@pytest.mark.parametrize("returning", [False, True], ids=["first-entry", "returning"])
def test_the_form_figures_at_360_px(phone_page, site, conseiller, places, returning, capsys):
    if returning:  # a last duration to start from
        AccompagnementFactory(conseiller=conseiller, duration_minutes=45)

    figures = measure(phone_page, site + NEW)

    with capsys.disabled():
        print(f"\nlog form at 360 px, {'returning' if returning else 'first entry'}: {figures}")
    # Before issue 10 (a first entry): 23 Tab presses to the first theme, 62 to submit,
    # 6,827 px.
    assert figures["tabs_to_first_theme"] < 23
    assert figures["tabs_to_submit"] < 62
    assert figures["height_px"] < 6000


class Keyboard:
    """Presses keys and counts them."""

    def __init__(self, page):
        self.page, self.presses = page, 0

    def press(self, key):
        self.page.keyboard.press(key)
        self.presses += 1

    def focused(self):
        return self.page.evaluate("document.activeElement.id")


def test_an_entry_takes_at_most_12_key_presses_at_360_px(
    phone_page, site, conseiller, places, capsys
):
    AccompagnementFactory(conseiller=conseiller, duration_minutes=45)  # she logged before
    page = phone_page
    page.goto(site + NEW)
    keys = Keyboard(page)

    keys.press("Tab")  # the skip link
    keys.press("Enter")  # to the content
    keys.press("Tab")
    assert keys.focused() == "id_autonomie_0"
    keys.press("ArrowDown")  # "Partiellement autonome"
    keys.press("Tab")
    assert keys.focused() == "id_resultat_0"
    keys.press("Space")  # "Démarche aboutie": "Réorienté vers" stays hidden
    keys.press("Tab")
    assert keys.focused() == FIRST_THEME
    keys.press("Space")  # "Diagnostic numérique"
    with page.expect_navigation():
        keys.press("Enter")  # submits the form, as Enter does in any of its fields

    with capsys.disabled():
        print(f"\nan entry with the keyboard: {keys.presses} key presses")
    assert keys.presses <= 12
    assert page.url.split("#")[0] == site + NEW  # the skip link's #contenu survives
    assert page.get_by_role("status").inner_text().strip() == "Enregistré"
    entry = Accompagnement.objects.latest("created_at")
    assert entry.conseiller == conseiller
    assert entry.themes == [ThemeNumerique.DIAGNOSTIC]
    assert (entry.autonomie, entry.resultat) == (Autonomie.PARTIEL, Resultat.ABOUTIE)
    assert entry.duration_minutes == 45  # the last one she used
    assert (entry.tranche_age, entry.genre) == (NON_COMMUNIQUE, NON_COMMUNIQUE)


def test_a_first_entry_chooses_its_duration_before_the_submit_button(
    phone_page, site, conseiller, places, capsys
):
    page = phone_page
    page.goto(site + NEW)
    keys = Keyboard(page)

    keys.press("Tab")
    keys.press("Enter")
    keys.press("Tab")
    keys.press("Space")  # "Entièrement accompagné"
    keys.press("Tab")
    keys.press("Space")  # "Démarche aboutie"
    keys.press("Tab")
    assert keys.focused() == "id_duree_0"  # no last duration: it comes with the required
    keys.press("ArrowRight")  # 30 min
    keys.press("Tab")  # past "Ou une autre durée"
    keys.press("Tab")
    assert keys.focused() == FIRST_THEME
    keys.press("Space")
    with page.expect_navigation():
        keys.press("Enter")

    with capsys.disabled():
        print(f"\na first entry with the keyboard: {keys.presses} key presses")
    assert keys.presses <= 12
    assert page.get_by_role("status").inner_text().strip() == "Enregistré"
    assert Accompagnement.objects.get().duration_minutes == 30


def test_the_structure_to_reorient_to_is_asked_once_reorientee_is_chosen(
    phone_page, site, conseiller, places
):
    page = phone_page
    page.goto(site + NEW)
    select = page.locator("#id_reoriente_vers")
    assert select.is_hidden()

    page.locator("label[for=id_resultat_2]").click()  # "Réorientée"
    assert select.is_visible()
    page.locator("#id_resultat_2").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_reoriente_vers"

    page.locator("label[for=id_resultat_0]").click()  # "Démarche aboutie"
    assert select.is_hidden()


def test_the_submit_button_follows_the_themes_and_the_profile_is_one_tab_to_pass(
    phone_page, site, conseiller, places
):
    AccompagnementFactory(conseiller=conseiller, duration_minutes=45)
    page = phone_page
    page.goto(site + NEW)

    page.locator("#id_themes_1_10").focus()  # the last theme
    page.keyboard.press("Tab")
    assert page.evaluate(IS_SUBMIT)

    summary = page.locator(".log-profile > summary")
    assert page.locator(".log-profile").get_attribute("open") is None
    assert page.locator("#id_tranche_age_0").is_hidden()
    summary.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_note"

    # Opened with the keyboard, without any script of ours.
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("#id_tranche_age_0").is_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "desktop"])
@pytest.mark.parametrize("prefix, direction", [("", "ltr"), ("/ar", "rtl")])
def test_the_form_has_no_violation_nor_sideways_scroll(
    browser, log_in, conseiller, site, places, viewport, prefix, direction
):
    context = browser.new_context(viewport=viewport)
    log_in(context, conseiller)
    page = context.new_page()

    response = page.goto(site + prefix + NEW)
    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == direction
    assert_no_violation(page)
    assert_no_horizontal_scroll(page)

    # With an error in the profile: its group opens, the error beside its field.
    page.locator(".log-profile > summary").click()
    page.locator("label[for=id_residence_0]").click()  # "Dans un quartier de la liste"
    with page.expect_response(lambda r: r.request.method == "POST") as sent:
        page.locator(".touch-submit button").click()
    assert sent.value.status == 400
    page.wait_for_load_state()
    assert page.locator(".log-profile").get_attribute("open") is not None
    assert page.locator("#id_residence_0").is_checked()
    assert page.locator("#div_id_quartier .invalid-feedback").is_visible()
    assert_no_violation(page)
    assert_no_horizontal_scroll(page)
    context.close()
