import json

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from roseraie_portal import roles
from roseraie_portal.content_language import shown
from roseraie_portal.filtering import applied_filters, describe_errors
from roseraie_portal.holidays import is_public_holiday
from roseraie_portal.notifications import absolute_url
from roseraie_portal.qr import qr_svg
from roseraie_portal.roles import role_required
from services import actions, opening_hours
from services.enums import StructureKind
from services.filters import ServiceFilter
from services.models import Lieu, OpeningHours, Service, Structure
from services.panels import SERVICE_PAGE
from services.search import analyse, ranked_page

# Ten cards fill several phone screens already; a shorter page also loads faster on a
# weak network (the page-weight target of the directory issue).
RESULTS_PER_PAGE = 10


GENERAL_HELP_KINDS = (StructureKind.FRANCE_SERVICES, StructureKind.MAIRIE)
GENERAL_HELP_COUNT = 3


def _general_help_services():
    """Where to go when nothing matches: the France Services and the Relais-Mairie, the
    first three by kind then name. Taken as the first three names of each kind, which the
    index on published names reads in order, rather than by sorting every service of
    both kinds (a scan of the whole directory)."""
    published = Service.objects.published()
    firsts = [
        published.filter(structure__kind=kind).order_by("name").values("pk")[:GENERAL_HELP_COUNT]
        for kind in GENERAL_HELP_KINDS
    ]
    return (
        published.filter(pk__in=firsts[0].union(*firsts[1:], all=True))
        .for_cards()
        .order_by("structure__kind", "name")[:GENERAL_HELP_COUNT]
    )


def _page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


class _CountedPaginator(Paginator):
    """The paginator of one page of results whose total is already known (a window count
    of the page's own query): no second scan of the matches for a COUNT."""

    def __init__(self, page_items, count):
        super().__init__(page_items, RESULTS_PER_PAGE)
        self._count = count

    @cached_property
    def count(self):
        return self._count


def _search_page(queryset, terms, number):
    """A page of search results and the number of strong matches: the page's ids with
    the counts, then the page's cards. Out of range, the last page, as ``get_page``
    does."""
    ranked = ranked_page(queryset, terms, (number - 1) * RESULTS_PER_PAGE, RESULTS_PER_PAGE)
    if not ranked.rows and number > 1:
        last = Paginator(range(ranked.total), RESULTS_PER_PAGE).num_pages
        return _search_page(queryset, terms, last)
    cards = Service.objects.for_cards().in_bulk([pk for pk, _strong in ranked.rows])
    services = []
    for pk, strong in ranked.rows:
        cards[pk].strong = strong
        services.append(cards[pk])
    return Page(services, number, _CountedPaginator(services, ranked.total)), ranked.strong_total


