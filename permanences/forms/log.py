"""The one-screen form of the log: a conseiller notes an accompanied procedure in under
30 seconds, on a phone, without JavaScript (issue 4, "The log").

What has no default comes first, then the submit button (issue 10: an entry in at most
12 key presses); what is pre-filled follows, and the profile, "Non communiqué" by
default, sits in a <details> that one key press passes over."""

from crispy_forms.layout import HTML, Div, Field, Layout
from crispy_forms.utils import TEMPLATE_PACK
from dateutil.relativedelta import relativedelta
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from permanences.actions.log import LOGGED_FIELDS
from permanences.enums import (
    DURATION_PRESETS,
    NON_COMMUNIQUE,
    Autonomie,
    Canal,
    Demarche,
    Genre,
    Materiel,
    Residence,
    Resultat,
    Statut,
    TrancheAge,
)
from permanences.management.commands.purge_accompagnements import RETENTION_YEARS
from permanences.models import EDIT_WINDOW, PROFILE_FIELDS, Accompagnement, Permanence
from permanences.selectors.log import PROFILE_DEFAULTS
from roseraie_portal.content_language import SOURCE_LANGUAGE
from roseraie_portal.dates import DateRange, plausible_date
from roseraie_portal.forms import fields_helper
from roseraie_portal.hours import format_hour
from roseraie_portal.personal_data import validate_no_personal_data
from roseraie_portal.widgets import PlainSelect
from services.enums import LANGUAGE_CHOICES, THEME_CHOICES, OrientationSource
from services.models import Lieu, Quartier, Structure

MAX_DURATION = 600
NOTE_MAX_LENGTH = 1000
# An entry is dated within the retention (older ones are purged), and never in the future.
LOG_DATES = DateRange(back=relativedelta(years=RETENTION_YEARS), ahead=relativedelta())

CHOICES_TEMPLATE = "components/choices.html"
SUBMIT_TEMPLATE = "permanences/log/submit.html"
PROFILE_UNSET = {**PROFILE_DEFAULTS, "quartier": None, "interprete": False}
# The profile's short lists, shown as buttons rather than a drop-down.
PROFILE_AS_CHOICES = {"tranche_age", "genre", "statut", "residence"}


def _label(name):
    """The model's own name for a field, capitalised, so both say the same thing."""
    return capfirst(Accompagnement._meta.get_field(name).verbose_name)


def _required(message):
    return {"required": message}


def _is_unset(value, unset) -> bool:
    if unset in (None, False):
        return value in (None, "", False)
    return str(value) == str(unset)


class Disclosure(Div):
    """A <details> around fields, open when one of them has an error or a value other
    than its default, so that nothing typed or wrong is hidden."""

    template = "permanences/log/profile.html"

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        fields = self.get_rendered_fields(form, context, template_pack, **kwargs)
        return render_to_string(self.template, {"fields": fields, "open": form.profile_is_set()})


class PermanenceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, permanence):
        return "{date}, {start}–{end} · {lieu} · {title}".format(
            date=date_format(permanence.date, "SHORT_DATE_FORMAT"),
            start=format_hour(permanence.start_time),
            end=format_hour(permanence.end_time),
            lieu=permanence.lieu.name,
            title=permanence.title,
        )


