"""The directory: structures (partners), places (lieux), services, themes, neighbourhoods.

Vocabularies follow the national data·inclusion schema v1 (``data-inclusion-schema`` on
PyPI) so that our data can be exchanged: https://www.data.inclusion.gouv.fr/.
"""

from datetime import date, timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from roseraie_portal import pictograms
from roseraie_portal.choices import choice_labels
from roseraie_portal.content_language import (
    FrenchColumnsQuerySet,
    FrenchOriginalColumns,
    translation_columns,
)
from roseraie_portal.holidays import is_public_holiday
from services.enums import (
    LANGUAGE_CHOICES,
    PUBLIC_CHOICES,
    RESEAU_PORTEUR_CHOICES,
    Frais,
    ModeMobilisation,
    StructureKind,
    TypeService,
    Weekday,
)

# A service not verified for this long is flagged to coordinators.
FRESHNESS_LIMIT = timedelta(days=365)


class Quartier(models.Model):
    name = models.CharField(_("nom"), max_length=100, unique=True)
    slug = models.SlugField(_("identifiant dans l’adresse"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("quartier")
        verbose_name_plural = _("quartiers")

    def __str__(self):
        return self.name


class Thematique(models.Model):
    """A theme of the data·inclusion v1 list: a category, or a sub-theme within one.

    Loaded by a data migration from the schema package; coordinators add a plain-French
    alias and a pictogram, never new codes (they would not be exchangeable).
    """

    code = models.SlugField(_("code data·inclusion"), max_length=150, unique=True)
    label = models.CharField(_("libellé officiel"), max_length=200)
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("catégorie"),
    )
    alias = models.CharField(
        _("mots de tous les jours"),
        max_length=200,
        blank=True,
        help_text=_("Le nom que les habitants emploient, par exemple « papiers » ou « CAF »."),
    )
    pictogram = models.CharField(
        _("pictogramme"),
        max_length=50,
        blank=True,
        help_text=_("Nom d’un fichier de static/img/pictos/, sans « .svg »."),
    )
    home_position = models.PositiveSmallIntegerField(
        _("place sur l’accueil"),
        null=True,
        blank=True,
        help_text=_("Les catégories numérotées forment les tuiles de la page d’accueil."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("thématique")
        verbose_name_plural = _("thématiques")

    def __str__(self):
        return self.display_name

    def clean(self):
        # A pictogram that does not exist would break every page showing this theme.
        if self.pictogram and not pictograms.exists(self.pictogram):
            raise ValidationError(
                {"pictogram": _("Aucun pictogramme ne porte ce nom dans static/img/pictos/.")}
            )

    @property
    def display_name(self) -> str:
        # Labels are marked for translation in services/thematique_labels.py.
        return gettext(self.alias or self.label)

    @property
    def is_category(self) -> bool:
        return self.parent_id is None


class Structure(FrenchOriginalColumns):
    """A partner: a public institution, an association, a municipal service."""

    name = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(_("identifiant dans l’adresse"), max_length=150, unique=True)
    kind = models.CharField(
        _("type de structure"),
        max_length=30,
        choices=StructureKind.choices,
        default=StructureKind.ASSOCIATION,
    )
    description = models.TextField(_("présentation courte"), blank=True)
    website = models.URLField(_("site internet"), blank=True)
    phone = models.CharField(_("téléphone public"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail public"), blank=True)
    siret = models.CharField(_("numéro SIRET"), max_length=14, blank=True)
    reseaux_porteurs = ArrayField(
        models.CharField(max_length=100, choices=RESEAU_PORTEUR_CHOICES),
        verbose_name=_("réseaux porteurs"),
        default=list,
        blank=True,
    )
    date_maj = models.DateField(_("date de mise à jour"), default=timezone.localdate)

    class Meta:
        ordering = ["name"]
        verbose_name = _("structure")
        verbose_name_plural = _("structures")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("services:structure", kwargs={"slug": self.slug})


class StructureMembership(models.Model):
    """Attaches a partner's account to the one structure whose bilans it may take away."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="structure_membership",
        verbose_name=_("compte"),
    )
    structure = models.ForeignKey(
        Structure,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("structure"),
    )

    class Meta:
        verbose_name = _("rattachement à une structure")
        verbose_name_plural = _("rattachements à une structure")

    def __str__(self):
        return f"{self.user} → {self.structure}"


class Lieu(FrenchOriginalColumns):
    """A place where services are given: a building, or a stop of the Mairie Bus."""

    name = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(_("identifiant dans l’adresse"), max_length=150, unique=True)
    address = models.CharField(_("adresse"), max_length=255)
    postcode = models.CharField(_("code postal"), max_length=5)
    commune = models.CharField(_("commune"), max_length=100, default="Angers")
    code_insee = models.CharField(_("code INSEE"), max_length=5, default="49007")
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    quartier = models.ForeignKey(
        Quartier,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lieux",
        verbose_name=_("quartier"),
    )
    itinerant = models.BooleanField(
        _("arrêt du Bus Mairie"),
        default=False,
        help_text=_("Un lieu itinérant : le service y vient certains jours seulement."),
    )
    step_free = models.BooleanField(_("accessible en fauteuil roulant"), default=False)
    acceslibre_url = models.URLField(_("fiche acceslibre"), blank=True)
    public_wifi = models.BooleanField(_("wifi public"), default=False)
    free_computers = models.BooleanField(_("ordinateurs en libre accès"), default=False)
    caf_terminal = models.BooleanField(_("borne CAF"), default=False)
    printer_scanner = models.BooleanField(_("imprimante et scanner"), default=False)
    half_days_per_week = models.PositiveSmallIntegerField(
        _("demi-journées offertes par semaine"),
        default=0,
        help_text=_(
            "Pour un local partagé : les demi-journées où les partenaires peuvent y tenir "
            "une permanence ou un atelier. Le diagnostic en calcule l’occupation."
        ),
    )
    access_notes = models.CharField(
        _("comment y aller"),
        max_length=255,
        blank=True,
        help_text=_("Tram, bus, étage, entrée : ce qui aide à trouver le lieu."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("lieu")
        verbose_name_plural = _("lieux")

    def __str__(self):
        return self.name

    @property
    def postal_address(self) -> str:
        """One line, as on an envelope: "12 rue …, 49000 Angers"."""
        return f"{self.address}, {self.postcode} {self.commune}"

    @property
    def osm_url(self) -> str:
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            "https://www.openstreetmap.org/?mlat="
            f"{self.latitude:.5f}&mlon={self.longitude:.5f}#map=18/"
            f"{self.latitude:.5f}/{self.longitude:.5f}"
        )


class ServiceQuerySet(FrenchColumnsQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def stale(self, today: date | None = None):
        """Services not verified within FRESHNESS_LIMIT: coordinators check them first."""
        limit = (today or timezone.localdate()) - FRESHNESS_LIMIT
        return self.filter(Q(verifie_le__isnull=True) | Q(verifie_le__lt=limit))

    def for_cards(self):
        """What a result card shows and nothing more, in two queries: the services with
        their structure's name, then their places. The other columns (the search vector,
        the long texts and their translations) are the bulk of a row."""
        return (
            self.select_related("structure")
            .only(
                "slug",
                "frais",
                "appointment_required",
                "structure__name",
                "name",
                *translation_columns("name"),
                "description",
                *translation_columns("description"),
            )
            .prefetch_related(
                models.Prefetch(
                    "lieux",
                    queryset=Lieu.objects.select_related("quartier").only("name", "quartier__name"),
                ),
            )
        )

    def open_at(self, moment):
        """Services open at ``moment``: their own hours when they have some, else their
        places' hours. French public holidays are closed."""
        local = timezone.localtime(moment)
        if is_public_holiday(local.date()):
            return self.none()
        # One list of ids, hashed once: services whose own hours are open, and services
        # without own hours at a place that is open. (An OR of subqueries made PostgreSQL
        # test every service in turn.)
        open_ids = RawSQL(
            """
            SELECT slot.service_id FROM services_openinghours AS slot
            WHERE slot.service_id IS NOT NULL
              AND slot.weekday = %s AND slot.opens <= %s AND slot.closes > %s
            UNION
            SELECT link.service_id
            FROM services_openinghours AS slot
            JOIN services_service_lieux AS link ON link.lieu_id = slot.lieu_id
            WHERE slot.weekday = %s AND slot.opens <= %s AND slot.closes > %s
              AND NOT EXISTS (
                  SELECT 1 FROM services_openinghours AS own
                  WHERE own.service_id = link.service_id
              )
            """,
            [local.weekday(), local.time(), local.time()] * 2,
        )
        return self.filter(pk__in=open_ids)


class Service(FrenchOriginalColumns):
    structure = models.ForeignKey(
        Structure, on_delete=models.CASCADE, related_name="services", verbose_name=_("structure")
    )
    lieux = models.ManyToManyField(
        Lieu, related_name="services", blank=True, verbose_name=_("lieux")
    )
    name = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(_("identifiant dans l’adresse"), max_length=150, unique=True)
    description = models.TextField(_("description"))
    falc_text = models.TextField(
        _("texte facile à lire"),
        blank=True,
        help_text=_("Des phrases courtes, une idée par ligne, 12 mots au plus par phrase."),
    )
    type = models.CharField(_("type de service"), max_length=30, choices=TypeService.choices)
    thematiques = models.ManyToManyField(
        Thematique, related_name="services", verbose_name=_("thématiques")
    )
    publics = ArrayField(
        models.CharField(max_length=60, choices=PUBLIC_CHOICES),
        verbose_name=_("publics"),
        default=list,
        blank=True,
    )
    frais = models.CharField(
        _("frais"), max_length=10, choices=Frais.choices, default=Frais.GRATUIT
    )
    frais_precisions = models.CharField(_("précisions sur les frais"), max_length=255, blank=True)
    conditions_acces = models.TextField(_("conditions d’accès"), blank=True)
    modes_mobilisation = ArrayField(
        models.CharField(max_length=40, choices=ModeMobilisation.choices),
        verbose_name=_("comment venir"),
        default=list,
        blank=True,
    )
    lien_mobilisation = models.URLField(_("lien pour prendre rendez-vous"), blank=True)
    appointment_required = models.BooleanField(_("sur rendez-vous seulement"), default=False)
    languages = ArrayField(
        models.CharField(max_length=5, choices=LANGUAGE_CHOICES),
        verbose_name=_("langues parlées sur place"),
        default=list,
        blank=True,
    )
    interpreter = models.BooleanField(_("interprète possible"), default=False)
    documents = ArrayField(
        models.CharField(max_length=200),
        verbose_name=_("documents à apporter"),
        default=list,
        blank=True,
        help_text=_("Un document par ligne."),
    )
    phone = models.CharField(_("téléphone public"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail public"), blank=True)
    pro_contact = models.TextField(
        _("contact pour les professionnels"),
        blank=True,
        help_text=_("Montré seulement aux professionnels connectés : nom, ligne directe."),
    )
    accepts_orientations = models.BooleanField(
        _("reçoit des orientations par le portail"),
        default=False,
        help_text=_(
            "Les professionnels peuvent adresser une personne à ce service depuis le portail. "
            "Les comptes rattachés à la structure reçoivent ces orientations."
        ),
    )
    orientation_email = models.EmailField(
        _("boîte partagée pour les orientations"),
        blank=True,
        help_text=_("Facultatif : elle est prévenue de chaque orientation, en plus des comptes."),
    )
    date_maj = models.DateField(_("date de mise à jour"), default=timezone.localdate)
    verifie_le = models.DateField(_("vérifié le"), null=True, blank=True)
    is_published = models.BooleanField(_("publié"), default=True)
    # Weighted French full-text vector (name A, themes B, description C), kept by
    # services.search.refresh_search_vectors after every write.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        indexes = [
            GinIndex(fields=["search_vector"], name="service_search_vector_gin"),
            # The directory without words lists the published services by name, ten at a
            # time, and counts them from this index alone. Written as an expression so that
            # modeltranslation adds no index per language: pages order by the French name
            # (roseraie_portal.content_language).
            models.Index(
                models.F("name"),
                name="service_published_name",
                condition=models.Q(is_published=True),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("services:detail", kwargs={"slug": self.slug})

    def get_falc_url(self):
        return reverse("services:facile", kwargs={"slug": self.slug})

    @property
    def is_free(self) -> bool:
        return self.frais == Frais.GRATUIT

    @property
    def publics_display(self) -> list[str]:
        return choice_labels(self.publics, PUBLIC_CHOICES)

    @property
    def modes_mobilisation_display(self) -> list[str]:
        return choice_labels(self.modes_mobilisation, ModeMobilisation.choices)

    @property
    def languages_display(self) -> list[str]:
        return choice_labels(self.languages, LANGUAGE_CHOICES)


class OpeningHours(models.Model):
    """One weekly opening slot, of a place or of a service whose hours differ from it."""

    lieu = models.ForeignKey(
        Lieu,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="opening_hours",
        verbose_name=_("lieu"),
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="opening_hours",
        verbose_name=_("service"),
    )
    weekday = models.PositiveSmallIntegerField(_("jour"), choices=Weekday.choices)
    opens = models.TimeField(_("ouverture"))
    closes = models.TimeField(_("fermeture"))

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("horaire d’ouverture")
        verbose_name_plural = _("horaires d’ouverture")
        constraints = [
            models.CheckConstraint(
                condition=Q(lieu__isnull=False, service__isnull=True)
                | Q(lieu__isnull=True, service__isnull=False),
                name="opening_hours_of_a_place_or_a_service",
                violation_error_message=_("Un horaire appartient à un lieu ou à un service."),
            ),
            models.CheckConstraint(
                condition=Q(opens__lt=models.F("closes")),
                name="opening_hours_open_before_close",
                violation_error_message=_("L’heure d’ouverture doit précéder la fermeture."),
            ),
        ]
        indexes = [models.Index(fields=["weekday", "opens", "closes"])]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class Synonym(models.Model):
    """A resident's everyday word, mapped to the words and themes the directory uses.

    "sécu" → "assurance maladie"; "chômage" → "France Travail". Kept in the database so
    that coordinators add words in the admin as they hear them.
    """

    word = models.CharField(
        _("mot de tous les jours"),
        max_length=100,
        help_text=_("Un mot ou une courte expression, comme les habitants l’écrivent."),
    )
    # The language the word is said in: a search on /en/ reads the English words and the
    # French ones (names of places, acronyms like CAF are the same everywhere).
    language = models.CharField(
        _("langue du mot"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="fr",
    )
    expansion = models.CharField(
        _("mots de l’annuaire"),
        max_length=255,
        blank=True,
        help_text=_("Les mots à chercher à la place, par exemple « assurance maladie »."),
    )
    thematiques = models.ManyToManyField(
        Thematique, blank=True, related_name="synonyms", verbose_name=_("thématiques")
    )

    class Meta:
        ordering = ["language", "word"]
        verbose_name = _("synonyme")
        constraints = [
            models.UniqueConstraint(
                fields=["word", "language"],
                name="synonym_word_once_per_language",
                violation_error_message=_("Ce mot existe déjà dans cette langue."),
            )
        ]
        verbose_name_plural = _("synonymes")

    def __str__(self):
        return f"{self.word} → {self.expansion}"
