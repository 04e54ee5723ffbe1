import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from roseraie_portal import panels, roles
from roseraie_portal.preferences import FALC_COOKIE, FALC_COOKIE_MAX_AGE

logger = logging.getLogger(__name__)


@login_not_required
@require_safe
def accessibility(request):
    return render(request, "pages/accessibilite.html")


@login_not_required
@require_safe
def privacy_notice(request):
    context = {"orientation_months": settings.ORIENTATION_RETENTION_MONTHS}
    return render(request, "pages/donnees_personnelles.html", context)


@login_not_required
@require_POST
def toggle_falc(request):
    """Turn the easy-to-read presentation on or off, then go back to the page."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("home")
    response = HttpResponseRedirect(target)
    if request.POST.get("facile") == "1":
        response.set_cookie(
            FALC_COOKIE,
            "1",
            max_age=FALC_COOKIE_MAX_AGE,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    else:
        response.delete_cookie(FALC_COOKIE, samesite="Lax")
    return response


@login_not_required
@require_safe
def home(request):
    """ "De quoi avez-vous besoin ?": the apps' panels (search and themes, what comes next)."""
    return render(request, "pages/home.html", {"panels": panels.HOME.collect(request=request)})


def espace(request):
    """The professional area's front door: what this account may do, by role, as each
    app tells it."""
    context = {
        "account": panels.ACCOUNT.collect(request=request),
        "actions": panels.ESPACE.collect(request=request),
        "is_coordination": roles.has_role(request.user, roles.COORDINATION),
    }
    return render(request, "pages/espace.html", context)


def login_locked(request, original_response=None, credentials=None):
    """What django-axes answers once an account/IP pair is locked (AXES_LOCKOUT_CALLABLE)."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "registration/locked.html", context, status=429)


def _error_page(request, status):
    return render(request, "errors/error.html", {"status": status}, status=status)


@login_not_required
def bad_request(request, exception=None):
    return _error_page(request, 400)


@login_not_required
def permission_denied(request, exception=None):
    return _error_page(request, 403)


@login_not_required
def page_not_found(request, exception=None):
    return _error_page(request, 404)


@login_not_required
def csrf_failure(request, reason=""):
    return render(request, "errors/error.html", {"status": 403, "csrf": True}, status=403)


BARE_SERVER_ERROR = (
    '<!DOCTYPE html><html lang="fr"><meta charset="utf-8"><title>Erreur du serveur</title>'
    "<h1>Le site a un problème.</h1><p>Ce n'est pas de votre faute.</p>"
    '<p>Réessayez dans quelques minutes.</p><p><a href="/">Retour à l\'accueil</a></p></html>'
)


@login_not_required
def server_error(request):
    """The 500 page. The layout needs the database-free context only; if even that fails
    (a broken template, say), answer a bare page rather than nothing."""
    try:
        return _error_page(request, 500)
    except Exception:
        logger.exception("the 500 page itself failed to render")
        return HttpResponse(BARE_SERVER_ERROR, status=500)
