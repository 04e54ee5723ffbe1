"""Filters on the directory's vocabulary (a theme, a place, a quartier), for the pages of
the apps that schedule things at its places: the agenda, the ateliers. A page's form
inherits them and says which places to offer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from roseraie_portal.content_language import SOURCE_LANGUAGE
from roseraie_portal.forms import choice_of
from services.models import Lieu, Quartier, Thematique
from services.selectors import theme_choices


class DirectoryFilters(forms.Form):
    theme = choice_of(
        Thematique.objects.all(),
        to_field_name="code",
        label=_("Thème"),
        empty_label=_("Tous les thèmes"),
    )
    lieu = choice_of(
        Lieu.objects.all(),
        to_field_name="slug",
        label=_("Lieu"),
        empty_label=_("Tous les lieux"),
        option_language=SOURCE_LANGUAGE,
    )
    quartier = choice_of(
        Quartier.objects.all(),
        to_field_name="slug",
        label=_("Quartier"),
        empty_label=_("Tous les quartiers"),
        option_language=SOURCE_LANGUAGE,
    )

    def offer(self, places) -> None:
        """The options, from light queries rather than model instances (see PlainSelect):
        every theme and quartier, and the ``places`` given as (slug, name)."""
        fields = self.fields
        fields["theme"].widget.choices = [("", fields["theme"].empty_label), *theme_choices()]
        fields["lieu"].widget.choices = [("", fields["lieu"].empty_label), *places]
        fields["quartier"].widget.choices = [
            ("", fields["quartier"].empty_label),
            *Quartier.objects.values_list("slug", "name"),
        ]
