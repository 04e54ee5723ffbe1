"""The bilans' piece of the professional area. See roseraie_portal/panels.py."""

from roseraie_portal import roles


def espace(*, request):
    return {} if roles.has_role(request.user, roles.PARTENAIRE, roles.COORDINATION) else None
