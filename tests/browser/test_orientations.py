"""Orientations in a browser (issue 12): a conseiller sends one on a 360 px screen with
the keyboard only, the receiving partner accepts it with an appointment; the form, the
boxes and one orientation have no accessibility violation, in French and in Arabic, on a
phone and on a desk."""

import datetime
import re

import pytest
from django.utils import timezone

from services.enums import OrientationStatus, ThemeNumerique, Urgency
from services.models import Orientation
from tests.browser.axe import assert_no_horizontal_scroll, assert_no_violation
from tests.browser.keyboard import assert_focus_is_visible, tab_to, tab_to_text
from tests.factories import PASSWORD, UserFactory
from tests.services.factories import (
    OrientationFactory,
    ServiceFactory,
    StructureFactory,
    StructureMembershipFactory,
)

# serialized_rollback: the roles created by migrations survive the flush after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 800}
DESK = {"width": 1280, "height": 900}
NEW = "/espace/orientations/nouvelle/?service=allocations"
BOXES = "/espace/orientations/"
SITUATION = "Ses droits sont coupés depuis octobre. Elle ne comprend pas pourquoi."
# The most Tab, Space and Enter presses that sending (from the skip link to the button)
# or answering (from the professional area) may take, what is typed aside: 41 and 47
# today, most of them Tabs through the 22 themes and the form's optional fields.
MOST_KEY_PRESSES = 50

# Fields where a person types her own words, in whatever language: the browser finds
# their direction (dir="auto"); numbers and addresses read left to right.
FREE_TEXT = "main textarea, main input[type=text]"
LEFT_TO_RIGHT = "main input[type=tel], main input[type=email]"


class CountedKeys:
    """The keys a person presses on a page: the keys that move and choose (Tab, Space,
    Enter), and the characters she types."""

    def __init__(self, page):
        self.presses = self.typed = 0
        keyboard = page.keyboard
        press, type_ = keyboard.press, keyboard.type

        def counted_press(key, **options):
            self.presses += 1
            press(key, **options)

        def counted_type(text, **options):
            self.typed += len(text)
            type_(text, **options)

        keyboard.press, keyboard.type = counted_press, counted_type

    def reset(self):
        self.presses = self.typed = 0

    def __str__(self):
        return f"{self.presses} presses and {self.typed} characters typed"


@pytest.fixture
def world(db, fast_passwords):
    """The CCAS (a conseiller attached to it) orients to the CAF's "Allocations
    familiales" service, which takes orientations; a partner's account at the CAF."""
    ccas = StructureFactory(name="CCAS d’Angers (Centre communal d’action sociale)")
    caf = StructureFactory(name="CAF de Maine-et-Loire")
    conseiller = UserFactory(conseiller=True, email="conseiller@example.org")
    StructureMembershipFactory(user=conseiller, structure=ccas)
    service = ServiceFactory(
        structure=caf, name="Allocations familiales", slug="allocations", orientable=True
    )
    partner = StructureMembershipFactory(structure=caf, user__email="agent@caf.example.org").user
    return {
        "ccas": ccas,
        "caf": caf,
        "conseiller": conseiller,
        "service": service,
        "partner": partner,
    }


@pytest.fixture
def orientations(world):
    """One orientation waiting for the CAF's answer, with the person's contact, and one
    the CAF accepted with an appointment."""
    waiting = OrientationFactory(
        service=world["service"],
        sender=world["conseiller"],
        from_structure=world["ccas"],
        with_contact=True,
        themes=[ThemeNumerique.PAPIERS, ThemeNumerique.ARGENT],
        urgency=Urgency.WEEK,
        already_done="Nous avons regardé son espace en ligne.",
        papers="Avis d’imposition",
        availability="Le matin",
    )
    accepted = OrientationFactory(
        service=world["service"],
        sender=world["conseiller"],
        from_structure=world["ccas"],
        with_contact=True,
        status=OrientationStatus.ACCEPTED,
        answered_at=timezone.now(),
        answered_by=world["partner"],
        closed_at=timezone.now(),
        appointment_at=timezone.now() + datetime.timedelta(days=7),
        appointment_place="Accueil CAF, 32 rue Louis Gain, Angers",
        appointment_bring="Sa carte d’identité",
        answer_note="Nous l’attendons à l’accueil.",
    )
    return {"waiting": waiting, "accepted": accepted}


