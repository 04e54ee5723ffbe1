"""The log refuses what it must, says why by each field, and loses nothing typed."""

import datetime
import re

import pytest
from django.utils import timezone

from permanences.enums import NON_COMMUNIQUE, Residence, Resultat
from permanences.models import Accompagnement
from tests.permanences.factories import PermanenceFactory
from tests.permanences.log_form import NEW, checked_values, valid_post
from tests.services.factories import LieuFactory, QuartierFactory, StructureFactory

pytestmark = pytest.mark.django_db


def test_a_refused_entry_comes_back_with_what_was_typed_and_linked_errors(client, conseiller):
    client.force_login(conseiller)
    data = valid_post(autonomie="", note="Rappeler au 06 12 34 56 78", duree_autre="45")

    response = client.post(NEW, data)

    assert response.status_code == 400
    assert not Accompagnement.objects.exists()
    html = response.content.decode()
    # what was typed is kept
    assert "Rappeler au 06 12 34 56 78</textarea>" in html
    assert checked_values(html, "themes") == {"papiers-elections-citoyennete", "courriels"}
    assert 'name="duree_autre" value="45"' in html
    # the summary comes first and links to the controls
    summary = html.index('class="error-summary"')
    assert summary < html.index('name="date"')
    assert 'href="#id_autonomie_0"' in html
    assert 'href="#id_note"' in html
    # each error sits by its field, tied to it
    assert re.search(r'<fieldset\s+aria-describedby="id_autonomie_error"', html)
    assert 'id="id_autonomie_error"' in html
    assert re.search(r'<textarea[^>]*aria-describedby="id_note_helptext id_note_error"', html)
    assert "un numéro de téléphone" in html
    assert html.count("06 12 34 56 78") == 1  # in the field only, never in a message


def test_at_least_one_theme_is_required(client, conseiller):
    client.force_login(conseiller)

    response = client.post(NEW, valid_post(themes=[]))

    assert response.status_code == 400
    assert response.context["form"].has_error("themes", "required")
    assert 'href="#id_themes_0_0"' in response.content.decode()


@pytest.mark.parametrize("minutes", ["0", "601", "-5", "douze"])
def test_a_custom_duration_must_be_between_1_and_600_minutes(client, conseiller, minutes):
    client.force_login(conseiller)

    response = client.post(NEW, valid_post(duree="", duree_autre=minutes))

    assert response.status_code == 400
    assert response.context["form"].errors["duree_autre"]


def test_a_duration_is_required(client, conseiller):
    client.force_login(conseiller)

    response = client.post(NEW, valid_post(duree="", duree_autre=""))

    assert response.context["form"].has_error("duree", "duration_required")


def test_600_minutes_is_accepted(client, conseiller):
    client.force_login(conseiller)

    client.post(NEW, valid_post(duree="", duree_autre="600"))

    assert Accompagnement.objects.get().duration_minutes == 600


def test_a_reoriented_procedure_names_the_structure(client, conseiller):
    client.force_login(conseiller)
    caf = StructureFactory(name="CAF")

    refused = client.post(NEW, valid_post(resultat=Resultat.REORIENTEE))
    accepted = client.post(NEW, valid_post(resultat=Resultat.REORIENTEE, reoriente_vers=caf.pk))

    assert refused.context["form"].has_error("reoriente_vers", "reorientation_structure_required")
    assert accepted.status_code == 302
    assert Accompagnement.objects.get().reoriente_vers == caf


def test_a_structure_is_dropped_when_the_procedure_is_not_reoriented(client, conseiller):
    client.force_login(conseiller)

    client.post(NEW, valid_post(reoriente_vers=StructureFactory().pk))

    assert Accompagnement.objects.get().reoriente_vers is None


def test_living_in_a_quartier_names_it_and_only_then(client, conseiller):
    client.force_login(conseiller)
    roseraie = QuartierFactory()

    missing = client.post(NEW, valid_post(residence=Residence.QUARTIER))
    contradicting = client.post(
        NEW, valid_post(residence=Residence.HORS_QUARTIER, quartier=roseraie.pk)
    )
    named = client.post(NEW, valid_post(residence=Residence.QUARTIER, quartier=roseraie.pk))
    inferred = client.post(NEW, valid_post(residence=NON_COMMUNIQUE, quartier=roseraie.pk))

    assert missing.context["form"].has_error("quartier", "quartier_required")
    assert contradicting.context["form"].has_error("quartier", "quartier_without_residence")
    assert named.status_code == inferred.status_code == 302
    assert [(e.residence, e.quartier) for e in Accompagnement.objects.all()] == [
        (Residence.QUARTIER, roseraie)
    ] * 2


def test_a_date_in_the_future_is_refused(client, conseiller):
    client.force_login(conseiller)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(NEW, valid_post(date=tomorrow.isoformat()))

    assert response.context["form"].has_error("date", "date_in_future")


def test_a_permanence_of_another_day_or_place_is_refused(client, conseiller):
    client.force_login(conseiller)
    yesterday = PermanenceFactory(date=timezone.localdate() - datetime.timedelta(days=1))
    today = PermanenceFactory(date=timezone.localdate())

    other_day = client.post(NEW, valid_post(permanence=yesterday.pk))
    other_place = client.post(NEW, valid_post(permanence=today.pk, lieu=LieuFactory().pk))

    assert other_day.context["form"].has_error("permanence", "permanence_other_day")
    assert other_place.context["form"].has_error("lieu", "lieu_not_permanence")


def test_no_equipment_cannot_go_with_equipment(client, conseiller):
    client.force_login(conseiller)

    response = client.post(NEW, valid_post(materiel=["aucun", "telephone"]))

    assert response.context["form"].has_error("materiel", "materiel_aucun")


@pytest.mark.parametrize(
    "note, found",
    [
        ("Accompagnée par Mme Durand", "un nom"),
        ("écrire à jean.dupont@example.org", "une adresse e-mail"),
        ("NIR 2 90 02 2A 123 456 78", "un numéro de sécurité sociale"),
        ("allocataire 1234567", "un numéro d’allocataire CAF"),
        ("identifiant 1234567X", "un identifiant France Travail"),
    ],
)
def test_a_note_with_personal_data_is_refused_saying_what_was_found(
    client, conseiller, note, found
):
    client.force_login(conseiller)

    response = client.post(NEW, valid_post(note=note))

    assert response.status_code == 400
    assert response.context["form"].has_error("note", "personal_data")
    assert found in " ".join(response.context["form"].errors["note"])
    assert not Accompagnement.objects.exists()
