"""The public diagnostic and the annual bilans in a browser: no accessibility violation
in French and in Arabic, on a phone and on a desk; charts that need no JavaScript, say in
a sentence what they show and are followed by their data table; pages that read right to
left without sideways scrolling, print without cutting anything, and a structure chooser
that the keyboard alone can use (issue 9)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from ateliers.enums import Attendance
from diagnostics.enums import ActionStatus, ContributionKind, ObjectiveKind, Quadrant
from permanences.enums import Autonomie, Residence, Resultat, ThemeNumerique, TrancheAge
from permanences.models import Accompagnement
from services.enums import OrientationSource
from tests.ateliers.factories import AtelierFactory, InscriptionFactory
from tests.browser.axe import AXE, assert_no_violation
from tests.browser.keyboard import assert_focus_is_visible, tab_to, tab_to_text
from tests.diagnostics.factories import (
    ActionFactory,
    ContributionFactory,
    DiagnosticFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ObjectiveFactory,
    PhaseFactory,
    SwotItemFactory,
)
from tests.factories import UserFactory
from tests.permanences.factories import AccompagnementFactory, PermanenceFactory
from tests.services.factories import (
    LieuFactory,
    QuartierFactory,
    ServiceFactory,
    StructureFactory,
    StructureMembershipFactory,
)

# serialized_rollback: the roles and themes created by migrations survive the flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STRUCTURE_RULES = {
    "runOnly": {"type": "rule", "values": ["heading-order", "landmark-unique"]},
    "resultTypes": ["violations"],
}
PHONE = {"width": 360, "height": 800}
DESK = {"width": 1280, "height": 900}
SLUG = "la-roseraie-2026"
DIAGNOSTIC = f"/diagnostics/{SLUG}/"
# The width of an A4 page less its 12 mm margins (main.css), in CSS pixels.
A4_PAGE = {
    "portrait": round((210 - 2 * 12) / 25.4 * 96),
    "landscape": round((297 - 2 * 12) / 25.4 * 96),
}

THEMES = [
    [ThemeNumerique.PAPIERS],
    [ThemeNumerique.COURRIELS],
    [ThemeNumerique.PAPIERS, ThemeNumerique.ARGENT],
    [ThemeNumerique.SANTE_NUMERIQUE],
    [ThemeNumerique.LOGEMENT],
]
AGES = [TrancheAge.AGE_25_39, TrancheAge.AGE_40_59, TrancheAge.AGE_60_69, TrancheAge.AGE_18_24]
SOURCES = [
    OrientationSource.BOUCHE_A_OREILLE,
    OrientationSource.PARTENAIRE,
    OrientationSource.TRAVAILLEUR_SOCIAL,
    OrientationSource.FLYER,
]
AUTONOMY = list(Autonomie)


def bilan_year():
    """The year of last month: the bilan that has figures, even in January."""
    return (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).year


@pytest.fixture
def territory(db, fast_passwords):
    """La Roseraie's published diagnostic: every SWOT quadrant, objectives, a roadmap in
    two phases with their actions, an indicator measured twice, and the contributions of
    two partners over two years."""
    roseraie = QuartierFactory()
    places = {
        "relais": LieuFactory(
            name="Relais-Mairie de La Roseraie",
            quartier=roseraie,
            half_days_per_week=6,
            public_wifi=True,
            free_computers=True,
        ),
        "maison": LieuFactory(
            name="Maison de quartier Jean Vilar", quartier=roseraie, half_days_per_week=4
        ),
    }
    ville = StructureFactory(name="Ville d'Angers", slug="ville-angers")
    caf = StructureFactory(name="CAF de Maine-et-Loire", slug="caf")
    mission = StructureFactory(name="Mission locale angevine", slug="mission-locale")
    diagnostic = DiagnosticFactory(
        published=True, title="Diagnostic de La Roseraie", slug=SLUG, quartier=roseraie
    )
    for quadrant in Quadrant.values:
        SwotItemFactory.create_batch(2, diagnostic=diagnostic, quadrant=quadrant)
    ObjectiveFactory(diagnostic=diagnostic, kind=ObjectiveKind.STRATEGIC)
    ObjectiveFactory(diagnostic=diagnostic, kind=ObjectiveKind.OPERATIONAL)
    meet = PhaseFactory(diagnostic=diagnostic, title="Se connaître", description="Trois réunions.")
    act = PhaseFactory(diagnostic=diagnostic, title="Agir ensemble", starts_on=None)
    bus = ActionFactory(
        diagnostic=diagnostic, phase=meet, owner=ville, title="Faire venir le Bus Mairie"
    )
    guide = ActionFactory(
        diagnostic=diagnostic,
        phase=act,
        owner=caf,
        status=ActionStatus.DONE,
        title="Un guide des démarches en ligne",
    )
    ActionFactory(diagnostic=diagnostic, phase=act, owner=None, due_on=None, title="Un forum")
    ActionFactory(diagnostic=diagnostic, phase=None, owner=mission, title="Un annuaire partagé")
    indicator = IndicatorFactory(name="Fréquentation du service démarches", unit="%")
    IndicatorValueFactory(indicator=indicator)
    IndicatorValueFactory(
        indicator=indicator,
        value=Decimal("12.5"),
        period="2024",
        measured_on=datetime.date(2025, 1, 15),
        source="Relais-Mairie de La Roseraie",
    )
    diagnostic.indicators.add(indicator)
    for year in (bilan_year() - 1, bilan_year()):
        ContributionFactory(year=year, action=bus, structure=ville)
        ContributionFactory(
            year=year,
            action=guide,
            structure=caf,
            kind=ContributionKind.MONEY,
            amount=Decimal("1500"),
            detail="",
        )
    return {
        "roseraie": roseraie,
        "ville": ville,
        "caf": caf,
        "mission": mission,
        **places,
    }


@pytest.fixture
def figures(territory):
    """The accompaniments of the bilan's year and of the year before, up to last month,
    mostly of the Ville at the Relais-Mairie: enough that the figures show, with a few
    small counts ("< 5": three re-orientations, two people of 70 and more); permanences
    and ateliers held in the last twelve months."""
    today = timezone.localdate()
    conseiller = UserFactory(conseiller=True)
    places = [territory["relais"], territory["relais"], territory["maison"]]
    entries = []
    month = datetime.date(bilan_year() - 1, 1, 1)
    while month < today.replace(day=1):
        for index in range(8 + month.month % 5):
            lives_here = index % 2 == 0
            entries.append(
                AccompagnementFactory.build(
                    conseiller=conseiller,
                    structure=territory["caf"] if index % 4 == 3 else territory["ville"],
                    date=month.replace(day=1 + index * 3 % 27),
                    lieu=places[index % 3],
                    themes=THEMES[index % 5],
                    tranche_age=AGES[index % 4],
                    residence=Residence.QUARTIER if lives_here else Residence.HORS_QUARTIER,
                    quartier=territory["roseraie"] if lives_here else None,
                    orientation_source=SOURCES[index % 4],
                    autonomie=AUTONOMY[index % 3],
                    resultat=Resultat.A_POURSUIVRE if index % 5 == 4 else Resultat.ABOUTIE,
                )
            )
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    for day in (3, 10, 17):
        entries.append(
            AccompagnementFactory.build(
                conseiller=conseiller,
                structure=territory["ville"],
                date=(today.replace(day=1) - datetime.timedelta(days=1)).replace(day=day),
                lieu=territory["relais"],
                resultat=Resultat.REORIENTEE,
                reoriente_vers=territory["mission"],
                tranche_age=TrancheAge.PLUS_70 if day < 17 else TrancheAge.NON_COMMUNIQUE,
            )
        )
    # One statement: the tally's triggers run once.
    Accompagnement.objects.bulk_create(entries)
    service = ServiceFactory(structure=territory["ville"], name="Aide aux démarches")
    for months_ago in range(1, 13):
        PermanenceFactory(
            service=service,
            lieu=territory["relais"],
            date=today - datetime.timedelta(days=30 * months_ago),
        )
    PermanenceFactory(
        service=service,
        lieu=territory["relais"],
        date=today - datetime.timedelta(days=45),
        start_time=datetime.time(9),
        end_time=datetime.time(12),
        cancelled_for_illness=True,
    )
    for months_ago in (2, 5, 14):
        atelier = AtelierFactory(
            structure=territory["ville"],
            lieu=territory["maison"],
            date=today - datetime.timedelta(days=30 * months_ago),
            walk_ins=2,
        )
        for index in range(7):
            InscriptionFactory(
                atelier=atelier,
                attendance=Attendance.PRESENT if index < 5 else Attendance.ABSENT,
            )
    return territory


@pytest.fixture
def partner(territory):
    """An account of the Ville d'Angers."""
    return StructureMembershipFactory(structure=territory["ville"]).user


