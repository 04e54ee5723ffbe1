"""/healthz for load balancers and the container's HEALTHCHECK.

Answered by a middleware placed first, before host validation and the HTTPS redirect: a
load balancer probes each container by its private address, over plain HTTP. The answer
still carries the security headers of every other response, from the same middleware.
"""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

HEALTHZ_PATH = "/healthz"
# The middleware that put security headers on responses (X-Content-Type-Options,
# Referrer-Policy, Cross-Origin-Opener-Policy, HSTS over HTTPS; the Content-Security-Policy;
# X-Frame-Options). Their process_response only: SecurityMiddleware's process_request
# would redirect the probe to HTTPS.
HEADER_MIDDLEWARE = (
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
)


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.warning("healthz: database unreachable", exc_info=True)
        return False
    return True


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # Those of settings.MIDDLEWARE, in the order a response meets them.
        self.add_headers = [
            import_string(path)(get_response).process_response
            for path in reversed(settings.MIDDLEWARE)
            if path in HEADER_MIDDLEWARE
        ]

    def __call__(self, request):
        if request.path != HEALTHZ_PATH:
            return self.get_response(request)
        if database_answers():
            response = HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
        else:
            response = HttpResponse(
                "base de données injoignable\n",
                status=503,
                content_type="text/plain; charset=utf-8",
            )
        response["Cache-Control"] = "no-store"
        for add_headers in self.add_headers:
            response = add_headers(request, response)
        return response
