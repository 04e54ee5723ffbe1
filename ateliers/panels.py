"""The ateliers' pieces of other pages: the next ones on the home page and on a service's
page, the professionals' link. See roseraie_portal/panels.py."""

from ateliers.selectors import next_ateliers
from roseraie_portal import roles


def home(*, request):
    return {"ateliers": next_ateliers(limit=4)}


def service_page(*, request, service):
    ateliers = next_ateliers(service=service)
    return {"ateliers": ateliers} if ateliers else None


def espace(*, request):
    return {} if roles.has_role(request.user, *roles.ALL) else None
