import pytest

from tests.browser.axe import assert_no_horizontal_scroll, assert_no_violation

# serialized_rollback: the roles created by migrations survive the flush after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = [("", "fr", "ltr"), ("/en", "en", "ltr"), ("/ar", "ar", "rtl")]
PAGES = [
    ("/", 200),
    ("/accessibilite/", 200),
    ("/donnees-personnelles/", 200),
    ("/nulle-part/", 404),
]


@pytest.mark.parametrize("prefix, lang, direction", LANGUAGES)
@pytest.mark.parametrize("path, status", PAGES)
def test_pages_have_no_accessibility_violation(page, site, prefix, lang, direction, path, status):
    response = page.goto(site + prefix + path)

    assert response.status == status
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (lang, direction)
    assert_no_violation(page)


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_pages_reflow_at_320_pixels_without_sideways_scrolling(page, site, prefix):
    page.set_viewport_size({"width": 320, "height": 640})
    for path, _status in PAGES:
        page.goto(site + prefix + path)
        assert_no_horizontal_scroll(page)


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, site):
    page.goto(site + "/accessibilite/")

    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Aller au contenu"
    assert skip.is_visible()
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "contenu"


def test_falc_switch_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/accessibilite/")

    page.get_by_role("button", name="Version facile à lire").click()

    assert page.url == site + "/accessibilite/"
    assert page.locator("body").get_attribute("class") == "falc"
    page.get_by_role("button", name="Quitter la version facile à lire").click()
    assert page.locator("body").get_attribute("class") is None
    context.close()


def test_language_menu_switches_to_arabic_on_the_same_page(page, site):
    page.goto(site + "/accessibilite/")

    page.get_by_role("link", name="العربية").click()

    assert page.url == site + "/ar/accessibilite/"
    assert page.locator("html").get_attribute("dir") == "rtl"
