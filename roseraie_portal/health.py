"""/healthz for load balancers and the container's HEALTHCHECK.

Answered by a middleware placed first, before host validation and the HTTPS redirect: a
load balancer probes each container by its private address, over plain HTTP.
"""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse

logger = logging.getLogger(__name__)

HEALTHZ_PATH = "/healthz"


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
        return response
