"""A conseiller corrects its own entries for 7 days; then they are locked."""

import pytest

from roseraie_portal import roles
from tests.permanences.factories import AccompagnementFactory
from tests.permanences.log_form import LIST, checked_values, valid_post
from tests.text import page_text

pytestmark = pytest.mark.django_db


def test_its_author_corrects_an_entry_within_seven_days(client, conseiller):
    entry = AccompagnementFactory(conseiller=conseiller, created_days_ago=6)
    client.force_login(conseiller)

    page = client.get(f"{LIST}{entry.pk}/")
    response = client.post(f"{LIST}{entry.pk}/", valid_post(duree="90"))

    assert page.status_code == 200
    assert checked_values(page.content.decode(), "duree") == {"30"}
    assert response.status_code == 302
    assert response.url == LIST
    entry.refresh_from_db()
    assert entry.duration_minutes == 90
    assert entry.demarche == "ants"


def test_a_custom_duration_shows_in_the_custom_field_when_correcting(client, conseiller):
    entry = AccompagnementFactory(conseiller=conseiller, duration_minutes=40)
    client.force_login(conseiller)

    html = client.get(f"{LIST}{entry.pk}/").content.decode()

    assert 'name="duree_autre" value="40"' in html
    assert checked_values(html, "duree") == set()


def test_a_refused_correction_keeps_what_was_typed(client, conseiller):
    entry = AccompagnementFactory(conseiller=conseiller)
    client.force_login(conseiller)

    response = client.post(f"{LIST}{entry.pk}/", valid_post(themes=[], note="Seconde visite"))

    assert response.status_code == 400
    assert "Seconde visite</textarea>" in response.content.decode()


def test_after_seven_days_an_entry_is_locked(client, conseiller):
    entry = AccompagnementFactory(conseiller=conseiller, locked=True)
    client.force_login(conseiller)

    page = client.get(f"{LIST}{entry.pk}/")
    post = client.post(f"{LIST}{entry.pk}/", valid_post(duree="90"))

    assert page.status_code == post.status_code == 403
    assert "Cette fiche est verrouillée :" in page_text(page)
    entry.refresh_from_db()
    assert entry.duration_minutes == 30


def test_someone_elses_entry_and_an_unknown_one_do_not_exist(client, conseiller, make_user):
    other = AccompagnementFactory(conseiller=make_user(roles.CONSEILLER))
    client.force_login(conseiller)

    assert client.get(f"{LIST}{other.pk}/").status_code == 404
    assert client.post(f"{LIST}{other.pk}/", valid_post()).status_code == 404
    assert client.get(f"{LIST}999999/").status_code == 404