@pytest.fixture
def open_page(browser, log_in):
    """A page in a new browser context: ``open_page(user, viewport, **context options)``;
    ``user`` None for a visitor."""
    contexts = []

    def open_(user=None, viewport=PHONE, **options):
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        if user is not None:
            log_in(context, user)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


def pages_of(audience, partner, coordinator):
    """Who looks, and the addresses they open with the language they expect."""
    year = bilan_year()
    return {
        "public": (
            None,
            [("/diagnostics/", "ltr"), (DIAGNOSTIC, "ltr"), (f"/ar{DIAGNOSTIC}", "rtl")],
        ),
        "partner": (
            partner,
            [
                ("/espace/bilans/", "ltr"),
                (f"/espace/bilans/{year}/", "ltr"),
                (f"/ar/espace/bilans/{year}/", "rtl"),
            ],
        ),
        "coordination": (
            coordinator,
            [
                ("/espace/bilans/", "ltr"),
                (f"/espace/bilans/{year}/", "ltr"),
                (f"/ar/espace/bilans/{year}/", "rtl"),
                (f"/espace/bilans/{year}/?structure=caf", "ltr"),
            ],
        ),
    }[audience]


# Elements of main that stick out of the page on either side (what is inside a region
# that scrolls on its own stays in it): in a right-to-left page what sticks out on the
# right cannot even be scrolled to.
STICKING_OUT = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('main *')]
        .filter(element => !element.closest('.table-scroll, svg')
            || element.matches('.table-scroll, svg'))
        .filter(element => {
            const box = element.getBoundingClientRect();
            return box.width > 0 && (box.left < -0.5 || box.right > width + 0.5);
        })
        .map(element => element.outerHTML.slice(0, 100));
}"""

# The chart labels that the drawing cuts off: each text must be inside its SVG's box.
CUT_LABELS = """() => [...document.querySelectorAll('svg.chart-svg')].flatMap(svg => {
    const frame = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')]
        .filter(text => {
            const box = text.getBoundingClientRect();
            return box.left < frame.left - 2 || box.right > frame.right + 2;
        })
        .map(text => text.textContent);
})"""


def assert_reflows(page):
    """No sideways scrolling of the page, and nothing out of it (WCAG 1.4.10)."""
    scroll_width, width = page.evaluate(
        "[document.scrollingElement.scrollWidth, window.innerWidth]"
    )
    where = page.url
    assert scroll_width <= width, f"{where} scrolls sideways by {scroll_width - width} px"
    assert page.evaluate(STICKING_OUT) == [], where


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["360px", "1280px"])
@pytest.mark.parametrize("audience", ["public", "partner", "coordination"])
def test_the_diagnostic_and_the_bilans_have_no_accessibility_violation(
    open_page, site, figures, partner, coordinator, audience, viewport
):
    user, paths = pages_of(audience, partner, coordinator)
    page = open_page(user, viewport)
    for path, direction in paths:
        response = page.goto(site + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("dir") == direction
        assert_no_violation(page)
        assert page.evaluate(CUT_LABELS) == [], path
        if viewport == PHONE:
            assert_reflows(page)


@pytest.mark.parametrize("width", [360, 320])
def test_the_arabic_pages_read_right_to_left_without_sideways_scrolling(
    open_page, site, figures, partner, width
):
    for user, path in [(None, f"/ar{DIAGNOSTIC}"), (partner, f"/ar/espace/bilans/{bilan_year()}/")]:
        page = open_page(user, {"width": width, "height": 800})
        page.goto(site + path)
        assert page.locator("html[dir=rtl]").count() == 1
        # Unfold every month table: each must scroll inside its own frame too.
        for summary in page.locator("details > summary").all():
            summary.click()
        assert_reflows(page)
        # A table wider than the page scrolls inside a region that the keyboard reaches
        # and that its caption names.
        wide = page.evaluate(
            """() => [...document.querySelectorAll('main table')]
                .filter(table => table.offsetWidth > document.documentElement.clientWidth)
                .map(table => {
                    const region = table.closest('.table-scroll');
                    const name = region && document.getElementById(
                        region.getAttribute('aria-labelledby'));
                    return region && [region.tabIndex, region.getAttribute('role'),
                        name === table.caption];
                })"""
        )
        assert wide, "the data should make at least one table wider than a phone"
        assert wide == [[0, "region", True]] * len(wide)
        # The French names of places and structures keep their own direction (<bdi>),
        # and the coordinators' French text is read as French.
        relais = page.locator("main th bdi", has_text="Relais-Mairie de La Roseraie")
        assert relais.count() >= 1
        if user is None:
            for text in ["Se connaître", "Diagnostic de La Roseraie", "Trois réunions."]:
                words = page.locator("main").get_by_text(text, exact=True).first
                assert words.evaluate("e => e.closest('[lang]').lang") == "fr", text
            assert page.locator("main td bdi", has_text="Ville d'Angers").count() >= 1
            assert page.locator("main thead th bdi", has_text="CAF de Maine-et-Loire").count()


def test_a_wide_table_scrolls_with_the_keyboard_in_arabic(open_page, site, figures, partner):
    page = open_page(partner, {"width": 320, "height": 800})
    page.goto(f"{site}/ar/espace/bilans/{bilan_year()}/")

    # Unfold the months of the themes with the keyboard, then move into their table.
    summary = page.locator("#themes ~ details summary")
    for _press in range(100):
        if summary.evaluate("e => e === document.activeElement"):
            break
        page.keyboard.press("Tab")
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    region = page.locator("#themes ~ details .table-scroll")
    assert region.is_visible()
    page.keyboard.press("Tab")
    assert region.evaluate("e => e === document.activeElement")
    assert_focus_is_visible(page)
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    for _press in range(5):
        page.keyboard.press("ArrowLeft")  # towards the end of a right-to-left table
    # Keyboard scrolling is smooth: wait for it.
    page.wait_for_function("e => e.scrollLeft < 0", arg=region.element_handle(), timeout=2000)


@pytest.mark.parametrize(
    "path", [DIAGNOSTIC, f"/ar{DIAGNOSTIC}", "/espace/bilans/{year}/", "/ar/espace/bilans/{year}/"]
)
def test_each_chart_says_what_it_shows_and_its_table_follows_without_javascript(
    open_page, site, figures, partner, path
):
    page = open_page(partner, DESK, java_script_enabled=False)
    page.goto(site + path.format(year=bilan_year()))

    charts = page.locator("figure.chart")
    assert charts.count() >= 5
    for chart in charts.all():
        summary = chart.locator("figcaption")
        assert summary.is_visible()
        sentence = summary.inner_text().strip()
        assert sentence.endswith("."), sentence
        svg = chart.locator("svg")
        if svg.count():
            assert svg.get_attribute("aria-hidden") == "true"
            assert svg.is_visible()
            assert chart.locator("rect.chart-bar").count() >= 1
        # The next table in the page is the chart's data, for screen readers and print.
        table = chart.locator("xpath=following::table[1]")
        assert table.is_visible()
        assert table.locator("caption").inner_text().strip()
        assert table.locator("thead th:not([scope=col])").count() == 0
        assert table.locator("tbody th:not([scope=row])").count() == 0
        assert table.locator("tbody th").count() >= 1
    # The bars of the month chart: this year filled, last year outlined, both at 3:1
    # against the page at least (checked in the CSS: here, that they are drawn so).
    if "bilans" in path:
        previous = page.locator("rect.chart-bar-previous").first
        assert previous.evaluate("e => getComputedStyle(e).stroke") != "none"


def test_headings_follow_one_another_in_order(open_page, site, figures, coordinator):
    page = open_page(coordinator, DESK)
    for path in [DIAGNOSTIC, f"/espace/bilans/{bilan_year()}/", "/espace/bilans/"]:
        page.goto(site + path)
        levels = page.evaluate(
            "[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => +h.tagName[1])"
        )
        assert levels[0] == 1 and levels.count(1) == 1, path
        jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert jumps == [], path
        # And two of axe's best practices that the WCAG tags leave out.
        result = AXE.run(page, options=STRUCTURE_RULES)
        assert result.violations_count == 0, result.generate_report()


@pytest.mark.parametrize(
    "path, orientation",
    [(DIAGNOSTIC, "portrait"), ("/espace/bilans/{year}/", "landscape")],
    ids=["diagnostic", "bilan"],
)
def test_printing_shows_every_table_and_cuts_nothing(
    open_page, site, figures, partner, path, orientation
):
    width = A4_PAGE[orientation]
    page = open_page(partner, {"width": width, "height": 1100})
    page.emulate_media(media="print")
    page.goto(site + path.format(year=bilan_year()))

    # The paper is the one the stylesheet asks for.
    pdf = page.pdf(prefer_css_page_size=True)
    box = [float(n) for n in re.search(rb"/MediaBox \[([\d. ]+)\]", pdf)[1].split()]
    assert (box[2] > box[3]) == (orientation == "landscape")
    tables = page.locator("main table")
    assert tables.count() >= 5
    hidden = [t.locator("caption").inner_text() for t in tables.all() if not t.is_visible()]
    assert hidden == []
    # Paper cannot be unfolded: what a <details> holds prints; the month tables have
    # their caption, and their button goes.
    for details in page.locator("main details").all():
        assert details.locator("table, ul").first.is_visible()
    assert page.locator(".month-detail > summary:visible").count() == 0
    # Nothing wider than the paper, not even inside a frame that scrolls on a screen.
    too_wide = page.evaluate(
        """() => [...document.querySelectorAll('main *:not(.visually-hidden)')]
            .filter(element => element.getBoundingClientRect().right
                > document.documentElement.clientWidth + 0.5
                || element.scrollWidth > element.clientWidth + 1
                    && getComputedStyle(element).overflowX !== 'visible')
            .map(element => element.outerHTML.slice(0, 100))"""
    )
    assert too_wide == []
    assert page.locator("figure.chart svg").first.is_visible()
    # A dark heat cell keeps its shade on paper, or its white figure would vanish.
    for cell in page.locator(".heat td.heat-4, .heat td.heat-5").all():
        assert cell.evaluate("e => getComputedStyle(e).printColorAdjust") == "exact"
    assert not page.locator(".site-header").is_visible()


def test_coordination_chooses_a_structure_with_the_keyboard(open_page, site, figures, coordinator):
    page = open_page(coordinator, PHONE)
    page.goto(f"{site}/espace/bilans/{bilan_year()}/")
    assert page.locator(".lead").inner_text().strip() == "Toutes les structures"

    tab_to(page, "id_structure")
    assert_focus_is_visible(page)
    page.keyboard.type("Ville")  # a select chooses by the first letters typed
    assert page.locator("#id_structure").input_value() == "ville-angers"
    tab_to_text(page, "Afficher")
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site}/espace/bilans/{bilan_year()}/?structure=ville-angers")

    assert page.locator(".lead").inner_text().strip() == "Ville d'Angers"
    assert page.locator("#id_structure").input_value() == "ville-angers"
    assert page.locator("figure.chart").count() >= 5


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_an_unknown_structure_shows_the_error_summary_that_leads_to_the_field(
    open_page, site, figures, coordinator, prefix
):
    page = open_page(coordinator, PHONE)

    response = page.goto(f"{site}{prefix}/espace/bilans/{bilan_year()}/?structure=nulle-part")

    assert response.status == 400
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    select = page.locator("#id_structure")
    assert select.get_attribute("aria-invalid") == "true"
    described = select.get_attribute("aria-describedby").split()
    assert page.locator(f"#{described[0]}").is_visible()  # the message under the field
    assert page.locator("figure.chart").count() == 0
    assert_no_violation(page)
    assert_reflows(page)
    link = summary.locator("a[href='#id_structure']")
    link.focus()
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_structure"


@pytest.mark.parametrize(
    "prefix, path", [("", DIAGNOSTIC), ("/ar", "/espace/bilans/{year}/")], ids=["fr", "ar"]
)
def test_every_stop_of_the_keyboard_shows_its_focus(
    open_page, site, figures, coordinator, prefix, path
):
    page = open_page(coordinator, PHONE)
    page.goto(site + prefix + path.format(year=bilan_year()))

    stops = 0
    for _press in range(300):
        page.keyboard.press("Tab")
        again = page.evaluate(
            """() => {
                const element = document.activeElement;
                window.seen = window.seen || new WeakSet();
                const again = element === document.body || window.seen.has(element);
                window.seen.add(element);
                return again;
            }"""
        )
        if again:
            break
        stops += 1
        assert_focus_is_visible(page)
    assert stops > 20
