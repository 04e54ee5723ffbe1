import re

import pytest
from django.utils import translation
from django.utils.formats import date_format

from ateliers.enums import Attendance, InscriptionStatus, Need
from ateliers.models import Inscription
from roseraie_portal.hours import format_hour
from tests.ateliers.factories import AtelierFactory, InscriptionFactory
from tests.browser.axe import assert_no_horizontal_scroll, assert_no_violation
from tests.browser.keyboard import assert_focus_is_visible, tab_to, tab_to_text
from tests.services.factories import LieuFactory, StructureFactory
from tests.text import plain

# serialized_rollback: the roles and themes created by migrations survive the flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 800}
LANGUAGES = [("", "fr", "ltr"), ("/ar", "ar", "rtl")]
# What the resident reads on the page, in each language.
WORDS = {
    "fr": {
        "book": "Réserver ma place",
        "booked": "Votre place est réservée",
        "to_bring": "À apporter",
        "cancel_title": "Vous ne pouvez pas venir ?",
        "cancel": "Annuler mon inscription",
    },
    "ar": {
        "book": "احجز مكاني",
        "booked": "مكانك محجوز",
        "to_bring": "ما تُحضره معك",
        "cancel_title": "لا يمكنك الحضور؟",
        "cancel": "إلغاء تسجيلي",
    },
}


@pytest.fixture
def atelier(db):
    """A session at the Relais-Mairie in three days, 14 h to 16 h, with things to bring."""
    return AtelierFactory(
        title="Découvrir sa boîte e-mail",
        description="Créer une adresse, lire et envoyer un message.",
        falc_description="Vous apprenez à lire vos e-mails.\nVous venez avec votre téléphone.",
        lieu=LieuFactory(
            name="Relais-Mairie de La Roseraie",
            address="3 rue André Maurois",
            access_notes="Entrée côté parking.",
        ),
        structure=StructureFactory(name="Ville d'Angers"),
        languages=["fr", "ar"],
        to_bring=["Votre téléphone", "Vos lunettes"],
    )


@pytest.fixture
def other_ateliers(atelier):
    """Every state a card can show: full (a waiting list), cancelled, without
    registration."""
    full = AtelierFactory(title="Faire sa déclaration d'impôts", capacity=1)
    InscriptionFactory(atelier=full)
    AtelierFactory(title="Prendre rendez-vous chez le médecin", cancelled=True)
    AtelierFactory(title="Café numérique", registration_required=False)


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def when(atelier, language):
    """The day and the start of a session, as its pages write them in a language."""
    with translation.override(language):
        return date_format(atelier.date, "j F Y"), format_hour(atelier.start_time)


@pytest.mark.parametrize("prefix, lang, direction", LANGUAGES)
def test_a_resident_registers_with_the_keyboard_only_on_a_phone(
    phone_page, site, atelier, prefix, lang, direction
):
    page, words = phone_page, WORDS[lang]
    page.goto(f"{site}{prefix}/ateliers/")
    assert page.locator("html").get_attribute("dir") == direction

    # From the list to the atelier: its title is a link.
    tab_to_text(page, atelier.title)
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site}{prefix}/ateliers/{atelier.pk}/")
    assert_no_horizontal_scroll(page)

    tab_to(page, "id_first_name")
    page.keyboard.type("Samia")
    page.keyboard.press("Tab")
    page.keyboard.type("06 12 34 56 78")
    # On to the needs (an interpreter), then back to the consent with Shift+Tab.
    tab_to(page, "id_needs_0")
    assert_focus_is_visible(page)
    page.keyboard.press("Space")
    tab_to(page, "id_consent", key="Shift+Tab")
    assert_focus_is_visible(page)
    page.keyboard.press("Space")
    tab_to_text(page, words["book"])
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"{re.escape(site + prefix)}/ateliers/mon-inscription/[\w-]+/$"))

    main = page.locator("main")
    assert page.locator("h1").inner_text().strip() == words["booked"]
    # Where, when, what to bring, and how to cancel.
    assert "Relais-Mairie de La Roseraie" in main.inner_text()
    assert "3 rue André Maurois, 49100 Angers" in main.inner_text()
    day, start = when(atelier, lang)
    moment = main.locator("time").first
    assert moment.get_attribute("datetime") == f"{atelier.date:%Y-%m-%d}T14:00"
    assert day in plain(moment.inner_text())
    assert start in plain(moment.inner_text())
    assert page.get_by_role("heading", name=words["to_bring"]).is_visible()
    assert main.locator(".checklist li").all_inner_texts() == ["Votre téléphone", "Vos lunettes"]
    assert page.get_by_role("heading", name=words["cancel_title"]).is_visible()
    assert page.get_by_role("button", name=words["cancel"]).is_visible()
    # The place's own words are French, read as French in every page (RGAA 8.7), and
    # their full stop stays at their end in Arabic.
    notes = main.get_by_text("Entrée côté parking.")
    assert notes.evaluate("e => [e.closest('[lang]').lang, getComputedStyle(e).direction]") == [
        "fr",
        "ltr",
    ]
    assert_no_horizontal_scroll(page)

    inscription = Inscription.objects.get()
    assert (inscription.first_name, inscription.phone) == ("Samia", "06 12 34 56 78")
    assert inscription.status == InscriptionStatus.CONFIRMED
    assert inscription.needs == [Need.INTERPRETER]
    assert inscription.consented_at is not None
    assert inscription.language == lang  # the messages she receives


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("prefix, lang, direction", LANGUAGES)
def test_the_resident_pages_have_no_accessibility_violation(
    page, site, atelier, other_ateliers, prefix, lang, direction, width
):
    page.set_viewport_size({"width": width, "height": 800})
    confirmed = InscriptionFactory(atelier=atelier, by_phone=True)
    waiting = InscriptionFactory(atelier=atelier, status=InscriptionStatus.WAITING)
    for path, status in [
        ("/ateliers/", 200),
        ("/ateliers/?places=on&mois=2026-13", 400),
        (f"/ateliers/{atelier.pk}/", 200),
        (confirmed.get_absolute_url(), 200),
        (waiting.get_absolute_url(), 200),
    ]:
        response = page.goto(site + prefix + path)
        assert response.status == status, path
        assert page.locator("html").get_attribute("dir") == direction
        assert_no_violation(page)
        if width == 360:
            assert_no_horizontal_scroll(page)


