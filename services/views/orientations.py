"""The orientations in the professional area: sending one, the boxes of received and
sent ones, one orientation (each reading traced) and the receiving structure's answer.

An orientation's content is shown to the sending and the receiving structures only;
anyone else gets a 404, as if it did not exist."""

import re

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from roseraie_portal import roles
from roseraie_portal.filtering import describe_errors
from roseraie_portal.roles import role_required
from services.actions import orientations as actions
from services.enums import OrientationStatus, TraceKind
from services.forms.orientations import ACCEPT, AnswerForm, OrientationForm
from services.models import Orientation, structure_id_of
from services.selectors import orientations as selectors
from services.selectors.directory import Scope

ORIENTING_ROLES = roles.ALL
ID = re.compile(r"[0-9]{1,18}")
PER_PAGE = 20


@require_http_methods(["GET", "HEAD", "POST"])
@role_required(*ORIENTING_ROLES)
def orientation_new(request):
    """Send an orientation. ``?service=<slug>`` chooses the service (from its page);
    ``?structure=<id>`` keeps to a structure's services, and ``themes`` and ``demarche``
    fill the need in (straight after logging an accompaniment re-oriented there)."""
    services = _services_offered(request)
    status = 200
    if request.method == "POST":
        form = OrientationForm(request.POST, services=services)
        if form.is_valid():
            orientation = actions.send_orientation(
                sender=request.user,
                service=form.cleaned_data["service"],
                need=form.need(),
                contact=form.contact(),
                consent_text=form.consent_text(),
            )
            messages.success(
                request,
                _("Orientation envoyée à %(structure)s : ses comptes sont prévenus par e-mail.")
                % {"structure": orientation.to_structure.name},
            )
            return redirect(orientation)
        describe_errors(form)
        status = 400
    else:
        form = OrientationForm(initial=_initial(request, services), services=services)
    context = {
        "form": form,
        "has_services": services.exists(),
        "retention_months": settings.ORIENTATION_RETENTION_MONTHS,
    }
    return render(request, "services/orientations/form.html", context, status=status)


def _services_offered(request):
    """The services a professional may orient to; a structure's, when it has some."""
    structure = request.GET.get("structure", "")
    # An id, as the log's link writes it ("²" is a digit to isdigit(), not to int(), and
    # a longer number is no id).
    if ID.fullmatch(structure):
        offered = selectors.orientable_services(int(structure))
        if offered.exists():
            return offered
    return selectors.orientable_services()


def _initial(request, services) -> dict:
    initial = {"themes": request.GET.getlist("themes"), "demarche": request.GET.get("demarche")}
    slugs = list(services.values_list("slug", flat=True))
    chosen = request.GET.get("service")
    if chosen in slugs:
        initial["service"] = chosen
    elif len(slugs) == 1:
        initial["service"] = slugs[0]
    return initial


@require_safe
@role_required(*ORIENTING_ROLES)
def orientation_list(request):
    """The received box of the account's structure, or its sent box."""
    has_structure = structure_id_of(request.user) is not None
    which = request.GET.get("boite") or (selectors.RECEIVED if has_structure else selectors.SENT)
    if which not in (selectors.RECEIVED, selectors.SENT):
        which = selectors.RECEIVED if has_structure else selectors.SENT
    # Page over ids, then load the page's rows: a deep page of a box of 20,000 reads the
    # index alone instead of fetching and joining every row it skips (see
    # benchmarks/orientations.py), as the log does (permanences/views/log.py).
    orientations = selectors.box(request.user, which)
    page = Paginator(orientations.values_list("pk", flat=True), PER_PAGE).get_page(
        request.GET.get("page")
    )
    # The page's ids stay a subquery: one query for the page, as before.
    page.object_list = list(orientations.filter(pk__in=page.object_list))
    context = {
        "page": page,
        "which": which,
        "has_structure": has_structure,
        "waiting": selectors.waiting_count(request.user),
        "territory": _territory_figures(request.user),
    }
    return render(request, "services/orientations/list.html", context)


