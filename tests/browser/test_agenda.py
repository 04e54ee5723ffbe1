import re
from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from services.models import Thematique
from tests.browser.axe import assert_no_horizontal_scroll, assert_no_violation
from tests.permanences.factories import PermanenceFactory
from tests.services.factories import LieuFactory
from tests.text import plain

# serialized_rollback: the roles and themes created by migrations survive the flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PROGRAMME = "/agenda/imprimer/?mois=2026-11"


@pytest.fixture
def upcoming(directory, relais, bus):
    """This week at the Relais-Mairie and on the bus, one permanence cancelled."""
    soins = Thematique.objects.get(code="sante--acces-aux-soins")
    today = timezone.localdate()
    PermanenceFactory(service=directory["ameli"], lieu=relais, date=today, languages=["fr", "ar"])
    PermanenceFactory(
        service=directory["impots"],
        lieu=bus,
        date=today + timedelta(days=1),
        theme_label="Impôts",
        appointment_required=True,
    )
    PermanenceFactory(
        service=directory["accueil"],
        lieu=relais,
        date=today + timedelta(days=2),
        thematique=soins,
        cancelled_for_illness=True,
    )


@pytest.fixture
def tour(directory, relais, bus):
    """A typical month of the Mairie Bus: twelve half-days at four stops."""
    stops = [
        bus,
        relais,
        LieuFactory(bus_stop=True, name="Arrêt Jean Vilar", address="Place Jean Vilar"),
        LieuFactory(bus_stop=True, name="Arrêt Europe", address="Boulevard Allonneau"),
    ]
    themes = [
        ("Impôts", "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere"),
        ("CAF", "famille--soutien-a-la-parentalite-et-a-leducation"),
        ("Santé", "sante--acces-aux-soins"),
        ("France Travail", "trouver-un-emploi--repondre-a-des-offres-demploi"),
        ("Logement social", "logement-hebergement--louer-un-logement"),
        ("Papiers d’identité", "difficultes-administratives-ou-juridiques"),
    ]
    days = [3, 5, 6, 10, 12, 13, 17, 19, 20, 24, 26, 27]
    for index, day in enumerate(days):
        label, code = themes[index % len(themes)]
        morning = index % 2 == 0
        PermanenceFactory(
            service=directory["impots"],
            lieu=stops[index % len(stops)],
            date=date(2026, 11, day),
            start_time=time(9) if morning else time(14),
            end_time=time(12) if morning else time(17),
            theme_label=label,
            thematique=Thematique.objects.get(code=code),
            appointment_required=index % 3 == 0,
            cancelled=index == 4,
            cancellation_reason="Conseiller malade" if index == 4 else "",
        )


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_agenda_and_programme_have_no_accessibility_violation(
    page, site, upcoming, tour, prefix, width
):
    page.set_viewport_size({"width": width, "height": 800})
    for path, status in [
        ("/agenda/", 200),
        ("/agenda/?theme=sante&quartier=la-roseraie", 200),
        ("/agenda/?lieu=nulle-part", 400),
        (PROGRAMME, 200),
        ("/agenda/imprimer/?mois=2026-13", 400),
    ]:
        response = page.goto(site + prefix + path)
        assert response.status == status, path
        assert_no_violation(page)
        if width == 360:
            assert_no_horizontal_scroll(page)


def test_filtered_agenda_shows_the_cancelled_permanence_struck_through(page, site, upcoming):
    page.goto(site + "/agenda/?theme=sante&quartier=la-roseraie")

    cancelled = page.locator(".permanence.is-cancelled")
    assert cancelled.count() == 1
    assert cancelled.locator("del").first.is_visible()
    assert "Annulée : Conseiller malade" in plain(cancelled.inner_text())


def test_a_resident_filters_the_agenda_without_javascript(browser, site, upcoming):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/agenda/")

    page.get_by_text("Choisir un thème, un lieu, une date").click()
    page.get_by_label("Lieu").select_option("bus-justices")
    page.get_by_role("button", name="Afficher l’agenda").click()

    assert "lieu=bus-justices" in page.url
    assert page.locator(".permanence").count() == 1
    assert page.get_by_role("link", name=re.compile("Ce qui a lieu à")).is_visible()
    context.close()


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_programme_of_a_typical_month_prints_on_one_a4_page(page, site, tour, prefix):
    page.goto(site + prefix + PROGRAMME)
    page.emulate_media(media="print")

    assert page.locator(".site-header").is_hidden()
    assert page.locator(".site-footer").is_hidden()
    assert page.locator("form.month-form").is_hidden()
    assert page.locator(".month-calendar .entry").count() == 12
    assert page.locator(".programme .qr").is_visible()
    pdf = page.pdf(prefer_css_page_size=True)  # A4 landscape, as print_month.css says

    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
