import json
import re
from datetime import time

import pytest

from roseraie_portal import roles
from services.models import Lieu, Service, Thematique
from tests.services.factories import OpeningHoursFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db


def test_service_page_says_what_where_when_how_and_what_to_bring(client, directory):
    response = client.get("/services/allocations/")

    assert response.status_code == 200
    html = page_text(response)
    assert re.search(r"<h1>\s*Demander les allocations familiales\s*</h1>", html)
    assert "3 rue André Maurois" in html
    assert "https://www.openstreetmap.org/?mlat=47.44750&amp;mlon=-0.55280" in html
    assert "Le mardi de 14 h à 17 h" in html
    assert "Le jeudi de 9 h à 12 h" in html
    assert "Fermé les jours fériés." in html
    assert 'href="tel:0241000002"' in html
    assert "Numéro allocataire" in html and 'class="checklist"' in html
    assert "arabe" in html
    assert "Accessible en fauteuil roulant" in html and "Wifi public" in html
    assert "Informations vérifiées le 1 septembre 2026." in html
    assert 'class="qr"' in html  # printed with the page


def test_service_page_carries_schema_org_data_for_search_engines(client, directory):
    html = client.get("/services/allocations/").content.decode()

    payload = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(payload.group(1))
    assert data["@type"] == "GovernmentService"
    assert data["provider"]["name"] == "CAF de Maine-et-Loire"
    place = data["availableChannel"][0]["serviceLocation"]
    assert place["address"]["postalCode"] == "49100"


def test_professional_contact_is_shown_to_professionals_only(client, directory, make_user):
    assert "Mme Référente" not in client.get("/services/allocations/").content.decode()

    client.force_login(make_user(roles.CONSEILLER))

    assert "Mme Référente" in client.get("/services/allocations/").content.decode()


def test_service_hours_replace_the_places_hours_when_they_differ(client, directory):
    service = directory["allocations"]
    OpeningHoursFactory(service=service, weekday=0, opens=time(9), closes=time(11, 30))

    html = page_text(client.get("/services/allocations/"))

    assert "Le lundi de 9 h à 11 h 30" in html
    assert "Le mardi de 14 h à 17 h" not in html


