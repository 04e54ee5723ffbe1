"""The directory's pieces of pages it does not own (the home page, the professional
area), and the slot of its own service page, where the apps that know more of a service
(its next permanences) add their panels. See roseraie_portal/panels.py."""

from roseraie_portal import roles
from roseraie_portal.panels import Slot
from services.models import StructureMembership, Thematique
from services.selectors.orientations import waiting_count

SERVICE_PAGE = Slot("service_page")  # arguments: request, service


def home(*, request):
    """The search box and the theme tiles."""
    tiles = Thematique.objects.filter(home_position__isnull=False).order_by("home_position")
    return {"tiles": tiles}


def account(*, request):
    """The structure a partner's account is attached to."""
    membership = (
        StructureMembership.objects.filter(user=request.user).select_related("structure").first()
    )
    return {"structure": membership.structure} if membership else None


def espace(*, request):
    """Coordination keeps the directory fresh."""
    return {} if roles.has_role(request.user, roles.COORDINATION) else None


def accounts(*, request):
    """Coordination runs the accounts of conseillers and partners."""
    return {} if roles.has_role(request.user, roles.COORDINATION) else None


def orientations(*, request):
    """Every professional orients residents; a structure's accounts answer them."""
    if not roles.has_role(request.user, *roles.ALL):
        return None
    return {"waiting": waiting_count(request.user)}