@pytest.fixture
def open_page(browser, log_in):
    """A page in a new browser context: ``open_page(user, viewport)``. French dates and
    times in the browser's own controls (day/month/year, 24 hours)."""
    contexts = []

    def open_(user=None, viewport=PHONE):
        context = browser.new_context(viewport=viewport, locale="fr-FR")
        contexts.append(context)
        if user is not None:
            log_in(context, user)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


def log_in_with_the_keyboard(page, site, user):
    page.goto(site + "/comptes/connexion/")
    tab_to(page, "id_username")
    page.keyboard.type(user.username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(site + "/espace/")


def a_day_that_reads_the_same_both_ways():
    """The next day whose number is its month's (12/12): the browser's date control
    orders day and month as its own language does (French, or the machine's English),
    and this date is typed the same in both."""
    day = timezone.localdate() + datetime.timedelta(days=1)
    while day.day != day.month:
        day += datetime.timedelta(days=1)
    return day


def tab_to_matching(page, selector, *, key="Tab", limit=200):
    """Press Tab (or Shift+Tab) until the focused element matches this CSS selector."""
    for _press in range(limit):
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{selector} never got the focus with {key}")


def skip_to_content(page):
    """The first Tab reaches the skip link; Enter jumps over the header and the
    breadcrumb."""
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#contenu"
    page.keyboard.press("Enter")


def test_a_conseiller_sends_an_orientation_on_a_phone_and_the_partner_accepts_it(
    open_page, site, world
):
    """Both with the keyboard only, at 360 px."""
    page = open_page()
    keys = CountedKeys(page)
    log_in_with_the_keyboard(page, site, world["conseiller"])
    keys.reset()  # count the sending only

    page.goto(site + NEW)
    assert_no_horizontal_scroll(page)
    skip_to_content(page)
    # The service comes chosen from its page.
    tab_to(page, "id_service")
    assert page.locator("#id_service").input_value() == "allocations"
    # The need: "Argent, impôts" among the administrative themes, then the situation.
    tab_to(page, "id_themes_1_6")
    assert_focus_is_visible(page)
    page.keyboard.press("Space")
    tab_to(page, "id_note")
    assert_focus_is_visible(page)
    page.keyboard.type(SITUATION)
    # The person: her first name, her phone, her consent.
    tab_to(page, "id_first_name")
    page.keyboard.type("Aïcha")
    tab_to(page, "id_phone")
    page.keyboard.type("06 12 34 56 78")
    tab_to(page, "id_consent")
    assert_focus_is_visible(page)
    page.keyboard.press("Space")
    tab_to_text(page, "Envoyer l’orientation")
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    # The skip link's #contenu rides along the redirect, which lands on the content.
    page.wait_for_url(re.compile(r"/espace/orientations/\d+/(#contenu)?$"))

    orientation = Orientation.objects.get()
    assert orientation.service == world["service"]
    assert (orientation.from_structure, orientation.to_structure) == (world["ccas"], world["caf"])
    assert orientation.themes == [ThemeNumerique.ARGENT]
    assert orientation.note == SITUATION
    assert (orientation.first_name, orientation.phone) == ("Aïcha", "06 12 34 56 78")
    assert orientation.consented_at is not None
    assert orientation.status == OrientationStatus.SENT
    assert page.url.removesuffix("#contenu") == site + orientation.get_absolute_url()
    assert "Orientation envoyée à CAF de Maine-et-Loire" in page.get_by_role("status").inner_text()
    main = page.locator("main")
    assert "Allocations familiales" in main.locator("h1").inner_text()
    assert "Argent, impôts" in main.inner_text()
    assert SITUATION in main.inner_text()
    assert main.get_by_text("Aïcha", exact=True).is_visible()
    assert main.get_by_role("link", name="06 12 34 56 78").is_visible()
    assert main.locator(".status").inner_text().strip() == "En attente de réponse"
    assert_no_horizontal_scroll(page)
    sent_with = str(keys)

    # The partner of the CAF: the professional area says one orientation waits.
    partner_page = open_page()
    partner_keys = CountedKeys(partner_page)
    log_in_with_the_keyboard(partner_page, site, world["partner"])
    partner_keys.reset()
    tab_to_text(partner_page, "Les orientations : 1 attend votre réponse")
    partner_page.keyboard.press("Enter")
    partner_page.wait_for_url(site + BOXES)
    assert_no_horizontal_scroll(partner_page)
    tab_to_text(partner_page, "Allocations familiales")
    assert_focus_is_visible(partner_page)
    partner_page.keyboard.press("Enter")
    partner_page.wait_for_url(site + orientation.get_absolute_url())
    assert_no_horizontal_scroll(partner_page)

    # Accept, with an appointment at 14:30.
    day = a_day_that_reads_the_same_both_ways()
    skip_to_content(partner_page)
    tab_to(partner_page, "id_decision_0")
    assert_focus_is_visible(partner_page)
    partner_page.keyboard.press("Space")
    tab_to(partner_page, "id_appointment_day")
    assert_focus_is_visible(partner_page)
    partner_page.keyboard.type(day.strftime("%d%m%Y"))  # it moves to the next part itself
    tab_to(partner_page, "id_appointment_time")
    assert_focus_is_visible(partner_page)
    partner_page.keyboard.type("1430")
    tab_to(partner_page, "id_appointment_place")
    partner_page.keyboard.type("Accueil de la CAF, 32 rue Louis Gain")
    tab_to_text(partner_page, "Envoyer la réponse")
    assert_focus_is_visible(partner_page)
    with partner_page.expect_navigation():
        partner_page.keyboard.press("Enter")

    orientation.refresh_from_db()
    assert orientation.status == OrientationStatus.ACCEPTED
    assert orientation.answered_by == world["partner"]
    local = timezone.localtime(orientation.appointment_at)
    assert (local.date(), local.time()) == (day, datetime.time(14, 30))
    assert orientation.appointment_place == "Accueil de la CAF, 32 rue Louis Gain"
    assert partner_page.url.removesuffix("#contenu") == site + orientation.get_absolute_url()
    assert "Orientation acceptée" in partner_page.get_by_role("status").inner_text()
    assert partner_page.locator("main .status").inner_text().strip() == "Acceptée"
    answer = partner_page.locator("#answer-title + *").locator("xpath=..")
    assert "14:30" in answer.inner_text()
    assert "32 rue Louis Gain" in answer.inner_text()
    assert partner_page.locator("#id_decision_0").count() == 0  # answered: no more form
    # The sender sees the answer too.
    page.reload()
    assert page.locator("main .status").inner_text().strip() == "Acceptée"

    print(f"\nTo send: {sent_with}. To answer: {partner_keys}.")
    assert keys.presses <= MOST_KEY_PRESSES
    assert partner_keys.presses <= MOST_KEY_PRESSES


def submit(page):
    """Send the page's form with its button; the status of the answer."""
    with page.expect_navigation() as sent:
        page.locator(".touch-submit button").click()
    return sent.value.status


def assert_page_reads_well(page, direction, viewport):
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator(f"html[dir={direction}]").count() == 1
    assert_no_violation(page)
    if viewport == PHONE:
        assert_no_horizontal_scroll(page)
    where = page.url
    wrong = page.evaluate(
        """([free, ltr]) => [
            ...[...document.querySelectorAll(free)].filter(e => e.dir !== "auto"),
            ...[...document.querySelectorAll(ltr)].filter(e => e.dir !== "ltr"),
        ].map(e => e.outerHTML.slice(0, 100))""",
        [FREE_TEXT, LEFT_TO_RIGHT],
    )
    assert wrong == [], where


LANGUAGES = pytest.mark.parametrize("prefix, direction", [("", "ltr"), ("/ar", "rtl")])
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["360px", "1280px"])


