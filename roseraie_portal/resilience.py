"""What keeps the portal answering well when something around it fails (issue 11).

``DatabaseUnavailableMiddleware``: a database that does not answer gets a 503 with
``Retry-After`` and a plain page that says to come back in a few minutes, rather than a
500. A POST that failed is said not to be saved, and the page holds what was typed, with
a button that sends it again: going "back" would not find it, since the form page itself
is never stored (below) and would be asked of the database again. Nothing is kept of
the failure: the connection that failed is closed, the next request opens a new one, so
the portal recovers by itself once the database is back.

``PrivatePagesMiddleware``: professional pages, the admin, the account pages, a
registration's own page, and any page shown to a logged-in account are sent with
``Cache-Control: private, no-store``: on a shared computer of a public digital space, the
next person finds none of them with the back button after logout.
"""

import logging
import re
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.functional import empty

from roseraie_portal.input_checks import page_language

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 120
UNAVAILABLE = (OperationalError, InterfaceError)
# SQLSTATE classes of a server that is gone or refuses work for now: connection
# exceptions, insufficient resources (too many connections), operator intervention
# (shutting down, starting up). Another OperationalError (a deadlock, a statement timeout)
# gets the same page, and its traceback in the log: that one may be the code's.
CONNECTION_SQLSTATES = ("08", "53", "57P")
# Never written back into a page, even the sender's own.
NOT_RESENT = re.compile(r"password|passwd|mot_de_passe", re.IGNORECASE)
# When even the template fails (a missing static file in the manifest, say).
BARE_UNAVAILABLE = (
    '<!DOCTYPE html><html lang="fr"><meta charset="utf-8"><title>Site indisponible</title>'
    "<h1>Le site ne répond pas pour le moment.</h1><p>Ce n'est pas de votre faute.</p>"
    "<p>Réessayez dans quelques minutes.</p></html>"
)
_FAILURE = "_roseraie_database_unavailable"


def is_database_unavailable(exception) -> bool:
    return isinstance(exception, UNAVAILABLE)


def unavailable_response(request, exception) -> HttpResponse:
    """The 503 page for ``request``, after logging the failure once, at WARNING."""
    _log(request, exception)
    _drop_failed_connections()
    response = HttpResponse(_page(request), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Never kept: not by a shared computer, and not by a proxy once the database is back.
    patch_cache_control(response, private=True, no_store=True)
    # Logged above, once: Django's request logger would add an ERROR line for every 503
    # (and an e-mail to ADMINS for each, in production) all along an outage.
    response._has_been_logged = True
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        failure = getattr(request, _FAILURE, None)
        if failure is not None and response.status_code == 500:
            # Raised where process_exception does not see it: in a later middleware (the
            # session saved on the way out). Django has logged it as an error already.
            return unavailable_response(request, failure)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """The first queries of a request with a session cookie are the session and the
        account, which LoginRequiredMiddleware reads in its process_view (for every view,
        public ones too), where an exception never reaches process_exception: read them
        here first, where a failure still gets the 503 page (read, they stay cached: no
        query more)."""
        user = getattr(request, "user", None)
        if user is None:
            return None
        try:
            _ = user.is_authenticated
        except UNAVAILABLE as exception:
            return unavailable_response(request, exception)
        return None

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            return unavailable_response(request, exception)
        return None


def _note_failure(sender, request=None, **kwargs):
    """Marks a request whose 500 came from the database, for the middleware's __call__."""
    exception = sys.exc_info()[1]
    if request is not None and is_database_unavailable(exception):
        setattr(request, _FAILURE, exception)


got_request_exception.connect(_note_failure, dispatch_uid="roseraie_portal.resilience")


def _connection_lost(exception) -> bool:
    sqlstate = getattr(exception.__cause__, "sqlstate", None)
    return sqlstate is None or sqlstate.startswith(CONNECTION_SQLSTATES)


def _log(request, exception) -> None:
    lines = str(exception).strip().splitlines()
    logger.warning(
        "database unavailable, answered 503 to %s %s (%s: %s)",
        request.method,
        # As Django's request logger does: no control character from a path in the log.
        request.path.encode("unicode_escape").decode("ascii"),
        type(exception).__name__,
        lines[0][:200] if lines else "",
        exc_info=None if _connection_lost(exception) else exception,
    )


def _drop_failed_connections() -> None:
    """Close the connections outside a transaction (an atomic block's exit deals with its
    own): the next request opens a new one rather than health-check a broken one, or wait
    on a half-open socket."""
    for connection in connections.all(initialized_only=True):
        if connection.connection is None or connection.in_atomic_block:
            continue
        try:
            connection.close()
        except DatabaseError:
            connection.connection = None


def _resent_fields(request) -> list[tuple[str, str]] | None:
    """The fields of a failed POST, to send again from the 503 page; None when they
    cannot be (files, a password) or were not readable."""
    if request.method != "POST":
        return None
    try:
        if request.FILES:
            return None
        fields = [(name, value) for name, values in request.POST.lists() for value in values]
    except Exception:  # a body too large, cut short or malformed: nothing to offer
        return None
    if any(NOT_RESENT.search(name) for name, _value in fields):
        return None
    return fields


def _page(request) -> str:
    """The page in the language of the URL's prefix, without the layout: its context
    reads the session (the account's link in the header), which needs the database."""
    language = page_language(request)
    with translation.override(language):
        context = {
            "language_code": language,
            "language_bidi": translation.get_language_bidi(),
            "posted": request.method == "POST",
            "resent_fields": _resent_fields(request),
            "url": request.get_full_path(),
        }
        try:
            return render_to_string("errors/unavailable.html", context)
        except Exception:
            logger.exception("the 503 page itself failed to render")
            return BARE_UNAVAILABLE


class PrivatePagesMiddleware:
    # Under these (after the language prefix): the professional area (its CSV exports
    # included), the admin, the account pages (login, logout, passwords), and a
    # registration's own page (a resident's first name and contact).
    PRIVATE_SECTIONS = ("espace", "admin", "comptes", "ateliers/mon-inscription")

    def __init__(self, get_response):
        self.get_response = get_response
        languages = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
        sections = "|".join(re.escape(section) for section in self.PRIVATE_SECTIONS)
        self.private_path = re.compile(rf"^/(?:(?:{languages})/)?(?:{sections})(?:/|$)")

    def __call__(self, request):
        response = self.get_response(request)
        if self.is_private(request):
            patch_cache_control(response, private=True, no_store=True)
        return response

    def is_private(self, request) -> bool:
        return bool(self.private_path.match(request.path_info)) or _shown_to_an_account(request)


def _shown_to_an_account(request) -> bool:
    """A public page shown to a logged-in account may hold what only professionals see
    (a service's contact for professionals, a draft diagnostic). LoginRequiredMiddleware
    reads the account for every view; a response that never read it (a URL that resolves
    to nothing, a refusal before the views) does not depend on it, and is not made to."""
    user = getattr(request, "user", None)
    if user is None:  # answered before the authentication middleware (a static file)
        return False
    if getattr(user, "_wrapped", None) is empty:  # the lazy account was never read
        return False
    return user.is_authenticated