@pytest.mark.parametrize("prefix, lang, direction", LANGUAGES)
def test_the_form_with_errors_has_no_violation_and_leads_to_the_field(
    phone_page, site, atelier, prefix, lang, direction
):
    page = phone_page
    page.goto(f"{site}{prefix}/ateliers/{atelier.pk}/")

    # A contact, but no consent.
    page.locator("#id_first_name").fill("Samia")
    page.locator("#id_email").fill("samia@example.org")
    with page.expect_response(lambda r: r.request.method == "POST") as sent:
        page.locator(".touch-submit button").press("Enter")
    assert sent.value.status == 400
    page.wait_for_load_state()

    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.locator("#id_email").input_value() == "samia@example.org"
    assert page.locator("#id_consent").get_attribute("aria-invalid") == "true"
    # The box's error sits under its label, not in a narrow column beside it.
    label = page.locator("label[for=id_consent]").bounding_box()
    error = page.locator("#id_consent_error").bounding_box()
    assert error["y"] >= label["y"] + label["height"]
    assert_no_violation(page)
    assert_no_horizontal_scroll(page)
    # The summary's link moves the keyboard to the box to tick.
    link = summary.locator("a[href='#id_consent']")
    link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_consent"
    assert not Inscription.objects.exists()


@pytest.fixture
def attendance_page(browser, log_in, coordinator, atelier):
    """The attendance screen of the atelier, on a phone, for coordination."""
    InscriptionFactory(atelier=atelier, first_name="Samia", attendance=Attendance.PRESENT)
    InscriptionFactory(atelier=atelier, first_name="Karim")
    InscriptionFactory(atelier=atelier, first_name="")  # a person who gave no name
    context = browser.new_context(viewport=PHONE)
    log_in(context, coordinator)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("prefix, lang, direction", LANGUAGES)
def test_the_attendance_screen_has_no_violation_empty_or_with_errors(
    attendance_page, site, atelier, prefix, lang, direction
):
    page = attendance_page

    response = page.goto(f"{site}{prefix}/espace/ateliers/{atelier.pk}/presences/")

    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator(".choices-field").count() == 3
    assert page.locator("input[name^=presence_]:checked").count() == 1  # Samia, present
    assert_no_violation(page)
    assert_no_horizontal_scroll(page)

    page.locator("#id_walk_ins").fill("-1")
    with page.expect_response(lambda r: r.request.method == "POST") as sent:
        page.locator(".touch-submit button").press("Enter")
    assert sent.value.status == 400
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    assert_no_violation(page)
    assert_no_horizontal_scroll(page)


def test_the_professionals_list_of_ateliers_has_no_violation(
    browser, log_in, coordinator, site, atelier, other_ateliers
):
    context = browser.new_context(viewport=PHONE)
    log_in(context, coordinator)
    page = context.new_page()
    for prefix in ["", "/ar"]:
        response = page.goto(f"{site}{prefix}/espace/ateliers/")
        assert response.status == 200
        assert_no_violation(page)
        assert_no_horizontal_scroll(page)
    context.close()
