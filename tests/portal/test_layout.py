import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.text import page_text

pytestmark = pytest.mark.django_db

PAGES = ["/", "/accessibilite/", "/donnees-personnelles/", "/comptes/connexion/"]


@pytest.mark.parametrize(
    "prefix, lang, direction",
    [("", "fr", "ltr"), ("/en", "en", "ltr"), ("/ar", "ar", "rtl"), ("/tr", "tr", "ltr")],
)
@pytest.mark.parametrize("page", PAGES)
def test_every_public_page_has_the_shared_layout_in_each_language(
    client, page, prefix, lang, direction
):
    response = client.get(prefix + page)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert 'href="#contenu"' in html  # skip link
    assert '<main id="contenu"' in html
    for landmark in ("<header", "<footer", "<nav"):
        assert landmark in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert f'href="{prefix}/accessibilite/"' in html
    assert f'href="{prefix}/donnees-personnelles/"' in html


def test_language_links_lead_to_the_same_page_in_each_language(client):
    html = client.get("/accessibilite/").content.decode()

    links = {
        " ".join(match.split())
        for match in re.findall(r'<a href="[^"]*"\s+lang="[^"]*"[^>]*>', html)
    }
    assert links == {
        '<a href="/accessibilite/" lang="fr" hreflang="fr" aria-current="true">',
        '<a href="/en/accessibilite/" lang="en" hreflang="en" >',
        '<a href="/ar/accessibilite/" lang="ar" hreflang="ar" >',
        '<a href="/tr/accessibilite/" lang="tr" hreflang="tr" >',
    }


def test_pages_reference_nothing_from_another_site(client, settings):
    html = client.get("/").content.decode()

    # Every stylesheet, script, image or font comes from the portal itself; the only
    # absolute URLs (the language alternates) name the portal's own host.
    hosts = re.findall(r'(?:src|href)="(?:https?:)?//([^/"]+)', html.split("<main")[0])
    assert set(hosts) <= {urlsplit(settings.SITE_URL).netloc}
    assert "<script" not in html


def test_security_headers_forbid_inline_code_and_third_parties(client):
    response = client.get("/")

    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_home_states_its_accessibility_level(client):
    html = page_text(client.get("/"))

    assert "Accessibilité : non conforme" in html


def test_accessibility_statement_has_what_french_law_asks(client):
    html = client.get("/accessibilite/").content.decode()

    for required in (
        "État de conformité",
        "non conforme avec le RGAA 4.1",
        "Contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d’information et contact",
        "Voies de recours",
        "Libre réponse 71120",
    ):
        assert required in html


def test_falc_switch_turns_the_easy_to_read_presentation_on_and_off(client):
    response = client.post(reverse("toggle_falc"), {"facile": "1", "next": "/accessibilite/"})

    assert response.status_code == 302
    assert response.url == "/accessibilite/"
    assert '<body class="falc">' in client.get("/accessibilite/").content.decode()
    assert "Quitter la version facile à lire" in client.get("/").content.decode()

    client.post(reverse("toggle_falc"), {"facile": "0", "next": "/"})
    assert '<body class="falc">' not in client.get("/").content.decode()


def test_falc_switch_never_redirects_to_another_site(client):
    response = client.post(reverse("toggle_falc"), {"facile": "1", "next": "https://evil.example/"})

    assert response.url == "/"


def test_pages_answer_head_requests(client):
    assert client.head("/").status_code == 200


def test_browsers_asking_for_favicon_ico_get_the_portal_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response.url == "/static/img/favicon.svg"


def language_links(html: str) -> dict[str, str]:
    """The language switcher's links, by language."""
    links = re.findall(r'<a href="([^"]+)"\s+lang="([^"]+)"\s+hreflang=', html)
    return {lang: href for href, lang in links}


def test_language_links_keep_the_service_and_the_search(client, directory):
    html = client.get("/ar/services/?q=caf&gratuit=on").content.decode()

    assert language_links(html) == {
        "fr": "/services/?q=caf&amp;gratuit=on",
        "en": "/en/services/?q=caf&amp;gratuit=on",
        "ar": "/ar/services/?q=caf&amp;gratuit=on",
        "tr": "/tr/services/?q=caf&amp;gratuit=on",
    }
    html = client.get("/en/services/allocations/").content.decode()
    assert language_links(html)["ar"] == "/ar/services/allocations/"


def test_on_a_page_that_does_not_exist_the_language_links_lead_home(client):
    html = client.get("/en/une-page-qui-n-existe-pas/").content.decode()

    assert language_links(html) == {
        "fr": "/",
        "en": "/en/une-page-qui-n-existe-pas/",
        "ar": "/ar/",
        "tr": "/tr/",
    }


def test_alternate_languages_are_absolute_urls_on_the_public_address(client, settings):
    settings.SITE_URL = "http://portail.example.org"
    # Whatever host the request came by (a proxy's, a container's address).
    html = client.get("/en/accessibilite/").content.decode()

    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "fr": "http://portail.example.org/accessibilite/",
        "en": "http://portail.example.org/en/accessibilite/",
        "ar": "http://portail.example.org/ar/accessibilite/",
        "tr": "http://portail.example.org/tr/accessibilite/",
        "x-default": "http://portail.example.org/accessibilite/",
    }


def meta_description(html: str) -> str:
    return re.search(r'<meta name="description"\s+content="([^"]*)">', html).group(1)


@pytest.mark.parametrize("page", PAGES + ["/services/", "/agenda/", "/ateliers/"])
def test_every_page_has_a_description_for_search_results(client, page):
    description = meta_description(client.get(page).content.decode())

    assert len(description.split()) >= 8 and description == " ".join(description.split())


def test_a_service_page_is_described_by_its_own_words(client, directory):
    html = client.get("/services/allocations/").content.decode()

    assert meta_description(html) == "La CAF vous aide à demander le RSA et les aides au logement."
