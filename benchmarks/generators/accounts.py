"""The generated conseillers the generators share: accounts that cannot log in, in the
conseiller group, each attached to a structure when structures are given."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from roseraie_portal import roles
from services.models import StructureMembership


def conseiller_accounts(names: list[str], structures: list[int] = ()) -> dict[str, int]:
    """The id of each named account, created when missing; the n-th name is attached to
    structure ``n % len(structures)``. Running it again changes nothing."""
    User = get_user_model()
    existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    new_users = [User(username=name) for name in names if name not in existing]
    for user in new_users:
        user.set_unusable_password()
    User.objects.bulk_create(new_users)
    users = dict(User.objects.filter(username__in=names).values_list("username", "pk"))
    group = Group.objects.get(name=roles.CONSEILLER)
    Membership = User.groups.through
    Membership.objects.bulk_create(
        [Membership(user_id=pk, group_id=group.pk) for pk in users.values()],
        ignore_conflicts=True,
    )
    if structures:
        StructureMembership.objects.bulk_create(
            [
                StructureMembership(
                    user_id=users[name], structure_id=structures[n % len(structures)]
                )
                for n, name in enumerate(names)
            ],
            ignore_conflicts=True,
        )
    return users
