"""Writes of the accounts: what the coordination does to the accounts of conseillers and
partners (create, deactivate, reactivate, unlock, send a link to choose a password), and
the forgotten password of any account. Each change leaves an ``AccountEvent``.

No one ever types or reads a password here: a new account has none until its owner
chooses one through the link it receives by e-mail, Django's one-use token, the same
link as "Mot de passe oublié"."""

import hashlib
import logging
import smtplib
import uuid
from datetime import timedelta
from functools import partial

from axes.utils import reset as reset_login_attempts
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext, ngettext
from django_tasks import task

from roseraie_portal import roles
from roseraie_portal.models import AccountEvent, AccountEventKind
from roseraie_portal.notices import Notice
from roseraie_portal.notifications import Message, absolute_url, deliver, retried
from services.models import Structure, StructureMembership
from services.selectors.accounts import MANAGED_ROLES, accounts_with_email, refusal

logger = logging.getLogger(__name__)
User = get_user_model()

# "Mot de passe oublié" answers at most this many requests an hour for one address, and
# from one client address (a shared computer of a digital space counts as one): enough
# for a person who mistyped, too few to flood a mailbox or probe the accounts.
RESET_WINDOW = timedelta(hours=1)
RESET_REQUESTS_PER_EMAIL = 3
RESET_REQUESTS_PER_CLIENT = 10

# Why the link is sent, for the words of the e-mail.
NEW_ACCOUNT, SENT_BY_COORDINATION, REQUESTED = "new", "coordination", "requested"


class AccountRefused(PermissionDenied):
    """The actor may not do this to this account; ``message`` says why, in plain words."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _check(actor, account) -> None:
    reason = refusal(actor, account)
    if reason:
        raise AccountRefused(reason)


def _trace(*, actor, account, kind: str, **details) -> AccountEvent:
    return AccountEvent.objects.create(
        account=account,
        account_username=account.get_username(),
        actor=actor,
        actor_username=actor.get_username() if actor else "",
        kind=kind,
        details=details,
    )


def _locked_row(account):
    """The account read again under a row lock: two coordinators clicking at once change
    it once, and the rule is checked on what is saved, not on a page's copy."""
    return User.objects.select_for_update().get(pk=account.pk)


def create_account(
    *,
    actor,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    structure: Structure | None = None,
) -> tuple[object, list[Notice]]:
    """Open an account for a conseiller or a partner (a partner with its structure), with
    no password: its owner receives a link to choose one. Never staff, superuser or
    coordination, whatever the caller asks."""
    if not roles.has_role(actor, roles.COORDINATION):
        raise AccountRefused(gettext("Seule la coordination gère les comptes."))
    if role not in MANAGED_ROLES:
        raise AccountRefused(
            gettext(
                "La coordination crée des comptes de conseiller ou de partenaire seulement : "
                "jamais de compte d’administration ni de coordination."
            )
        )
    if role == roles.PARTENAIRE and structure is None:
        raise ValueError("a partner's account is attached to its structure")
    with transaction.atomic():
        account = User(
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=email,
            is_staff=False,
            is_superuser=False,
        )
        account.set_unusable_password()
        account.save()
        account.groups.add(Group.objects.get(name=role))
        if structure is not None:
            StructureMembership.objects.create(user=account, structure=structure)
        _trace(
            actor=actor,
            account=account,
            kind=AccountEventKind.CREATED,
            role=role,
            structure=structure.name if structure else "",
        )
    notices = [
        Notice("success", gettext("Le compte « %(username)s » est créé.") % {"username": username})
    ]
    if _send_link(account=account, actor=actor, reason=NEW_ACCOUNT):
        notices.append(_link_sent_notice(account))
    else:
        notices.append(_link_failed_notice())
    return account, notices