def _territory_figures(user) -> dict | None:
    """For the coordination: this year's orientations of the whole territory, counted,
    never read (its role shows no content)."""
    if not roles.has_role(user, roles.COORDINATION):
        return None
    today = timezone.localdate()
    months = selectors.monthly_figures(
        first_day=today.replace(month=1, day=1), last_day=today, scope=Scope(everything=True)
    )
    return {
        name: sum(figures[name] for figures in months.values()) for name in selectors.FIGURE_NAMES
    } | {"year": today.year}


def _visible(request, pk) -> Orientation:
    queryset = Orientation.objects.visible_to(request.user).select_related(
        "service", "to_structure", "from_structure", "sender", "answered_by"
    )
    return get_object_or_404(queryset, pk=pk)


@require_safe
@role_required(*ORIENTING_ROLES)
def orientation_detail(request, pk):
    orientation = _visible(request, pk)
    if request.method == "GET":  # a HEAD request (a link checker) reads nothing
        actions.record_view(orientation=orientation, user=request.user)
    return _detail(request, orientation, AnswerForm())


def _detail(request, orientation, answer_form, status=200):
    structure_id = structure_id_of(request.user)
    receiving = structure_id == orientation.to_structure_id
    context = {
        "orientation": orientation,
        "can_answer": receiving and orientation.is_open,
        "can_withdraw": not receiving and orientation.is_open,
        "answer_form": answer_form,
        "traces": orientation.traces.all(),
        "trace_kinds": TraceKind,
        "statuses": OrientationStatus,
    }
    return render(request, "services/orientations/detail.html", context, status=status)


@require_POST
@role_required(*ORIENTING_ROLES)
def orientation_answer(request, pk):
    """The receiving structure accepts or declines; anyone else may not answer."""
    orientation = _visible(request, pk)
    if structure_id_of(request.user) != orientation.to_structure_id:
        raise PermissionDenied
    if not orientation.is_open:
        # Answered or withdrawn meanwhile: say so, whatever the form holds (its errors
        # would show nowhere, the page no longer offers to answer).
        return _already_closed(request, orientation)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        describe_errors(form)
        return _detail(request, orientation, form, status=400)
    data = form.cleaned_data
    try:
        if data["decision"] == ACCEPT:
            actions.accept_orientation(
                orientation=orientation,
                user=request.user,
                appointment_at=form.appointment_at,
                appointment_place=data["appointment_place"],
                appointment_bring=data["appointment_bring"],
                answer_note=data["answer_note"],
            )
            messages.success(
                request, _("Orientation acceptée : la structure qui l’a envoyée est prévenue.")
            )
        else:
            actions.decline_orientation(
                orientation=orientation,
                user=request.user,
                reason=data["decline_reason"],
                answer_note=data["answer_note"],
            )
            messages.success(
                request,
                _("Réponse envoyée : la structure qui a envoyé l’orientation est prévenue."),
            )
    except actions.OrientationClosed:
        return _already_closed(request, orientation)
    return redirect(orientation)


@require_POST
@role_required(*ORIENTING_ROLES)
def orientation_withdraw(request, pk):
    """The sending side takes back an orientation not answered yet."""
    orientation = _visible(request, pk)
    if structure_id_of(request.user) == orientation.to_structure_id:
        raise PermissionDenied
    try:
        actions.withdraw_orientation(orientation=orientation, user=request.user)
    except actions.OrientationClosed:
        return _already_closed(request, orientation)
    messages.success(request, _("Orientation retirée : la structure qui la recevait est prévenue."))
    return redirect(orientation)


def _already_closed(request, orientation):
    orientation.refresh_from_db()
    messages.error(
        request,
        _("Cette orientation a déjà reçu une réponse ou a été retirée : rien n’a été changé."),
    )
    return _detail(request, orientation, AnswerForm(), status=409)
