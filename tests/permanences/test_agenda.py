import re
from datetime import date, time, timedelta

import pytest

from services.models import Thematique
from tests.permanences.factories import PermanenceFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 24)  # a Tuesday


@pytest.fixture(autouse=True)
def _tuesday_morning(clock):
    clock("2026-11-24 09:30")


@pytest.fixture
def schedule(directory, relais, bus):
    """A few weeks of permanences at the Relais-Mairie and on the Mairie Bus."""
    soins = Thematique.objects.get(code="sante--acces-aux-soins")
    return {
        "yesterday": PermanenceFactory(
            service=directory["ameli"], lieu=relais, date=TODAY - timedelta(days=1)
        ),
        "this_morning": PermanenceFactory(
            service=directory["ameli"],
            lieu=relais,
            date=TODAY,
            start_time=time(8),
            end_time=time(9, 30),
        ),
        "today": PermanenceFactory(
            service=directory["ameli"], lieu=relais, date=TODAY, languages=["fr", "tr"]
        ),
        "impots": PermanenceFactory(
            service=directory["impots"],
            lieu=bus,
            date=date(2026, 11, 26),
            start_time=time(9),
            end_time=time(12),
            theme_label="Impôts",
            appointment_required=True,
        ),
        # The bus helps with jobs, but this half-day is about health.
        "bus_sante": PermanenceFactory(
            service=directory["emploi"],
            lieu=bus,
            date=date(2026, 11, 27),
            start_time=time(9),
            end_time=time(12),
            thematique=soins,
        ),
        "cancelled": PermanenceFactory(
            service=directory["accueil"],
            lieu=relais,
            date=date(2026, 12, 1),
            cancelled_for_illness=True,
        ),
        "january": PermanenceFactory(
            service=directory["allocations"], lieu=relais, date=date(2027, 1, 5)
        ),
    }


def shown(response) -> set[int]:
    return {item.obj.pk for day in response.context["days"] for item in day["items"]}


def pks(schedule, *names) -> set[int]:
    return {schedule[name].pk for name in names}


def test_agenda_is_public_and_lists_the_next_four_weeks_by_day_today_first(client, schedule):
    # It is 9:30 on Tuesday 24 November: this morning's permanence is over.
    response = client.get("/agenda/")

    assert response.status_code == 200
    assert shown(response) == pks(schedule, "today", "impots", "bus_sante", "cancelled")
    html = page_text(response)
    headings = re.findall(r'<time datetime="[-\d]+">\s*(.*?)\s*</time>', html, re.S)
    assert [" ".join(heading.split()) for heading in headings] == [
        "Aujourd’hui, mardi 24 novembre",
        "Jeudi 26 novembre",
        "Vendredi 27 novembre",
        "Mardi 1 décembre",
    ]
    assert "Du mardi 24 novembre au lundi 21 décembre 2026 : 4 événements." in html


def test_each_permanence_says_when_where_who_how_and_in_which_languages(client, schedule):
    html = page_text(client.get("/agenda/"))

    assert "De 14 h à 17 h" in html and "De 9 h à 12 h" in html
    assert "<bdi>Relais-Mairie de La Roseraie</bdi>" in html
    assert "3 rue André Maurois, 49100 Angers" in html
    assert "https://www.openstreetmap.org/?mlat=47.44750&amp;mlon=-0.55280" in html
    assert '<a href="/services/ameli/">Ouvrir ses droits à l&#x27;assurance maladie</a>' in html
    assert "<bdi>Impôts</bdi>" in html  # the theme of the half-day is its title
    assert "<bdi>Accès aux soins</bdi>" in html  # else its thematique's name
    assert "Sur rendez-vous" in html and "Sans rendez-vous" in html
    assert "Langues : français, turc" in html
    assert "Bus Mairie" in html


def test_cancelled_permanence_is_struck_through_and_says_why_in_words(client, schedule):
    html = page_text(client.get("/agenda/"))

    assert "<del><bdi>Accueil du Relais-Mairie</bdi></del>" in html
    assert "<del>De 14 h à 17 h</del>" in html
    assert re.search(r"<strong>\s*Annulée : Conseiller malade\s*</strong>", html)


@pytest.mark.parametrize(
    "params, expected",
    [
        # A category stands for its sub-themes; the half-day's theme comes before the
        # service's, which counts only when the half-day has none.
        ({"theme": "sante"}, {"today", "bus_sante"}),
        ({"theme": "sante--acces-aux-soins"}, {"today", "bus_sante"}),
        ({"theme": "trouver-un-emploi"}, set()),
        ({"theme": "difficultes-administratives-ou-juridiques"}, {"impots", "cancelled"}),
        ({"lieu": "bus-justices"}, {"impots", "bus_sante"}),
        ({"quartier": "la-roseraie"}, {"today", "cancelled"}),
        ({"quartier": "justices", "theme": "sante"}, {"bus_sante"}),
        ({"du": "2026-11-27"}, {"bus_sante", "cancelled"}),
    ],
)
def test_each_filter_narrows_the_agenda(client, schedule, params, expected):
    response = client.get("/agenda/", params)

    assert response.status_code == 200
    assert shown(response) == pks(schedule, *expected)


