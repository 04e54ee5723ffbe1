"""Forms of the accounts: the coordination's list filters and new account, and the
forgotten password. No form here has a password field for anyone but its owner, nor a
way to ask for more rights than a conseiller's or a partner's."""

from crispy_forms.layout import Field
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from roseraie_portal import roles
from roseraie_portal.forms import choice_of, fields_helper
from roseraie_portal.widgets import PlainSelect
from services.models import Structure
from services.selectors import accounts as selectors

User = get_user_model()
CHOICES_TEMPLATE = "components/choices.html"
# What a request to create an account must never carry: the fields of Django's own user
# form that give rights. The new-account form has none of them; one sent anyway is an
# attempt to get around it, refused as such.
RIGHTS_FIELDS = ("is_superuser", "is_staff", "groups", "user_permissions")


def asks_for_more_rights(data) -> bool:
    """Whether posted ``data`` asks for more than a conseiller's or a partner's account:
    a field that gives rights, or another role (coordination)."""
    if any(name in data for name in RIGHTS_FIELDS):
        return True
    role = data.get("role", "")
    return bool(role) and role not in selectors.MANAGED_ROLES


def _structure_options(field) -> None:
    """The structures from a light query rather than model instances (see PlainSelect)."""
    field.widget.choices = [
        ("", field.empty_label),
        *Structure.objects.order_by("name").values_list("slug", "name"),
    ]


class AccountFilterForm(forms.Form):
    """The list's filters, as query parameters that can be bookmarked."""

    q = forms.CharField(
        label=_("Nom, identifiant ou adresse e-mail"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("Écrivez au plus 100 caractères.")},
    )
    role = forms.ChoiceField(
        label=_("Rôle"),
        required=False,
        choices=[
            ("", _("Tous les rôles")),
            *((role, selectors.ROLE_LABELS[role]) for role in selectors.MANAGED_ROLES),
            (selectors.WITHOUT_ROLE, _("Sans rôle")),
        ],
        error_messages={"invalid_choice": _("Choisissez un rôle dans la liste.")},
    )
    structure = choice_of(
        Structure.objects.all(),
        to_field_name="slug",
        label=_("Structure"),
        empty_label=_("Toutes les structures"),
    )
    etat = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=[
            ("", _("Tous les comptes")),
            (selectors.ACTIVE, _("Actifs")),
            (selectors.INACTIVE, _("Désactivés")),
            (selectors.LOCKED, _("Bloqués en ce moment")),
        ],
        error_messages={"invalid_choice": _("Choisissez un état dans la liste.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].error_messages["invalid_choice"] = _(
            "Cette structure n’existe pas. Choisissez-en une dans la liste."
        )
        _structure_options(self.fields["structure"])

    def filters(self) -> dict:
        """The cleaned filters, as ``selectors.account_list`` takes them."""
        data = self.cleaned_data
        return {
            "q": data["q"].strip(),
            "role": data["role"],
            "structure": data["structure"],
            "state": data["etat"],
        }


class AccountForm(forms.Form):
    """A new account for a conseiller or a partner. No password: its owner receives a
    link to choose one."""

    username = forms.CharField(
        label=_("Identifiant de connexion"),
        max_length=150,
        help_text=_(
            "Des lettres, des chiffres et . @ + - _, sans espace ; par exemple prenom.nom."
        ),
        validators=[User.username_validator],
        error_messages={
            "required": _("Écrivez l’identifiant avec lequel la personne se connectera."),
            "max_length": _("Écrivez au plus 150 caractères."),
            "taken": _("Cet identifiant est déjà pris. Choisissez-en un autre."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    first_name = forms.CharField(
        label=_("Prénom"),
        max_length=150,
        error_messages={"required": _("Écrivez le prénom de la personne.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "dir": "auto"}),
    )
    last_name = forms.CharField(
        label=pgettext_lazy("a person's surname", "Nom"),
        max_length=150,
        error_messages={"required": _("Écrivez le nom de la personne.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "dir": "auto"}),
    )
    email = forms.EmailField(
        label=_("Adresse e-mail professionnelle"),
        help_text=_("Le lien pour choisir le mot de passe part à cette adresse."),
        error_messages={
            "required": _("Écrivez l’adresse e-mail de la personne."),
            "invalid": _("Écrivez une adresse e-mail comme nom@exemple.fr."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off", "dir": "ltr"}),
    )
    role = forms.ChoiceField(
        label=_("Rôle"),
        choices=[(role, selectors.ROLE_LABELS[role]) for role in selectors.MANAGED_ROLES],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez le rôle du compte."),
            "invalid_choice": _("Choisissez conseiller numérique ou partenaire."),
        },
    )
    structure = forms.ModelChoiceField(
        label=_("Structure"),
        queryset=Structure.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Aucune structure"),
        help_text=_(
            "Obligatoire pour un partenaire : il verra les bilans de cette structure "
            "seulement. Facultative pour un conseiller."
        ),
        error_messages={
            "invalid_choice": _("Cette structure n’existe pas. Choisissez-en une dans la liste.")
        },
        widget=PlainSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _structure_options(self.fields["structure"])
        self.helper = fields_helper(
            "first_name",
            "last_name",
            "email",
            "username",
            Field("role", template=CHOICES_TEMPLATE),
            "structure",
        )

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError(self.fields["username"].error_messages["taken"], code="taken")
        return username

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _("Un compte a déjà cette adresse e-mail. Cherchez-le dans la liste des comptes."),
                code="email_taken",
            )
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == roles.PARTENAIRE and not cleaned.get("structure"):
            self.add_error(
                "structure",
                ValidationError(
                    _(
                        "Choisissez la structure du partenaire : un compte partenaire voit les "
                        "bilans de sa structure seulement."
                    ),
                    code="structure_required",
                ),
            )
        return cleaned

    def account(self) -> dict:
        """The fields of the new account, as ``actions.create_account`` takes them."""
        return {
            name: self.cleaned_data[name]
            for name in ("username", "first_name", "last_name", "email", "role", "structure")
        }


class ForgottenPasswordForm(forms.Form):
    """The address of the account, nothing else: the answer is the same whether an
    account has it or not."""

    email = forms.EmailField(
        label=_("Votre adresse e-mail professionnelle"),
        max_length=254,
        help_text=_("Celle que la coordination a donnée à votre compte."),
        error_messages={
            "required": _("Écrivez votre adresse e-mail."),
            "invalid": _("Écrivez une adresse e-mail comme nom@exemple.fr."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = fields_helper()
