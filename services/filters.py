import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roseraie_portal.content_language import SOURCE_LANGUAGE
from roseraie_portal.widgets import PlainCheckbox, PlainSelect
from services.enums import LANGUAGE_CHOICES, Frais
from services.models import Lieu, Quartier, Service, Thematique
from services.selectors import theme_choices


class FlagFilter(django_filters.BooleanFilter):
    """A checkbox: ticked narrows the list, unticked (absent) leaves it alone."""

    def __init__(self, *args, condition, **kwargs):
        self.condition = condition
        super().__init__(*args, widget=PlainCheckbox, **kwargs)

    def filter(self, queryset, value):
        return self.condition(queryset) if value else queryset


def _at_a_place(**lookups):
    return lambda queryset: queryset.filter(
        Exists(Lieu.objects.filter(services=OuterRef("pk"), **lookups))
    )


class ServiceFilter(django_filters.FilterSet):
    """The directory's filters, as query parameters that can be bookmarked."""

    thematique = django_filters.ModelChoiceFilter(
        label=_("Thème"),
        queryset=Thematique.objects.all(),
        to_field_name="code",
        method="filter_thematique",
        empty_label=_("Tous les thèmes"),
        widget=PlainSelect,
    )
    quartier = django_filters.ModelChoiceFilter(
        label=_("Quartier"),
        queryset=Quartier.objects.all(),
        to_field_name="slug",
        method="filter_quartier",
        empty_label=_("Tous les quartiers"),
        widget=PlainSelect(option_language=SOURCE_LANGUAGE),
    )
    langue = django_filters.ChoiceFilter(
        label=_("Langue parlée"),
        choices=LANGUAGE_CHOICES,
        method="filter_langue",
        empty_label=_("Toutes les langues"),
        widget=PlainSelect,
    )
    sans_rdv = FlagFilter(
        label=_("Sans rendez-vous"),
        condition=lambda queryset: queryset.filter(appointment_required=False),
    )
    gratuit = FlagFilter(
        label=_("Gratuit"), condition=lambda queryset: queryset.filter(frais=Frais.GRATUIT)
    )
    accessible = FlagFilter(
        label=_("Accessible en fauteuil roulant"), condition=_at_a_place(step_free=True)
    )
    ouvert = FlagFilter(
        label=_("Ouvert maintenant"),
        condition=lambda queryset: queryset.open_at(timezone.now()),
    )
    itinerant = FlagFilter(label=_("Bus Mairie"), condition=_at_a_place(itinerant=True))

    class Meta:
        model = Service
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The options from light queries rather than model instances (85 themes), and
        # without the server-side cursor that a ModelChoiceField opens for its options.
        options = {
            "thematique": theme_choices(),
            "quartier": Quartier.objects.order_by("name").values_list("slug", "name"),
        }
        for name, choices in options.items():
            field = self.form.fields[name]
            field.widget.choices = [("", field.empty_label), *choices]

    def filter_thematique(self, queryset, name, value):
        # A category stands for all its sub-themes.
        return queryset.filter(
            Exists(
                Service.thematiques.through.objects.filter(
                    Q(thematique=value) | Q(thematique__parent=value), service=OuterRef("pk")
                )
            )
        )

    def filter_quartier(self, queryset, name, value):
        return _at_a_place(quartier=value)(queryset)

    def filter_langue(self, queryset, name, value):
        return queryset.filter(languages__contains=[value])
