"""Factories for the directory (services app), one per model. Variants are Traits, not
subclasses: ``LieuFactory(bus_stop=True)``, ``ServiceFactory(complete=True, thematiques=[...])``.
"""

from datetime import time

import factory
from django.utils import timezone

from services.enums import Frais, ModeMobilisation, ThemeNumerique, TypeService
from services.models import (
    Lieu,
    OpeningHours,
    Orientation,
    Quartier,
    Service,
    Structure,
    StructureMembership,
    Synonym,
    Thematique,
)
from tests.factories import UserFactory


class QuartierFactory(factory.django.DjangoModelFactory):
    """La Roseraie by default, created once and reused."""

    class Meta:
        model = Quartier
        django_get_or_create = ("slug",)

    name = "La Roseraie"
    slug = "la-roseraie"

    class Params:
        justices = factory.Trait(name="Justices", slug="justices")


class ThematiqueFactory(factory.django.DjangoModelFactory):
    """A theme of our own. The national ones come with the migrations: tests use those
    by code, and need this one only to have more rows than the migrations give."""

    class Meta:
        model = Thematique

    code = factory.Sequence(lambda n: f"theme-de-test-{n}")
    label = factory.Sequence(lambda n: f"Thème de test {n}")


class LieuFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lieu

    name = factory.Sequence(lambda n: f"Lieu {n}")
    slug = factory.Sequence(lambda n: f"lieu-{n}")
    address = factory.Sequence(lambda n: f"{n + 1} rue de la Roseraie")
    postcode = "49100"
    commune = "Angers"
    code_insee = "49007"
    latitude = 47.4523
    longitude = -0.5478
    quartier = factory.SubFactory(QuartierFactory)

    class Params:
        # A stop of the Mairie Bus.
        bus_stop = factory.Trait(itinerant=True, name=factory.Sequence(lambda n: f"Arrêt {n}"))
        accessible = factory.Trait(
            step_free=True,
            acceslibre_url="https://acceslibre.beta.gouv.fr/app/49-angers/a/mairie/erp/relais/",
        )
        equipped = factory.Trait(
            public_wifi=True, free_computers=True, caf_terminal=True, printer_scanner=True
        )


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure

    name = factory.Sequence(lambda n: f"Structure {n}")
    slug = factory.Sequence(lambda n: f"structure-{n}")


class StructureMembershipFactory(factory.django.DjangoModelFactory):
    """A partner's account attached to its structure."""

    class Meta:
        model = StructureMembership

    user = factory.SubFactory(UserFactory, partenaire=True)
    structure = factory.SubFactory(StructureFactory)


class ServiceFactory(factory.django.DjangoModelFactory):
    """``thematiques`` takes codes (``["sante--acces-aux-soins"]``) or Thematique rows;
    ``lieux`` takes places. Without them the service has no theme and no place.

    The search vectors are not computed: a test that searches calls
    ``refresh_search_vectors()`` once its services are made."""

    class Meta:
        model = Service
        skip_postgeneration_save = True

    structure = factory.SubFactory(StructureFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    slug = factory.Sequence(lambda n: f"service-{n}")
    description = "Un accompagnement pour vos démarches, près de chez vous."
    type = TypeService.ACCOMPAGNEMENT
    frais = Frais.GRATUIT
    publics = factory.LazyFunction(lambda: ["tous-publics"])

    class Params:
        unpublished = factory.Trait(is_published=False)
        # Takes orientations through the portal.
        orientable = factory.Trait(accepts_orientations=True)
        on_appointment = factory.Trait(
            appointment_required=True,
            modes_mobilisation=[
                ModeMobilisation.TELEPHONER,
                ModeMobilisation.UTILISER_LIEN_MOBILISATION,
            ],
            lien_mobilisation="https://rendez-vous.angers.fr/",
        )
        # Every field filled in, as a coordinator would.
        complete = factory.Trait(
            falc_text="Venez avec vos papiers.\nC’est gratuit.",
            publics=["familles", "femmes"],
            frais=Frais.PAYANT,
            frais_precisions="2 € l’adhésion annuelle",
            conditions_acces="Habiter Angers.",
            modes_mobilisation=[ModeMobilisation.SE_PRESENTER, ModeMobilisation.TELEPHONER],
            languages=["fr", "ar", "tr"],
            interpreter=True,
            documents=["Carte d’identité", "Justificatif de domicile"],
            phone="02 41 00 00 00",
            email="accueil@roseraie-angers.fr",
            pro_contact="Mme Martin, 02 41 00 00 01",
        )

    @factory.post_generation
    def thematiques(obj, create, extracted, **kwargs):
        if not create or not extracted:
            return
        codes = [theme for theme in extracted if isinstance(theme, str)]
        themes = [theme for theme in extracted if not isinstance(theme, str)]
        found = list(Thematique.objects.filter(code__in=codes))
        missing = set(codes) - {theme.code for theme in found}
        if missing:
            raise ValueError(f"Unknown thematique codes: {sorted(missing)}")
        obj.thematiques.set([*themes, *found])

    @factory.post_generation
    def lieux(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.lieux.set(extracted)


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    """A slot of a place by default; pass ``service=`` for a service's own hours."""

    class Meta:
        model = OpeningHours

    service = None
    lieu = factory.Maybe(
        "service", yes_declaration=None, no_declaration=factory.SubFactory(LieuFactory)
    )
    weekday = 1
    opens = time(9)
    closes = time(12)


class SynonymFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Synonym

    word = factory.Sequence(lambda n: f"mot{n}")
    expansion = "accompagnement"


class OrientationFactory(factory.django.DjangoModelFactory):
    """An orientation sent just now by a conseiller of its own structure to an orientable
    service, without a contact. ``OrientationFactory(with_contact=True)`` gives her first
    name, phone and e-mail with her consent."""

    class Meta:
        model = Orientation

    service = factory.SubFactory(ServiceFactory, orientable=True)
    to_structure = factory.SelfAttribute("service.structure")
    sender = factory.SubFactory(UserFactory, conseiller=True)
    from_structure = factory.SubFactory(StructureFactory)
    themes = factory.LazyFunction(lambda: [ThemeNumerique.PAPIERS])
    note = "Renouvellement de la carte d’identité, le dossier est prêt."

    class Params:
        with_contact = factory.Trait(
            first_name="Aïcha",
            phone="06 12 34 56 78",
            email="aicha@example.org",
            consent_text="La personne accepte.",
            consented_at=factory.LazyFunction(timezone.now),
        )
