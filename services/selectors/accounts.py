"""Reads of the accounts the coordination runs: which accounts it may act on (and why
not), the list with its filters, one account and its history.

A coordinator manages the accounts of conseillers and partners only: never a superuser's,
a staff account's, a coordinator's, nor its own. The rule is written once, here
(``refusal``); the pages offer nothing else and the actions check it again."""

import unicodedata

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from roseraie_portal import roles
from roseraie_portal.models import AccountEvent, AccountEventKind

User = get_user_model()

# The roles a coordinator gives: never coordination, and never staff or superuser.
MANAGED_ROLES = (roles.CONSEILLER, roles.PARTENAIRE)
ROLE_LABELS = {
    roles.CONSEILLER: _("Conseiller numérique"),
    roles.PARTENAIRE: _("Partenaire"),
    roles.COORDINATION: _("Coordination"),
}
# The list's filter on the role: the managed roles, or an account given none yet.
WITHOUT_ROLE = "aucun"
# The list's filter on the state.
ACTIVE, INACTIVE, LOCKED = "actifs", "desactives", "bloques"


def refusal(actor, account) -> str | None:
    """Why ``actor`` may not act on ``account``, in plain words, or None when it may."""
    if not roles.has_role(actor, roles.COORDINATION):
        return gettext("Seule la coordination gère les comptes.")
    if account.pk == actor.pk:
        return gettext(
            "Vous ne pouvez pas changer votre propre compte ici. Demandez-le à "
            "l’administrateur du portail."
        )
    if account.is_superuser:
        return gettext(
            "Ce compte est celui d’un administrateur du portail : la coordination ne peut pas "
            "le changer."
        )
    if roles.COORDINATION in roles.user_roles(account):
        return gettext(
            "Ce compte est celui d’une personne de la coordination : seul l’administrateur du "
            "portail peut le changer."
        )
    if account.is_staff:
        return gettext(
            "Ce compte a accès à l’administration : seul l’administrateur du portail peut le "
            "changer."
        )
    return None


def managed_accounts() -> QuerySet:
    """The accounts the coordination runs: neither superuser, nor staff, nor coordination."""
    coordination = Group.objects.filter(name=roles.COORDINATION, user=OuterRef("pk"))
    return User.objects.filter(is_superuser=False, is_staff=False).exclude(Exists(coordination))


def is_locked():
    """Whether an account is locked out of the login now, as django-axes counts it: with
    AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]], the failures of one username
    from one address (over every browser) within the cool-off, up to the limit."""
    failures = (
        AccessAttempt.objects.filter(
            username=OuterRef("username"), attempt_time__gte=timezone.now() - get_cool_off()
        )
        .values("ip_address")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
    )
    return Exists(failures)


def account_list(*, q: str = "", role: str = "", structure=None, state: str = "") -> QuerySet:
    """The managed accounts, filtered, by username, each with its structure and whether it
    is locked; their roles come in one more query (``role_names`` on each)."""
    accounts = (
        managed_accounts()
        .annotate(is_locked=is_locked())
        .select_related("structure_membership__structure")
        .prefetch_related(
            Prefetch("groups", queryset=Group.objects.only("name"), to_attr="role_groups")
        )
        .order_by("username")
    )
    if q:
        accounts = accounts.filter(
            Q(username__unaccent__icontains=q)
            | Q(first_name__unaccent__icontains=q)
            | Q(last_name__unaccent__icontains=q)
            | Q(email__icontains=q)
        )
    if role == WITHOUT_ROLE:
        accounts = accounts.exclude(Exists(Group.objects.filter(user=OuterRef("pk"))))
    elif role:
        accounts = accounts.filter(Exists(Group.objects.filter(name=role, user=OuterRef("pk"))))
    if structure is not None:
        accounts = accounts.filter(structure_membership__structure=structure)
    if state == ACTIVE:
        accounts = accounts.filter(is_active=True)
    elif state == INACTIVE:
        accounts = accounts.filter(is_active=False)
    elif state == LOCKED:
        accounts = accounts.filter(is_locked=True)
    return accounts


def role_label(role: str) -> str:
    """A role as people read it; a group of the admin's own, by its name."""
    return str(ROLE_LABELS.get(role, role))


def role_labels(account) -> list[str]:
    """The roles of an account of ``account_list`` (prefetched), as people read them."""
    return [role_label(group.name) for group in account.role_groups]


def account(pk: int) -> QuerySet:
    """One account with its structure and whether it is locked, for its page."""
    return (
        User.objects.filter(pk=pk)
        .annotate(is_locked=is_locked())
        .select_related("structure_membership__structure")
    )


def structure_of(account):
    """The structure an account is attached to, or None (read with ``select_related``)."""
    membership = getattr(account, "structure_membership", None)
    return membership.structure if membership else None


def history(account) -> list[AccountEvent]:
    """What happened to ``account``, in order, each with its details in a sentence."""
    events = list(AccountEvent.objects.filter(account=account))
    for event in events:
        event.summary = describe(event)
    return events


def describe(event: AccountEvent) -> str:
    """The details of a trace in words: the role and the structure given, the address a
    link went to, the attempts erased."""
    details = event.details
    if event.kind == AccountEventKind.CREATED:
        role = role_label(details.get("role", ""))
        if details.get("structure"):
            return gettext("rôle %(role)s, structure %(structure)s") % {
                "role": role,
                "structure": details["structure"],
            }
        return gettext("rôle %(role)s, sans structure") % {"role": role}
    if details.get("email"):
        return gettext("adresse : %(email)s") % {"email": details["email"]}
    if details.get("attempts"):
        count = details["attempts"]
        return ngettext(
            "%(count)s tentative de connexion effacée",
            "%(count)s tentatives de connexion effacées",
            count,
        ) % {"count": count}
    return ""


def accounts_with_email(email: str) -> list:
    """The active accounts whose address is ``email``, compared as Django's password reset
    does (case and Unicode forms aside). Accounts that never chose a password are in:
    a new account whose first e-mail was lost asks again here."""
    wanted = _folded(email)
    return [
        account
        for account in User.objects.filter(email__iexact=email, is_active=True)
        if _folded(account.email) == wanted
    ]


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()
