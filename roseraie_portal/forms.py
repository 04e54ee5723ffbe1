"""Forms of the base layer (the login) and what every form of the house shares: the
summary of its errors at the top of the page."""

import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.postgres.forms import SimpleArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from roseraie_portal.widgets import PlainSelect


def fields_helper(*layout) -> FormHelper:
    """The crispy helper of a form drawn inside the template's own ``<form>``, which holds
    the CSRF token: the fields only, in ``layout``'s order when one is given."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    if layout:
        helper.layout = Layout(*layout)
    return helper


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "L'identifiant ou le mot de passe ne correspond pas. Vérifiez-les et réessayez."
        ),
        "inactive": _("Ce compte est désactivé. Contactez la coordination."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Identifiant")
        # Django sets the field's max_length after creating it, which checks nothing: a
        # longer username would reach authenticate() and the lockout's record (a 500).
        self.fields["username"].validators.append(
            MaxLengthValidator(
                self.username_field.max_length or 254,
                message=_("L’identifiant a au plus %(limit_value)d caractères."),
            )
        )
        self.fields["password"].label = _("Mot de passe")
        self.helper = fields_helper()


def error_summary(form) -> list[dict]:
    """Every error of ``form``, each with the id of the control to move to (a group of
    radios or checkboxes has no control of its own: its first option), its field's label
    and its message; errors of the whole form come first, without a control."""
    errors = [
        {"anchor": "", "label": "", "message": message} for message in form.non_field_errors()
    ]
    # A field whose label is a long sentence (a consent box) names itself shortly here.
    short_labels = getattr(form, "summary_labels", {})
    for bound_field in form:
        if bound_field.use_fieldset:
            anchor = bound_field.subwidgets[0].id_for_label if bound_field.subwidgets else ""
        else:
            anchor = bound_field.id_for_label
        errors += [
            {
                "anchor": anchor,
                "label": short_labels.get(bound_field.name, bound_field.label),
                "message": message,
            }
            for message in bound_field.errors
        ]
    return errors


class LinesField(SimpleArrayField):
    """One item per line; blank lines (a trailing newline) are not items."""

    def to_python(self, value):
        lines = (value or "").splitlines()
        return super().to_python("\n".join(line for line in lines if line.strip()))


def lines_field(*, label, help_text, max_length: int = 200) -> LinesField:
    """A list typed one item per line: easier than comma-separated for a checklist."""
    return LinesField(
        forms.CharField(max_length=max_length),
        delimiter="\n",
        required=False,
        label=label,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def choice_of(
    queryset, *, to_field_name: str, label, empty_label, option_language: str | None = None
) -> forms.ModelChoiceField:
    """An optional filter on one row of ``queryset``, named in the URL by ``to_field_name``
    (a code, a slug), drawn by PlainSelect: the form fills its options from a light
    query, never from model instances. ``option_language``: the language of options that
    are names (see PlainSelect)."""
    return forms.ModelChoiceField(
        label=label,
        queryset=queryset,
        to_field_name=to_field_name,
        required=False,
        empty_label=empty_label,
        widget=PlainSelect(option_language=option_language),
    )


# A phone number as people write it: French or international, digits with spaces, dots
# or hyphens between them.
PHONE = re.compile(r"^\+?[0-9][0-9 .\-]{7,18}[0-9]$")


def clean_phone(value: str) -> str:
    """The phone typed, trimmed; a clear message when it is not a phone number."""
    phone = value.strip()
    if phone and not PHONE.match(phone):
        raise ValidationError(
            _("Écrivez un numéro de téléphone, par exemple 06 12 34 56 78."), code="phone"
        )
    return phone
