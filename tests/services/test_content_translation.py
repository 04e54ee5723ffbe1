"""The directory's content in the reader's language, and the French marked where it shows
through (RGAA 8.7: each change of language is declared)."""

import io
import json
import re
from datetime import date

import pytest
from data_inclusion.schema import v1 as schema
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from ateliers import actions as atelier_actions
from ateliers.models import Atelier, AtelierCycle
from permanences.actions import schedule as schedule_actions
from permanences.actions.schedule import expand_rule
from permanences.models import Permanence, PermanenceRule
from roseraie_portal.content_language import translated_fields, translation_columns
from services.enums import PUBLIC_CHOICES, PUBLIC_LABELS
from services.models import Service
from tests.permanences.factories import PermanenceRuleFactory
from tests.services.factories import LieuFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def heading(html: str) -> str:
    return " ".join(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).split())


@pytest.fixture
def service():
    lieu = LieuFactory(name="Maison de quartier", access_notes="Tram A, arrêt Roseraie.")
    return ServiceFactory(
        name="Aide aux papiers",
        name_en="Help with paperwork",
        falc_text="On vous aide.\nC’est gratuit.",
        falc_text_en="We help you.\nIt is free.",
        lieux=[lieu],
    )


def test_a_translated_name_and_falc_text_show_in_the_readers_language(client, service):
    html = client.get(f"/en{service.get_falc_url()}").content.decode()

    assert heading(html) == "Help with paperwork"
    assert "<p>We help you.</p>" in html
    assert "On vous aide." not in html
    assert 'class="content-fallback"' not in html


def test_french_shown_for_want_of_a_translation_is_marked_and_said(client, service):
    html = client.get(f"/ar{service.get_falc_url()}").content.decode()

    # No Arabic yet: the French, declared as French and left to right in the Arabic page.
    assert heading(html) == '<bdi lang="fr" dir="ltr">Aide aux papiers</bdi>'
    assert re.search(r'<div lang="fr" dir="ltr">\s*<p>On vous aide.</p>', html)
    with translation.override("ar"):
        only_french = translation.gettext("Ce texte n’existe qu’en français.")
    assert only_french != "Ce texte n’existe qu’en français."
    assert f'<p class="content-fallback">{only_french}</p>' in html


def test_names_of_places_are_marked_as_french_in_other_languages(client, service):
    url = service.get_absolute_url()
    english = client.get(f"/en{url}").content.decode()
    french = client.get(url).content.decode()

    assert '<span lang="fr">Maison de quartier</span>' in english
    assert '<p lang="fr">Tram A, arrêt Roseraie.</p>' in english
    assert 'lang="fr">Maison de quartier' not in french


def test_pages_order_services_by_their_french_name_in_every_language(client):
    ServiceFactory(name="Bains-douches", name_en="Public baths")
    ServiceFactory(name="Aide alimentaire")  # no English name
    ServiceFactory(name="Cours de français", name_en="French lessons")

    with translation.override("en"):
        names = [service.name for service in Service.objects.order_by("name")]

    assert names == ["Aide alimentaire", "Public baths", "French lessons"]


def test_the_original_columns_keep_the_french_whatever_the_admins_language(service):
    with translation.override("ar"):
        service.name_ar = "مساعدة في الأوراق"
        service.save()
        Service.objects.filter(pk=service.pk).update(falc_text="Nouveau texte.")

    with connection.cursor() as cursor:
        cursor.execute("SELECT name, falc_text FROM services_service WHERE id = %s", [service.pk])
        assert cursor.fetchone() == ("Aide aux papiers", "Nouveau texte.")
    service.refresh_from_db()
    assert service.falc_text_fr == "Nouveau texte."  # what a French page reads


def test_a_service_created_during_an_english_request_is_written_in_french():
    structure = ServiceFactory().structure
    with translation.override("en"):
        created = Service.objects.create(
            structure=structure, name="Aide aux devoirs", slug="aide-aux-devoirs"
        )

    created.refresh_from_db()
    assert (created.name, created.name_fr, created.name_en) == (
        "Aide aux devoirs",
        "Aide aux devoirs",
        None,
    )


def test_the_dates_of_a_permanence_carry_its_themes_translations():
    rule = PermanenceRuleFactory(
        starts_on=date(2026, 9, 1),
        ends_on=date(2026, 9, 30),
        theme_label="Impôts",
        theme_label_tr="Vergiler",
    )

    expand_rule(rule=rule)

    with translation.override("tr"):
        assert {occurrence.theme_label for occurrence in rule.occurrences.all()} == {"Vergiler"}


def test_the_demo_translations_are_marked_as_demonstration_and_loaded():
    demo_file = settings.BASE_DIR / "fixtures" / "demo" / "translations.json"
    entries = json.loads(demo_file.read_text())["services"]
    assert len(entries) == 20
    assert all(entry["demonstration"] is True for entry in entries)

    call_command("load_demo_directory", stdout=io.StringIO())

    translated = Service.objects.exclude(name_en=None).exclude(name_ar=None)
    assert translated.exclude(falc_text_tr=None).count() == 20
    caf = Service.objects.get(slug=entries[0]["slug"])
    with translation.override("ar"):
        assert caf.falc_text == entries[0]["falc_text"]["ar"]


def test_every_public_of_the_schema_has_a_label_in_the_catalogs():
    assert {member.value for member in schema.Public} == set(PUBLIC_LABELS)
    with translation.override("ar"):
        assert dict(PUBLIC_CHOICES)["familles"] != "Familles"


def test_who_a_service_is_for_reads_in_the_readers_language(client, service):
    html = client.get(f"/tr{service.get_absolute_url()}").content.decode()

    with translation.override("tr"):
        assert f"<li>{translation.gettext('Tous publics')}</li>" in html


@pytest.mark.parametrize(
    "copied, models",
    [
        (schedule_actions.COPIED_FIELDS, (PermanenceRule, Permanence)),
        (atelier_actions.SESSION_FIELDS, (AtelierCycle, Atelier)),
    ],
    ids=["a rule's dates", "a cycle's sessions"],
)
def test_a_copy_takes_every_language_of_the_translated_fields_it_copies(copied, models):
    # The copies' field lists name their translated fields by hand: a field translated
    # later in translation.py must be named there too, or its translations stay behind.
    for model in models:
        for field in translated_fields(model) & set(copied):
            assert set(translation_columns(field)) <= set(copied), (model.__name__, field)
