"""The three professional roles, as Django groups created by a data migration.

Residents never need an account. See ../shared/PRODUCT.md, "Roles".
"""

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
