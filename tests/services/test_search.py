import pytest

from services.enums import StructureKind
from services.models import Thematique
from services.search import analyse
from services.thematique_labels import THEME_LABELS
from tests.services.factories import ServiceFactory, StructureFactory

pytestmark = pytest.mark.django_db


def result_slugs(client, query, **filters):
    response = client.get("/services/", {"q": query, **filters})
    assert response.status_code == 200
    return [service.slug for service in response.context["page"].object_list]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("impots", "impots"),  # no accent
        ("IMPÔTS", "impots"),
        ("alocation", "allocations"),  # one letter missing
        ("allocasions", "allocations"),  # one letter wrong
        ("la caf", "allocations"),  # the structure's name
        ("sécu", "ameli"),  # everyday word, through the synonym table
        ("secu", "ameli"),  # ... without its accent
        ("chomage", "emploi"),
        ("j'ai perdu mon travail", "emploi"),  # a sentence, not keywords
    ],
)
def test_residents_words_find_the_right_service_first(client, directory, query, expected):
    assert result_slugs(client, query)[0] == expected


def test_a_match_in_the_name_ranks_above_a_match_in_the_description(client, directory):
    slugs = result_slugs(client, "allocations logement")

    assert slugs[0] == "allocations"


def test_typo_correction_uses_the_directory_vocabulary_and_says_so(client, directory):
    terms = analyse("alocation")

    assert terms.corrections == {"aloc": "alloc"}
    response = client.get("/services/", {"q": "alocation"})
    assert "Nous avons aussi cherché des mots proches" in response.content.decode()


def test_a_known_word_is_never_corrected(directory):
    assert analyse("impôts").corrections == {}


def test_nothing_found_says_so_and_offers_the_general_help_desks(client, directory):
    response = client.get("/services/", {"q": "xylophone"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "0 service" in html
    assert "Nous n’avons trouvé aucun service pour cette recherche." in html
    assert "Accueil du Relais-Mairie" in html  # the municipal desk, always offered


def test_an_overlong_query_is_cut_not_refused(client, directory):
    response = client.get("/services/", {"q": "impots " * 100})

    assert response.status_code == 200
    assert response.context["page"].object_list[0].slug == "impots"


def test_every_theme_label_and_alias_is_marked_for_translation():
    names = set(Thematique.objects.values_list("label", flat=True))
    names |= set(Thematique.objects.exclude(alias="").values_list("alias", flat=True))

    assert names - set(THEME_LABELS) == set()


def test_the_general_help_desks_are_the_first_three_france_services_then_mairies(client):
    france_services = StructureFactory(kind=StructureKind.FRANCE_SERVICES)
    mairie = StructureFactory(kind=StructureKind.MAIRIE)
    for name in ("Mairie : état civil", "Mairie : accueil", "Mairie : cantine"):
        ServiceFactory(structure=mairie, name=name)
    ServiceFactory(structure=france_services, name="France Services : impôts")
    ServiceFactory(structure=france_services, name="France Services : CAF")
    ServiceFactory(
        structure=france_services, name="France Services : brouillon", is_published=False
    )
    ServiceFactory(structure=StructureFactory(kind=StructureKind.ASSOCIATION), name="A : asso")

    response = client.get("/services/", {"q": "xylophone"})

    assert [service.name for service in response.context["general_help"]] == [
        "France Services : CAF",
        "France Services : impôts",
        "Mairie : accueil",
    ]
