import shutil

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Exists, OuterRef

from services.falc import check_falc
from services.management.commands import load_demo_directory
from services.management.commands.load_demo_directory import read_rows
from services.models import Lieu, OpeningHours, Service, Structure, Synonym

pytestmark = pytest.mark.django_db


def directory_counts():
    return {
        model.__name__: model.objects.count()
        for model in (Structure, Lieu, Service, OpeningHours, Synonym)
    }


def test_demo_directory_loads_partners_places_and_itinerant_bus_stops():
    call_command("load_demo_directory")

    assert Structure.objects.count() >= 15
    assert Lieu.objects.count() >= 10
    assert Lieu.objects.filter(itinerant=True).count() >= 3
    assert Structure.objects.filter(slug="caf-maine-et-loire").exists()
    assert Structure.objects.filter(slug="relais-mairie-roseraie").exists()


def test_every_demo_service_is_published_in_plain_words_with_themes_hours_and_languages():
    call_command("load_demo_directory")

    has_own_hours = Exists(OpeningHours.objects.filter(service=OuterRef("pk")))
    has_place_hours = Exists(OpeningHours.objects.filter(lieu__services=OuterRef("pk")))
    services = Service.objects.annotate(themes=Count("thematiques")).annotate(
        has_hours=has_own_hours | has_place_hours
    )
    assert services.filter(is_published=True).count() >= 40
    assert not services.filter(is_published=False).exists()
    assert not services.filter(falc_text="").exists()
    assert not services.filter(themes=0).exists()
    assert not services.filter(has_hours=False).exists()
    assert not services.filter(languages=[]).exists()


def test_demo_falc_texts_pass_the_falc_checker():
    warnings = {
        row.text("slug"): [warning.code for warning in check_falc(row.text("falc_text"))]
        for row in read_rows("services.csv")
    }

    assert {slug: codes for slug, codes in warnings.items() if codes} == {}


def test_demo_directory_ships_the_everyday_words_residents_type():
    call_command("load_demo_directory")

    assert Synonym.objects.count() >= 60
    words = set(Synonym.objects.values_list("word", flat=True))
    assert {"sécu", "secu", "chômage", "papiers", "carte grise", "mutuelle", "impots"} <= words
    mutuelle = Synonym.objects.get(word="mutuelle")
    assert "complémentaire santé solidaire" in mutuelle.expansion
    assert mutuelle.thematiques.filter(code="sante--acces-aux-soins").exists()


def test_loading_the_demo_directory_twice_changes_nothing():
    call_command("load_demo_directory")
    counts = directory_counts()
    links = Service.thematiques.through.objects.count()

    call_command("load_demo_directory")

    assert directory_counts() == counts
    assert Service.thematiques.through.objects.count() == links


def test_every_demo_service_is_searchable_after_loading():
    call_command("load_demo_directory")

    assert not Service.objects.filter(search_vector__isnull=True).exists()


@pytest.fixture
def demo_copy(tmp_path, monkeypatch):
    """A copy of fixtures/demo/ that a test may break."""
    copy = tmp_path / "demo"
    shutil.copytree(load_demo_directory.DEMO_DIR, copy)
    monkeypatch.setattr(load_demo_directory, "DEMO_DIR", copy)
    return copy


def test_every_problem_of_the_files_is_named_and_nothing_is_loaded(demo_copy):
    services = demo_copy / "services.csv"
    text = services.read_text(encoding="utf-8")
    text = text.replace("sante--acces-aux-soins", "sante--code-imaginaire", 1)
    services.write_text(text.replace(";telephoner", ";par-pigeon", 1), encoding="utf-8")
    lieux = demo_copy / "lieux.csv"
    lieux.write_text(lieux.read_text().replace("Mo,Tu,We", "lundi", 1), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        call_command("load_demo_directory")

    message = str(error.value)
    assert "services.csv, ligne" in message and "sante--code-imaginaire" in message
    assert "par-pigeon" in message
    assert "lieux.csv, ligne 2: horaires" in message
    assert not Service.objects.exists()


def test_demo_words_are_written_as_residents_type_them_in_lower_case():
    rows = [(row.text("word"), row.text("language")) for row in read_rows("synonyms.csv")]

    assert [word for word, _language in rows if word != word.lower()] == []
    # Once per language, as the table's constraint says; a French word ("job") also
    # serves the other languages' pages.
    assert len(rows) == len(set(rows))
