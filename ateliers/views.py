"""The ateliers' pages: the list and one atelier with its registration form (residents,
no account), a registration's own page (its secret link), the professionals' list,
their registering on a resident's behalf, and attendance."""

from dateutil.relativedelta import relativedelta
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ateliers import actions, selectors
from ateliers.enums import InscriptionStatus
from ateliers.forms import AtelierFilterForm, AttendanceForm, RegistrationForm
from ateliers.models import Atelier, Inscription
from roseraie_portal import ical, roles
from roseraie_portal.filtering import applied_filters, describe_errors
from roseraie_portal.roles import role_required
from services.models import Lieu

# Ten cards fill several phone screens already; a shorter page also loads faster on a
# weak network, as the directory's.
ATELIERS_PER_PAGE = 10
# A professional's table, on a desk computer, holds more.
ROWS_PER_PAGE = 20


def _filtered(form, ateliers):
    data = form.cleaned_data
    if data.get("theme"):
        theme = data["theme"]
        ateliers = ateliers.filter(Q(thematique=theme) | Q(thematique__parent=theme))
    if data.get("lieu"):
        ateliers = ateliers.filter(lieu=data["lieu"])
    if data.get("quartier"):
        ateliers = ateliers.filter(lieu__quartier=data["quartier"])
    if data.get("mois"):
        month = data["mois"]
        ateliers = ateliers.filter(date__gte=month, date__lt=month + relativedelta(months=1))
    if data.get("places"):
        ateliers = ateliers.with_places_left().filter(registration_required=True, places_left__gt=0)
    return ateliers


def _places_with_ateliers():
    upcoming = Atelier.objects.filter(date__gte=timezone.localdate()).values("lieu_id")
    return Lieu.objects.filter(pk__in=upcoming).values_list("slug", "name")


