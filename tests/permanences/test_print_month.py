import re
from datetime import date, time, timedelta

import pytest

from roseraie_portal.qr import qr_svg
from services.models import Thematique
from tests.ateliers.factories import AtelierFactory
from tests.permanences.factories import PermanenceFactory
from tests.text import page_text

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


def cell(html: str, day: str, half_day: str) -> str:
    """The markup of one half-day's cell of the printed calendar."""
    monday = date.fromisoformat(day)
    monday -= timedelta(days=monday.weekday())
    headers = f'jour-{day} {half_day}-{monday:%Y-%m-%d}"'
    match = re.search(rf'<td headers="semaine-\d {headers}>(.*?)</td>', html, re.S)
    assert match, f"no cell for the {half_day} of {day}"
    return match.group(1)


def test_programme_of_the_month_has_its_title_and_one_entry_per_half_day(client, tour):
    response = client.get("/agenda/imprimer/", {"mois": "2026-11"})

    assert response.status_code == 200
    html = page_text(response)
    assert re.search(r"<h1>\s*Programme de novembre 2026\s*</h1>", html)
    assert [item.obj.pk for item in entries(response)] == [
        tour[name].pk for name in ("impots", "sante", "caf", "cancelled")
    ]
    assert len(re.findall(r'class="entry( is-cancelled)?"', html)) == 4
    assert "Impôts" in cell(html, "2026-11-03", "matin")
    assert "Sur rendez-vous" in cell(html, "2026-11-03", "matin")
    assert "Halloween" not in html and "Noël" not in html
    assert 'href="/static/css/print_month.css"' in html


def test_the_month_is_a_calendar_weeks_in_rows_weekdays_in_columns(client, tour):
    html = page_text(client.get("/agenda/imprimer/", {"mois": "2026-11"}))

    # Monday to Friday: nothing on a Saturday or a Sunday this month.
    assert re.findall(r'<th scope="col" id="semaine-\d">(\w+)</th>', html) == [
        "Lundi",
        "Mardi",
        "Mercredi",
        "Jeudi",
        "Vendredi",
    ]
    # Sunday 1 November has no column: the weeks of the 2nd, 9th, 16th, 23rd and 30th.
    assert html.count("<tbody>") == 5
    assert '<time datetime="2026-11-02">2 novembre</time>' in html
    assert '<time datetime="2026-11-01">' not in html
    assert 'id="jour-2026-12-01"' not in html  # Tuesday 1 December: another month
    assert "Accès aux soins" in cell(html, "2026-11-05", "matin")
    assert cell(html, "2026-11-05", "apres-midi").strip() == ""


def test_a_saturday_gets_its_column_and_an_afternoon_its_row(client, tour, relais):
    PermanenceFactory(
        date=date(2026, 11, 14),
        start_time=time(9),
        end_time=time(12),
        lieu=relais,
        theme_label="Permanence du samedi",
    )
    PermanenceFactory(
        date=date(2026, 11, 17),
        start_time=time(13, 30),
        end_time=time(16),
        lieu=relais,
        theme_label="Retraite",
    )

    html = page_text(client.get("/agenda/imprimer/", {"mois": "2026-11"}))

    assert '<th scope="col" id="semaine-5">Samedi</th>' in html
    assert "Permanence du samedi" in cell(html, "2026-11-14", "matin")
    assert "Retraite" in cell(html, "2026-11-17", "apres-midi")
    # The month's only afternoon gives the afternoons' hours.
    assert "Après-midi : de 13 h 30 à 16 h" in html


def test_the_calendar_is_a_plain_table_without_aria_roles(client, tour):
    html = client.get("/agenda/imprimer/", {"mois": "2026-11"}).content.decode()

    table = html[html.index("<table") : html.index("</table>")]
    assert " role=" not in table
    assert "<caption" in table
    assert re.search(r'<th scope="row" id="matin-2026-11-02">\s*Matin\s*</th>', table)
    # Every cell of a day names its weekday, its date and its half-day.
    for headers in re.findall(r'<td headers="([^"]+)"', table):
        ids = headers.split()
        assert len(ids) == 3
        for header in ids:
            assert re.search(rf'<th scope="(col|row)" id="{header}"', table)


