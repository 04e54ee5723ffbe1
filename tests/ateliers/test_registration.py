"""A resident registers without an account: the least asked, capacity never exceeded,
a waiting list in order, and nothing typed lost when something is wrong."""

import pytest
from django.core import mail

from ateliers.enums import InscriptionStatus
from ateliers.models import Inscription
from tests.ateliers.factories import AtelierFactory, InscriptionFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db


def register(client, atelier, prefix="", **data):
    fields = {"first_name": "Fatima", "heard_from": "", **data}
    return client.post(f"{prefix}/ateliers/{atelier.pk}/", fields)


def test_a_first_name_alone_reserves_a_place_and_leads_to_the_registrations_page(client):
    atelier = AtelierFactory(to_bring=["Votre téléphone"])

    response = register(client, atelier)

    inscription = Inscription.objects.get()
    assert inscription.status == InscriptionStatus.CONFIRMED
    assert (inscription.phone, inscription.email, inscription.consent_text) == ("", "", "")
    assert response.status_code == 302
    assert response.url == f"/ateliers/mon-inscription/{inscription.token}/"
    page = client.get(response.url).content.decode()
    assert "Votre place est réservée" in page
    assert atelier.lieu.address in page and "Votre téléphone" in page
    assert "Annuler mon inscription" in page


def test_a_contact_without_consent_is_refused_and_what_was_typed_stays(client):
    atelier = AtelierFactory()

    response = register(client, atelier, phone="06 12 34 56 78", email="f@example.org")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Cochez cette case pour que nous gardions votre téléphone ou votre e-mail." in html
    assert 'value="06 12 34 56 78"' in html and 'value="f@example.org"' in html
    assert not Inscription.objects.exists()


def test_a_contact_with_consent_is_kept_with_the_wording_agreed_to(client):
    response = register(client, AtelierFactory(), phone="06 12 34 56 78", consent="on")

    assert response.status_code == 302
    inscription = Inscription.objects.get()
    assert inscription.contact_key == "tel:0612345678"
    assert inscription.consent_text.startswith("J’accepte que le portail garde")
    assert inscription.consented_at is not None


def test_an_unreadable_phone_number_says_how_to_write_it(client):
    response = register(client, AtelierFactory(), phone="appelez-moi", consent="on")

    assert response.status_code == 400
    assert "Écrivez un numéro de téléphone, par exemple 06 12 34 56 78." in page_text(response)


def test_full_atelier_puts_next_registration_on_waiting_list(client):
    atelier = AtelierFactory(full=True, registered=2)

    response = register(client, atelier, first_name="Mehmet")

    waiting = Inscription.objects.get(first_name="Mehmet")
    assert waiting.status == InscriptionStatus.WAITING
    page = client.get(response.url).content.decode()
    assert "Vous êtes sur la liste d’attente" in page
    assert "Vous êtes la première personne sur la liste d’attente." in page
    assert atelier.inscriptions.filter(status=InscriptionStatus.CONFIRMED).count() == 2


def test_the_page_of_a_full_atelier_offers_the_waiting_list(client):
    atelier = AtelierFactory(full=True, registered=2)

    html = client.get(f"/ateliers/{atelier.pk}/").content.decode()

    assert "L’atelier est complet." in html
    assert "M’inscrire sur la liste d’attente" in html


def test_registering_twice_with_the_same_contact_is_refused_politely(client):
    atelier = AtelierFactory()
    register(client, atelier, phone="06 12 34 56 78", consent="on")

    # The same number, written the international way.
    again = register(client, atelier, first_name="F.", phone="+33 6 12 34 56 78", consent="on")

    assert again.status_code == 409
    assert "Vous êtes déjà inscrit à cet atelier avec ce contact." in again.content.decode()
    assert atelier.inscriptions.count() == 1


def test_the_same_contact_may_register_again_after_cancelling(client):
    atelier = AtelierFactory()
    register(client, atelier, email="f@example.org", consent="on")
    Inscription.objects.update(status=InscriptionStatus.CANCELLED)

    again = register(client, atelier, email="F@Example.org", consent="on")

    assert again.status_code == 302
    assert atelier.inscriptions.filter(status=InscriptionStatus.CONFIRMED).count() == 1


@pytest.mark.parametrize(
    ("trait", "message"),
    [
        ({"cancelled": True}, "Cet atelier est annulé."),
        ({"past": True}, "Cet atelier a déjà commencé : les inscriptions sont closes."),
        ({"no_registration": True}, "Cet atelier est sans inscription : venez directement."),
    ],
)
def test_an_atelier_that_takes_no_registration_says_why(client, trait, message):
    atelier = AtelierFactory(**trait)

    page = client.get(f"/ateliers/{atelier.pk}/")
    response = register(client, atelier)

    assert message in page_text(page)
    assert response.status_code in (400, 409)
    assert message in page_text(response)
    assert not Inscription.objects.exists()


def test_the_form_also_posts_to_the_registration_url(client):
    atelier = AtelierFactory()

    response = client.post(f"/ateliers/{atelier.pk}/inscription/", {"first_name": "Nour"})

    assert response.status_code == 302
    assert Inscription.objects.get().first_name == "Nour"


def test_a_registration_from_an_arabic_page_is_told_in_arabic(client, committed, run_tasks):
    atelier = AtelierFactory(title="Atelier")
    with committed():
        response = register(client, atelier, prefix="/ar", email="n@example.org", consent="on")

    run_tasks()

    assert response.url.startswith("/ar/ateliers/mon-inscription/")
    assert Inscription.objects.get().language == "ar"
    [message] = mail.outbox
    assert "/ar/ateliers/mon-inscription/" in message.body
    assert "Votre place est réservée" not in message.body


def test_registration_page_of_an_unknown_token_does_not_exist(client):
    InscriptionFactory()

    assert client.get("/ateliers/mon-inscription/pas-un-jeton/").status_code == 404
    assert client.post("/ateliers/mon-inscription/pas-un-jeton/annuler/").status_code == 404