def test_falc_version_has_short_lines_pictograms_and_the_checklist(client, directory):
    service = directory["allocations"]
    service.falc_text = "La CAF (Caisse d'allocations familiales) vous aide.\nVenez le mardi."
    service.save(update_fields=["falc_text"])

    response = client.get("/services/allocations/facile/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<p>La CAF (Caisse d&#x27;allocations familiales) vous aide.</p>" in html
    assert "<p>Venez le mardi.</p>" in html
    assert html.count('class="picto"') >= 6
    assert 'class="checklist"' in html
    assert "Vous pouvez venir sans rendez-vous." in html


def test_service_page_links_its_falc_version_from_the_layout_switch(client, directory):
    html = client.get("/services/allocations/").content.decode()

    assert 'class="falc-switch" href="/services/allocations/facile/"' in html


def test_structure_page_lists_all_its_published_services(client, directory):
    directory["accueil"].is_published = False
    directory["accueil"].save(update_fields=["is_published"])

    response = client.get("/structures/ville-angers/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Aide à la déclaration d&#x27;impôts" in html
    assert "Accueil du Relais-Mairie" not in html


@pytest.mark.parametrize(
    "url", ["/services/n-existe-pas/", "/services/n-existe-pas/facile/", "/structures/rien/"]
)
def test_unknown_pages_answer_404_in_plain_french(client, directory, url):
    response = client.get(url)

    assert response.status_code == 404
    assert "Nous ne trouvons pas cette page." in response.content.decode()


def test_unpublished_service_is_not_shown(client, directory):
    Service.objects.filter(slug="ameli").update(is_published=False)

    assert client.get("/services/ameli/").status_code == 404
    assert "ameli" not in {s.slug for s in client.get("/services/").context["page"].object_list}


def test_arabic_service_page_keeps_addresses_left_to_right(client, directory):
    html = client.get("/ar/services/allocations/").content.decode()

    assert 'dir="rtl"' in html
    assert '<address dir="ltr">' in html


def test_verification_date_missing_is_said(client, directory):
    html = client.get("/services/emploi/").content.decode()

    assert "Ces informations n’ont pas encore été vérifiées." in html
    assert "Informations vérifiées le" not in html


def test_admin_refuses_a_theme_pictogram_that_does_not_exist(client, coordinator):
    client.force_login(coordinator)
    theme = Thematique.objects.get(code="sante")

    response = client.post(
        f"/admin/services/thematique/{theme.pk}/change/",
        {"alias": "Santé", "pictogram": "licorne", "home_position": "3"},
    )

    assert response.status_code == 200  # the form again, with the error
    assert "Aucun pictogramme ne porte ce nom" in response.content.decode()
    theme.refresh_from_db()
    assert theme.pictogram == "sante"


def how_to_come(html: str) -> str:
    """The text of the "Comment venir ?" section, tags removed."""
    section = re.search(r'<section aria-labelledby="how">(.*?)</section>', html, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", "", section).split())


@pytest.mark.parametrize(
    ("fields", "sentence"),
    [
        (
            {"appointment_required": False, "modes_mobilisation": ["se-presenter"]},
            "Sans rendez-vous : venez aux horaires d’ouverture.",
        ),
        (
            {
                "appointment_required": False,
                "modes_mobilisation": ["se-presenter", "utiliser-lien-mobilisation"],
                "lien_mobilisation": "https://rdv.example.fr/",
            },
            "Sans rendez-vous : venez aux horaires d’ouverture, ou prenez rendez-vous en ligne.",
        ),
        (
            {
                "appointment_required": True,
                "modes_mobilisation": ["telephoner", "utiliser-lien-mobilisation"],
                "lien_mobilisation": "https://rdv.example.fr/",
                "phone": "02 41 00 00 09",
            },
            "Sur rendez-vous seulement : prenez rendez-vous par téléphone au 02 41 00 00 09"
            " ou en ligne.",
        ),
        (
            # Nothing named: an appointment is taken through the contact the page gives.
            {"appointment_required": True, "modes_mobilisation": [], "phone": "02 41 00 00 09"},
            "Sur rendez-vous seulement : prenez rendez-vous par téléphone au 02 41 00 00 09.",
        ),
    ],
)
def test_the_page_says_in_one_sentence_how_a_resident_is_received(
    client, directory, fields, sentence
):
    Service.objects.filter(pk=directory["allocations"].pk).update(email="", **fields)
    directory["allocations"].structure.__class__.objects.filter(
        pk=directory["allocations"].structure_id
    ).update(email="", phone="")

    html = client.get("/services/allocations/").content.decode()

    assert how_to_come(html).removeprefix("Comment venir ? ") == sentence
    assert html.count("rdv.example.fr") == (1 if "lien_mobilisation" in fields else 0)


def test_the_falc_page_names_each_place_before_its_hours(client, directory):
    """Two places, two Tuesdays that differ: each set of hours sits under its place."""
    service = directory["allocations"]
    bus = Lieu.objects.get(slug="bus-justices")
    service.lieux.add(bus)

    html = client.get("/services/allocations/facile/").content.decode()

    when = re.search(r'aria-labelledby="falc-when">(.*?)</section>', html, re.S).group(1)
    text = " ".join(re.sub(r"<[^>]+>", "", when).split())
    assert "Relais-Mairie de La Roseraie Le mardi de 14 h à 17 h" in text
    assert "Bus Mairie, place des Justices Le vendredi de 9 h à 12 h" in text


def test_the_falc_page_of_one_place_gives_its_hours_alone(client, directory):
    html = page_text(client.get("/services/allocations/facile/"))

    when = re.search(r'aria-labelledby="falc-when">(.*?)</section>', html, re.S).group(1)
    assert "<h3>" not in when and "Le mardi de 14 h à 17 h" in when