@VIEWPORTS
@LANGUAGES
def test_the_form_has_no_accessibility_violation_empty_or_with_errors(
    open_page, site, world, prefix, direction, viewport
):
    page = open_page(world["conseiller"], viewport)

    response = page.goto(site + prefix + NEW)
    assert response.status == 200
    assert_page_reads_well(page, direction, viewport)
    assert page.locator(FREE_TEXT).count() == 5  # the situation ... the first name
    assert page.locator(LEFT_TO_RIGHT).count() == 2
    assert page.locator("#id_phone").get_attribute("type") == "tel"

    # No theme, and a first name without the person's consent.
    page.locator("#id_first_name").fill("Aïcha")
    assert submit(page) == 400
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_first_name").input_value() == "Aïcha"
    assert_page_reads_well(page, direction, viewport)


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_the_error_summary_leads_to_each_field_with_the_keyboard(open_page, site, world, prefix):
    page = open_page(world["conseiller"])
    page.goto(site + prefix + NEW)
    page.locator("#id_first_name").fill("Aïcha")
    assert submit(page) == 400

    summary = page.locator(".error-summary")
    links = summary.locator("a")
    targets = [link.get_attribute("href").removeprefix("#") for link in links.all()]
    assert set(targets) == {"id_themes_0_0", "id_consent"}
    for target in targets:
        # Each control says it is wrong and says why, in words tied to it.
        control = page.locator(f"#{target}")
        described = (control.get_attribute("aria-describedby") or "").split()
        described += (
            control.evaluate("e => e.closest('fieldset')?.getAttribute('aria-describedby')") or ""
        ).split()
        assert any(page.locator(f"#{name}.invalid-feedback").count() for name in described), target
    # From the top of the page, the keyboard reaches each link; Enter moves to its field.
    skip_to_content(page)
    for index, target in enumerate(targets):
        key = "Shift+Tab" if index else "Tab"  # back up to the summary from a field
        tab_to_matching(page, f".error-summary a[href='#{target}']", key=key)
        assert_focus_is_visible(page)
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == target
        assert_focus_is_visible(page)


