"""The public agenda: upcoming permanences, iCalendar feeds, the printable month."""

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby
from operator import attrgetter

from dateutil.relativedelta import relativedelta
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from permanences import ical
from permanences.forms.schedule import AgendaFilter, MonthForm
from permanences.models import Permanence
from roseraie_portal import pictograms
from roseraie_portal.filtering import applied_filters, describe_errors, query_with
from roseraie_portal.qr import qr_svg
from services.models import Lieu, Thematique

# Four weeks fill several phone screens already; the next ones are a link away.
PERIOD = timedelta(weeks=4)
# The feeds: what happened lately (to see a cancellation after the fact) and what comes.
FEED_PAST = timedelta(days=30)
FEED_AHEAD = relativedelta(months=6)
GENERIC_PICTOGRAM = "info"


def _listed():
    """Permanences of published services, in order, with what the agenda shows of each."""
    return Permanence.objects.public().for_display().order_by("date", "start_time")


@dataclass(frozen=True)
class Entry:
    """A permanence as the agenda and the programme show it."""

    permanence: Permanence
    theme: str
    pictogram: str
    legend: str


def _entry(permanence: Permanence) -> Entry:
    theme = permanence.thematique
    category = None if theme is None else (theme.parent if theme.parent_id else theme)
    if category is not None and pictograms.exists(category.pictogram):
        pictogram, legend = category.pictogram, category.display_name
    else:
        pictogram, legend = GENERIC_PICTOGRAM, _("Autres démarches")
    return Entry(permanence, ical.half_day_theme(permanence), pictogram, legend)


def _by_day(permanences) -> list[dict]:
    """[{"date": day, "entries": [Entry, …]}, …] in the order of the queryset."""
    return [
        {"date": day, "entries": [_entry(permanence) for permanence in group]}
        for day, group in groupby(permanences, key=attrgetter("date"))
    ]


def _feeds(filterset) -> dict:
    """The iCalendar feeds that match the filters: the whole agenda's, and the place's or
    the theme's when one is chosen."""
    feeds = {"all": reverse("permanences:agenda_ics"), "lieu": None, "theme": None}
    if filterset.is_valid():
        lieu = filterset.form.cleaned_data.get("lieu")
        theme = filterset.form.cleaned_data.get("theme")
        if lieu is not None:
            url = reverse("permanences:lieu_ics", kwargs={"slug": lieu.slug})
            feeds["lieu"] = {"name": lieu.name, "url": url}
        if theme is not None:
            url = reverse("permanences:theme_ics", kwargs={"code": theme.code})
            feeds["theme"] = {"name": theme.display_name, "url": url}
    return feeds


@login_not_required
@require_safe
def agenda(request):
    today = timezone.localdate()
    filterset = AgendaFilter(request.GET, queryset=_listed().still_to_come())
    status, days, next_day, applied = 200, [], None, []
    start = today
    if filterset.is_valid():
        # A bookmarked "next weeks" link may be in the past by now: start from today.
        start = max(filterset.form.cleaned_data.get("du") or today, today)
        matching = filterset.qs
        days = _by_day(matching.filter(date__lt=start + PERIOD))
        if not days:
            next_day = matching.filter(date__gte=start + PERIOD).values_list("date", flat=True)
            next_day = next_day.first()
        applied = applied_filters(request, filterset.form)
    else:
        # Keep what was chosen, say what is wrong, and answer 400 as for any bad input.
        status = 400
        describe_errors(filterset.form)
    end = start + PERIOD - timedelta(days=1)
    context = {
        "filterset": filterset,
        "applied": applied,
        "days": days,
        "count": sum(len(day["entries"]) for day in days),
        "today": today,
        "start": start,
        "end": end,
        "next_day": next_day,
        "next_day_url": query_with(request, du=next_day.isoformat()) if next_day else "",
        "previous_url": (
            query_with(request, du=max(today, start - PERIOD).isoformat()) if start > today else ""
        ),
        "next_url": query_with(request, du=(end + timedelta(days=1)).isoformat()),
        "feeds": _feeds(filterset),
        "month": start.replace(day=1),
    }
    return render(request, "permanences/agenda.html", context, status=status)


def _feed_response(request, permanences, *, name: str, filename: str) -> HttpResponse:
    today = timezone.localdate()
    first_day, last_day = today - FEED_PAST, today + FEED_AHEAD
    body = ical.build_calendar(
        permanences.filter(date__range=(first_day, last_day)),
        name=name,
        first_day=first_day,
        last_day=last_day,
        absolute_url=request.build_absolute_uri,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_not_required
@require_safe
def agenda_ics(request):
    return _feed_response(
        request,
        _listed(),
        name=_("Permanences de La Roseraie"),
        filename="permanences.ics",
    )


@login_not_required
@require_safe
def lieu_ics(request, slug):
    lieu = get_object_or_404(Lieu, slug=slug)
    return _feed_response(
        request,
        _listed().filter(lieu=lieu),
        name=_("Permanences à %(lieu)s") % {"lieu": lieu.name},
        filename=f"permanences-{lieu.slug}.ics",
    )


@login_not_required
@require_safe
def theme_ics(request, code):
    theme = get_object_or_404(Thematique, code=code)
    return _feed_response(
        request,
        _listed().about_theme(theme),
        name=_("Permanences « %(theme)s »") % {"theme": theme.display_name},
        filename=f"permanences-{theme.code}.ics",
    )


def _programme_title(month: date) -> str:
    name = date_format(month, "F Y")
    # French elides "de" before a vowel: avril, août and octobre are the months concerned.
    if month.month in (4, 8, 10):
        return _("Programme d’%(month)s") % {"month": name}
    return _("Programme de %(month)s") % {"month": name}


def _legend(entries) -> list[dict]:
    """The pictograms of the month, each once, with the theme it stands for."""
    seen = {}
    for entry in entries:
        seen.setdefault(entry.pictogram, entry.legend)
    return [{"pictogram": name, "label": label} for name, label in seen.items()]


@login_not_required
@require_safe
def print_month(request):
    form = MonthForm(request.GET)
    context = {"form": form, "month": None}
    if not form.is_valid():
        describe_errors(form)
        context["title"] = _("Programme du mois")
        return render(request, "permanences/print_month.html", context, status=400)
    month = form.cleaned_data["mois"] or timezone.localdate().replace(day=1)
    following = month + relativedelta(months=1)
    permanences = _listed().filter(date__gte=month, date__lt=following)
    days = _by_day(permanences)
    entries = [entry for day in days for entry in day["entries"]]
    lieux = {entry.permanence.lieu.pk: entry.permanence.lieu for entry in entries}
    previous = month - relativedelta(months=1)
    context |= {
        "title": _programme_title(month),
        "month": month,
        "days": days,
        "legend": _legend(entries),
        "lieux": sorted(lieux.values(), key=attrgetter("name")),
        # Months the form accepts only (2000–2100).
        "previous_url": f"?mois={previous:%Y-%m}" if previous.year >= 2000 else "",
        "previous_month": previous,
        "next_url": f"?mois={following:%Y-%m}" if following.year <= 2100 else "",
        "next_month": following,
        "agenda_absolute_url": request.build_absolute_uri(reverse("permanences:agenda")),
    }
    context["qr_svg"] = qr_svg(context["agenda_absolute_url"], title=_("Code QR vers l’agenda"))
    return render(request, "permanences/print_month.html", context)
