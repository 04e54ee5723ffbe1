from datetime import UTC, date, datetime

import pytest
from django.utils import timezone

from roseraie_portal import roles
from services.models import Service, Structure
from tests.text import page_text

pytestmark = pytest.mark.django_db


def test_services_unverified_for_a_year_are_listed_for_coordinators(client, directory, coordinator):
    client.force_login(coordinator)

    response = client.get("/espace/services-a-verifier/")

    listed = {service.slug for service in response.context["services"]}
    # never verified, or verified more than 12 months ago; 2026-09-01 is fresh
    assert listed == {"impots", "ameli", "emploi", "accueil"}


def test_marking_verified_is_one_click_and_takes_the_service_off_the_list(
    client, directory, coordinator
):
    client.force_login(coordinator)
    service = directory["impots"]

    response = client.post(f"/espace/services-a-verifier/{service.pk}/verifie/", follow=True)

    service.refresh_from_db()
    assert service.verifie_le == timezone.localdate()
    assert "« Aide à la déclaration d&#x27;impôts » est marqué comme vérifié." in (
        page_text(response)
    )
    assert service not in response.context["services"]


@pytest.mark.parametrize("role", [roles.CONSEILLER, roles.PARTENAIRE])
def test_other_roles_cannot_see_or_mark_freshness(client, directory, make_user, role):
    client.force_login(make_user(role))
    service = directory["impots"]

    assert client.get("/espace/services-a-verifier/").status_code == 403
    assert client.post(f"/espace/services-a-verifier/{service.pk}/verifie/").status_code == 403
    service.refresh_from_db()
    assert service.verifie_le == date(2024, 1, 15)


def test_anonymous_visitors_are_sent_to_the_login(client, directory):
    response = client.get("/espace/services-a-verifier/")

    assert response.status_code == 302
    assert response.url.startswith("/comptes/connexion/")


def test_marking_an_unknown_service_answers_404(client, directory, coordinator):
    client.force_login(coordinator)

    assert client.post("/espace/services-a-verifier/999999/verifie/").status_code == 404


def test_admin_flags_stale_services_and_marks_them_verified_in_bulk(client, directory, coordinator):
    client.force_login(coordinator)

    listing = client.get("/admin/services/service/", {"fraicheur": "a-verifier"})
    assert {s.slug for s in listing.context["cl"].result_list} == {
        "impots",
        "ameli",
        "emploi",
        "accueil",
    }
    client.post(
        "/admin/services/service/",
        {"action": "mark_verified", "_selected_action": [directory["impots"].pk]},
    )
    assert Service.objects.get(slug="impots").verifie_le == timezone.localdate()


def test_admin_save_warns_about_a_hard_to_read_falc_text_without_blocking(
    client, directory, coordinator
):
    client.force_login(coordinator)
    service = directory["ameli"]
    data = {
        "name_fr": service.name,
        "slug": service.slug,
        "structure": service.structure_id,
        "lieux": [lieu.pk for lieu in service.lieux.all()],
        "is_published": "on",
        "type": service.type,
        "thematiques": [theme.pk for theme in service.thematiques.all()],
        "publics": "",
        "description_fr": service.description,
        "falc_text_fr": "La CPAM rembourse vos soins.",
        "falc_text_en": "The CPAM pays back your care.",
        "modes_mobilisation": "",
        "conditions_acces_fr": "",
        "frais": "gratuit",
        "frais_precisions_fr": "",
        "documents": "Carte Vitale\nAttestation de droits\n",
        "languages": "fr",
        "phone": "",
        "email": "",
        "pro_contact": "",
        "lien_mobilisation": "",
        "date_maj": "2026-11-01",
        "verifie_le": "2026-11-01",
        "opening_hours-TOTAL_FORMS": "0",
        "opening_hours-INITIAL_FORMS": "0",
    }

    response = client.post(f"/admin/services/service/{service.pk}/change/", data, follow=True)

    assert response.status_code == 200
    warnings = [str(message) for message in response.context["messages"]]
    assert any("CPAM" in message for message in warnings), warnings
    # The French is checked; the translations still to write are named.
    assert "Le texte facile à lire n’est pas encore traduit en : arabe et turc." in warnings
    service.refresh_from_db()
    assert service.falc_text == "La CPAM rembourse vos soins."  # saved all the same
    assert service.documents == ["Carte Vitale", "Attestation de droits"]


def test_a_new_service_is_dated_in_angers_not_in_the_servers_time_zone(monkeypatch):
    # 23:30 in UTC on New Year's Eve is already 1 January in Angers.
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 12, 31, 23, 30, tzinfo=UTC))

    assert Service().date_maj == date(2027, 1, 1)
    assert Structure().date_maj == date(2027, 1, 1)
