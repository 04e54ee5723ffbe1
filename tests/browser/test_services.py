import re

import pytest

from tests.browser.axe import assert_no_horizontal_scroll, assert_no_violation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = [
    "/",
    "/services/?q=allocations&gratuit=on&quartier=la-roseraie",
    "/services/?q=xylophone",
    "/services/allocations/",
    "/services/allocations/facile/",
    "/structures/caf/",
]


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_directory_pages_have_no_accessibility_violation(page, site, directory, prefix, width):
    page.set_viewport_size({"width": width, "height": 800})
    for path in PAGES:
        response = page.goto(site + prefix + path)
        assert response.status == 200, path
        assert_no_violation(page)
        assert_no_horizontal_scroll(page)


def test_a_resident_searches_filters_and_removes_a_filter_without_javascript(
    browser, site, directory
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/")

    page.get_by_label("De quoi avez-vous besoin ?").fill("alocation")
    page.get_by_role("button", name="Chercher").click()
    assert page.get_by_role("heading", name="1 service").is_visible()

    page.get_by_text("Affiner la recherche").click()
    page.get_by_label("Gratuit").check()
    page.get_by_role("button", name="Afficher les services").click()
    assert "gratuit=on" in page.url and "q=alocation" in page.url

    page.get_by_role("link", name=re.compile("Gratuit")).click()
    assert "gratuit" not in page.url
    context.close()


def test_service_page_prints_on_one_a4_page(page, site, directory):
    page.goto(site + "/services/allocations/")
    page.emulate_media(media="print")

    pdf = page.pdf(format="A4")

    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


PLACE_BOXES = """() => [...document.querySelectorAll('.service-card li.place')].map((li) => {
    const name = li.querySelector('bdi').getBoundingClientRect();
    const quartier = li.querySelector('span').getBoundingClientRect();
    return {nameBottom: name.bottom, quartierTop: quartier.top};
})"""


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_on_a_phone_a_cards_neighbourhood_sits_under_its_place(page, site, directory, prefix):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site + prefix + "/services/?q=allocations")
    on_a_phone = page.evaluate(PLACE_BOXES)
    page.set_viewport_size({"width": 1280, "height": 800})
    on_a_desktop = page.evaluate(PLACE_BOXES)

    assert on_a_phone and all(box["quartierTop"] >= box["nameBottom"] - 1 for box in on_a_phone)
    assert all(box["quartierTop"] < box["nameBottom"] for box in on_a_desktop)
