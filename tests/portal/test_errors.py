import pytest
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client
from django.urls import path

from roseraie_portal.urls import urlpatterns as portal_urlpatterns

pytestmark = pytest.mark.django_db


def _raise(exception):
    @login_not_required
    def view(request):
        raise exception

    return view


urlpatterns = [
    *portal_urlpatterns,
    path("boom/", _raise(RuntimeError("bug"))),
    path("forbidden/", _raise(PermissionDenied())),
    path("suspicious/", _raise(SuspiciousOperation())),
]
handler400 = "roseraie_portal.views.bad_request"
handler403 = "roseraie_portal.views.permission_denied"
handler404 = "roseraie_portal.views.page_not_found"
handler500 = "roseraie_portal.views.server_error"


@pytest.fixture
def error_urls(settings):
    settings.ROOT_URLCONF = __name__


@pytest.mark.parametrize(
    "url, status, message",
    [
        ("/nulle-part/", 404, "Nous ne trouvons pas cette page."),
        ("/suspicious/", 400, "La demande envoyée au site n’est pas correcte."),
        ("/boom/", 500, "Ce n’est pas de votre faute."),
    ],
)
def test_errors_answer_a_plain_french_page_with_a_way_home(
    client, error_urls, url, status, message
):
    client.raise_request_exception = False

    response = client.get(url)

    assert response.status_code == status
    html = response.content.decode()
    assert message in html
    assert '<a class="button" href="/">' in html
    assert "Traceback" not in html


def test_arabic_error_page_is_right_to_left(client):
    response = client.get("/ar/nulle-part/")

    assert response.status_code == 404
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert '<a class="button" href="/ar/">' in html


def test_forbidden_page_explains_in_plain_french(client, error_urls, conseiller):
    client.force_login(conseiller)

    response = client.get("/forbidden/")

    assert response.status_code == 403
    assert "Vous n’avez pas le droit de voir cette page." in response.content.decode()


def test_expired_form_says_so_instead_of_a_technical_error(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/comptes/connexion/", {"username": "x", "password": "y"})

    assert response.status_code == 403
    assert "Le formulaire a expiré." in response.content.decode()
