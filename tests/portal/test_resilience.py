"""A database that does not answer gets a 503 page that says to come back, and the portal
answers again, by itself, once it is back; /healthz carries every security header."""

import contextlib
import logging
import subprocess
import sys
from unittest import mock

import psycopg
import pytest
from django.contrib.auth.decorators import login_not_required
from django.db import OperationalError, connection, connections
from django.http import HttpResponse
from django.urls import path

from ateliers.models import Inscription
from permanences.models import Accompagnement
from roseraie_portal.urls import urlpatterns as portal_urlpatterns
from tests.ateliers.factories import AtelierFactory
from tests.factories import PASSWORD, UserFactory
from tests.permanences.log_form import NEW, valid_post
from tests.portal.test_production import (
    BASE_DIR,
    database_url,
    free_port,
    get,
    manage,
    production_env,
    wait_for,
)

pytestmark = pytest.mark.django_db

COME_BACK = "Réessayez dans quelques minutes."
NOT_SAVED = "Votre formulaire n’a pas été enregistré."


@contextlib.contextmanager
def database_down():
    """Every query and every connection of this thread refused, as by a stopped server."""

    def refuse(*args, **kwargs):
        raise OperationalError(
            'connection failed: connection to server on socket "/tmp/.s.PGSQL.5432" '
            "failed: No such file or directory"
        )

    with mock.patch.object(connections["default"], "ensure_connection", refuse):
        yield


def assert_unavailable_page(response, *, message=COME_BACK):
    """The 503 page, in French unless ``message`` is None."""
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert {"private", "no-store"} <= {
        directive.strip() for directive in response["Cache-Control"].split(",")
    }
    html = response.content.decode()
    if message is not None:
        assert "Le site ne répond pas pour le moment." in html
        assert message in html
    assert "Traceback" not in html and "OperationalError" not in html
    return html


def test_a_page_answers_503_then_200_once_the_database_is_back(client, caplog):
    with database_down(), caplog.at_level(logging.INFO):
        response = client.get("/agenda/")

    html = assert_unavailable_page(response)
    assert '<html lang="fr" dir="ltr">' in html
    assert '<a class="button" href="/agenda/">' in html
    # Logged once, at WARNING, without traceback; Django's request logger says nothing.
    records = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert [(record.name, record.levelname) for record in records] == [
        ("roseraie_portal.resilience", "WARNING")
    ]
    assert "GET /agenda/" in records[0].getMessage()
    assert records[0].exc_info is None
    assert client.get("/agenda/").status_code == 200


def test_the_page_speaks_the_language_of_the_url(client):
    with database_down():
        english = client.get("/en/agenda/")
        arabic = client.get("/ar/services/?q=caf")

    html = assert_unavailable_page(english, message=None)
    assert '<html lang="en" dir="ltr">' in html
    assert "Try again in a few minutes." in html  # an msgid already translated
    html = assert_unavailable_page(arabic, message=None)
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="/ar/services/?q=caf"' in html


def test_a_logged_in_professional_gets_the_page_and_stays_logged_in(client, conseiller):
    client.force_login(conseiller)

    with database_down():
        # The session cannot even be read: the first query of the request.
        response = client.get("/espace/accompagnements/")

    assert_unavailable_page(response)
    assert "sessionid" not in response.cookies  # neither renewed nor deleted
    assert client.get("/espace/accompagnements/").status_code == 200


def test_a_logged_in_visitor_of_a_public_page_gets_it_once_logged_too(client, conseiller, caplog):
    client.force_login(conseiller)

    with database_down(), caplog.at_level(logging.INFO):
        response = client.get("/agenda/")

    assert_unavailable_page(response)
    assert [record.levelname for record in caplog.records if record.levelno >= logging.WARNING] == [
        "WARNING"
    ]
    assert client.get("/agenda/").status_code == 200


def test_a_failed_post_says_it_was_not_saved_and_keeps_what_was_typed(client, conseiller):
    client.force_login(conseiller)
    client.get("/espace/")  # the session read once, as on any page before the form
    entry = valid_post(note="Dossier retraite commencé, à finir mardi.")

    with database_down():
        response = client.post(NEW, entry)

    html = assert_unavailable_page(response, message=NOT_SAVED)
    assert Accompagnement.objects.count() == 0
    assert f'<form method="post" action="{NEW}">' in html
    assert (
        '<input type="hidden" name="note" value="Dossier retraite commencé, à finir mardi.">'
        in (html)
    )
    for theme in entry["themes"]:
        assert f'<input type="hidden" name="themes" value="{theme}">' in html
    assert "Envoyer encore une fois" in html
    # Sent again once the database is back: saved, once.
    assert client.post(NEW, entry).status_code == 302
    assert Accompagnement.objects.count() == 1


