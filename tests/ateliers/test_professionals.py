"""Professionals register a resident on their behalf and find the ateliers of their scope;
the ateliers appear in the agenda, on the home page and on their service's page."""

import pytest

from ateliers.models import Inscription
from roseraie_portal import roles
from tests.ateliers.factories import AtelierFactory
from tests.permanences.factories import PermanenceFactory
from tests.services.factories import ServiceFactory, StructureMembershipFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db


def test_a_conseiller_registers_a_resident_who_is_there(client, make_user):
    conseiller = make_user(roles.CONSEILLER)
    atelier = AtelierFactory(full=True, registered=1)
    client.force_login(conseiller)
    url = f"/espace/ateliers/{atelier.pk}/inscrire/"

    first = client.post(url, {"first_name": "Colette"}, follow=True)
    second = client.post(url, {"first_name": "Marcel"}, follow=True)

    assert "La personne est inscrite." in page_text(first)
    assert "L’atelier est complet : la personne est sur la liste d’attente." in page_text(second)
    colette = Inscription.objects.get(first_name="Colette")
    assert colette.registered_by == conseiller


def test_a_partner_lists_and_registers_to_its_structures_ateliers_only(client, make_user):
    partner = StructureMembershipFactory(user=make_user(roles.PARTENAIRE)).user
    own = AtelierFactory(structure=partner.structure_membership.structure, title="Le nôtre")
    other = AtelierFactory(title="Celui d’un autre")
    client.force_login(partner)

    listed = client.get("/espace/ateliers/").content.decode()
    refused = client.post(f"/espace/ateliers/{other.pk}/inscrire/", {"first_name": "Nour"})

    assert "Le nôtre" in listed and "Celui d’un autre" not in listed
    assert refused.status_code == 403
    assert not Inscription.objects.exists()
    assert client.get(f"/espace/ateliers/{own.pk}/inscrire/").status_code == 200


def test_the_professional_area_leads_to_the_ateliers(client, make_user):
    client.force_login(make_user(roles.CONSEILLER))

    html = client.get("/espace/").content.decode()

    assert 'href="/espace/ateliers/"' in html


def test_the_agenda_shows_ateliers_beside_permanences_and_filters_them(client):
    AtelierFactory(title="Mon smartphone")
    PermanenceFactory(theme_label="Impôts")

    everything = client.get("/agenda/").content.decode()
    ateliers = client.get("/agenda/", {"quoi": "atelier"}).content.decode()
    permanences = client.get("/agenda/", {"quoi": "permanence"}).content.decode()

    assert "Mon smartphone" in everything and "Impôts" in everything
    assert "Mon smartphone" in ateliers and "Impôts" not in ateliers
    assert "Impôts" in permanences and "Mon smartphone" not in permanences
    assert client.get("/agenda/", {"quoi": "concert"}).status_code == 400


def test_the_ateliers_feed_and_one_ateliers_calendar(client):
    atelier = AtelierFactory(title="Mon smartphone")
    PermanenceFactory(theme_label="Impôts")

    feed = client.get("/ateliers.ics").content.decode()
    single = client.get(f"/ateliers/{atelier.pk}.ics").content.decode()

    assert "SUMMARY:Mon smartphone" in feed and "Impôts" not in feed
    assert f"UID:atelier-{atelier.pk}@roseraie-portal" in single


def test_the_home_page_and_the_services_page_show_the_next_ateliers(client):
    service = ServiceFactory(slug="numerique")
    AtelierFactory(title="Premiers pas", service=service)

    home = client.get("/").content.decode()
    page = client.get("/services/numerique/").content.decode()

    assert "Prochains ateliers" in home and "Premiers pas" in home
    assert "Prochains ateliers" in page and "Premiers pas" in page


def test_the_list_filters_by_theme_place_and_places_left(client):
    AtelierFactory(title="Complet", full=True, registered=2)
    AtelierFactory(title="Ouvert")

    response = client.get("/ateliers/", {"places": "on"})

    titles = [atelier.title for atelier in response.context["page"]]
    assert titles == ["Ouvert"]
    assert client.get("/ateliers/", {"mois": "demain"}).status_code == 400
    assert client.get("/ateliers/", {"mois": "1999-01"}).status_code == 400


def test_the_animateur_finds_last_weeks_session_to_note_attendance(client, make_user):
    animateur = make_user(roles.CONSEILLER)
    held = AtelierFactory(past=True, animateur=animateur, title="La semaine dernière")
    AtelierFactory(past=True, date=held.date.replace(year=held.date.year - 1), title="Vieux")
    client.force_login(animateur)

    html = client.get("/espace/ateliers/").content.decode()

    assert "La semaine dernière" in html and "Vieux" not in html
    assert f'href="/espace/ateliers/{held.pk}/presences/"' in html
    assert f'href="/espace/ateliers/{held.pk}/inscrire/"' not in html  # too late to register
