"""Forms of the orientations: sending one (on a phone too, without JavaScript), and the
receiving structure's answer."""

from datetime import datetime

from crispy_forms.layout import HTML, Field
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from roseraie_portal.dates import APPOINTMENT, plausible_date
from roseraie_portal.forms import clean_phone, fields_helper
from roseraie_portal.personal_data import NUMBERS_NO_PARTNER_NEEDS, validate_no_personal_data
from services.actions.orientations import NEED_FIELDS
from services.enums import (
    LANGUAGE_CHOICES,
    THEME_CHOICES,
    DeclineReason,
    Demarche,
    Urgency,
)

CHOICES_TEMPLATE = "components/choices.html"
TEXT_MAX_LENGTH = 2000


def consent_wording(months: int) -> str:
    """What the person agrees to, kept with the orientation word for word."""
    return ngettext(
        "La personne accepte que le partenaire reçoive son prénom et son contact pour la "
        "rappeler ou lui donner un rendez-vous. Ils sont effacés %(months)s mois après la "
        "réponse.",
        "La personne accepte que le partenaire reçoive son prénom et son contact pour la "
        "rappeler ou lui donner un rendez-vous. Ils sont effacés %(months)s mois après la "
        "réponse.",
        months,
    ) % {"months": months}


def _section(title, level=2):
    return HTML(format_html('<h{} class="log-section">{}</h{}>', level, title, level))


def _free_text(label, help_text="", rows=3):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": rows, "dir": "auto"}),
        validators=[lambda text: validate_no_personal_data(text, refused=NUMBERS_NO_PARTNER_NEEDS)],
        error_messages={
            "max_length": _("Écrivez au plus 2 000 caractères."),
        },
    )


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, service):
        return f"{service.name} — {service.structure.name}"


def consent_in_french() -> str:
    """The consent's wording, kept in French whatever the page's language, so that it
    reads the same to everyone later."""
    with translation.override(settings.LANGUAGE_CODE):
        return consent_wording(settings.ORIENTATION_RETENTION_MONTHS)