@login_not_required
@require_safe
def atelier_list(request):
    form = AtelierFilterForm(request.GET, lieux=_places_with_ateliers())
    ateliers, status, applied = Atelier.objects.none(), 200, []
    if form.is_valid():
        ateliers = _filtered(form, Atelier.objects.still_to_come())
        applied = applied_filters(request, form)
    else:
        status = 400
        describe_errors(form)
    # Page over ids, then read the page's cards: the count and a deep page's offset never
    # compute what a card shows for the sessions of other pages.
    ids = ateliers.values_list("pk", flat=True)
    page = Paginator(ids, ATELIERS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = selectors.cards(page.object_list)
    context = {"form": form, "page": page, "applied": applied}
    return render(request, "ateliers/list.html", context, status=status)


def _atelier(pk) -> Atelier:
    return get_object_or_404(Atelier.objects.for_display().with_counts(), pk=pk)


def _detail(request, atelier, form, *, status=200, action_url=None):
    context = {
        "atelier": atelier,
        "form": form,
        "refusal": selectors.registration_refusal(atelier),
        "action_url": action_url or atelier.get_absolute_url(),
    }
    return render(request, "ateliers/detail.html", context, status=status)


def _register(request, atelier, *, registered_by=None, success_url=None):
    """Bind the form, call the action, and answer: the registration's page, or the form
    again with what was typed and the reason, with the right status."""
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        describe_errors(form)
        return None, form, 400
    try:
        inscription = actions.register_to_atelier(
            atelier=atelier, registered_by=registered_by, **form.registration()
        )
    except selectors.RegistrationRefused as refusal:
        form.add_error(None, str(refusal))
        status = 409 if refusal.code in ("already_registered", "started", "cancelled") else 400
        return None, form, status
    return inscription, form, 200


@login_not_required
@require_http_methods(["GET", "HEAD", "POST"])
def atelier_detail(request, pk):
    atelier = _atelier(pk)
    if request.method != "POST":
        return _detail(request, atelier, RegistrationForm())
    inscription, form, status = _register(request, atelier)
    if inscription is None:
        return _detail(request, _atelier(pk), form, status=status)
    return redirect(inscription.get_absolute_url())


@login_not_required
@require_POST
def register(request, pk):
    """The form may post here too (PRODUCT.md's URL contract)."""
    return atelier_detail(request, pk)


@login_not_required
@require_safe
def inscription_page(request, token):
    inscription = get_object_or_404(
        Inscription.objects.select_related("atelier__lieu__quartier", "atelier__structure"),
        token=token,
    )
    if inscription.erased_at is not None:
        raise PermissionDenied  # erased: the link no longer opens anything
    waiting_rank = None
    if inscription.status == InscriptionStatus.WAITING:
        waiting_rank = (
            inscription.atelier.inscriptions.waiting_in_order()
            .filter(created_at__lte=inscription.created_at)
            .count()
        )
    context = {"inscription": inscription, "atelier": inscription.atelier, "rank": waiting_rank}
    return render(request, "ateliers/inscription.html", context)


@login_not_required
@require_POST
def inscription_cancel(request, token):
    inscription = get_object_or_404(Inscription, token=token, erased_at__isnull=True)
    if inscription.status != InscriptionStatus.CANCELLED:
        actions.cancel_inscription(inscription=inscription)
        messages.success(request, _("Votre inscription est annulée. Merci de nous avoir prévenus."))
    return redirect(inscription.get_absolute_url())


@login_not_required
@require_safe
def ateliers_ics(request):
    return ical.feed_response(
        name=_("Ateliers de La Roseraie"), filename="ateliers.ics", kinds=("atelier",)
    )


@login_not_required
@require_safe
def atelier_ics(request, pk):
    atelier = get_object_or_404(Atelier.objects.for_display(), pk=pk)
    return ical.calendar_response(
        [selectors.agenda_item(atelier)], name=atelier.title, filename=f"atelier-{atelier.pk}.ics"
    )


# --- For professionals -----------------------------------------------------------------


@require_safe
@role_required(*roles.ALL)
def espace_list(request):
    """The sessions this account works with, recent and upcoming, with their places and
    waiting list."""
    page = Paginator(selectors.ateliers_of(request.user), ROWS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    for atelier in page:
        atelier.attendance_allowed = selectors.may_mark_attendance(request.user, atelier)
    context = {"page": page, "today": timezone.localdate()}
    return render(request, "ateliers/espace_list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@role_required(*roles.ALL)
def espace_register(request, pk):
    """A professional registers a resident, who is there or on the phone."""
    atelier = _atelier(pk)
    if not selectors.ateliers_of(request.user).filter(pk=pk).exists():
        raise PermissionDenied
    if request.method != "POST":
        return _detail(request, atelier, RegistrationForm(), action_url=request.path)
    inscription, form, status = _register(request, atelier, registered_by=request.user)
    if inscription is None:
        return _detail(request, _atelier(pk), form, status=status, action_url=request.path)
    if inscription.status == InscriptionStatus.WAITING:
        messages.warning(
            request, _("L’atelier est complet : la personne est sur la liste d’attente.")
        )
    else:
        messages.success(request, _("La personne est inscrite."))
    return redirect("ateliers:espace_list")


@require_http_methods(["GET", "HEAD", "POST"])
@role_required(*roles.ALL)
def attendance(request, pk):
    """One screen, on a phone: who came, and how many came without registering."""
    atelier = _atelier(pk)
    if not selectors.may_mark_attendance(request.user, atelier):
        raise PermissionDenied
    registered = atelier.inscriptions.filter(status=InscriptionStatus.CONFIRMED)
    status = 200
    if request.method == "POST":
        form = AttendanceForm(request.POST, inscriptions=registered)
        if form.is_valid():
            actions.mark_attendance(
                atelier=atelier,
                attendance=form.attendance(),
                walk_ins=form.cleaned_data["walk_ins"],
            )
            messages.success(request, _("Présences enregistrées."))
            return redirect("ateliers:attendance", pk=atelier.pk)
        describe_errors(form)
        status = 400
    else:
        form = AttendanceForm(initial={"walk_ins": atelier.walk_ins}, inscriptions=registered)
    context = {"atelier": atelier, "form": form}
    return render(request, "ateliers/attendance.html", context, status=status)
