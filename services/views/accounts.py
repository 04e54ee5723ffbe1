"""The accounts in the professional area: the coordination runs those of conseillers and
partners (the Django admin stays the superuser's for accounts), and every account may
choose a new password by e-mail when it forgot its own.

A coordinator never reaches a superuser's, a staff account's, another coordinator's or
its own account here: a 403 that says why, whatever the URL or the form posted."""

from axes.helpers import get_client_ip_address
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import (
    INTERNAL_RESET_SESSION_TOKEN,
    PasswordResetConfirmView,
    PasswordResetView,
)
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from roseraie_portal import roles
from roseraie_portal.filtering import applied_filters, describe_errors
from roseraie_portal.notices import tell
from roseraie_portal.roles import role_required
from services.actions import accounts as actions
from services.forms.accounts import (
    AccountFilterForm,
    AccountForm,
    ForgottenPasswordForm,
    asks_for_more_rights,
)
from services.selectors import accounts as selectors

User = get_user_model()
PER_PAGE = 25


@require_safe
@role_required(roles.COORDINATION)
def account_list(request):
    """The accounts of conseillers and partners, searched and filtered."""
    form = AccountFilterForm(request.GET)
    accounts, status, applied = User.objects.none(), 200, []
    if form.is_valid():
        accounts = selectors.account_list(**form.filters())
        applied = applied_filters(request, form)
    else:
        status = 400
        describe_errors(form)
    page = Paginator(accounts, PER_PAGE).get_page(request.GET.get("page"))
    for account in page:
        account.role_labels = selectors.role_labels(account)
        account.structure = selectors.structure_of(account)
    context = {"form": form, "page": page, "applied": applied}
    return render(request, "services/accounts/list.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@role_required(roles.COORDINATION)
def account_new(request):
    status = 200
    if request.method == "POST":
        if asks_for_more_rights(request.POST):
            return _refused(
                request,
                gettext(
                    "La coordination crée des comptes de conseiller ou de partenaire seulement : "
                    "jamais de compte d’administration ni de coordination."
                ),
            )
        form = AccountForm(request.POST)
        if form.is_valid():
            try:
                account, notices = actions.create_account(actor=request.user, **form.account())
            except actions.AccountRefused as refused:
                return _refused(request, refused.message)
            except IntegrityError:  # the same form sent twice at once: the first one won
                form.add_error("username", form.fields["username"].error_messages["taken"])
            else:
                tell(request, notices)
                return redirect("services:account", pk=account.pk)
        describe_errors(form)
        status = 400
    else:
        form = AccountForm()
    return render(request, "services/accounts/form.html", {"form": form}, status=status)


@require_safe
@role_required(roles.COORDINATION)
def account_detail(request, pk):
    account = get_object_or_404(selectors.account(pk))
    reason = selectors.refusal(request.user, account)
    if reason:
        return _refused(request, reason)
    context = {
        "account": account,
        "structure": selectors.structure_of(account),
        "role_labels": [selectors.role_label(name) for name in sorted(roles.user_roles(account))],
        "events": selectors.history(account),
    }
    return render(request, "services/accounts/detail.html", context)


def _act(request, pk, action):
    """Run ``action`` on the account, then back to its page with what it did."""
    account = get_object_or_404(User, pk=pk)
    try:
        notices = action(actor=request.user, account=account)
    except actions.AccountRefused as refused:
        return _refused(request, refused.message)
    tell(request, notices)
    return redirect("services:account", pk=account.pk)


@require_POST
@role_required(roles.COORDINATION)
def account_deactivate(request, pk):
    return _act(request, pk, actions.deactivate_account)


@require_POST
@role_required(roles.COORDINATION)
def account_reactivate(request, pk):
    return _act(request, pk, actions.reactivate_account)


@require_POST
@role_required(roles.COORDINATION)
def account_unlock(request, pk):
    return _act(request, pk, actions.unlock_account)


@require_POST
@role_required(roles.COORDINATION)
def account_send_link(request, pk):
    return _act(request, pk, actions.send_password_link)


def _refused(request, reason: str):
    return render(request, "services/accounts/refused.html", {"reason": reason}, status=403)


# --- Forgotten password: Django's views, our words, throttled ---------------------------


@method_decorator(login_not_required, name="dispatch")
class ForgottenPasswordView(PasswordResetView):
    """The same page follows whether an account has the address or not; too many
    requests in an hour, for one address or from one client, get a 429 instead."""

    form_class = ForgottenPasswordForm
    success_url = reverse_lazy("services:password_reset_done")

    def form_valid(self, form):
        sent = actions.request_password_reset(
            email=form.cleaned_data["email"], client_ip=get_client_ip_address(self.request)
        )
        if not sent:
            form.add_error(
                None,
                ValidationError(
                    gettext(
                        "Trop de demandes de lien en peu de temps. Attendez une heure, puis "
                        "réessayez, ou demandez à la coordination."
                    ),
                    code="throttled",
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return HttpResponseRedirect(self.get_success_url())

    def form_invalid(self, form):
        describe_errors(form)
        return self.render_to_response(self.get_context_data(form=form), status=400)


@method_decorator(login_not_required, name="dispatch")
class ChoosePasswordView(PasswordResetConfirmView):
    """The page of the link: Django's token check (the token moves out of the address
    into the session before the form shows), then the new password, traced."""

    success_url = reverse_lazy("services:password_reset_complete")

    def get_user(self, uidb64):
        # A deactivated account's link leads nowhere, whatever was sent before.
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form):
        actions.set_password_with_link(
            account=self.user, password=form.cleaned_data["new_password1"]
        )
        del self.request.session[INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())

    def form_invalid(self, form):
        describe_errors(form)
        return self.render_to_response(self.get_context_data(form=form), status=400)
