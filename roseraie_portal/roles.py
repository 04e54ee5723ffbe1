"""The three professional roles, as Django groups created by a data migration.

Residents never need an account. See ../shared/PRODUCT.md, "Roles". A view says who may
open it with ``@role_required(CONSEILLER, COORDINATION)``; what a partner may see of the
data is its scope (``services.selectors.scope_of``).
"""

from functools import wraps

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

CONSEILLER = "conseiller"  # logs accompaniments, sees its own
PARTENAIRE = "partenaire"  # attached to one structure: that structure's bilans only
COORDINATION = "coordination"  # the admin, every bilan

ALL = (CONSEILLER, PARTENAIRE, COORDINATION)


def has_role(user, *roles: str) -> bool:
    """Whether an authenticated user belongs to one of ``roles`` (superusers to all)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(name in roles for name in user_roles(user))


def user_roles(user) -> set[str]:
    """The role names of a user, read once per request and kept on the user object."""
    if not hasattr(user, "_role_names"):
        user._role_names = set(user.groups.values_list("name", flat=True))
    return user._role_names


def accounts_in(*roles: str):
    """The active accounts of one of ``roles``, by username."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=roles)
        .distinct()
        .order_by("username")
    )


def role_required(*roles: str):
    """Decorate a view that only accounts in one of ``roles`` may open: the others get
    the 403 page. Anonymous visitors never reach it: the login middleware sends them to
    the login page first. Put it under the decorators that check the HTTP method, so
    that a wrong method is a 405 for everyone."""

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return checked

    return decorator
