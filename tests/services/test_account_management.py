"""The coordination runs the accounts of conseillers and partners in the professional
area: creates them (no password: a link by e-mail), deactivates and reactivates them,
unlocks them after a lockout, sends them a link to choose a password; every change is
traced. It can never give more rights than a conseiller's or a partner's, nor act on a
superuser, a staff account, a coordinator or itself."""

import re
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from roseraie_portal import roles
from roseraie_portal.models import AccountEvent, AccountEventKind
from services.forms.accounts import AccountForm
from services.models import StructureMembership
from tests.factories import PASSWORD, UserFactory
from tests.services.factories import StructureFactory, StructureMembershipFactory
from tests.text import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

User = get_user_model()
LIST = "/espace/comptes/"
NEW = "/espace/comptes/nouveau/"
LOGIN = "/comptes/connexion/"
ACTIONS = ("desactiver", "reactiver", "debloquer", "lien-mot-de-passe")
LINK = re.compile(r"https?://\S+/comptes/mot-de-passe/[^/\s]+/[^/\s]+/")


def new_account(**overrides):
    data = {
        "username": "nour.haddad",
        "first_name": "Nour",
        "last_name": "Haddad",
        "email": "nour.haddad@example.org",
        "role": roles.CONSEILLER,
        "structure": "",
    }
    data.update(overrides)
    return data


def events(account, kind=None):
    traces = AccountEvent.objects.filter(account=account)
    return traces.filter(kind=kind) if kind else traces


@pytest.fixture
def coordination_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def conseiller_account(db):
    return UserFactory(
        conseiller=True, first_name="Hélène", last_name="Martin", email="helene@example.org"
    )


def _wrong_logins(client, username):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": username, "password": "pas le bon"})


def _choose_password(client, link, password):
    """Follow a link of an e-mail and choose ``password`` on its page."""
    response = client.get(urlsplit(link).path)
    assert response.status_code == 302  # the token leaves the address for the session
    return client.post(response.url, {"new_password1": password, "new_password2": password})


# --- Creating --------------------------------------------------------------------------


def test_coordinator_creates_a_conseiller_without_structure_who_receives_a_link(
    coordination_client, coordinator, mailoutbox
):
    response = coordination_client.post(NEW, new_account())

    account = User.objects.get(username="nour.haddad")
    assert response.status_code == 302
    assert response.url == f"/espace/comptes/{account.pk}/"
    assert roles.user_roles(account) == {roles.CONSEILLER}
    assert not (account.is_staff or account.is_superuser)
    assert not account.user_permissions.exists()
    assert not account.has_usable_password()  # no one typed a password, no one saw one
    assert not StructureMembership.objects.filter(user=account).exists()
    assert [message.to for message in mailoutbox] == [["nour.haddad@example.org"]]
    assert LINK.search(mailoutbox[0].body)
    created = events(account, AccountEventKind.CREATED).get()
    assert created.actor == coordinator
    assert created.details == {"role": roles.CONSEILLER, "structure": ""}
    assert events(account, AccountEventKind.RESET_LINK_SENT).get().actor == coordinator


def test_coordinator_creates_a_conseiller_attached_to_a_structure(coordination_client):
    structure = StructureFactory(name="Centre social Jean Vilar")

    coordination_client.post(NEW, new_account(structure=structure.slug))

    account = User.objects.get(username="nour.haddad")
    assert account.structure_membership.structure == structure
    assert events(account, AccountEventKind.CREATED).get().details == {
        "role": roles.CONSEILLER,
        "structure": "Centre social Jean Vilar",
    }


def test_coordinator_creates_a_partner_attached_to_its_structure(client, coordinator):
    caf = StructureFactory(name="CAF de Maine-et-Loire")
    client.force_login(coordinator)

    client.post(NEW, new_account(role=roles.PARTENAIRE, structure=caf.slug))

    partner = User.objects.get(username="nour.haddad")
    assert roles.user_roles(partner) == {roles.PARTENAIRE}
    assert partner.structure_membership.structure == caf
    client.force_login(partner)
    assert (
        "rattaché à la structure CAF de Maine-et-Loire" in client.get("/espace/").content.decode()
    )


