"""The schedule's and the log's pieces of other pages: the next permanences on the home
page and on a service's page, the log's links in the professional area. See
roseraie_portal/panels.py."""

from permanences.selectors.schedule import next_permanences, upcoming_permanences
from roseraie_portal import roles


def home(*, request):
    return {"permanences": upcoming_permanences()}


def service_page(*, request, service):
    permanences = next_permanences(service=service)
    return {"permanences": permanences} if permanences else None


def espace(*, request):
    user = request.user
    context = {
        "can_log": roles.has_role(user, roles.CONSEILLER, roles.COORDINATION),
        "is_partner": roles.has_role(user, roles.PARTENAIRE),
        "is_coordination": roles.has_role(user, roles.COORDINATION),
    }
    return context if any(context.values()) else None