class OrientationForm(forms.Form):
    summary_labels = {"consent": _("L’accord de la personne")}

    service = ServiceChoiceField(
        label=_("Le service qui reçoit la personne"),
        queryset=None,
        to_field_name="slug",
        error_messages={
            "required": _("Choisissez le service vers lequel vous orientez la personne."),
            "invalid_choice": _(
                "Ce service ne reçoit pas d’orientation par le portail. Choisissez-en un dans "
                "la liste."
            ),
        },
    )
    themes = forms.MultipleChoiceField(
        label=_("Les thèmes de la demande"),
        choices=THEME_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choisissez au moins un thème."),
            "invalid_choice": _("Choisissez des thèmes de la liste."),
        },
    )
    demarche = forms.ChoiceField(
        label=_("La démarche précise (facultatif)"),
        choices=[("", _("Pas de démarche précise")), *Demarche.choices],
        required=False,
    )
    urgency = forms.ChoiceField(
        label=_("Urgence"),
        choices=Urgency.choices,
        initial=Urgency.NORMAL,
        widget=forms.RadioSelect,
        error_messages={"required": _("Dites si la demande est urgente.")},
    )
    note = _free_text(
        _("La situation"),
        _(
            "Ce que le partenaire doit savoir pour aider la personne. Pas de numéro de "
            "sécurité sociale, de CAF ou de France Travail : le partenaire n’en a pas besoin."
        ),
        rows=4,
    )
    already_done = _free_text(_("Ce qui a déjà été fait (facultatif)"))
    papers = _free_text(
        _("Les papiers que la personne a (facultatif)"),
        _("Par exemple : carte d’identité, dernier avis d’imposition."),
        rows=2,
    )
    language = forms.ChoiceField(label=_("La langue de la personne"), choices=LANGUAGE_CHOICES)
    interpreter = forms.BooleanField(label=_("Un interprète est nécessaire"), required=False)
    availability = forms.CharField(
        label=_("Quand la personne est disponible (facultatif)"),
        required=False,
        max_length=200,
        help_text=_("Par exemple : le matin, sauf le mercredi."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    first_name = forms.CharField(
        label=_("Son prénom (facultatif)"),
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs={"autocomplete": "off", "dir": "auto"}),
    )
    phone = forms.CharField(
        label=_("Son téléphone (facultatif)"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off", "dir": "ltr"}),
    )
    email = forms.EmailField(
        label=_("Son e-mail (facultatif)"),
        required=False,
        error_messages={"invalid": _("Écrivez une adresse e-mail comme nom@exemple.fr.")},
        widget=forms.EmailInput(attrs={"autocomplete": "off", "dir": "ltr"}),
    )
    consent = forms.BooleanField(required=False)

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_wording(settings.ORIENTATION_RETENTION_MONTHS)
        self.fields["service"].queryset = services
        if services.count() == 1:
            self.fields["service"].empty_label = None
        self.helper = fields_helper(
            "service",
            _section(gettext("La demande")),
            Field("themes", template=CHOICES_TEMPLATE),
            "demarche",
            Field("urgency", template=CHOICES_TEMPLATE),
            "note",
            "already_done",
            "papers",
            _section(gettext("La personne")),
            "language",
            "interpreter",
            "availability",
            HTML(
                format_html(
                    '<p class="form-text">{}</p>',
                    gettext(
                        "Son prénom et son contact seulement si elle est d’accord. Sans "
                        "contact, le partenaire vous répond, et vous prévenez la personne."
                    ),
                )
            ),
            "first_name",
            "phone",
            "email",
            "consent",
        )

    def clean_phone(self):
        return clean_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        named = cleaned.get("first_name") or cleaned.get("phone") or cleaned.get("email")
        if named and not cleaned.get("consent"):
            self.add_error(
                "consent",
                ValidationError(
                    _(
                        "Cochez cette case si la personne est d’accord. Sinon, effacez son "
                        "prénom et son contact."
                    ),
                    code="consent_required",
                ),
            )
        return cleaned

    def consent_text(self) -> str:
        """The wording the person agreed to, or "" when she gave no contact."""
        return consent_in_french() if self.cleaned_data["consent"] else ""

    def need(self) -> dict:
        return {name: self.cleaned_data[name] for name in NEED_FIELDS}

    def contact(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("first_name", "phone", "email")}


ACCEPT, DECLINE = "accepter", "refuser"


class AnswerForm(forms.Form):
    """Accept, optionally with an appointment; or decline, with a reason."""

    decision = forms.ChoiceField(
        label=_("Votre réponse"),
        choices=[
            (ACCEPT, _("Nous recevons la personne")),
            (DECLINE, _("Nous ne pouvons pas la recevoir")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez votre réponse.")},
    )
    appointment_day = forms.DateField(
        label=_("Date du rendez-vous (facultatif)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": _("Écrivez la date sous la forme jour/mois/année, par exemple 14/03/2026.")
        },
    )
    appointment_time = forms.TimeField(
        label=_("Heure du rendez-vous (facultatif)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Écrivez l’heure sous la forme 14:30.")},
    )
    appointment_place = forms.CharField(
        label=_("Lieu du rendez-vous"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    appointment_bring = _free_text(_("Ce que la personne doit apporter"), rows=2)
    decline_reason = forms.ChoiceField(
        label=_("Pourquoi vous ne pouvez pas la recevoir"),
        choices=[("", _("Choisissez une raison")), *DeclineReason.choices],
        required=False,
    )
    answer_note = _free_text(_("Un mot pour la structure qui a orienté (facultatif)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = fields_helper(
            Field("decision", template=CHOICES_TEMPLATE),
            "answer_note",
            _section(gettext("Si vous recevez la personne"), level=3),
            "appointment_day",
            "appointment_time",
            "appointment_place",
            "appointment_bring",
            _section(gettext("Si vous ne pouvez pas la recevoir"), level=3),
            "decline_reason",
        )

    def clean(self):
        cleaned = super().clean()
        decision, day, time = (
            cleaned.get(name) for name in ("decision", "appointment_day", "appointment_time")
        )
        if decision == ACCEPT:
            if day and not time and "appointment_time" not in self.errors:
                self.add_error("appointment_time", _("Indiquez l’heure du rendez-vous."))
            if time and not day and "appointment_day" not in self.errors:
                self.add_error("appointment_day", _("Indiquez la date du rendez-vous."))
            if day and day < timezone.localdate():
                self.add_error(
                    "appointment_day", _("Le rendez-vous ne peut pas être dans le passé.")
                )
            elif day:
                try:
                    plausible_date(day, within=APPOINTMENT)
                except ValidationError as error:
                    self.add_error("appointment_day", error)
        if decision == DECLINE and not cleaned.get("decline_reason"):
            self.add_error("decline_reason", _("Choisissez la raison du refus."))
        return cleaned

    @property
    def appointment_at(self) -> datetime | None:
        day, time = (
            self.cleaned_data.get("appointment_day"),
            self.cleaned_data.get("appointment_time"),
        )
        if day and time:
            return timezone.make_aware(datetime.combine(day, time))
        return None
