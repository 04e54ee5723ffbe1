import re
from datetime import date, time

import pytest

from services.models import Thematique
from tests.permanences.factories import PermanenceFactory

pytestmark = pytest.mark.django_db

IMPLAUSIBLE_MONTH = (
    "Cette date semble fausse : choisissez un mois entre novembre 2023 et novembre 2029."
)


@pytest.fixture(autouse=True)
def _in_november(clock):
    clock("2026-11-24 09:30")


@pytest.fixture
def tour(directory, relais, bus):
    """The Mairie Bus in November 2026, and a permanence on each side of the month."""
    bus_service = directory["impots"]

    def half_day(day, **fields):
        fields.setdefault("lieu", bus)
        fields.setdefault("service", bus_service)
        return PermanenceFactory(date=day, start_time=time(9), end_time=time(12), **fields)

    return {
        "before": half_day(date(2026, 10, 31), theme_label="Halloween"),
        "impots": half_day(
            date(2026, 11, 3),
            theme_label="Impôts",
            thematique=Thematique.objects.get(
                code="difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere"
            ),
            appointment_required=True,
        ),
        "sante": half_day(
            date(2026, 11, 5), thematique=Thematique.objects.get(code="sante--acces-aux-soins")
        ),
        "caf": half_day(date(2026, 11, 10), theme_label="CAF", lieu=relais),
        "cancelled": half_day(
            date(2026, 11, 12),
            theme_label="Santé",
            thematique=Thematique.objects.get(code="sante"),
            cancelled_for_illness=True,
        ),
        "after": half_day(date(2026, 12, 1), theme_label="Noël"),
    }


def entries(response):
    return [item for day in response.context["days"] for item in day["items"]]


def test_programme_of_the_month_has_its_title_and_one_line_per_half_day(client, tour):
    response = client.get("/agenda/imprimer/", {"mois": "2026-11"})

    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r"<h1>\s*Programme de novembre 2026\s*</h1>", html)
    assert [item.obj.pk for item in entries(response)] == [
        tour[name].pk for name in ("impots", "sante", "caf", "cancelled")
    ]
    assert html.count("<tr ") == 5  # the header row and one row per half-day
    assert "Mardi 3" in html and "De 9 h à 12 h" in html
    assert "Impôts" in html and "Sur rendez-vous" in html
    assert "Halloween" not in html and "Noël" not in html
    assert 'href="/static/css/agenda.css"' in html


def test_each_half_day_has_its_categorys_pictogram_or_a_generic_one(client, tour):
    response = client.get("/agenda/imprimer/", {"mois": "2026-11"})

    assert [entry.pictogram for entry in entries(response)] == ["argent", "sante", "info", "sante"]
    legend = {item["pictogram"]: item["label"] for item in response.context["legend"]}
    assert legend == {
        "argent": "Argent, aides et impôts",
        "sante": "Santé",
        "info": "Autres démarches",
    }
    html = response.content.decode()
    assert "Légende" in html and "Texte barré" in html


def test_a_pictogram_missing_from_the_static_files_falls_back_to_the_generic_one(client, tour):
    Thematique.objects.filter(code="sante").update(pictogram="../../settings")

    response = client.get("/agenda/imprimer/", {"mois": "2026-11"})

    assert response.status_code == 200
    assert [entry.pictogram for entry in entries(response)][1] == "info"


def test_cancelled_half_day_is_struck_through_with_its_reason(client, tour):
    html = client.get("/agenda/imprimer/", {"mois": "2026-11"}).content.decode()

    assert '<tr role="row" class="is-cancelled">' in html
    assert "<del><bdi>Santé</bdi></del>" in html
    assert re.search(r"<strong>\s*Annulée : Conseiller malade\s*</strong>", html)


def test_programme_gives_the_addresses_of_the_stops_and_a_qr_code_to_the_agenda(client, tour):
    response = client.get("/agenda/imprimer/", {"mois": "2026-11"})

    html = response.content.decode()
    assert [lieu.slug for lieu in response.context["lieux"]] == ["bus-justices", "relais-mairie"]
    assert "Place des Justices, 49000 Angers" in html
    assert "3 rue André Maurois, 49100 Angers" in html
    assert 'class="qr"' in html
    assert "http://testserver/agenda/" in html


def test_months_starting_with_a_vowel_take_an_apostrophe(client, tour):
    html = client.get("/agenda/imprimer/", {"mois": "2026-10"}).content.decode()

    assert re.search(r"<h1>\s*Programme d’octobre 2026\s*</h1>", html)
    assert "Halloween" in html


@pytest.mark.parametrize("params", [{}, {"mois": ""}])
def test_without_a_month_the_programme_is_this_months(client, tour, params):
    response = client.get("/agenda/imprimer/", params)

    assert response.status_code == 200
    assert response.context["month"] == date(2026, 11, 1)


def test_previous_and_next_months_are_linked(client, tour):
    html = client.get("/agenda/imprimer/", {"mois": "2026-12"}).content.decode()

    assert 'href="?mois=2026-11" rel="prev"' in html
    assert 'href="?mois=2027-01" rel="next"' in html
    assert "Mois suivant : janvier 2027" in html


def test_months_outside_the_schedule_range_are_not_linked(client, directory):
    # Three years back and ahead of November 2026 (roseraie_portal/dates.py: SCHEDULE).
    assert 'rel="prev"' not in client.get("/agenda/imprimer/?mois=2023-11").content.decode()
    assert 'rel="next"' not in client.get("/agenda/imprimer/?mois=2029-11").content.decode()
    assert (
        'href="?mois=2023-11" rel="prev"'
        in client.get("/agenda/imprimer/?mois=2023-12").content.decode()
    )


@pytest.mark.parametrize(
    "mois, message",
    [
        ("novembre", "Écrivez le mois sous la forme année-mois, par exemple 2026-11."),
        ("2026-1", "Écrivez le mois sous la forme année-mois, par exemple 2026-11."),
        ("2026-11-01", "Écrivez le mois sous la forme année-mois, par exemple 2026-11."),
        ("2026-13", "Le mois est un nombre de 01 à 12."),
        ("2026-00", "Le mois est un nombre de 01 à 12."),
        ("1999-12", IMPLAUSIBLE_MONTH),
        ("2023-10", IMPLAUSIBLE_MONTH),
        ("2029-12", IMPLAUSIBLE_MONTH),
        ("2101-01", IMPLAUSIBLE_MONTH),
    ],
)
def test_invalid_month_answers_400_in_plain_french_with_the_form(client, tour, mois, message):
    response = client.get("/agenda/imprimer/", {"mois": mois})

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Le formulaire contient des erreurs" in html
    assert f'value="{mois}"' in html  # what was typed is kept
    assert 'aria-describedby="id_mois_error id_mois_helptext"' in html
    assert "<table" not in html


def test_programme_in_arabic_isolates_french_names(client, tour):
    response = client.get("/ar/agenda/imprimer/", {"mois": "2026-11"})

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "<bdi>Bus Mairie, place des Justices</bdi>" in html
    assert '<span dir="ltr">Place des Justices, 49000 Angers</span>' in html