@VIEWPORTS
@LANGUAGES
def test_the_boxes_and_an_orientation_have_no_accessibility_violation(
    open_page, site, world, orientations, prefix, direction, viewport
):
    waiting, accepted = orientations["waiting"], orientations["accepted"]
    pages = [
        # The receiving partner: the received box, the answer form, an answered one.
        (world["partner"], f"{BOXES}?boite=recues", 2),
        (world["partner"], waiting.get_absolute_url(), None),
        (world["partner"], accepted.get_absolute_url(), None),
        # The sender: the sent box, one it may withdraw, one answered.
        (world["conseiller"], f"{BOXES}?boite=envoyees", 2),
        (world["conseiller"], waiting.get_absolute_url(), None),
        (world["conseiller"], accepted.get_absolute_url(), None),
    ]
    opened = {}
    for user, path, entries in pages:
        if user.pk not in opened:
            opened[user.pk] = open_page(user, viewport)
        page = opened[user.pk]
        response = page.goto(site + prefix + path)
        assert response.status == 200, path
        assert_page_reads_well(page, direction, viewport)
        if entries is not None:
            assert page.locator(".orientation-entries > li").count() == entries
    # The partner's answer form, sent wrong: a refusal without its reason.
    page = opened[world["partner"].pk]
    page.goto(site + prefix + waiting.get_absolute_url())
    page.locator("#id_decision_1").check()
    assert submit(page) == 400
    assert page.locator(".error-summary a[href='#id_decline_reason']").count() == 1
    assert_page_reads_well(page, direction, viewport)


def test_the_page_of_an_orientation_lists_its_themes_and_isolates_what_people_wrote(
    open_page, site, world, orientations
):
    page = open_page(world["partner"])
    page.goto(site + orientations["waiting"].get_absolute_url())
    # The labels have commas in them ("Argent, impôts"): one item each, not one line.
    assert page.locator(".orientation-themes li").all_inner_texts() == [
        "Papiers, élections, citoyenneté",
        "Argent, impôts",
    ]

    page.goto(f"{site}/ar{orientations['waiting'].get_absolute_url()}")
    # French names and the words people typed keep their own direction in Arabic.
    for words in ["CCAS d’Angers", "CAF de Maine-et-Loire", "La personne accepte."]:
        text = page.locator("main bdi", has_text=words)
        assert text.count() >= 1, words
    # The phone number and the e-mail read left to right, beside their label.
    for link in ["a[href^='tel:']", "a[href^='mailto:']"]:
        assert page.locator(f"main {link}").get_attribute("dir") == "ltr", link
    for words in ["Aïcha", "Le matin"]:
        assert page.locator("main dd bdi", has_text=words).count() == 1, words
    answered = open_page(world["conseiller"])
    answered.goto(f"{site}/ar{orientations['accepted'].get_absolute_url()}")
    for words in ["Accueil CAF", "Sa carte d’identité", "Nous l’attendons à l’accueil."]:
        assert answered.locator(".orientation-answer bdi", has_text=words).count() == 1, words


