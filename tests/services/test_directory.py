import pytest

from tests.services.factories import ServiceFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db

# A Tuesday at 15:00 in Angers: the Relais-Mairie is open (14 h–17 h), the bus is not.
TUESDAY_AFTERNOON = "2026-11-24 15:00"
# Armistice day, a Wednesday: French public holidays count as closed.
ARMISTICE_MORNING = "2026-11-11 10:00"


def slugs(client, **params):
    response = client.get("/services/", params)
    assert response.status_code == 200, response.content.decode()[:500]
    return {service.slug for service in response.context["page"].object_list}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"thematique": "sante"}, {"ameli"}),  # a category stands for its sub-themes
        ({"thematique": "sante--acces-aux-soins"}, {"ameli"}),
        ({"quartier": "justices"}, {"impots", "emploi"}),
        ({"sans_rdv": "on"}, {"allocations", "ameli", "emploi", "accueil"}),
        ({"gratuit": "on"}, {"allocations", "ameli", "emploi", "accueil"}),
        ({"langue": "tr"}, {"ameli"}),
        ({"accessible": "on"}, {"allocations", "ameli", "accueil"}),
        ({"itinerant": "on"}, {"impots", "emploi"}),
    ],
)
def test_each_filter_alone(client, directory, params, expected):
    assert slugs(client, **params) == expected


def test_filters_combine_with_each_other_and_with_words(client, directory):
    assert slugs(client, itinerant="on", gratuit="on") == {"emploi"}
    assert slugs(client, q="impots", quartier="justices") == {"impots"}
    assert slugs(client, q="droits", accessible="on", langue="tr") == {"ameli"}


def test_open_now_follows_the_places_hours_in_paris_time(client, directory, clock):
    clock(TUESDAY_AFTERNOON)

    assert slugs(client, ouvert="on") == {"allocations", "ameli", "accueil"}


def test_nothing_is_open_on_a_public_holiday(client, directory, clock):
    clock(ARMISTICE_MORNING)

    assert slugs(client, ouvert="on") == set()
    # With words too (the words' ranking meets an empty list of services).
    assert slugs(client, q="caf", ouvert="on") == set()
    assert slugs(client, q="aide caf", ouvert="on", page="3") == set()


def test_result_count_and_applied_filters_are_stated_and_removable(client, directory):
    response = client.get("/services/", {"q": "aide", "gratuit": "on", "quartier": "la-roseraie"})

    html = page_text(response)
    count = response.context["page"].paginator.count
    assert f"{count} service" in html
    applied = {(item["label"], item["value"]): item["url"] for item in response.context["applied"]}
    assert applied == {
        ("Gratuit", None): "?q=aide&quartier=la-roseraie",
        ("Quartier", "La Roseraie"): "?q=aide&gratuit=on",
    }
    assert "Quartier : <bdi>La Roseraie</bdi>" in html


def test_unknown_filter_value_answers_400_in_plain_french_and_keeps_the_words(client, directory):
    response = client.get("/services/", {"q": "caf", "thematique": "n-existe-pas"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Le formulaire contient des erreurs" in html
    assert 'value="caf"' in html


def test_directory_without_query_lists_everything_by_name(client, directory):
    response = client.get("/services/")

    names = [service.name for service in response.context["page"].object_list]
    assert names == sorted(names)
    assert len(names) == 5


def test_home_offers_a_search_box_and_theme_tiles(client, directory):
    html = client.get("/").content.decode()

    assert 'name="q"' in html
    assert 'href="/services/?thematique=sante"' in html
    assert "Papiers et démarches" in html


def test_pagination_links_keep_the_words_and_filters(client, directory):
    ServiceFactory.create_batch(12)  # free, as the factory makes them

    html = client.get("/services/", {"gratuit": "on", "page": "1"}).content.decode()
    second = client.get("/services/", {"gratuit": "on", "page": "2"})

    assert 'href="?gratuit=on&amp;page=2" rel="next"' in html
    assert "Page 2 sur 2" in second.content.decode()
    assert len(second.context["page"].object_list) == 6  # 16 free services, 10 a page
