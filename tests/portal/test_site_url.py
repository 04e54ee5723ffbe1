"""Every URL that leaves the portal (a QR code on paper, an iCalendar feed, the open data,
structured data for search engines) is built from SITE_URL, never from the host a request
happened to come through; production refuses to start without it."""

import json

import pytest

from roseraie_portal.qr import qr_svg
from tests.ateliers.factories import AtelierFactory
from tests.permanences.factories import PermanenceFactory
from tests.portal.test_production import manage, production_env

SITE = "https://portail.roseraie.example"
# A host the portal answers on, but that is not its public address (a container's own
# name behind the load balancer, a test client).
OTHER_HOST = "localhost"


@pytest.fixture
def public_address(settings):
    settings.SITE_URL = SITE


def get(client, path, **params):
    response = client.get(path, params, HTTP_HOST=OTHER_HOST)
    assert response.status_code == 200, path
    return b"".join(response.streaming_content if response.streaming else [response.content])


@pytest.mark.django_db
def test_the_service_pages_qr_code_and_structured_data_name_the_site(
    client, directory, public_address
):
    html = get(client, "/services/impots/").decode()

    assert qr_svg(f"{SITE}/services/impots/", title="Code QR vers cette page") in html
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["url"] == f"{SITE}/services/impots/"


@pytest.mark.django_db
def test_the_printed_month_names_the_site(client, directory, public_address):
    html = get(client, "/agenda/imprimer/").decode()

    assert qr_svg(f"{SITE}/agenda/", title="Code QR vers l’agenda") in html
    assert f'<span dir="ltr" class="url">{SITE}/agenda/</span>' in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/agenda.ics", "/ateliers.ics", "one atelier"])
def test_calendar_feeds_link_to_the_site(client, directory, public_address, path):
    atelier = AtelierFactory()
    PermanenceFactory(service=directory["impots"])
    if path == "one atelier":
        path = f"/ateliers/{atelier.pk}.ics"

    feed = get(client, path).decode().replace("\r\n ", "")  # unfold long lines

    urls = [line for line in feed.splitlines() if line.startswith("URL")]
    assert urls and all(line.startswith(f"URL:{SITE}/") for line in urls)
    assert OTHER_HOST not in feed


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/donnees/services.json", "/donnees/structures.json"])
def test_open_data_links_to_the_site(client, directory, public_address, path):
    rows = json.loads(get(client, path))

    assert rows and all(row["lien_source"].startswith(f"{SITE}/") for row in rows)


@pytest.mark.django_db
def test_open_data_csv_links_to_the_site(client, directory, public_address):
    body = get(client, "/donnees/services.csv").decode("utf-8-sig")

    assert f"{SITE}/services/" in body
    assert OTHER_HOST not in body


@pytest.mark.parametrize(
    "value, says",
    [
        (None, "SITE_URL is not set"),
        ("", "SITE_URL is not set"),
        ("portail.example.org", "SITE_URL is not an address: 'portail.example.org'"),
        ("https://portail.example.org/agenda/", "SITE_URL is not an address"),
    ],
)
def test_production_refuses_to_start_without_the_sites_address(value, says):
    env = production_env("postgres://nobody@localhost/none")
    if value is None:
        del env["SITE_URL"]
    else:
        env["SITE_URL"] = value

    result = manage("check", env=env)

    assert result.returncode != 0
    assert says in result.stderr
    assert "https://portail.example.org" in result.stderr  # what to write instead
