"""The log of accompanied procedures (the conseillers' compte rendu d'activité)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from permanences.actions.log import EntryLocked, record_accompagnement, update_accompagnement
from permanences.enums import Resultat
from permanences.forms.log import AccompagnementForm
from permanences.models import EDIT_WINDOW, Accompagnement
from permanences.selectors.log import initial_for_entry, initial_for_new_entry
from roseraie_portal import roles
from roseraie_portal.roles import role_required
from services.selectors.orientations import orientable_services

LOGGING_ROLES = (roles.CONSEILLER, roles.COORDINATION)
ENTRIES_PER_PAGE = 25


@require_safe
@role_required(*roles.ALL)
def accompagnement_list(request):
    """The entries this account may see, newest first, with the monthly totals."""
    user = request.user
    now = timezone.now()
    visible = Accompagnement.objects.visible_to(user)
    # Page over ids, then load the page's rows: a deep page of 20,000 entries reads the
    # index alone instead of fetching, joining and sorting every row (see
    # benchmarks/accompaniments.py). "-pk" keeps paging stable between equal dates.
    ordered = visible.order_by("-date", "-created_at", "-pk")
    page = Paginator(ordered.values_list("pk", flat=True), ENTRIES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    page.object_list = list(
        # The page's ids stay a subquery: one query for the page, as before.
        ordered.select_related("lieu", "reoriente_vers").filter(pk__in=page.object_list)
    )
    for entry in page:
        entry.own = entry.conseiller_id == user.pk
        entry.editable = entry.is_editable_by(user, now)
    context = {
        "page": page,
        "scope": _scope(user),
        "edit_days": EDIT_WINDOW.days,
        "monthly_totals": visible.monthly_totals(today=timezone.localdate(now)),
    }
    return render(request, "permanences/accompagnement_list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@role_required(*LOGGING_ROLES)
def accompagnement_new(request):
    status = 200
    if request.method == "POST":
        form = AccompagnementForm(request.POST)
        if form.is_valid():
            entry = record_accompagnement(conseiller=request.user, fields=form.entry_fields())
            messages.success(request, _saved_message(entry))
            return redirect("permanences:accompagnement_new")
        status = 400
    else:
        form = AccompagnementForm(initial=initial_for_new_entry(conseiller=request.user))
    context = {"form": form, "entry": None}
    return render(request, "permanences/accompagnement_form.html", context, status=status)


def _saved_message(entry: Accompagnement) -> str:
    """ "Enregistré", and for a re-oriented person whose structure takes orientations
    through the portal, the link that sends one, the need already filled in."""
    if entry.resultat != Resultat.REORIENTEE:
        return _("Enregistré")
    if not orientable_services(entry.reoriente_vers_id).exists():
        return _("Enregistré")
    query = urlencode(
        {"structure": entry.reoriente_vers_id, "themes": entry.themes, "demarche": entry.demarche},
        doseq=True,
    )
    return format_html(
        '{} <a href="{}?{}">{}</a>',
        _("Enregistré."),
        reverse("services:orientation_new"),
        query,
        _("Envoyer l’orientation à %(structure)s, pour que rien ne se perde")
        % {"structure": entry.reoriente_vers.name},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@role_required(*LOGGING_ROLES)
def accompagnement_edit(request, pk):
    """Its author corrects an entry for EDIT_WINDOW; anyone else's entry does not exist."""
    entry = get_object_or_404(Accompagnement, pk=pk, conseiller=request.user)
    if not entry.is_editable_by(request.user):
        return _locked(request, entry)
    status = 200
    if request.method == "POST":
        form = AccompagnementForm(request.POST, entry=entry)
        if form.is_valid():
            try:
                update_accompagnement(accompagnement=entry, fields=form.entry_fields())
            except EntryLocked:
                return _locked(request, entry)
            messages.success(request, _("Fiche corrigée"))
            return redirect("permanences:accompagnement_list")
        status = 400
    else:
        form = AccompagnementForm(initial=initial_for_entry(entry), entry=entry)
    context = {"form": form, "entry": entry}
    return render(request, "permanences/accompagnement_form.html", context, status=status)


def _locked(request, entry):
    context = {"entry": entry, "days": EDIT_WINDOW.days}
    return render(request, "permanences/log/locked.html", context, status=403)


def _scope(user) -> str:
    """Whose entries the list shows, to name it."""
    if roles.has_role(user, roles.COORDINATION):
        return "all"
    is_partner = roles.has_role(user, roles.PARTENAIRE)
    if is_partner and roles.has_role(user, roles.CONSEILLER):
        return "own_and_structure"
    return "structure" if is_partner else "own"
