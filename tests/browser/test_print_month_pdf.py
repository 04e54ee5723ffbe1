"""The printed month on paper: Chromium prints it (page.pdf, with the page's own @page
size) and pypdf counts the pages. A busy month must fit one A4 page, in landscape."""

import io

import pytest
from pypdf import PdfReader

from tests.browser.axe import assert_no_horizontal_scroll, assert_no_violation
from tests.permanences.busy_month import MONTH, crowd_the_mornings, make_busy_month

# serialized_rollback: the roles and themes created by migrations survive the flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PROGRAMME = f"/agenda/imprimer/?mois={MONTH:%Y-%m}"
# A4 in PDF points (1/72 inch), landscape: 297 × 210 mm.
A4_LANDSCAPE = (842, 595)


@pytest.fixture
def busy_month(clock, directory, relais, bus):
    clock("2027-02-20 10:00")
    return make_busy_month(directory, relais, bus)


def printed(page) -> PdfReader:
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_a_busy_month_prints_on_one_a4_page_in_landscape(page, site, busy_month, prefix):
    page.goto(site + prefix + PROGRAMME)

    pdf = printed(page)

    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(box.width), round(box.height)) == A4_LANDSCAPE
    text = " ".join(pdf.pages[0].extract_text().split())
    # The stops and their addresses, beside the calendar.
    assert "Arrêt Europe, parking du centre commercial" in text
    assert "Boulevard Allonneau, 49100 Angers" in text


def test_the_note_on_screen_says_one_page_when_the_month_prints_on_one(page, site, busy_month):
    page.goto(site + PROGRAMME)
    note = page.locator(".screen-only .notice").inner_text()

    assert "tient sur une page A4, en paysage" in note
    assert len(printed(page).pages) == 1


def test_an_overfull_month_says_it_takes_more_than_one_page_and_does(page, site, busy_month):
    crowd_the_mornings()
    page.goto(site + PROGRAMME)
    note = page.locator(".screen-only .notice").inner_text()

    assert "prend plus d’une page A4" in note
    assert len(printed(page).pages) > 1


def test_the_printed_calendar_has_every_half_day_legend_and_qr_code(page, site, busy_month):
    page.goto(site + PROGRAMME)
    page.emulate_media(media="print")

    assert page.locator(".site-header").is_hidden()
    assert page.locator("form.month-form").is_hidden()
    entries = page.locator(".month-calendar .entry")
    assert entries.count() == busy_month["permanences"] + busy_month["ateliers"]
    # Monday to Saturday: Saturdays are used this month.
    assert page.locator(".month-calendar thead th").all_inner_texts() == [
        "Lundi",
        "Mardi",
        "Mercredi",
        "Jeudi",
        "Vendredi",
        "Samedi",
    ]
    assert page.locator(".month-calendar tbody").count() == 5  # the weeks
    assert page.locator(".programme .qr").is_visible()
    assert page.locator(".legend").get_by_text("Internet et ordinateur").is_visible()


def test_printed_text_is_large_enough_to_read_at_arms_length(page, site, busy_month):
    page.goto(site + PROGRAMME)
    page.emulate_media(media="print")

    smallest = page.evaluate(
        """() => Math.min(...[...document.querySelectorAll(
            '.programme-sheet td *, .programme-sheet th, .programme-aside li')]
            .filter((element) => element.offsetParent !== null && element.textContent.trim())
            .map((element) => parseFloat(getComputedStyle(element).fontSize)))"""
    )
    assert smallest >= 11 * 96 / 72 - 0.01  # 11pt in CSS pixels


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_the_busy_month_on_screen_has_no_accessibility_violation(
    page, site, busy_month, prefix, width
):
    page.set_viewport_size({"width": width, "height": 800})
    response = page.goto(site + prefix + PROGRAMME)

    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == ("rtl" if prefix else "ltr")
    assert_no_violation(page)
    assert_no_horizontal_scroll(page)