def deactivate_account(*, actor, account) -> list[Notice]:
    """Close an account: it can no longer log in, and its open sessions end at their next
    page. Its entries, orientations and traces stay."""
    with transaction.atomic():
        account = _locked_row(account)
        _check(actor, account)
        if not account.is_active:
            return [Notice("warning", gettext("Ce compte était déjà désactivé."))]
        account.is_active = False
        account.save(update_fields=["is_active"])
        _trace(actor=actor, account=account, kind=AccountEventKind.DEACTIVATED)
    return [
        Notice(
            "success",
            gettext("Le compte « %(username)s » est désactivé : il ne peut plus se connecter.")
            % {"username": account.get_username()},
        )
    ]


def reactivate_account(*, actor, account) -> list[Notice]:
    with transaction.atomic():
        account = _locked_row(account)
        _check(actor, account)
        if account.is_active:
            return [Notice("warning", gettext("Ce compte était déjà actif."))]
        account.is_active = True
        account.save(update_fields=["is_active"])
        _trace(actor=actor, account=account, kind=AccountEventKind.REACTIVATED)
    return [
        Notice(
            "success",
            gettext("Le compte « %(username)s » est réactivé : il peut se connecter de nouveau.")
            % {"username": account.get_username()},
        )
    ]


def unlock_account(*, actor, account) -> list[Notice]:
    """Erase the failed logins django-axes counted for this username, from every address:
    the person can log in at once instead of waiting for the end of the lock."""
    with transaction.atomic():
        account = _locked_row(account)
        _check(actor, account)
        erased = reset_login_attempts(username=account.get_username())
        if not erased:
            return [Notice("warning", gettext("Ce compte n’était pas bloqué : rien à débloquer."))]
        _trace(actor=actor, account=account, kind=AccountEventKind.UNLOCKED, attempts=erased)
    return [
        Notice(
            "success",
            gettext(
                "La connexion de « %(username)s » est débloquée : il peut réessayer tout de suite."
            )
            % {"username": account.get_username()},
        )
    ]


def send_password_link(*, actor, account) -> list[Notice]:
    """Send the account's owner a link to choose a new password (the old one keeps
    working until then)."""
    account = User.objects.get(pk=account.pk)
    _check(actor, account)
    if not account.is_active:
        return [
            Notice(
                "error",
                gettext("Ce compte est désactivé : réactivez-le avant d’envoyer un lien."),
            )
        ]
    if not account.email:
        return [
            Notice(
                "error",
                gettext(
                    "Ce compte n’a pas d’adresse e-mail : demandez à l’administrateur du "
                    "portail de l’ajouter."
                ),
            )
        ]
    if not _send_link(account=account, actor=actor, reason=SENT_BY_COORDINATION):
        return [_link_failed_notice()]
    return [_link_sent_notice(account)]


def request_password_reset(*, email: str, client_ip: str | None) -> bool:
    """ "Mot de passe oublié": send a link to every active account with this address, or
    to none, the same to the visitor. False when too many requests came for this address
    or from this client in the last hour (counted whether the address exists or not, so
    that the refusal says nothing about the accounts either).

    The links leave through the task queue once the transaction commits: no mail server
    is waited for in the request, so that its time hardly depends on whether an account
    has the address (a row queued per account, no exchange with a mail server), and a
    mail server that is down delays the link (tried again later) rather than losing it.
    Only account ids go in the queue, never the address typed."""
    if not _within_reset_limits(email, client_ip):
        return False
    request = uuid.uuid4().hex
    for account in accounts_with_email(email):
        transaction.on_commit(partial(send_requested_link.enqueue, account.pk, request))
    return True


@task()
def send_requested_link(account_id: int, request: str, attempt: int = 1) -> list[str]:
    """The link a visitor asked for on "Mot de passe oublié", to one account, traced once
    it left: tried again after a failure, never sent twice for one request. Nothing for
    an account deactivated or left without address in the meantime."""
    account = get_user_model().objects.filter(pk=account_id, is_active=True).first()
    if account is None or not account.email:
        return []
    what = f"password link {request} to account {account_id}"
    with retried(send_requested_link, account_id, request, attempt=attempt, what=what):
        sent = deliver(
            key=f"password-link-{request}-{account_id}",
            message=_link_message(account, REQUESTED),
            email=account.email,
        )
    if sent:
        _trace(
            actor=None, account=account, kind=AccountEventKind.RESET_REQUESTED, email=account.email
        )
    return sent