def test_a_partner_without_structure_is_refused_and_nothing_is_created(
    coordination_client, mailoutbox
):
    response = coordination_client.post(NEW, new_account(role=roles.PARTENAIRE))

    assert response.status_code == 400
    assert "Choisissez la structure du partenaire" in response.content.decode()
    assert not User.objects.filter(username="nour.haddad").exists()
    assert not mailoutbox
    assert not AccountEvent.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("username", "NOUR.HADDAD"), ("email", "Nour.Haddad@Example.org")],
)
def test_a_username_or_an_address_already_taken_is_refused(coordination_client, field, value):
    UserFactory(username="nour.haddad", email="nour.haddad@example.org")

    response = coordination_client.post(NEW, new_account(**{field: value}))

    assert response.status_code == 400
    assert User.objects.count() == 2  # the coordinator and the first account


def test_the_same_form_sent_twice_at_once_creates_one_account(coordination_client, monkeypatch):
    UserFactory(username="nour.haddad")
    # The second request checked the username before the first one saved it.
    monkeypatch.setattr(AccountForm, "clean_username", lambda form: form.cleaned_data["username"])

    response = coordination_client.post(NEW, new_account())

    assert response.status_code == 400
    assert "Cet identifiant est déjà pris." in response.content.decode()
    assert User.objects.filter(username="nour.haddad").count() == 1
    assert not AccountEvent.objects.exists()


def test_the_form_offers_only_the_conseiller_and_partner_roles_and_no_rights(
    coordination_client,
):
    html = coordination_client.get(NEW).content.decode()

    offered = set(re.findall(r'name="role" value="([^"]*)"', html))
    assert offered == {roles.CONSEILLER, roles.PARTENAIRE}
    for name in ("is_staff", "is_superuser", "groups", "user_permissions", "password"):
        assert f'name="{name}' not in html


@pytest.mark.parametrize(
    "escalation",
    [
        {"role": roles.COORDINATION},
        {"role": "admin"},
        {"is_superuser": "on"},
        {"is_staff": "on"},
        {"groups": "coordination-group"},
        {"user_permissions": "1"},
    ],
    ids=str,
)
def test_a_coordinator_cannot_create_an_account_with_more_rights(
    coordination_client, escalation, mailoutbox
):
    if escalation.get("groups"):
        escalation = {"groups": str(Group.objects.get(name=roles.COORDINATION).pk)}

    response = coordination_client.post(NEW, new_account(**escalation))

    assert response.status_code == 403
    html = response.content.decode()
    assert "conseiller ou de partenaire seulement" in html
    assert "Rien n’a été changé." in html
    assert not User.objects.filter(username="nour.haddad").exists()
    assert not mailoutbox
    assert not AccountEvent.objects.exists()


def test_only_the_coordination_reaches_the_account_pages(client, conseiller, conseiller_account):
    partner = StructureMembershipFactory().user
    for visitor in (conseiller, partner):
        client.force_login(visitor)
        assert client.get(LIST).status_code == 403
        assert client.post(NEW, new_account()).status_code == 403
        for action in ACTIONS:
            url = f"/espace/comptes/{conseiller_account.pk}/{action}/"
            assert client.post(url).status_code == 403
    assert not User.objects.filter(username="nour.haddad").exists()
    conseiller_account.refresh_from_db()
    assert conseiller_account.is_active
    assert not AccountEvent.objects.exists()


# --- Accounts out of reach --------------------------------------------------------------


@pytest.fixture(params=["superuser", "coordinator", "itself", "staff"])
def protected(request, coordinator):
    """An account the coordination may not touch, and the words that say why."""
    accounts = {
        "superuser": lambda: (
            UserFactory(is_superuser=True, is_staff=True, email="admin@example.org"),
            "administrateur du portail : la coordination ne peut pas",
        ),
        "coordinator": lambda: (
            UserFactory(coordination=True, email="coord@example.org"),
            "une personne de la coordination",
        ),
        "itself": lambda: (coordinator, "votre propre compte"),
        # Staff without the coordination role: someone a superuser gave admin rights to.
        "staff": lambda: (
            UserFactory(conseiller=True, is_staff=True, email="staff@example.org"),
            "accès à l’administration",
        ),
    }
    return accounts[request.param]()


