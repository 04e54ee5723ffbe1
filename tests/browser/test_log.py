import datetime

import pytest
from django.utils import timezone

from permanences.enums import Autonomie, Resultat, ThemeNumerique
from permanences.models import Accompagnement, Permanence
from tests.browser.axe import assert_no_horizontal_scroll, assert_no_violation
from tests.browser.keyboard import tab_to, tab_to_text
from tests.factories import PASSWORD
from tests.permanences.factories import AccompagnementFactory, PermanenceFactory
from tests.services.factories import LieuFactory, QuartierFactory, StructureFactory

# serialized_rollback: the roles created by migrations survive the flush after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW = "/espace/accompagnements/nouveau/"
LIST = "/espace/accompagnements/"
PHONE = {"width": 360, "height": 800}


@pytest.fixture
def logged_in_page(browser, log_in, conseiller):
    """A 360 px wide page whose session is the conseiller's."""
    context = browser.new_context(viewport=PHONE)
    log_in(context, conseiller)
    yield context.new_page()
    context.close()


@pytest.fixture
def places(db):
    """What the form's lists offer: places, a permanence today, partners, quartiers."""
    relais = LieuFactory(name="Relais-Mairie de La Roseraie")
    PermanenceFactory(in_progress=True, lieu=relais, theme_label="CAF")
    StructureFactory(name="CAF de Maine-et-Loire")
    QuartierFactory()
    return relais


def test_a_conseiller_logs_an_accompaniment_on_a_phone_with_the_keyboard_only(
    browser, site, conseiller, places
):
    Permanence.objects.get().conseillers.add(conseiller)  # in progress, held by her
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site + "/comptes/connexion/")

    # Log in.
    tab_to(page, "id_username")
    page.keyboard.type(conseiller.username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(site + "/espace/")

    # Open the form from the professional area.
    tab_to_text(page, "Noter un accompagnement")
    page.keyboard.press("Enter")
    page.wait_for_url(site + NEW)
    assert_no_horizontal_scroll(page)

    # Duration: the first preset, then one step on with an arrow key: 30 minutes.
    tab_to(page, "id_duree_0")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    # Themes: "Papiers, élections, citoyenneté", then back with Shift+Tab to "E-mail".
    tab_to(page, "id_themes_1_0")
    page.keyboard.press("Space")
    tab_to(page, "id_themes_0_3", key="Shift+Tab")
    page.keyboard.press("Space")
    # Autonomy and outcome: radios, chosen with Space and the arrow keys.
    tab_to(page, "id_autonomie_0")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    tab_to(page, "id_resultat_0")
    page.keyboard.press("Space")
    # Send.
    tab_to_text(page, "Enregistrer")
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    assert page.url == site + NEW
    assert page.get_by_role("status").inner_text().strip() == "Enregistré"
    assert page.locator("input[name=themes]:checked").count() == 0
    assert page.locator("input[name=autonomie]:checked").count() == 0
    assert page.locator("#id_duree_1").is_checked()  # the last duration used
    entry = Accompagnement.objects.get()
    assert (entry.conseiller, entry.duration_minutes) == (conseiller, 30)
    assert set(entry.themes) == {ThemeNumerique.PAPIERS, ThemeNumerique.COURRIELS}
    assert (entry.autonomie, entry.resultat) == (Autonomie.PARTIEL, Resultat.ABOUTIE)
    assert (entry.permanence, entry.lieu) == (Permanence.objects.get(), places)  # defaults
    context.close()


def test_every_control_of_the_form_is_a_large_touch_target(logged_in_page, site, places):
    page = logged_in_page
    page.goto(site + NEW)
    page.locator("label[for=id_resultat_2]").click()  # "Réorientée": its list shows too

    small = page.evaluate(
        """[...document.querySelectorAll(`.log-form .form-check, .log-form select,
               .log-form input:not([type=radio]):not([type=checkbox]):not([type=hidden]),
               .log-form button`)]
           .filter(el => el.getBoundingClientRect().height < 48)
           .map(el => el.outerHTML.slice(0, 80))"""
    )
    assert small == []


@pytest.mark.parametrize("prefix, direction", [("", "ltr"), ("/ar", "rtl")])
def test_the_log_form_has_no_accessibility_violation_empty_or_with_errors(
    logged_in_page, site, places, prefix, direction
):
    page = logged_in_page

    response = page.goto(site + prefix + NEW)
    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == direction
    assert_no_violation(page)
    assert_no_horizontal_scroll(page)

    page.locator("#id_note").fill("Rappeler au 06 12 34 56 78")
    with page.expect_response(lambda r: r.request.method == "POST") as sent:
        page.locator(".touch-submit button").click()
    assert sent.value.status == 400
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.locator("#id_note").input_value() == "Rappeler au 06 12 34 56 78"
    assert_no_violation(page)
    assert_no_horizontal_scroll(page)

    # A link of the summary moves to its control.
    summary.locator("a[href='#id_themes_0_0']").click()
    assert page.evaluate("document.activeElement.id") == "id_themes_0_0"


@pytest.mark.parametrize("prefix, direction", [("", "ltr"), ("/ar", "rtl")])
def test_the_list_has_no_accessibility_violation(
    logged_in_page, site, conseiller, places, prefix, direction
):
    AccompagnementFactory(conseiller=conseiller, lieu=places, duration_minutes=45)
    AccompagnementFactory(
        conseiller=conseiller,
        date=timezone.localdate() - datetime.timedelta(days=9),
        reoriented=True,
        reoriente_vers=StructureFactory(name="Mission locale"),
        locked=True,
    )
    page = logged_in_page

    response = page.goto(site + prefix + LIST)

    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator(".log-entry").count() == 2
    assert page.locator(".log-locked").count() == 1  # in every language
    assert_no_violation(page)
    assert_no_horizontal_scroll(page)
