"""Forms of the directory's admin: a service, and a partner account attached to its
structure (the filters residents use are in filters.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from roseraie_portal import roles
from roseraie_portal.dates import FRESHNESS, PlausibleDates
from roseraie_portal.forms import lines_field
from services.models import Service, StructureMembership


class ServiceForm(PlausibleDates, forms.ModelForm):
    plausible_dates = {"date_maj": FRESHNESS, "verifie_le": FRESHNESS}
    # A checklist is easier to type one item per line than comma-separated.
    documents = lines_field(label=_("Documents à apporter"), help_text=_("Un document par ligne."))

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