def test_a_protected_account_page_is_refused_with_the_reason(coordination_client, protected):
    account, reason = protected

    response = coordination_client.get(f"/espace/comptes/{account.pk}/")

    assert response.status_code == 403
    assert reason in page_text(response)


@pytest.mark.parametrize("action", ACTIONS)
def test_no_action_reaches_a_protected_account_and_nothing_changes(
    coordination_client, coordinator, protected, action, mailoutbox
):
    account, reason = protected
    if action == "debloquer":
        _wrong_logins(coordination_client.__class__(), account.username)
    if action == "reactiver" and account != coordinator:  # its own session would end
        User.objects.filter(pk=account.pk).update(is_active=False)
    attempts_before = AccessAttempt.objects.count()
    before = User.objects.values().get(pk=account.pk)

    response = coordination_client.post(f"/espace/comptes/{account.pk}/{action}/")

    assert response.status_code == 403
    assert reason in page_text(response)
    assert User.objects.values().get(pk=account.pk) == before
    assert AccessAttempt.objects.count() == attempts_before
    assert not mailoutbox
    assert not AccountEvent.objects.exists()


def test_protected_accounts_are_not_listed(coordination_client, coordinator, conseiller_account):
    UserFactory(is_superuser=True, is_staff=True, username="superviseur")
    UserFactory(coordination=True, username="autre-coordination")
    UserFactory(is_staff=True, username="equipe-technique")

    response = coordination_client.get(LIST)

    listed = {account.username for account in response.context["page"]}
    assert listed == {conseiller_account.username}


# --- Deactivating, reactivating ----------------------------------------------------------


def test_deactivating_closes_the_account_and_its_open_sessions(
    client, coordinator, conseiller_account
):
    their_browser = client.__class__()
    their_browser.force_login(conseiller_account)
    client.force_login(coordinator)

    response = client.post(f"/espace/comptes/{conseiller_account.pk}/desactiver/")

    assert response.status_code == 302
    conseiller_account.refresh_from_db()
    assert not conseiller_account.is_active
    assert their_browser.get("/espace/").status_code == 302  # back to the login page
    login = client.__class__().post(
        LOGIN, {"username": conseiller_account.username, "password": PASSWORD}
    )
    assert login.status_code == 200
    assert events(conseiller_account, AccountEventKind.DEACTIVATED).get().actor == coordinator
    assert "est désactivé" in client.get(response.url).content.decode()


def test_deactivating_twice_traces_it_once(coordination_client, conseiller_account):
    url = f"/espace/comptes/{conseiller_account.pk}/desactiver/"
    coordination_client.post(url)

    response = coordination_client.post(url, follow=True)

    assert "Ce compte était déjà désactivé." in response.content.decode()
    assert events(conseiller_account, AccountEventKind.DEACTIVATED).count() == 1


def test_reactivating_lets_the_account_log_in_again(client, coordinator, conseiller_account):
    client.force_login(coordinator)
    client.post(f"/espace/comptes/{conseiller_account.pk}/desactiver/")

    response = client.post(f"/espace/comptes/{conseiller_account.pk}/reactiver/")

    assert response.status_code == 302
    conseiller_account.refresh_from_db()
    assert conseiller_account.is_active
    login = client.__class__().post(
        LOGIN, {"username": conseiller_account.username, "password": PASSWORD}
    )
    assert login.status_code == 302
    assert list(events(conseiller_account).values_list("kind", flat=True)) == [
        AccountEventKind.DEACTIVATED,
        AccountEventKind.REACTIVATED,
    ]


# --- Unlocking -------------------------------------------------------------------------


