"""The one form of the bilans: whose figures (a structure, or all those of the account's
scope)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class BilanScopeForm(forms.Form):
    structure = forms.ModelChoiceField(
        queryset=None,
        to_field_name="slug",
        required=False,
        label=_("Structure"),
        error_messages={
            "invalid_choice": _("Cette structure n’existe pas. Choisissez-en une dans la liste.")
        },
    )

    def __init__(self, *args, structures, all_label: str, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["structure"]
        field.queryset = structures
        field.empty_label = all_label
