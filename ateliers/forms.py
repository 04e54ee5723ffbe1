"""Forms of the ateliers: registering (a resident, or a professional on their behalf),
the list's filters, attendance, and the admin's cycle and copy forms."""

from datetime import date, timedelta

from crispy_forms.layout import Field
from django import forms
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ateliers.enums import AtelierStatus, Attendance, Need
from ateliers.models import Atelier, AtelierCycle
from roseraie_portal.dates import SCHEDULE, PlausibleDates
from roseraie_portal.forms import clean_phone, fields_helper, lines_field
from roseraie_portal.recurrence import rule_dates
from roseraie_portal.widgets import MonthInput
from services.choice_fields import DirectoryFilters
from services.enums import NON_COMMUNIQUE, OrientationSource

# What the person agrees to: kept with the registration, word for word.
CONSENT_TEXT = _(
    "J’accepte que le portail garde mon téléphone ou mon e-mail pour m’envoyer la "
    "confirmation, un rappel la veille et les changements de cet atelier. Ils sont "
    "effacés 3 mois après l’atelier."
)
CHOICES_TEMPLATE = "components/choices.html"


class RegistrationForm(forms.Form):
    """The least that lets a person come and be told of a change."""

    summary_labels = {"consent": _("Votre accord")}

    first_name = forms.CharField(
        label=_("Votre prénom ou vos initiales"),
        max_length=60,
        error_messages={"required": _("Écrivez un prénom ou des initiales.")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name", "dir": "auto"}),
    )
    phone = forms.CharField(
        label=_("Votre téléphone (facultatif)"),
        required=False,
        max_length=30,
        help_text=_("Pour recevoir un SMS de rappel. Par exemple 06 12 34 56 78."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "dir": "ltr"}),
    )
    email = forms.EmailField(
        label=_("Votre e-mail (facultatif)"),
        required=False,
        help_text=_("Pour recevoir la confirmation et le rappel par e-mail."),
        error_messages={"invalid": _("Écrivez une adresse e-mail comme nom@exemple.fr.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    consent = forms.BooleanField(label=CONSENT_TEXT, required=False)
    heard_from = forms.ChoiceField(
        label=_("Comment avez-vous connu l’atelier ? (facultatif)"),
        choices=OrientationSource.choices,
        initial=NON_COMMUNIQUE,
        required=False,
    )
    needs = forms.MultipleChoiceField(
        label=_("Avez-vous besoin de quelque chose pour venir ? (facultatif)"),
        choices=Need.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = fields_helper(
            "first_name",
            "phone",
            "email",
            "consent",
            "heard_from",
            Field("needs", template=CHOICES_TEMPLATE),
        )

    def clean_phone(self):
        return clean_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        has_contact = cleaned.get("phone") or cleaned.get("email")
        if has_contact and not cleaned.get("consent"):
            self.add_error(
                "consent",
                ValidationError(
                    _("Cochez cette case pour que nous gardions votre téléphone ou votre e-mail."),
                    code="consent_required",
                ),
            )
        cleaned["heard_from"] = cleaned.get("heard_from") or NON_COMMUNIQUE
        return cleaned

    def registration(self) -> dict:
        """The cleaned values, as the action takes them."""
        data = self.cleaned_data
        contact = bool(data["phone"] or data["email"])
        return {
            "first_name": data["first_name"],
            "phone": data["phone"],
            "email": data["email"],
            "consent_text": str(CONSENT_TEXT) if contact else "",
            "heard_from": data["heard_from"],
            "needs": data["needs"],
        }


class AtelierFilterForm(DirectoryFilters):
    """The list's filters, as query parameters that can be bookmarked."""

    mois = forms.DateField(
        label=_("Mois"),
        required=False,
        input_formats=["%Y-%m"],
        help_text=_("L’année puis le mois, par exemple 2026-12."),
        error_messages={
            "invalid": _("Écrivez le mois sous la forme année-mois, par exemple 2026-12.")
        },
        widget=MonthInput,
    )
    places = forms.BooleanField(label=_("Avec des places libres"), required=False)

    def __init__(self, *args, lieux=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.offer(lieux)

    def clean_mois(self):
        month = self.cleaned_data["mois"]
        today = timezone.localdate()
        if month is not None and not date(today.year - 1, 1, 1) <= month <= today + timedelta(
            days=731
        ):
            raise ValidationError(
                gettext("Choisissez un mois entre l’an dernier et les deux ans qui viennent."),
                code="month_out_of_range",
            )
        return month


class AttendanceForm(forms.Form):
    """One screen: present, absent or excused for each person registered, and how many
    came without registering."""

    walk_ins = forms.IntegerField(
        label=_("Personnes venues sans inscription"),
        min_value=0,
        max_value=200,
        initial=0,
        error_messages={
            "invalid": _("Écrivez un nombre, par exemple 2."),
            "min_value": _("Écrivez un nombre de 0 à 200."),
            "max_value": _("Écrivez un nombre de 0 à 200."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, inscriptions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.inscriptions = list(inscriptions)
        for inscription in self.inscriptions:
            self.fields[self.field_name(inscription)] = forms.ChoiceField(
                label=inscription.first_name or gettext("Personne sans nom"),
                choices=Attendance.choices,
                required=False,
                initial=inscription.attendance or None,
                widget=forms.RadioSelect,
            )

    @staticmethod
    def field_name(inscription) -> str:
        return f"presence_{inscription.pk}"

    def attendance(self) -> dict[int, str]:
        return {
            inscription.pk: self.cleaned_data.get(self.field_name(inscription)) or ""
            for inscription in self.inscriptions
        }


# --- The admin's forms ---------------------------------------------------------------


TO_BRING = {"label": _("À apporter"), "help_text": _("Une chose par ligne.")}


class AtelierForm(PlausibleDates, forms.ModelForm):
    plausible_dates = {"date": SCHEDULE}
    to_bring = lines_field(**TO_BRING)

    class Meta:
        model = Atelier
        # The admin's fieldsets name the other fields it shows.
        fields = ["status", "cancellation_reason"]

    def clean(self):
        cleaned = super().clean()
        cancelled = cleaned.get("status") == AtelierStatus.CANCELLED
        if cancelled and not (cleaned.get("cancellation_reason") or "").strip():
            self.add_error(
                "cancellation_reason",
                ValidationError(
                    gettext("Dites pourquoi l’atelier est annulé."),
                    code="cancellation_reason_required",
                ),
            )
        return cleaned

    def validate_constraints(self):
        # The reason is already required next to its field, by clean(): say it once.
        if "cancellation_reason" not in self.errors:
            super().validate_constraints()


class AtelierCycleForm(PlausibleDates, forms.ModelForm):
    plausible_dates = {"starts_on": SCHEDULE, "ends_on": SCHEDULE}
    to_bring = lines_field(**TO_BRING)

    class Meta:
        model = AtelierCycle
        fields = ["rrule", "starts_on", "ends_on"]

    def clean(self):
        cleaned = super().clean()
        text, starts_on, ends_on = (cleaned.get(name) for name in ("rrule", "starts_on", "ends_on"))
        if text and starts_on and ends_on:
            try:
                rule_dates(rrule_text=text, starts_on=starts_on, ends_on=ends_on)
            except ValidationError as error:
                self.add_error("rrule", error)
        return cleaned


class DuplicateActionForm(ActionForm):
    on = forms.DateField(
        label=_("Nouvelle date (pour dupliquer) :"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reason = forms.CharField(label=_("Raison (pour annuler) :"), required=False, max_length=255)