def test_coordinator_unlocks_an_account_locked_out_after_failed_logins(
    client, coordinator, conseiller_account
):
    their_browser = client.__class__()
    _wrong_logins(their_browser, conseiller_account.username)
    credentials = {"username": conseiller_account.username, "password": PASSWORD}
    assert their_browser.post(LOGIN, credentials).status_code == 429
    client.force_login(coordinator)
    locked = client.get(LIST, {"etat": "bloques"})
    assert [account.pk for account in locked.context["page"]] == [conseiller_account.pk]
    page = client.get(f"/espace/comptes/{conseiller_account.pk}/").content.decode()
    assert "Bloqué après trop d’erreurs de mot de passe." in page

    response = client.post(f"/espace/comptes/{conseiller_account.pk}/debloquer/")

    assert response.status_code == 302
    assert their_browser.post(LOGIN, credentials).status_code == 302
    unlocked = events(conseiller_account, AccountEventKind.UNLOCKED).get()
    assert unlocked.actor == coordinator
    assert unlocked.details["attempts"] >= 1
    assert not client.get(LIST, {"etat": "bloques"}).context["page"].object_list


def test_unlocking_an_account_that_is_not_locked_changes_nothing(
    coordination_client, conseiller_account
):
    response = coordination_client.post(
        f"/espace/comptes/{conseiller_account.pk}/debloquer/", follow=True
    )

    assert "Ce compte n’était pas bloqué" in response.content.decode()
    assert not events(conseiller_account).exists()


# --- A link to choose a password -------------------------------------------------------


def test_the_link_sent_by_the_coordination_lets_the_owner_choose_a_password(
    client, coordinator, conseiller_account, mailoutbox
):
    client.force_login(coordinator)

    response = client.post(f"/espace/comptes/{conseiller_account.pk}/lien-mot-de-passe/")

    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [["helene@example.org"]]
    body = mailoutbox[0].body
    assert "La coordination vous envoie un lien" in body
    assert f"Votre identifiant : {conseiller_account.username}" in body
    link = LINK.search(body).group()
    owner = client.__class__()
    done = _choose_password(owner, link, "un tout nouveau mot de passe")
    assert done.status_code == 302
    login = owner.post(
        LOGIN, {"username": conseiller_account.username, "password": "un tout nouveau mot de passe"}
    )
    assert login.status_code == 302
    sent = events(conseiller_account, AccountEventKind.RESET_LINK_SENT).get()
    assert sent.actor == coordinator
    assert sent.details == {"email": "helene@example.org"}
    assert events(conseiller_account, AccountEventKind.PASSWORD_SET).get().actor == (
        conseiller_account
    )


def test_a_new_account_chooses_its_first_password_with_the_link_of_its_email(
    coordination_client, mailoutbox
):
    coordination_client.post(NEW, new_account())
    body = mailoutbox[0].body
    assert "La coordination a créé votre compte" in body
    link = LINK.search(body).group()
    assert link.startswith(settings.SITE_URL.rstrip("/") + "/comptes/mot-de-passe/")

    owner = coordination_client.__class__()
    _choose_password(owner, link, "mon premier mot de passe")

    login = owner.post(LOGIN, {"username": "nour.haddad", "password": "mon premier mot de passe"})
    assert login.status_code == 302


def test_no_trace_holds_a_password_or_a_token(coordination_client, mailoutbox):
    coordination_client.post(NEW, new_account())
    token = LINK.search(mailoutbox[0].body).group().rstrip("/").rsplit("/", 1)[1]
    owner = coordination_client.__class__()
    _choose_password(owner, LINK.search(mailoutbox[0].body).group(), "mon premier mot de passe")

    stored = repr(list(AccountEvent.objects.values()))
    assert token not in stored
    assert "mon premier mot de passe" not in stored
    assert AccountEvent.objects.count() == 3  # created, link sent, password chosen


def test_no_link_goes_to_a_deactivated_account(coordination_client, conseiller_account, mailoutbox):
    coordination_client.post(f"/espace/comptes/{conseiller_account.pk}/desactiver/")

    response = coordination_client.post(
        f"/espace/comptes/{conseiller_account.pk}/lien-mot-de-passe/", follow=True
    )

    assert "réactivez-le avant d’envoyer un lien" in response.content.decode()
    assert not mailoutbox


