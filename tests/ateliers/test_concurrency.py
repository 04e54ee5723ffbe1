"""Fifty people register at the same moment to a session of ten places (the ateliers
issue, "Speed and load, measured"): over HTTP, against the live test server, each person
in a thread of their own, as browsers would. benchmarks/atelier_registrations.py does
the same against gunicorn and times it.

The test is transactional: the server's threads each use their own database connection,
so the rows must really be committed for them to see, and the session's lock really
taken. ``serialized_rollback`` gives back what the migrations created (roles, themes)
once the test has emptied the database."""

import http.client
import re
import threading
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest

from ateliers.enums import InscriptionStatus
from ateliers.models import Inscription
from tests.ateliers.factories import AtelierFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PEOPLE = 50
PLACES = 10
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Visitor:
    """One person's browser: one kept-alive connection, and the cookies it was given
    (sent back by hand: a production cookie is Secure, which a cookie jar keeps off
    plain HTTP)."""

    def __init__(self, url: str):
        address = urlsplit(url)
        self.origin = url
        self.connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
        self.cookies = {}

    def request(self, method: str, path: str, form: dict | None = None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.origin,
            }
        self.connection.request(method, path, body, headers)
        response = self.connection.getresponse()
        content = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.coded_value
        return response, content


def register_all_at_once(url: str, path: str, people: int) -> list:
    """Each person GETs the page (the CSRF cookie and the form's token), then all of them
    POST their registration at the same moment. Returns (status, Location) or the
    exception of each."""
    ready = threading.Barrier(people, timeout=60)
    answers = [None] * people

    def person(number: int):
        visitor = Visitor(url)
        try:
            page, content = visitor.request("GET", path)
            assert page.status == 200, page.status
            form = {
                "csrfmiddlewaretoken": TOKEN.search(content).group(1),
                "first_name": f"Personne {number}",
                "phone": f"06 12 34 {number // 100:02d} {number % 100:02d}",
                "consent": "on",
                "heard_from": "bouche-a-oreille",
            }
            ready.wait()
            response, _content = visitor.request("POST", path, form)
            answers[number] = (response.status, response.headers.get("Location"))
        except Exception as error:  # told by the assertions, with the others' answers
            ready.abort()
            answers[number] = error
        finally:
            visitor.connection.close()

    threads = [threading.Thread(target=person, args=(n,)) for n in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


def test_fifty_people_registering_at_once_fill_ten_places_and_wait_for_the_rest(live_server):
    atelier = AtelierFactory(capacity=PLACES)

    answers = register_all_at_once(live_server.url, atelier.get_absolute_url(), PEOPLE)

    assert [answer for answer in answers if not isinstance(answer, tuple)] == []
    assert {status for status, _location in answers} == {302}
    pages = {location for _status, location in answers}
    assert len(pages) == PEOPLE  # each person has their own registration's page
    assert all(page.startswith("/ateliers/mon-inscription/") for page in pages)
    statuses = list(Inscription.objects.filter(atelier=atelier).values_list("status", flat=True))
    assert statuses.count(InscriptionStatus.CONFIRMED) == PLACES
    assert statuses.count(InscriptionStatus.WAITING) == PEOPLE - PLACES
    assert len(statuses) == PEOPLE