def test_a_registration_that_failed_can_be_sent_again(client):
    atelier = AtelierFactory()
    url = f"/ateliers/{atelier.pk}/"

    with database_down():
        response = client.post(url, {"first_name": "Nour", "heard_from": ""})

    html = assert_unavailable_page(response, message=NOT_SAVED)
    assert '<input type="hidden" name="first_name" value="Nour">' in html
    assert client.post(url, {"first_name": "Nour", "heard_from": ""}).status_code == 302
    assert Inscription.objects.filter(atelier=atelier, first_name="Nour").count() == 1


def test_the_login_page_never_writes_the_password_back(client):
    user = UserFactory(conseiller=True)
    form = {"username": user.username, "password": PASSWORD}

    with database_down():
        response = client.post("/comptes/connexion/", form)

    html = assert_unavailable_page(response, message=NOT_SAVED)
    assert PASSWORD not in html
    assert "Envoyer encore une fois" not in html
    assert "revenez à la page précédente" in html
    assert client.post("/comptes/connexion/", form).status_code == 302


def test_a_stack_trace_never_reaches_the_visitor_even_in_debug(client, settings):
    settings.DEBUG = True

    with database_down():
        response = client.get("/services/?q=caf")

    assert_unavailable_page(response)


# A failure after the view, in a middleware (the session saved on the way out), is not
# seen by process_exception: the 500 Django made of it becomes the same 503.


_stopping = contextlib.ExitStack()


@login_not_required
def remembers_then_database_stops(request):
    request.session["seen"] = True
    _stopping.enter_context(database_down())  # until the test leaves _stopping
    return HttpResponse("ok")


urlpatterns = [*portal_urlpatterns, path("souvenir/", remembers_then_database_stops)]


def test_a_failure_in_a_later_middleware_gets_the_same_page(client, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False

    with _stopping:
        response = client.get("/souvenir/")

    assert_unavailable_page(response)
    assert client.get("/agenda/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_connection_broken_mid_request_is_dropped_and_the_next_request_reconnects(client):
    assert client.get("/agenda/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (backend,) = cursor.fetchone()
    # The server ends this connection, as a restart would.
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [backend])

    broken = client.get("/agenda/")

    assert_unavailable_page(broken)
    assert connection.connection is None  # dropped, not kept for the next request
    assert client.get("/agenda/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != backend


# /healthz: the headers of every other response, over plain HTTP from any address too.

REPRESENTATION = {
    # What describes a response's content or its connection, not its security.
    "cache-control",
    "connection",
    "content-language",
    "content-length",
    "content-type",
    "date",
    "expires",
    "server",
    "set-cookie",
    "transfer-encoding",
    "vary",
}
SECURITY_HEADERS = {
    "content-security-policy",
    "cross-origin-opener-policy",
    "referrer-policy",
    "strict-transport-security",
    "x-content-type-options",
    "x-frame-options",
}


def security_headers(headers) -> dict:
    return {
        name.lower(): value for name, value in headers.items() if name.lower() not in REPRESENTATION
    }


@pytest.fixture
def gunicorn_in_production(tmp_path):
    """gunicorn with production settings on the test database; yields its base URL."""
    port = free_port()
    # Production serves hashed static names: collect them first, as the image build does.
    env = production_env(database_url(connection.settings_dict), STATIC_ROOT=str(tmp_path))
    collected = manage("collectstatic", "--no-input", "--verbosity", "0", env=env)
    assert collected.returncode == 0, collected.stderr
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "roseraie_portal.wsgi", "--workers", "1"]
        + ["--bind", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)
        process.stdout.close()


def test_healthz_carries_the_security_headers_of_every_other_page(gunicorn_in_production):
    https = {"Host": "portail.example.org", "X-Forwarded-Proto": "https"}
    page_status, page_headers, _ = get(f"{gunicorn_in_production}/accessibilite/", https)
    status, headers, body = get(f"{gunicorn_in_production}/healthz", https)
    # A load balancer's probe: plain HTTP, to the container's own address.
    probe_status, probe_headers, _ = get(
        f"{gunicorn_in_production}/healthz", {"Host": "10.0.0.7:8000"}
    )

    assert (page_status, status, body, probe_status) == (200, 200, "ok\n", 200)
    assert SECURITY_HEADERS <= set(security_headers(page_headers))
    assert security_headers(headers) == security_headers(page_headers)
    # HSTS is for HTTPS only, as on every page; the rest is the same.
    expected = security_headers(page_headers)
    del expected["strict-transport-security"]
    assert security_headers(probe_headers) == expected