def test_applied_filters_are_stated_and_removable(client, schedule):
    response = client.get("/agenda/", {"theme": "sante", "lieu": "bus-justices"})

    applied = {(item["label"], item["value"]): item["url"] for item in response.context["applied"]}
    assert applied == {
        ("Thème", "Santé"): "?lieu=bus-justices",
        ("Lieu", "Bus Mairie, place des Justices"): "?theme=sante",
    }
    html = page_text(response)
    assert re.search(r"Lieu : <bdi>Bus Mairie, place des Justices</bdi>", html)
    assert '<option value="bus-justices" selected>' in html


@pytest.mark.parametrize(
    "params",
    [
        {"theme": "n-existe-pas", "lieu": "bus-justices"},
        {"lieu": "nulle-part"},
        {"quartier": "atlantide", "lieu": "bus-justices"},
        {"du": "2026-13-01", "lieu": "bus-justices"},
        {"du": "2031-01-01"},
    ],
)
def test_unknown_filter_value_answers_400_in_plain_french_and_keeps_the_form(
    client, schedule, params
):
    response = client.get("/agenda/", params)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Le formulaire contient des erreurs" in html
    assert 'aria-invalid="true"' in html and "_error" in html
    if "lieu" in params and params["lieu"] == "bus-justices":
        assert '<option value="bus-justices" selected>' in html
    assert not response.context["days"]


def test_a_date_in_the_past_starts_from_today(client, schedule):
    response = client.get("/agenda/", {"du": "2026-01-01"})

    assert response.status_code == 200
    assert response.context["start"] == TODAY
    assert schedule["yesterday"].pk not in shown(response)


def test_following_weeks_are_a_link_away_and_come_back(client, schedule):
    first = client.get("/agenda/", {"lieu": "relais-mairie"})
    assert first.context["next_url"] == "?lieu=relais-mairie&du=2026-12-22"
    assert first.context["previous_url"] == ""

    second = client.get("/agenda/", {"lieu": "relais-mairie", "du": "2026-12-22"})

    assert shown(second) == pks(schedule, "january")
    assert second.context["previous_url"] == "?lieu=relais-mairie&du=2026-11-24"
    html = page_text(second)
    assert "Mardi 5 janvier 2027" in html  # another year: the year is written


def test_empty_period_says_so_and_leads_to_what_comes_next(client, schedule):
    response = client.get("/agenda/", {"du": "2026-12-02"})

    html = page_text(response)
    assert "Rien n’est prévu pendant ces semaines." in html
    assert response.context["next_day"] == date(2027, 1, 5)
    assert re.search(r"Voir ce qui est prévu le mardi 5 janvier 2027", html)
    assert 'href="?du=2027-01-05"' in html


def test_empty_agenda_without_anything_later_says_so_in_plain_words(client, directory):
    response = client.get("/agenda/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Rien n’est prévu pendant ces semaines." in html
    assert "Revenez bientôt" in html


def test_agenda_links_to_its_feeds_and_to_the_printable_month(client, schedule):
    html = client.get("/agenda/").content.decode()
    assert 'href="/agenda.ics"' in html
    assert 'href="/agenda/imprimer/?mois=2026-11"' in html
    assert ".ics" not in html.replace('href="/agenda.ics"', "")

    html = client.get("/agenda/", {"lieu": "bus-justices", "theme": "sante"}).content.decode()
    assert 'href="/agenda/lieux/bus-justices.ics"' in html
    assert 'href="/agenda/themes/sante.ics"' in html
    assert "Ce qui a lieu à <bdi>Bus Mairie, place des Justices</bdi>" in html


def test_permanences_of_an_unpublished_service_are_not_shown(client, schedule, directory):
    directory["ameli"].is_published = False
    directory["ameli"].save(update_fields=["is_published"])

    response = client.get("/agenda/")

    assert schedule["today"].pk not in shown(response)


def test_arabic_agenda_isolates_french_names_and_addresses(client, schedule):
    response = client.get("/ar/agenda/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    # French names and addresses: declared French, and left to right (roseraie_portal
    # templatetags content: |french).
    assert '<bdi><bdi lang="fr" dir="ltr">Relais-Mairie de La Roseraie</bdi></bdi>' in html
    assert (
        '<span dir="ltr" class="address">'
        '<bdi lang="fr" dir="ltr">3 rue André Maurois, 49100 Angers</bdi></span>'
    ) in html
    assert 'href="/ar/services/ameli/"' in html


def test_agenda_answers_head_but_not_post(client, schedule):
    assert client.head("/agenda/").status_code == 200
    assert client.post("/agenda/").status_code == 405