def test_ateliers_are_on_the_calendar_with_their_own_hours(client, tour, relais):
    AtelierFactory(
        title="Atelier smartphone",
        date=date(2026, 11, 4),
        lieu=relais,
        start_time=time(10),
        end_time=time(11, 30),
    )

    html = page_text(client.get("/agenda/imprimer/", {"mois": "2026-11"}))

    morning = cell(html, "2026-11-04", "matin")
    assert "Atelier smartphone" in morning
    assert "De 10 h à 11 h 30" in morning
    assert "Sur inscription" in morning
    # The usual hours are said once, in the legend, and not in each cell.
    assert "Matin : de 9 h à 12 h" in html
    assert "De 9 h à 12 h" not in cell(html, "2026-11-03", "matin")


def test_each_cell_gives_its_stops_number_and_the_legend_lists_the_stops(client, tour):
    response = client.get("/agenda/imprimer/", {"mois": "2026-11"})

    html = response.content.decode()
    stops = {stop.lieu.slug: stop.number for stop in response.context["calendar"].stops}
    assert stops == {"bus-justices": 1, "relais-mairie": 2}
    assert '<span class="stop-number">1</span>' in cell(html, "2026-11-03", "matin")
    assert '<span class="stop-number">2</span>' in cell(html, "2026-11-10", "matin")
    assert "Relais-Mairie de La Roseraie" in cell(html, "2026-11-10", "matin")


def test_the_note_says_one_page_for_a_usual_month(client, tour):
    html = client.get("/agenda/imprimer/", {"mois": "2026-11"}).content.decode()

    assert "Ce programme tient sur une page A4, en paysage." in html
    assert "plus d’une page" not in html


def test_the_note_says_more_than_one_page_when_the_half_days_are_crowded(client, tour, relais):
    for day in range(2, 28):
        for hour in (9, 10, 11):
            PermanenceFactory(
                date=date(2026, 11, day),
                start_time=time(hour),
                end_time=time(hour + 1),
                lieu=relais,
                theme_label="Démarches en ligne",
            )

    html = client.get("/agenda/imprimer/", {"mois": "2026-11"}).content.decode()

    assert "imprimé, son programme prend plus d’une page A4" in html
    assert "tient sur une page A4" not in html


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
    html = page_text(client.get("/agenda/imprimer/", {"mois": "2026-11"}))

    cancelled = cell(html, "2026-11-12", "matin")
    assert '<div class="entry is-cancelled">' in cancelled
    assert "<del><bdi>Santé</bdi></del>" in cancelled
    assert re.search(r"<strong[^>]*>\s*Annulée : Conseiller malade\s*</strong>", cancelled)


def test_programme_gives_the_addresses_of_the_stops_and_a_qr_code_to_the_agenda(client, tour):
    response = client.get("/agenda/imprimer/", {"mois": "2026-11"})

    html = response.content.decode()
    assert [lieu.slug for lieu in response.context["lieux"]] == ["bus-justices", "relais-mairie"]
    assert "Place des Justices, 49000 Angers" in html
    assert "3 rue André Maurois, 49100 Angers" in html
    assert 'class="qr"' in html


def test_the_qr_code_and_the_printed_address_come_from_site_url(client, tour, settings):
    settings.SITE_URL = "https://portail.roseraie.example/"

    html = client.get(
        "/agenda/imprimer/", {"mois": "2026-11"}, HTTP_HOST="localhost"
    ).content.decode()

    assert '<span dir="ltr" class="url">https://portail.roseraie.example/agenda/</span>' in html
    assert qr_svg("https://portail.roseraie.example/agenda/", title="Code QR vers l’agenda") in html
    programme = html[html.index('<div class="programme">') : html.index("</main>")]
    assert "localhost" not in programme


def test_months_starting_with_a_vowel_take_an_apostrophe(client, tour):
    html = page_text(client.get("/agenda/imprimer/", {"mois": "2026-10"}))

    assert re.search(r"<h1>\s*Programme d’octobre 2026\s*</h1>", html)
    assert "Halloween" in html


@pytest.mark.parametrize("params", [{}, {"mois": ""}])
def test_without_a_month_the_programme_is_this_months(client, tour, params):
    response = client.get("/agenda/imprimer/", params)

    assert response.status_code == 200
    assert response.context["month"] == date(2026, 11, 1)


def test_previous_and_next_months_are_linked(client, tour):
    html = page_text(client.get("/agenda/imprimer/", {"mois": "2026-12"}))

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
    html = page_text(response)
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
    assert '<bdi><bdi lang="fr" dir="ltr">Bus Mairie, place des Justices</bdi></bdi>' in html
    assert (
        '<span dir="ltr"><bdi lang="fr" dir="ltr">Place des Justices, 49000 Angers</bdi></span>'
    ) in html