@transaction.atomic
def set_password_with_link(*, account, password: str) -> None:
    """The owner chose a password through its link: save it, and erase the failed logins
    that locked it out, since the person just proved the address is hers."""
    account.set_password(password)
    account.save(update_fields=["password"])
    erased = reset_login_attempts(username=account.get_username())
    details = {"attempts": erased} if erased else {}
    _trace(actor=account, account=account, kind=AccountEventKind.PASSWORD_SET, **details)


# --- The link ----------------------------------------------------------------------------


def password_link(account) -> str:
    """The address of the page where ``account`` chooses its password: Django's token,
    valid once, for PASSWORD_RESET_TIMEOUT, built from SITE_URL."""
    path = reverse(
        "services:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(account.pk)),
            "token": default_token_generator.make_token(account),
        },
    )
    return absolute_url(path)


def link_days() -> int:
    """How many days a link works (PASSWORD_RESET_TIMEOUT, three days by default)."""
    return max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 3600))


def _link_message(account, reason: str) -> Message:
    """The e-mail with the link, in French (the portal's professionals read it in
    French)."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "account": account,
            "link": password_link(account),
            "reason": reason,
            "days": link_days(),
            "site_url": settings.SITE_URL,
        }
        subject = render_to_string("registration/password_link_subject.txt", context)
        text = render_to_string("registration/password_link_email.txt", context)
    return Message(subject=" ".join(subject.split()), text=text.strip() + "\n", short_text="")


def _send_link(*, account, actor, reason: str) -> bool:
    """E-mail the link now, for a coordinator who is told at once whether it left; trace
    it once it left. False when the mail server refused it."""
    message = _link_message(account, reason)
    try:
        send_mail(message.subject, message.text, None, [account.email])
    except (smtplib.SMTPException, OSError):
        logger.exception("the password link to account %s could not be sent", account.pk)
        return False
    _trace(actor=actor, account=account, kind=AccountEventKind.RESET_LINK_SENT, email=account.email)
    return True


def _link_sent_notice(account) -> Notice:
    days = link_days()
    return Notice(
        "success",
        ngettext(
            "Un lien pour choisir son mot de passe est envoyé à %(email)s. Il marche une seule "
            "fois, pendant %(days)s jour.",
            "Un lien pour choisir son mot de passe est envoyé à %(email)s. Il marche une seule "
            "fois, pendant %(days)s jours.",
            days,
        )
        % {"email": account.email, "days": days},
    )


def _link_failed_notice() -> Notice:
    return Notice(
        "error",
        gettext(
            "L’e-mail avec le lien n’a pas pu partir. Réessayez dans quelques minutes avec "
            "« Envoyer un lien pour choisir un mot de passe »."
        ),
    )


# --- Throttling of "Mot de passe oublié" ---------------------------------------------------


def _within_reset_limits(email: str, client_ip: str | None) -> bool:
    # Both counters always count: a refusal on one says nothing of the other.
    by_email = _count(_reset_key("email", email.strip().casefold()))
    by_client = _count(_reset_key("client", client_ip or "unknown"))
    return by_email <= RESET_REQUESTS_PER_EMAIL and by_client <= RESET_REQUESTS_PER_CLIENT


def _reset_key(kind: str, value: str) -> str:
    # Hashed: the cache (a shared Redis) never holds an address in clear.
    return f"password-reset:{kind}:{hashlib.sha256(value.encode()).hexdigest()}"


def _count(key: str) -> int:
    """One more request in the window that started with the first one; atomic with Redis."""
    timeout = int(RESET_WINDOW.total_seconds())
    if cache.add(key, 1, timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # the window ended between add and incr
        cache.add(key, 1, timeout)
        return 1
