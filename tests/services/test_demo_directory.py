import json

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Exists, OuterRef

from services import demo_directory
from services.falc import check_falc
from services.management.commands import build_demo_fixtures, load_demo_directory
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
        row["slug"]: [warning.code for warning in check_falc("\n".join(row["falc_text"]))]
        for row in demo_directory.SERVICES
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


def test_unknown_thematique_code_stops_the_load_and_names_the_code(tmp_path, monkeypatch):
    links = json.loads(load_demo_directory.THEMATIQUES_FIXTURE.read_text(encoding="utf-8"))
    links["services"]["caf-rendez-vous-conseiller"].append("sante--code-imaginaire")
    broken = tmp_path / "directory_thematiques.json"
    broken.write_text(json.dumps(links), encoding="utf-8")
    monkeypatch.setattr(load_demo_directory, "THEMATIQUES_FIXTURE", broken)

    with pytest.raises(CommandError, match="sante--code-imaginaire"):
        call_command("load_demo_directory")
    assert not Service.objects.exists()


def test_committed_fixtures_match_the_demo_directory(tmp_path):
    call_command("build_demo_fixtures", output_dir=tmp_path)

    for name in (build_demo_fixtures.DIRECTORY_FILE, build_demo_fixtures.THEMATIQUES_FILE):
        committed = load_demo_directory.FIXTURES_DIR / name
        assert (tmp_path / name).read_bytes() == committed.read_bytes(), (
            f"fixtures/{name} is out of date: run manage.py build_demo_fixtures"
        )
