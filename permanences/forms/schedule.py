"""The agenda's query parameters: its filters (theme, place, neighbourhood, first day) and
the month of the printable programme, each validated into a plain-French message."""

import re
from datetime import date, timedelta
from functools import reduce
from operator import or_

from dateutil.relativedelta import relativedelta
from django import forms
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from permanences.models import Permanence, PermanenceRule
from permanences.selectors.schedule import people_who_hold_permanences
from roseraie_portal import agenda
from roseraie_portal.dates import (
    SCHEDULE,
    DateRange,
    PlausibleDates,
    plausible_date,
    plausible_month,
)
from roseraie_portal.recurrence import rule_dates
from roseraie_portal.widgets import MonthInput, PlainSelect
from services.choice_fields import DirectoryFilters
from services.models import Lieu

# How far ahead a resident may jump in the agenda: farther, nothing is scheduled yet.
FURTHEST_START = timedelta(days=366)
# The agenda's first day: a bookmarked link may be a few years old (the agenda then starts
# from today), never a century.
AGENDA_START = DateRange(back=SCHEDULE.back, ahead=relativedelta(days=FURTHEST_START.days))


def _within_a_year(value):
    if value > timezone.localdate() + FURTHEST_START:
        raise forms.ValidationError(
            gettext("Choisissez une date dans l’année qui vient."), code="too_far"
        )


class AgendaFilterForm(DirectoryFilters):
    """The agenda's filters, as query parameters that can be bookmarked."""

    quoi = forms.ChoiceField(label=_("Permanences ou ateliers"), required=False, widget=PlainSelect)
    field_order = ["quoi", "theme", "lieu", "quartier", "du"]
    du = forms.DateField(
        label=_("À partir du"),
        required=False,
        validators=[_within_a_year],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        quoi = self.fields["quoi"]
        quoi.choices = [("", gettext("Permanences et ateliers")), *agenda.kinds()]
        quoi.widget.choices = quoi.choices
        # Only the places where something is scheduled, and the one asked for if not.
        scheduled = reduce(or_, (Q(pk__in=source.lieu_ids()) for source in agenda.sources()), Q())
        places = Lieu.objects.filter(scheduled | Q(slug=self.data.get("lieu", "")))
        self.offer(places.values_list("slug", "name"))

    def clean_du(self):
        # Too far ahead has its own words (_within_a_year); this says the rest.
        first_day = self.cleaned_data["du"]
        plausible_date(first_day, within=AGENDA_START)
        return first_day


MONTH = re.compile(r"(\d{4})-(\d{2})")


class MonthForm(forms.Form):
    """The month of the printable programme, as ``YYYY-MM``, within SCHEDULE; empty means
    this month."""

    mois = forms.CharField(
        label=_("Mois"),
        required=False,
        help_text=_("L’année puis le mois, par exemple 2026-11 pour novembre 2026."),
        widget=MonthInput,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        first, last = self.months()
        self.fields["mois"].widget.attrs.update(min=f"{first:%Y-%m}", max=f"{last:%Y-%m}")

    @staticmethod
    def months() -> tuple[date, date]:
        """The first days of the first and the last months the form accepts."""
        return SCHEDULE.month_bounds()

    def clean_mois(self) -> date | None:
        value = self.cleaned_data["mois"].strip()
        if not value:
            return None
        match = MONTH.fullmatch(value)
        if match is None:
            raise forms.ValidationError(
                gettext("Écrivez le mois sous la forme année-mois, par exemple 2026-11."),
                code="invalid",
            )
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise forms.ValidationError(
                gettext("Le mois est un nombre de 01 à 12."), code="invalid_month"
            )
        chosen = date(year, month, 1)
        plausible_month(chosen, within=SCHEDULE)
        return chosen


# The admin's forms of the schedule.

RRULE_HELP = _(
    "Au format iCalendar. FREQ=WEEKLY;BYDAY=TU : chaque mardi. FREQ=WEEKLY;BYDAY=MO,TH : "
    "chaque lundi et chaque jeudi. FREQ=WEEKLY;INTERVAL=2;BYDAY=WE : un mercredi sur deux. "
    "FREQ=MONTHLY;BYDAY=2TH : le 2e jeudi du mois. Les jours fériés sont toujours sautés."
)


class PeopleWhoHoldPermanences:
    """Only the people who hold permanences are offered: conseillers and coordinators."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "conseillers" in self.fields:
            self.fields["conseillers"].queryset = people_who_hold_permanences()


class PermanenceRuleForm(PlausibleDates, PeopleWhoHoldPermanences, forms.ModelForm):
    plausible_dates = {"starts_on": SCHEDULE, "ends_on": SCHEDULE}

    class Meta:
        model = PermanenceRule
        fields = [
            "service",
            "lieu",
            "theme_label",
            "thematique",
            "rrule",
            "starts_on",
            "ends_on",
            "start_time",
            "end_time",
            "skip_school_holidays",
            "appointment_required",
            "languages",
            "conseillers",
        ]
        help_texts = {"rrule": RRULE_HELP}

    def clean(self):
        cleaned = super().clean()
        text, starts_on, ends_on = (cleaned.get(name) for name in ("rrule", "starts_on", "ends_on"))
        if text and starts_on and ends_on:
            try:
                rule_dates(rrule_text=text, starts_on=starts_on, ends_on=ends_on)
            except ValidationError as error:
                self.add_error("rrule", error)
        return cleaned


class PermanenceForm(PlausibleDates, PeopleWhoHoldPermanences, forms.ModelForm):
    plausible_dates = {"date": SCHEDULE}

    class Meta:
        model = Permanence
        fields = [
            "service",
            "lieu",
            "theme_label",
            "thematique",
            "date",
            "start_time",
            "end_time",
            "appointment_required",
            "languages",
            "conseillers",
            "cancelled",
            "cancellation_reason",
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("cancelled") and not (cleaned.get("cancellation_reason") or "").strip():
            self.add_error(
                "cancellation_reason",
                ValidationError(
                    gettext("Dites pourquoi la permanence est annulée."),
                    code="cancellation_reason_required",
                ),
            )
        return cleaned

    def validate_constraints(self):
        # The reason is already required next to its field, by clean(): say it once.
        if "cancellation_reason" in self.errors:
            return
        super().validate_constraints()


class PermanenceActionForm(ActionForm):
    reason = forms.CharField(
        label=_("Raison (pour annuler) :"),
        required=False,
        max_length=255,
    )
