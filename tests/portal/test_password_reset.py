"""Every account can choose a new password by e-mail when it forgot its own: Django's
token, a French e-mail built from SITE_URL, the same answer whether an account has the
address or not, and a limit on the requests of an address and of a client."""

import json
import re
import smtplib
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django_tasks_db.models import DBTaskResult

from roseraie_portal.models import AccountEvent, AccountEventKind
from services.actions import accounts as actions
from tests.factories import PASSWORD, UserFactory
from tests.text import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

LOGIN = "/comptes/connexion/"
FORGOTTEN = "/comptes/mot-de-passe/"
SENT = "/comptes/mot-de-passe/envoye/"
LINK = re.compile(r"https?://\S+/comptes/mot-de-passe/[^/\s]+/[^/\s]+/")
NEW_PASSWORD = "un nouveau mot de passe solide"


@pytest.fixture
def account(db):
    return UserFactory(conseiller=True, first_name="Hélène", email="helene@example.org")


@pytest.fixture
def ask(client, committed, run_tasks):
    """Asks for a link as the page does, then runs the queue as the worker would: the
    link leaves in a task, not in the request."""

    def ask(email, path=FORGOTTEN, **extra):
        with committed():
            response = client.post(path, {"email": email}, **extra)
        run_tasks()
        return response

    return ask


def _link(message) -> str:
    return urlsplit(LINK.search(message.body).group()).path