def test_the_open_box_is_marked_otherwise_than_by_colour(open_page, site, world, orientations):
    page = open_page(world["partner"])
    page.goto(site + BOXES)

    current, other = (
        page.locator(".boxes a[aria-current=page]"),
        page.locator(".boxes a:not([aria-current])"),
    )
    assert current.inner_text().startswith("Reçues")
    style = "e => [getComputedStyle(e).fontWeight, getComputedStyle(e).borderTopWidth]"
    assert current.evaluate(style) != other.evaluate(style)
    # A screen reader hears who sent each orientation, when, and where it stands.
    link = page.get_by_role("link", name="Allocations familiales").first
    description = link.evaluate(
        """e => e.getAttribute('aria-describedby').split(' ')
            .map(id => document.getElementById(id).innerText.trim()).join(' ')"""
    )
    assert "envoyée par CCAS d’Angers" in description
    assert "Acceptée" in description


@pytest.mark.parametrize("path", ["form", "answer"])
def test_every_control_is_a_large_touch_target(open_page, site, world, orientations, path):
    user = world["conseiller"] if path == "form" else world["partner"]
    page = open_page(user)
    page.goto(site + (NEW if path == "form" else orientations["waiting"].get_absolute_url()))

    small = page.evaluate(
        """[...document.querySelectorAll(`main .form-check, main select, main button,
               main input:not([type=radio]):not([type=checkbox]):not([type=hidden]),
               main textarea`)]
           .filter(el => el.getBoundingClientRect().height < 48)
           .concat([...document.querySelectorAll('main a, main summary')]
               .filter(el => el.getBoundingClientRect().height < 44
                   && !el.closest('.error-summary, p.form-text')))
           .map(el => el.outerHTML.slice(0, 80))"""
    )
    assert small == []


@pytest.mark.parametrize(
    "prefix, who, which",
    [("", "conseiller", "form"), ("/ar", "conseiller", "form"), ("/ar", "partner", "waiting")],
)
def test_every_stop_of_the_keyboard_shows_its_focus(
    open_page, site, world, orientations, prefix, who, which
):
    page = open_page(world[who])
    page.goto(site + prefix + (NEW if which == "form" else orientations[which].get_absolute_url()))

    stops = 0
    for _press in range(200):
        page.keyboard.press("Tab")
        # A date or time control keeps the focus from part to part (day, month, year).
        where = page.evaluate(
            """() => {
                const element = document.activeElement;
                window.seen = window.seen || new WeakSet();
                const where = element === window.last ? "same"
                    : element === document.body || window.seen.has(element) ? "again" : "new";
                window.seen.add(element);
                window.last = element;
                return where;
            }"""
        )
        if where == "again":
            break
        stops += where == "new"
        assert_focus_is_visible(page)
    assert stops > 20


def test_the_sender_withdraws_an_orientation_only_once_she_has_read_what_it_does(
    open_page, site, world, orientations
):
    waiting = orientations["waiting"]
    page = open_page(world["conseiller"])
    page.goto(site + waiting.get_absolute_url())
    confirm = page.get_by_role("button", name="Oui, retirer cette orientation")
    assert not confirm.is_visible()

    skip_to_content(page)
    tab_to_text(page, "Retirer cette orientation")
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")  # opens the box that says what it does
    assert confirm.is_visible()
    assert "Ce retrait est définitif." in page.locator(".withdraw").inner_text()
    waiting.refresh_from_db()
    assert waiting.status == OrientationStatus.SENT
    page.keyboard.press("Tab")
    assert_focus_is_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    waiting.refresh_from_db()
    assert waiting.status == OrientationStatus.WITHDRAWN
    assert page.locator("main .status").inner_text().strip() == "Retirée par l’envoyeur"
    assert page.locator(".withdraw").count() == 0
