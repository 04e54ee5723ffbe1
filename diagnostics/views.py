"""The diagnostics (public when published, drafts for professionals) and the annual
bilans (partners: their structure's; coordination: all, or one structure)."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from diagnostics import bilans, charts, exports, indicators, selectors
from diagnostics.forms import BilanScopeForm
from diagnostics.models import Diagnostic
from roseraie_portal import roles
from roseraie_portal.csv_files import download
from roseraie_portal.filtering import describe_errors
from roseraie_portal.roles import role_required
from services.models import Structure
from services.selectors import Scope, scope_of

BILAN_ROLES = (roles.PARTENAIRE, roles.COORDINATION)


@login_not_required
@require_safe
def diagnostic_list(request):
    diagnostics = Diagnostic.objects.visible_to(request.user).select_related("quartier")
    return render(request, "diagnostics/list.html", {"diagnostics": diagnostics})


@login_not_required
@require_safe
def diagnostic_detail(request, slug):
    diagnostic = selectors.diagnostic_for_page(Diagnostic.objects.visible_to(request.user), slug)
    if diagnostic is None:
        raise Http404(_("Ce diagnostic n’existe pas, ou il n’est pas encore publié."))
    period = indicators.last_full_months()
    demand = indicators.demand(diagnostic.quartier, period)
    context = {
        "diagnostic": diagnostic,
        "swot": selectors.swot(diagnostic),
        "objectives": selectors.objectives(diagnostic),
        "period": period,
        "offer": indicators.offer(diagnostic.quartier),
        "occupation": indicators.occupation(diagnostic.quartier, period),
        "occupation_aim": indicators.OCCUPATION_AIM,
        "demand": demand,
        "charts": charts.for_demand(demand, rtl=get_language_bidi()),
        "budget": selectors.common_budget(diagnostic),
    }
    return render(request, "diagnostics/detail.html", context)


@dataclass
class _Choice:
    """Whose figures a bilan shows: a scope, its name, and a word for file names."""

    form: BilanScopeForm
    scope: Scope | None = None
    label: str = ""
    slug: str = ""

    @property
    def choosable(self) -> bool:
        """Whether the chooser shows: the account may choose among several structures,
        or its choice is wrong and the chooser says why."""
        return len(self.form.fields["structure"].choices) > 2 or bool(self.form.errors)


def _choice(request) -> _Choice:
    """The scope asked for with ``?structure=<slug>``, within the account's own: a
    partner asking for any other structure (one that does not exist too) gets a 403; a
    coordinator naming a structure that does not exist gets the form's message."""
    own = scope_of(request.user)
    if own.everything:
        structures = Structure.objects.order_by("name")
        all_label = _("Toutes les structures")
    else:
        structures = Structure.objects.filter(pk__in=own.structure_ids).order_by("name")
        all_label = _("Toutes mes structures")
    form = BilanScopeForm(request.GET, structures=structures, all_label=all_label)
    if not form.is_valid():
        if not own.everything:
            raise PermissionDenied
        describe_errors(form)
        return _Choice(form)
    structure = form.cleaned_data["structure"]
    if structure is not None:
        return _Choice(
            form, Scope(structure_ids=frozenset({structure.pk})), structure.name, structure.slug
        )
    if own.everything:
        return _Choice(form, own, all_label, "toutes-structures")
    names = list(structures.values_list("name", "slug"))
    if len(names) == 1:
        return _Choice(form, own, names[0][0], names[0][1])
    return _Choice(form, own, ", ".join(name for name, _slug in names) or all_label, "structures")


def _checked_year(year: int) -> int:
    if not bilans.FIRST_YEAR <= year <= timezone.localdate().year:
        raise Http404(_("Il n’y a pas de bilan pour cette année."))
    return year


def _unknown_structure(request, year, choice):
    """A coordinator named a structure that does not exist, on the page or a download:
    the bilan's page with the chooser and its message."""
    context = {"year": year, "choice": choice, "query": ""}
    return render(request, "diagnostics/bilan.html", context, status=400)


@require_safe
@role_required(*BILAN_ROLES)
def bilan_years(request):
    choice = _choice(request)
    years = bilans.years_with_data(choice.scope) if choice.scope is not None else []
    status = 200 if choice.scope is not None else 400
    context = {"years": years, "choice": choice, "query": request.GET.urlencode()}
    return render(request, "diagnostics/bilan_years.html", context, status=status)


@require_safe
@role_required(*BILAN_ROLES)
def bilan(request, year):
    _checked_year(year)
    choice = _choice(request)
    if choice.scope is None:
        return _unknown_structure(request, year, choice)
    context = {"year": year, "choice": choice, "query": request.GET.urlencode()}
    bilan = bilans.build(year=year, scope=choice.scope, scope_label=choice.label)
    charts.for_bilan(bilan, rtl=get_language_bidi())
    context.update(bilan=bilan, months=charts.month_names())
    return render(request, "diagnostics/bilan.html", context)


@require_safe
@role_required(*BILAN_ROLES)
def bilan_csv(request, year):
    _checked_year(year)
    choice = _choice(request)
    if choice.scope is None:
        return _unknown_structure(request, year, choice)
    bilan = bilans.build(year=year, scope=choice.scope, scope_label=choice.label)
    return download(f"bilan-{year}-{choice.slug}.csv", exports.stream_bilan(bilan))


@require_safe
@role_required(*BILAN_ROLES)
def accompagnements_csv(request, year):
    _checked_year(year)
    choice = _choice(request)
    if choice.scope is None:
        return _unknown_structure(request, year, choice)
    return download(
        f"accompagnements-{year}-{choice.slug}.csv",
        exports.stream_raw(year=year, scope=choice.scope),
    )