@login_not_required
@require_safe
def directory(request):
    filterset = ServiceFilter(request.GET, queryset=Service.objects.published())
    q = request.GET.get("q", "").strip()
    status = 200
    terms = None
    strong_count = None
    if filterset.is_valid():
        applied = applied_filters(request, filterset.form)
        if q:
            terms = analyse(q, get_language())
            page, strong_count = _search_page(
                filterset.qs, terms, _page_number(request.GET.get("page"))
            )
        else:
            services = filterset.qs.order_by("name").for_cards()
            page = Paginator(services, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    else:
        # Keep what was typed, say what is wrong, and answer 400 as for any bad input.
        status, applied = 400, []
        describe_errors(filterset.form)
        page = Paginator(Service.objects.none(), RESULTS_PER_PAGE).get_page(1)
    # Without words every service is listed as one group; with words, the strong matches
    # come first and the partial ones under their own heading, where they start.
    services = list(page.object_list)
    strong = services if strong_count is None else [s for s in services if s.strong]
    context = {
        "filterset": filterset,
        "q": q,
        "terms": terms,
        "page": page,
        "strong_count": strong_count,
        "strong_results": strong,
        "partial_results": services[len(strong) :],
        "partial_start": page.start_index() + len(strong),
        "partial_count": page.paginator.count - (strong_count or 0),
        "applied": applied,
        "general_help": _general_help_services() if not page.paginator.count else [],
    }
    return render(request, "services/directory.html", context, status=status)


def _service_queryset():
    return (
        Service.objects.published()
        .select_related("structure")
        .prefetch_related(
            "thematiques",
            "opening_hours",
            Prefetch(
                "lieux",
                queryset=Lieu.objects.select_related("quartier").prefetch_related(
                    Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday"))
                ),
            ),
        )
    )


def _service_context(request, service):
    own_hours = list(service.opening_hours.all())
    lieux = [
        {
            "lieu": lieu,
            "hours": opening_hours.describe(own_hours or lieu.opening_hours.all()),
            "open_now": opening_hours.is_open(own_hours or lieu.opening_hours.all()),
        }
        for lieu in service.lieux.all()
    ]
    return {
        "service": service,
        "lieux": lieux,
        "own_hours": opening_hours.describe(own_hours),
        "open_now": any(entry["open_now"] for entry in lieux) or opening_hours.is_open(own_hours),
        "holiday_today": is_public_holiday(timezone.localdate()),
        "is_professional": roles.has_role(request.user, *roles.ALL),
        "qr_svg": qr_svg(
            absolute_url(service.get_absolute_url()),
            title=_("Code QR vers cette page"),
        ),
    }


def _json_ld(service, lieux) -> str:
    """schema.org structured data, for search engines."""
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": service.name,
        "description": service.description,
        "url": absolute_url(service.get_absolute_url()),
        "provider": {
            "@type": "Organization",
            "name": service.structure.name,
            **({"telephone": service.structure.phone} if service.structure.phone else {}),
            **({"url": service.structure.website} if service.structure.website else {}),
        },
        "isAccessibleForFree": service.is_free,
        "availableChannel": [
            {
                "@type": "ServiceChannel",
                "serviceLocation": {
                    "@type": "Place",
                    "name": entry["lieu"].name,
                    "address": {
                        "@type": "PostalAddress",
                        "streetAddress": entry["lieu"].address,
                        "postalCode": entry["lieu"].postcode,
                        "addressLocality": entry["lieu"].commune,
                        "addressCountry": "FR",
                    },
                    **(
                        {
                            "geo": {
                                "@type": "GeoCoordinates",
                                "latitude": entry["lieu"].latitude,
                                "longitude": entry["lieu"].longitude,
                            }
                        }
                        if entry["lieu"].latitude is not None
                        else {}
                    ),
                },
            }
            for entry in lieux
        ],
    }
    text = json.dumps(data, ensure_ascii=False)
    # Inside <script>, "</" or "<!--" would end the element: escape as JSON does.
    escaped = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(escaped)


@login_not_required
@require_safe
def detail(request, slug):
    service = get_object_or_404(_service_queryset(), slug=slug)
    context = _service_context(request, service)
    context["json_ld"] = _json_ld(service, context["lieux"])
    context["falc_url"] = service.get_falc_url()
    context["panels"] = SERVICE_PAGE.collect(request=request, service=service)
    return render(request, "services/detail.html", context)


@login_not_required
@require_safe
def facile(request, slug):
    service = get_object_or_404(_service_queryset(), slug=slug)
    context = _service_context(request, service)
    # In the reader's language when translated, else the French, marked by the template.
    context["falc"] = falc = shown(service, "falc_text")
    context["falc_lines"] = [line.strip() for line in falc.text.splitlines() if line.strip()]
    return render(request, "services/facile.html", context)


@login_not_required
@require_safe
def structure(request, slug):
    partner = get_object_or_404(Structure, slug=slug)
    services = partner.services.published().for_cards().order_by("name")
    return render(request, "services/structure.html", {"structure": partner, "services": services})


@require_safe
@role_required(roles.COORDINATION)
def stale(request):
    """Services not verified for 12 months, for coordinators, oldest first."""
    services = Service.objects.stale().select_related("structure").order_by("verifie_le", "name")
    return render(request, "services/stale.html", {"services": services})


@require_POST
@role_required(roles.COORDINATION)
def mark_verified(request, pk):
    service = get_object_or_404(Service, pk=pk)
    actions.mark_verified(services=Service.objects.filter(pk=service.pk))
    messages.success(request, _("« %(name)s » est marqué comme vérifié.") % {"name": service.name})
    return redirect("services:stale")
