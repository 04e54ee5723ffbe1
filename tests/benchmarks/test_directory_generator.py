"""The synthetic directory the benchmarks search (benchmarks/generators/directory.py)."""

import pytest
from django.core.management import call_command
from django.db.models import Count, Q

from benchmarks.generators import GenerationError, directory
from benchmarks.generators.__main__ import main as generators_command
from benchmarks.generators.directory import generate_directory
from services.models import Lieu, OpeningHours, Service, Structure, Synonym

pytestmark = pytest.mark.django_db


def generated_services():
    return Service.objects.filter(slug__startswith="gen-")


def row_counts():
    models = (Structure, Lieu, Service, OpeningHours, Synonym)
    return {model.__name__: model.objects.count() for model in models}


def test_generated_directory_has_the_requested_size_with_themes_and_search_vectors():
    generate_directory(services=200, seed=1)

    generated = generated_services()
    assert generated.count() == 200
    assert not generated.annotate(themes=Count("thematiques")).filter(themes=0).exists()
    assert not generated.filter(search_vector__isnull=True).exists()
    assert Structure.objects.filter(slug__startswith="gen-").count() == 25
    assert Lieu.objects.filter(slug__startswith="gen-").count() == 40
    assert OpeningHours.objects.filter(
        Q(lieu__slug__startswith="gen-") | Q(service__slug__startswith="gen-")
    ).exists()


def test_clearing_the_generated_directory_keeps_the_demo_directory():
    call_command("load_demo_directory")
    demo_counts = row_counts()
    generate_directory(services=200, seed=1)

    generate_directory(clear=True)

    assert row_counts() == demo_counts
    assert not generated_services().exists()
    assert not Service.objects.filter(search_vector__isnull=True).exists()


def test_loading_the_demo_after_a_generation_overwrites_no_generated_row():
    generate_directory(services=50, seed=2)
    generated = set(Service.objects.values_list("pk", "slug"))

    call_command("load_demo_directory")

    assert generated <= set(Service.objects.values_list("pk", "slug"))


def test_the_same_seed_generates_the_same_directory():
    fields = ("pk", "name", "description", "languages", "structure__name")
    generate_directory(services=50, seed=3)
    first = list(generated_services().order_by("pk").values_list(*fields))

    generate_directory(services=50, seed=3, clear=True)

    assert list(generated_services().order_by("pk").values_list(*fields)) == first


def test_demo_sentences_are_the_demo_descriptions_long_enough_to_read_as_french():
    sentences = directory._demo_sentences()

    assert len(sentences) > 100
    assert all(len(sentence.split()) >= 5 for sentence in sentences)


def test_command_line_generates_then_says_what_it_did(capsys):
    generators_command(["directory", "--services", "20", "--clear"])

    assert generated_services().count() == 20
    assert capsys.readouterr().out.splitlines() == [
        "Removed 0 generated services.",
        "Generated 20 services, 2 structures, 4 places and "
        f"{OpeningHours.objects.count()} opening hours.",
    ]


def test_command_line_refuses_to_do_nothing(capsys):
    with pytest.raises(SystemExit):
        generators_command(["directory"])

    assert "Nothing to do" in capsys.readouterr().err
    with pytest.raises(GenerationError):
        generate_directory()
