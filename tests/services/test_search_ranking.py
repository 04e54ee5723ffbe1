"""Ranking of the directory's search on the demo directory, measured on the labelled set
of tests/services/search_queries.py (benchmarks/search_quality.py prints the figures)."""

import pytest
from django.core.management import call_command

from tests.services.search_queries import LABELLED_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo_directory", verbosity=0)


def search(client, text, language="fr", **params):
    prefix = "" if language == "fr" else f"/{language}"
    response = client.get(f"{prefix}/services/", {"q": text, **params})
    assert response.status_code == 200
    return response


def test_the_labelled_set_has_everyday_queries_in_every_language_of_the_portal():
    languages = {query.language for query in LABELLED_QUERIES}

    assert len(LABELLED_QUERIES) >= 40
    assert languages == {"fr", "en", "ar", "tr"}


def test_every_labelled_query_finds_its_service_in_the_first_three(client, demo):
    misses = {}
    for query in LABELLED_QUERIES:
        first = [s.slug for s in search(client, query.text, query.language).context["page"]][:3]
        if not set(query.expected) & set(first):
            misses[(query.language, query.text)] = first

    assert misses == {}


def test_services_matching_every_word_come_first_and_are_counted(client, demo):
    response = search(client, "aide pour la caf")

    html = response.content.decode()
    strong = response.context["strong_count"]
    assert 0 < strong < response.context["page"].paginator.count
    assert f"{strong} services répondent à votre recherche" in html
    # The first page holds the strong matches, then the heading of the partial ones.
    flags = [service.strong for service in response.context["page"].object_list]
    assert flags == sorted(flags, reverse=True)
    first_slugs = [service.slug for service in response.context["strong_results"]]
    assert "caf-rendez-vous-conseiller" in first_slugs[:3]


def test_the_partial_heading_appears_where_the_partial_matches_start(client, demo):
    response = search(client, "aide pour la caf")
    strong = response.context["strong_count"]
    last_page = (strong - 1) // 10 + 1  # the page where the partial matches start

    html = search(client, "aide pour la caf", page=last_page).content.decode()
    partial = response.context["page"].paginator.count - strong
    heading = f"Ces {partial} services répondent à une partie de votre recherche"
    assert heading in html
    assert html.index("services répondent à votre recherche") < html.index(heading)


def test_the_pages_hold_every_match_once_the_strong_ones_first(client, demo):
    first = search(client, "aide pour la caf").context
    pages = first["page"].paginator.num_pages
    assert pages > 2  # strong matches, the page where they end, partial matches

    shown = []
    for number in range(1, pages + 1):
        shown += search(client, "aide pour la caf", page=number).context["page"].object_list
    slugs = [service.slug for service in shown]
    flags = [service.strong for service in shown]
    assert len(slugs) == len(set(slugs)) == first["page"].paginator.count
    assert flags == sorted(flags, reverse=True)
    assert flags.count(True) == first["strong_count"]
    # Past the end, the last page, as for a list without words.
    beyond = search(client, "aide pour la caf", page=pages + 5).context["page"]
    assert beyond.number == pages
    assert [service.slug for service in beyond.object_list] == slugs[(pages - 1) * 10 :]


def test_when_no_service_matches_every_word_it_says_so_and_shows_the_partial_ones(client, demo):
    response = search(client, "carte vitale xylophone")

    html = response.content.decode()
    assert response.context["strong_count"] == 0
    assert "Aucun service ne répond à tous les mots de votre recherche" in html
    assert "répondent à une partie de votre recherche" in html
    slugs = [service.slug for service in response.context["page"].object_list]
    assert "ameli-compte-carte-vitale" in slugs[:3]


def test_a_misspelt_word_still_finds_services(client, demo):
    response = search(client, "alocation familliale")

    assert response.context["strong_count"] > 0
    assert "Nous avons aussi cherché des mots proches" in response.content.decode()


def test_synonyms_are_read_in_the_pages_language_and_in_french(client, demo):
    english = search(client, "residence permit", "en").context["page"].object_list
    arabic = search(client, "إعانة", "ar").context["page"].object_list
    on_french_page = search(client, "residence permit").context

    assert english[0].slug == "titre-de-sejour-anef"
    assert arabic[0].slug.startswith("caf-")
    # An English word on the French page is no synonym: at most a partial match.
    assert on_french_page["strong_count"] == 0
    # French synonyms work on every page ("sécu" typed on the English page).
    assert (
        search(client, "sécu", "en")
        .context["page"]
        .object_list[0]
        .slug.startswith(("cpam-", "ameli-"))
    )


def test_words_of_asking_are_not_required_of_a_strong_match(client, demo):
    response = search(client, "je cherche un médecin")

    slugs = [service.slug for service in response.context["strong_results"]]
    assert "centre-sante-medecin-generaliste" in slugs[:3]