def test_an_account_without_address_is_told_so(coordination_client, mailoutbox):
    account = UserFactory(conseiller=True, email="")

    response = coordination_client.post(
        f"/espace/comptes/{account.pk}/lien-mot-de-passe/", follow=True
    )

    assert "Ce compte n’a pas d’adresse e-mail" in response.content.decode()
    assert not mailoutbox
    assert not events(account).exists()


# --- The list and the account's page --------------------------------------------------


def test_the_account_page_shows_what_happened_to_it(client, coordinator, mailoutbox):
    caf = StructureFactory(name="CAF de Maine-et-Loire")
    client.force_login(coordinator)
    client.post(NEW, new_account(role=roles.PARTENAIRE, structure=caf.slug))
    account = User.objects.get(username="nour.haddad")
    client.post(f"/espace/comptes/{account.pk}/desactiver/")

    html = client.get(f"/espace/comptes/{account.pk}/").content.decode()

    history = " ".join(html[html.index("Ce qui a changé sur ce compte") :].split())
    assert "Compte créé (rôle Partenaire, structure CAF de Maine-et-Loire)" in history
    assert "Lien pour choisir un mot de passe envoyé (adresse : nour.haddad@example.org)" in history
    assert "Compte désactivé" in history
    assert history.count(coordinator.username) == 3
    assert "Réactiver ce compte" in html


def test_the_list_searches_and_filters_by_role_structure_and_state(coordination_client):
    caf = StructureFactory(name="CAF de Maine-et-Loire", slug="caf")
    partner = StructureMembershipFactory(
        structure=caf, user__first_name="Karim", user__last_name="Benali"
    ).user
    attached = UserFactory(conseiller=True, first_name="Hélène", last_name="Dupré")
    StructureMembershipFactory(user=attached, structure=caf)
    inactive = UserFactory(conseiller=True, is_active=False)
    without_role = UserFactory(username="nouveau-venu")

    def listed(**query):
        response = coordination_client.get(LIST, query)
        assert response.status_code == 200
        return {account.pk for account in response.context["page"]}

    assert listed() == {partner.pk, attached.pk, inactive.pk, without_role.pk}
    assert listed(q="helene") == {attached.pk}  # without its accent
    assert listed(q="BENALI") == {partner.pk}
    assert listed(role=roles.PARTENAIRE) == {partner.pk}
    assert listed(role=roles.CONSEILLER) == {attached.pk, inactive.pk}
    assert listed(role="aucun") == {without_role.pk}
    assert listed(structure="caf") == {partner.pk, attached.pk}
    assert listed(etat="desactives") == {inactive.pk}
    assert listed(etat="actifs") == {partner.pk, attached.pk, without_role.pk}


def test_the_list_says_what_is_wrong_with_an_unknown_filter(coordination_client):
    response = coordination_client.get(LIST, {"role": roles.COORDINATION, "structure": "nulle"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Choisissez un rôle dans la liste." in html
    assert "Cette structure n’existe pas." in html


def test_the_list_is_paginated(coordination_client):
    UserFactory.create_batch(27, conseiller=True)

    first = coordination_client.get(LIST)
    second = coordination_client.get(LIST, {"page": 2})

    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 2
    assert "Page 1 sur 2" in first.content.decode()


def test_the_professional_area_of_the_coordination_links_to_the_accounts(
    client, coordinator, conseiller
):
    client.force_login(coordinator)
    assert f'href="{LIST}"' in client.get("/espace/").content.decode()

    client.force_login(conseiller)
    assert f'href="{LIST}"' not in client.get("/espace/").content.decode()


@pytest.mark.parametrize(
    "language, full_name, surname", [("en", "Name", "Last name"), ("tr", "Ad soyad", "Soyadı")]
)
def test_a_surname_and_a_full_name_are_two_words_in_other_languages(
    client, coordinator, conseiller_account, language, full_name, surname
):
    client.force_login(coordinator)

    form = client.get(f"/{language}{NEW}").content.decode()
    page = client.get(f"/{language}{LIST}{conseiller_account.pk}/").content.decode()

    assert re.search(rf'<label\s+for="id_last_name"[^>]*>\s*{surname}<', form)
    assert f"<dt>{full_name}</dt>" in page