class AccompagnementForm(forms.Form):
    date = forms.DateField(
        label=_label("date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Indiquez la date."),
            "invalid": _("Écrivez la date sous la forme jour/mois/année, par exemple 14/03/2026."),
        },
    )
    duree = forms.TypedChoiceField(
        label=_("Durée"),
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    duree_autre = forms.IntegerField(
        label=_("Ou une autre durée, en minutes"),
        required=False,
        min_value=1,
        max_value=MAX_DURATION,
        help_text=_("De 1 à 600 minutes. Elle remplace la durée cochée."),
        error_messages={
            "invalid": _("Écrivez un nombre de minutes, par exemple 40."),
            "min_value": _("Écrivez une durée de 1 à 600 minutes."),
            "max_value": _("Écrivez une durée de 1 à 600 minutes."),
        },
    )
    canal = forms.ChoiceField(
        label=_label("canal"),
        choices=Canal.choices,
        widget=forms.RadioSelect,
        error_messages=_required(_("Choisissez où a eu lieu l’accompagnement.")),
    )
    permanence = PermanenceChoiceField(
        widget=PlainSelect,
        label=_label("permanence"),
        queryset=Permanence.objects.none(),
        required=False,
        empty_label=_("Aucune permanence"),
    )
    lieu = forms.ModelChoiceField(
        widget=PlainSelect(option_language=SOURCE_LANGUAGE),  # names, in French
        label=_label("lieu"),
        queryset=Lieu.objects.order_by("name"),
        required=False,
        empty_label=_("Aucun lieu (à domicile, à distance…)"),
    )
    themes = forms.MultipleChoiceField(
        label=_label("themes"),
        choices=THEME_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Au moins un."),
        error_messages=_required(_("Choisissez au moins un thème.")),
    )
    demarche = forms.ChoiceField(
        label=_label("demarche"),
        choices=[("", _("Non précisée")), *Demarche.choices],
        required=False,
    )
    materiel = forms.MultipleChoiceField(
        label=_label("materiel"),
        choices=Materiel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    autonomie = forms.ChoiceField(
        label=_label("autonomie"),
        choices=Autonomie.choices,
        widget=forms.RadioSelect,
        error_messages=_required(_("Choisissez le niveau d’autonomie de la personne.")),
    )
    resultat = forms.ChoiceField(
        label=_label("resultat"),
        choices=Resultat.choices,
        widget=forms.RadioSelect,
        error_messages=_required(_("Choisissez le résultat de la démarche.")),
    )
    reoriente_vers = forms.ModelChoiceField(
        widget=PlainSelect(option_language=SOURCE_LANGUAGE),  # names, in French
        label=_label("reoriente_vers"),
        queryset=Structure.objects.order_by("name"),
        required=False,
        empty_label=_("Aucune structure"),
        help_text=_("Seulement si la démarche est réorientée."),
    )
    tranche_age = forms.ChoiceField(
        label=_label("tranche_age"), choices=TrancheAge.choices, widget=forms.RadioSelect
    )
    genre = forms.ChoiceField(
        label=_label("genre"), choices=Genre.choices, widget=forms.RadioSelect
    )
    statut = forms.ChoiceField(
        label=_label("statut"), choices=Statut.choices, widget=forms.RadioSelect
    )
    residence = forms.ChoiceField(
        label=_label("residence"), choices=Residence.choices, widget=forms.RadioSelect
    )
    quartier = forms.ModelChoiceField(
        widget=PlainSelect(option_language=SOURCE_LANGUAGE),  # names, in French
        label=_label("quartier"),
        queryset=Quartier.objects.all(),
        required=False,
        empty_label=_("Aucun quartier"),
    )
    orientation_source = forms.ChoiceField(
        label=_label("orientation_source"), choices=OrientationSource.choices
    )
    langue = forms.ChoiceField(label=_label("langue"), choices=LANGUAGE_CHOICES)
    interprete = forms.BooleanField(label=_label("interprete"), required=False)
    note = forms.CharField(
        label=_label("note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("Facultative. Jamais de nom, de téléphone, d’e-mail ni de numéro de dossier."),
        validators=[validate_no_personal_data],
        error_messages={"max_length": _("La note est trop longue : 1000 caractères au plus.")},
    )

    def __init__(self, *args, today=None, entry=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.fields["duree"].choices = [
            (minutes, gettext("%(minutes)s min") % {"minutes": minutes})
            for minutes in DURATION_PRESETS
        ]
        # Recent permanences (a conseiller may note an entry a few days late), and the
        # one an entry being corrected already names.
        recent = Q(cancelled=False, date__range=(self.today - EDIT_WINDOW, self.today))
        if entry is not None and entry.permanence_id:
            recent |= Q(pk=entry.permanence_id)
        self.fields["permanence"].queryset = (
            Permanence.objects.filter(recent)
            .select_related("service", "lieu")
            .order_by("-date", "start_time")
        )
        self.helper = fields_helper()
        self.helper.layout = self._layout(duration_first=not self._has_duration())

    def _has_duration(self) -> bool:
        """Whether a duration is already there: the last one the conseiller used, the
        entry's, or the one sent. A first entry has none, so it must be chosen before
        the submit button."""
        values = self.data if self.is_bound else self.initial
        return any(values.get(name) not in (None, "") for name in ("duree", "duree_autre"))

    @staticmethod
    def _layout(*, duration_first):
        def section(title):
            return HTML(format_html('<h2 class="log-section">{}</h2>', title))

        def choices(name):
            return Field(name, template=CHOICES_TEMPLATE)

        duration = [choices("duree"), "duree_autre"]
        # What has no default, radios before the checkboxes: each group of radios is one
        # Tab stop, the 22 themes are 22, and they end on the submit button.
        return Layout(
            section(gettext("La démarche")),
            choices("autonomie"),
            choices("resultat"),
            "reoriente_vers",
            *(duration if duration_first else []),
            choices("themes"),
            HTML(f'{{% include "{SUBMIT_TEMPLATE}" with entry=entry first=True only %}}'),
            "demarche",
            choices("materiel"),
            section(gettext("L’accompagnement")),
            "date",
            *([] if duration_first else duration),
            choices("canal"),
            "permanence",
            "lieu",
            Disclosure(
                *(choices(name) if name in PROFILE_AS_CHOICES else name for name in PROFILE_FIELDS)
            ),
            section(gettext("Note")),
            "note",
            HTML(f'{{% include "{SUBMIT_TEMPLATE}" with entry=entry first=False only %}}'),
        )

    def profile_is_set(self) -> bool:
        """Whether the profile says something (or is wrong): then its group is open."""
        if any(name in self.errors for name in PROFILE_FIELDS):
            return True
        return any(
            not _is_unset(self[name].value(), PROFILE_UNSET[name]) for name in PROFILE_FIELDS
        )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > self.today:
            raise ValidationError(
                _("La date ne peut pas être dans le futur."), code="date_in_future"
            )
        plausible_date(date, within=LOG_DATES, today=self.today)
        return date

    def clean_materiel(self):
        materiel = self.cleaned_data["materiel"]
        if Materiel.AUCUN in materiel and len(materiel) > 1:
            raise ValidationError(
                _("Cochez « Aucun » seul, ou le matériel utilisé."), code="materiel_aucun"
            )
        return materiel

    def clean(self):
        cleaned = super().clean()
        self._clean_duration(cleaned)
        self._clean_place(cleaned)
        self._clean_reorientation(cleaned)
        self._clean_residence(cleaned)
        return cleaned

    def _clean_duration(self, cleaned):
        # A typed duration wins over the ticked one: a preset is always ticked by default.
        custom, preset = cleaned.get("duree_autre"), cleaned.get("duree")
        if custom is not None:
            cleaned["duration_minutes"] = custom
        elif preset is not None:
            cleaned["duration_minutes"] = preset
        elif "duree_autre" not in self.errors:
            self.add_error(
                "duree",
                ValidationError(
                    _("Cochez une durée, ou écrivez-la en minutes."), code="duration_required"
                ),
            )

    def _clean_place(self, cleaned):
        permanence, lieu, date = cleaned.get("permanence"), cleaned.get("lieu"), cleaned.get("date")
        if permanence is None:
            return
        if date is not None and permanence.date != date:
            self.add_error(
                "permanence",
                ValidationError(
                    _("Cette permanence n’a pas lieu à la date choisie."),
                    code="permanence_other_day",
                ),
            )
        if lieu is None:
            cleaned["lieu"] = permanence.lieu
        elif lieu != permanence.lieu:
            self.add_error(
                "lieu",
                ValidationError(
                    _("Ce lieu n’est pas celui de la permanence choisie."),
                    code="lieu_not_permanence",
                ),
            )

    def _clean_reorientation(self, cleaned):
        if cleaned.get("resultat") == Resultat.REORIENTEE:
            if cleaned.get("reoriente_vers") is None and "reoriente_vers" not in self.errors:
                self.add_error(
                    "reoriente_vers",
                    ValidationError(
                        _("Indiquez vers quelle structure la personne est réorientée."),
                        code="reorientation_structure_required",
                    ),
                )
        else:
            cleaned["reoriente_vers"] = None

    def _clean_residence(self, cleaned):
        residence, quartier = cleaned.get("residence"), cleaned.get("quartier")
        if residence == Residence.QUARTIER:
            if quartier is None and "quartier" not in self.errors:
                self.add_error(
                    "quartier",
                    ValidationError(
                        _("Choisissez le quartier, ou « hors quartier »."),
                        code="quartier_required",
                    ),
                )
        elif quartier is not None and residence == NON_COMMUNIQUE:
            # Choosing a quartier says where the person lives.
            cleaned["residence"] = Residence.QUARTIER
        elif quartier is not None:
            self.add_error(
                "quartier",
                ValidationError(
                    _(
                        "Vous avez choisi un quartier : cochez « Dans un quartier de la liste », "
                        "ou choisissez « Aucun quartier »."
                    ),
                    code="quartier_without_residence",
                ),
            )

    def entry_fields(self) -> dict:
        """The cleaned values, named as the model names them, for the action to write."""
        return {name: self.cleaned_data[name] for name in LOGGED_FIELDS}
