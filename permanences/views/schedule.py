"""The public agenda: what is scheduled (by every app that registered an agenda source:
see roseraie_portal/agenda.py), its iCalendar feeds, the printable month."""

from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from permanences.forms.schedule import AgendaFilterForm, MonthForm
from permanences.selectors.print_month import month_calendar
from roseraie_portal import agenda, ical
from roseraie_portal.agenda import AgendaQuery
from roseraie_portal.filtering import applied_filters, describe_errors, query_with
from roseraie_portal.notifications import absolute_url
from roseraie_portal.qr import qr_svg
from services.models import Lieu, Thematique

# Four weeks fill several phone screens already; the next ones are a link away.
PERIOD = timedelta(weeks=4)


def _feeds(form) -> dict:
    """The iCalendar feeds that match the filters: the whole agenda's, and the place's or
    the theme's when one is chosen."""
    feeds = {"all": reverse("permanences:agenda_ics"), "lieu": None, "theme": None}
    if form.is_valid():
        lieu = form.cleaned_data.get("lieu")
        theme = form.cleaned_data.get("theme")
        if lieu is not None:
            url = reverse("permanences:lieu_ics", kwargs={"slug": lieu.slug})
            feeds["lieu"] = {"name": lieu.name, "url": url}
        if theme is not None:
            url = reverse("permanences:theme_ics", kwargs={"code": theme.code})
            feeds["theme"] = {"name": theme.display_name, "url": url}
    return feeds


@login_not_required
@require_safe
def agenda_page(request):
    now = timezone.now()
    today = timezone.localdate(now)
    form = AgendaFilterForm(request.GET)
    status, days, next_day, applied = 200, [], None, []
    start = today
    if form.is_valid():
        # A bookmarked "next weeks" link may be in the past by now: start from today.
        start = max(form.cleaned_data.get("du") or today, today)
        filters = {name: form.cleaned_data.get(name) for name in ("theme", "lieu", "quartier")}
        kind = form.cleaned_data.get("quoi")
        filters["kinds"] = (kind,) if kind else None
        query = AgendaQuery(
            first_day=start,
            last_day=start + PERIOD - timedelta(days=1),
            still_to_come_at=now,
            **filters,
        )
        days = agenda.by_day(agenda.items(query))
        if not days:
            after = replace(query, first_day=start + PERIOD, last_day=None)
            next_day = agenda.first_day(after)
        applied = applied_filters(request, form)
    else:
        # Keep what was chosen, say what is wrong, and answer 400 as for any bad input.
        status = 400
        describe_errors(form)
    end = start + PERIOD - timedelta(days=1)
    context = {
        "form": form,
        "applied": applied,
        "days": days,
        "count": sum(len(day["items"]) for day in days),
        "today": today,
        "start": start,
        "end": end,
        "next_day": next_day,
        "next_day_url": query_with(request, du=next_day.isoformat()) if next_day else "",
        "previous_url": (
            query_with(request, du=max(today, start - PERIOD).isoformat()) if start > today else ""
        ),
        "next_url": query_with(request, du=(end + timedelta(days=1)).isoformat()),
        "feeds": _feeds(form),
        "month": start.replace(day=1),
    }
    return render(request, "permanences/agenda.html", context, status=status)


@login_not_required
@require_safe
def agenda_ics(request):
    return ical.feed_response(name=_("Agenda de La Roseraie"), filename="agenda.ics")


@login_not_required
@require_safe
def lieu_ics(request, slug):
    lieu = get_object_or_404(Lieu, slug=slug)
    return ical.feed_response(
        name=_("Agenda : %(lieu)s") % {"lieu": lieu.name},
        filename=f"agenda-{lieu.slug}.ics",
        lieu=lieu,
    )


@login_not_required
@require_safe
def theme_ics(request, code):
    theme = get_object_or_404(Thematique, code=code)
    return ical.feed_response(
        name=_("Agenda « %(theme)s »") % {"theme": theme.display_name},
        filename=f"agenda-{theme.code}.ics",
        theme=theme,
    )


def _programme_title(month: date) -> str:
    name = date_format(month, "F Y")
    # French elides "de" before a vowel: avril, août and octobre are the months concerned.
    if month.month in (4, 8, 10):
        return _("Programme d’%(month)s") % {"month": name}
    return _("Programme de %(month)s") % {"month": name}


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
    calendar = month_calendar(month)
    previous, following = month - relativedelta(months=1), month + relativedelta(months=1)
    first_month, last_month = MonthForm.months()
    # The QR code and the address under it are printed: they name the configured site,
    # never the host this request happened to come through.
    agenda_absolute_url = absolute_url(reverse("permanences:agenda"))
    context |= {
        "title": _programme_title(month),
        "month": month,
        "calendar": calendar,
        "days": calendar.days,
        "legend": calendar.legend,
        "lieux": [stop.lieu for stop in calendar.stops],
        # Months the form accepts only.
        "previous_url": f"?mois={previous:%Y-%m}" if previous >= first_month else "",
        "previous_month": previous,
        "next_url": f"?mois={following:%Y-%m}" if following <= last_month else "",
        "next_month": following,
        "agenda_absolute_url": agenda_absolute_url,
        "qr_svg": qr_svg(agenda_absolute_url, title=_("Code QR vers l’agenda")),
    }
    return render(request, "permanences/print_month.html", context)
