"""Forms of the directory's admin: a service, and a partner account attached to its
structure (the filters residents use are in filters.py)."""

from django import forms
from django.contrib.postgres.forms import SimpleArrayField
from django.utils.translation import gettext_lazy as _

from roseraie_portal import roles
from services.models import Service, StructureMembership


class LinesField(SimpleArrayField):
    """One item per line; blank lines (a trailing newline) are not items."""

    def to_python(self, value):
        lines = (value or "").splitlines()
        return super().to_python("\n".join(line for line in lines if line.strip()))


class ServiceForm(forms.ModelForm):
    # A checklist is easier to type one item per line than comma-separated.
    documents = LinesField(
        forms.CharField(max_length=200),
        delimiter="\n",
        required=False,
        label=_("Documents à apporter"),
        help_text=_("Un document par ligne."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    class Meta:
        model = Service
        # The admin's fieldsets name the other fields it shows.
        fields = ["documents"]


class StructureMembershipForm(forms.ModelForm):
    """The accounts offered are the partners' (an account list needs no lookup, which
    coordination could not open: it does not manage accounts)."""

    class Meta:
        model = StructureMembership
        fields = ["user"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = roles.accounts_in(roles.PARTENAIRE)