def _page(response, typed=""):
    """A page without what changes on every answer (the masked CSRF token) and without
    the address typed, which a page shows back as it was typed."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
    return html.replace(typed, "TYPED") if typed else html


def _choose(client, path, password=NEW_PASSWORD):
    opened = client.get(path)
    assert opened.status_code == 302
    return client.post(opened.url, {"new_password1": password, "new_password2": password})


def test_the_login_page_offers_to_reset_a_forgotten_password(client):
    html = page_text(client.get(LOGIN))

    assert f'href="{FORGOTTEN}"' in html
    assert "Mot de passe oublié ?" in html


def test_the_lockout_page_offers_the_reset_too(client, account):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": account.username, "password": "faux"})

    response = client.post(LOGIN, {"username": account.username, "password": PASSWORD})

    assert response.status_code == 429
    assert f'href="{FORGOTTEN}"' in response.content.decode()


def test_the_reset_page_is_public_and_in_plain_french(client):
    response = client.get(FORGOTTEN)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Écrivez l’adresse e-mail de votre compte." in html
    assert "Recevoir le lien" in html


def test_a_known_address_receives_a_french_email_with_a_link_from_site_url(
    ask, account, mailoutbox, settings
):
    settings.SITE_URL = "https://portail.roseraie.example"

    response = ask("Helene@Example.org")

    assert response.status_code == 302
    assert response.url == SENT
    (message,) = mailoutbox
    assert message.to == ["helene@example.org"]
    assert message.subject == "Choisir un nouveau mot de passe sur le Portail de La Roseraie"
    assert message.body.startswith("Bonjour Hélène,")
    assert f"Votre identifiant : {account.username}" in message.body
    assert "Le lien marche une seule fois, pendant 3 jours." in message.body
    assert "Vous n’avez rien demandé ? Ne faites rien" in message.body
    assert (
        LINK.search(message.body)
        .group()
        .startswith("https://portail.roseraie.example/comptes/mot-de-passe/")
    )


def test_the_email_is_in_french_even_when_asked_from_another_language(ask, account, mailoutbox):
    ask("helene@example.org", path=f"/en{FORGOTTEN}")

    assert "Pour choisir votre mot de passe, ouvrez ce lien :" in mailoutbox[0].body
    assert "/en/" not in LINK.search(mailoutbox[0].body).group()


def test_an_unknown_address_gets_the_same_answer_and_no_email(ask, account, mailoutbox):
    known = ask("helene@example.org", follow=True)
    unknown = ask("personne@example.org", follow=True)

    assert unknown.redirect_chain == known.redirect_chain == [(SENT, 302)]
    assert _page(unknown) == _page(known)
    assert [message.to for message in mailoutbox] == [["helene@example.org"]]


def test_a_deactivated_account_gets_no_link_and_its_old_link_leads_nowhere(
    ask, client, account, mailoutbox
):
    ask("helene@example.org")
    old_link = _link(mailoutbox[0])
    account.is_active = False
    account.save(update_fields=["is_active"])

    ask("helene@example.org")
    response = client.get(old_link)

    assert len(mailoutbox) == 1
    assert response.status_code == 200
    assert "Ce lien ne marche plus" in response.content.decode()


def test_the_link_lets_the_owner_choose_a_password_and_log_in_with_it(
    ask, client, account, mailoutbox
):
    ask("helene@example.org")

    response = _choose(client, _link(mailoutbox[0]))

    assert response.status_code == 302
    assert response.url == "/comptes/mot-de-passe/termine/"
    assert "Mot de passe enregistré" in client.get(response.url).content.decode()
    assert client.post(LOGIN, {"username": account.username, "password": PASSWORD}).status_code == (
        200
    )
    login = client.post(LOGIN, {"username": account.username, "password": NEW_PASSWORD})
    assert login.status_code == 302


def test_the_link_works_once(ask, client, account, mailoutbox):
    ask("helene@example.org")
    link = _link(mailoutbox[0])
    _choose(client, link)

    response = client.get(link)

    assert response.status_code == 200
    assert "Le lien a déjà servi, ou il est trop ancien." in response.content.decode()


def test_a_weak_password_is_refused_with_the_reason(ask, client, account, mailoutbox):
    ask("helene@example.org")

    response = _choose(client, _link(mailoutbox[0]), password="1234")

    assert response.status_code == 400
    assert "Le formulaire contient des erreurs" in response.content.decode()
    account.refresh_from_db()
    assert account.check_password(PASSWORD)


def test_a_new_account_that_lost_its_first_email_asks_again_here(ask, client, mailoutbox):
    newcomer = UserFactory(conseiller=True, email="nour@example.org")
    newcomer.set_unusable_password()
    newcomer.save(update_fields=["password"])

    ask("nour@example.org")
    _choose(client, _link(mailoutbox[0]))

    newcomer.refresh_from_db()
    assert newcomer.check_password(NEW_PASSWORD)


def test_choosing_a_password_ends_a_lockout(ask, client, account, mailoutbox):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": account.username, "password": "faux"})
    ask("helene@example.org")

    _choose(client, _link(mailoutbox[0]))

    login = client.post(LOGIN, {"username": account.username, "password": NEW_PASSWORD})
    assert login.status_code == 302
    chosen = AccountEvent.objects.get(kind=AccountEventKind.PASSWORD_SET)
    assert chosen.details["attempts"] >= 1


def test_the_request_and_the_new_password_are_traced_without_token_or_password(
    ask, client, account, mailoutbox
):
    ask("helene@example.org")
    link = _link(mailoutbox[0])
    _choose(client, link)

    requested, chosen = AccountEvent.objects.filter(account=account)
    assert (requested.kind, requested.actor, requested.details) == (
        AccountEventKind.RESET_REQUESTED,
        None,
        {"email": "helene@example.org"},
    )
    assert (chosen.kind, chosen.actor) == (AccountEventKind.PASSWORD_SET, account)
    stored = repr(list(AccountEvent.objects.values()))
    assert link.rstrip("/").rsplit("/", 1)[1] not in stored
    assert NEW_PASSWORD not in stored


# --- Throttling ------------------------------------------------------------------------


def test_an_address_gets_a_few_links_an_hour_then_is_asked_to_wait(
    ask, client, account, mailoutbox
):
    for _ in range(actions.RESET_REQUESTS_PER_EMAIL):
        assert ask("helene@example.org").status_code == 302

    response = ask("HELENE@example.org")

    assert response.status_code == 429
    assert "Trop de demandes de lien en peu de temps." in response.content.decode()
    assert len(mailoutbox) == actions.RESET_REQUESTS_PER_EMAIL
    # Another address from the same client is still answered.
    assert ask("autre@example.org").status_code == 302


def test_the_limit_says_nothing_of_whether_the_address_exists(ask, account):
    answers = {}
    for email in ("helene@example.org", "personne@example.org"):
        for _ in range(actions.RESET_REQUESTS_PER_EMAIL):
            ask(email)
        answers[email] = ask(email)

    known, unknown = answers.values()
    assert known.status_code == unknown.status_code == 429
    assert _page(known, "helene@example.org") == _page(unknown, "personne@example.org")


def test_a_client_asking_for_many_addresses_is_asked_to_wait(ask, account, mailoutbox):
    for index in range(actions.RESET_REQUESTS_PER_CLIENT):
        ask(f"essai{index}@example.org", REMOTE_ADDR="10.0.0.7")

    refused = ask("helene@example.org", REMOTE_ADDR="10.0.0.7")
    elsewhere = ask("helene@example.org", REMOTE_ADDR="10.0.0.8")

    assert refused.status_code == 429
    assert elsewhere.status_code == 302
    assert [message.to for message in mailoutbox] == [["helene@example.org"]]


def test_the_limits_end_after_an_hour(ask, account, mailoutbox):
    for _ in range(actions.RESET_REQUESTS_PER_EMAIL + 1):
        ask("helene@example.org")

    cache.clear()  # what an hour does to the counters (their timeout is the window)

    assert ask("helene@example.org").status_code == 302


def test_the_cache_never_holds_an_address_in_clear(ask, account):
    ask("helene@example.org")

    keys = list(cache._cache)  # the local-memory cache of the tests
    assert keys
    assert not any("helene" in key for key in keys)


def test_a_malformed_address_is_a_400_that_says_what_to_write(ask, mailoutbox):
    response = ask("pas-une-adresse")

    assert response.status_code == 400
    assert "Écrivez une adresse e-mail comme nom@exemple.fr." in response.content.decode()
    assert not mailoutbox


# --- The link leaves from the task queue -------------------------------------------------


class MailServerDown(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("the mail server is down")


def test_the_request_waits_for_no_mail_server_and_queues_no_address(
    client, account, committed, run_tasks, mailoutbox
):
    with committed():
        response = client.post(FORGOTTEN, {"email": "helene@example.org"})

    assert response.status_code == 302
    assert mailoutbox == []  # not sent in the request
    (queued,) = DBTaskResult.objects.all()
    assert "helene" not in json.dumps(queued.args_kwargs)
    run_tasks()
    assert [message.to for message in mailoutbox] == [["helene@example.org"]]


def test_a_link_asked_while_the_mail_server_is_down_leaves_once_it_is_back(
    account, ask, clock, run_tasks, mailoutbox, settings
):
    settings.EMAIL_BACKEND = f"{__name__}.MailServerDown"
    clock("2026-12-03 09:00")

    assert ask("helene@example.org").status_code == 302  # the same answer

    assert mailoutbox == []
    assert not AccountEvent.objects.filter(kind=AccountEventKind.RESET_REQUESTED).exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    clock("2026-12-03 09:05")  # the retry waits 5 minutes
    run_tasks()
    clock("2026-12-03 10:00")
    run_tasks()
    assert [message.to for message in mailoutbox] == [["helene@example.org"]]
    assert AccountEvent.objects.filter(kind=AccountEventKind.RESET_REQUESTED).count() == 1
    _choose(Client(), _link(mailoutbox[0]))
    account.refresh_from_db()
    assert account.check_password(NEW_PASSWORD)


def test_an_account_deactivated_before_its_link_left_gets_none(
    client, account, committed, run_tasks, mailoutbox
):
    with committed():
        client.post(FORGOTTEN, {"email": "helene@example.org"})
    account.is_active = False
    account.save(update_fields=["is_active"])

    run_tasks()

    assert mailoutbox == []
