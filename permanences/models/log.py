"""The anonymous log of the procedures conseillers numériques accompany.

It follows the national CRA (compte rendu d'activité) of conseillers numériques, so that
local figures match what they report nationally. No field holds the identity of the
person helped: see ../shared/PRODUCT.md, "Principles".
"""

from datetime import date, timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from permanences.enums import (
    NON_COMMUNIQUE,
    Autonomie,
    Canal,
    Demarche,
    Genre,
    Materiel,
    Residence,
    Resultat,
    Statut,
    ThemeNumerique,
    TrancheAge,
)
from permanences.models.schedule import Permanence
from roseraie_portal.choices import choice_labels
from services.enums import LANGUAGE_CHOICES, OrientationSource
from services.models import Lieu, Quartier, Structure
from services.selectors import scope_of

# A conseiller may correct its own entries for this long, then they are locked.
EDIT_WINDOW = timedelta(days=7)


class AccompagnementQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A conseiller sees its own entries, a partner its structures', coordination all."""
        scope = scope_of(user)
        if scope.everything:
            return self
        return self.filter(Q(conseiller=user) | scope.q("structure"))

    def monthly_totals(self, *, today, months: int = 12) -> list[dict]:
        """Entries and minutes for each of the last ``months`` months, newest first, in one
        query; a month without entries counts zero."""
        firsts = []
        year, month = today.year, today.month
        for _i in range(months):
            firsts.append(date(year, month, 1))
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        rows = (
            self.filter(date__gte=firsts[-1], date__lte=today)
            .annotate(month=TruncMonth("date"))
            .order_by()
            .values("month")
            .annotate(entries=Count("pk"), minutes=Sum("duration_minutes"))
        )
        found = {row["month"]: row for row in rows}
        return [
            {
                "month": first,
                "entries": found.get(first, {}).get("entries", 0),
                "minutes": found.get(first, {}).get("minutes", 0),
            }
            for first in firsts
        ]


# The person's profile, never her identity: optional, "non communiqué" unless the
# conseiller knows. The form groups these fields, the admin too, and they are editable.
PROFILE_FIELDS = (
    "tranche_age",
    "genre",
    "statut",
    "residence",
    "quartier",
    "orientation_source",
    "langue",
    "interprete",
)


class Accompagnement(models.Model):
    """One accompanied procedure, anonymous by design: nothing here names the person."""

    conseiller = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="accompagnements",
        verbose_name=_("conseiller"),
        db_index=False,  # accomp_by_conseiller starts with it
    )
    structure = models.ForeignKey(
        Structure,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accompagnements",
        verbose_name=_("structure"),
    )
    date = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("durée (minutes)"), validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    canal = models.CharField(_("lieu de l’accompagnement"), max_length=20, choices=Canal.choices)
    lieu = models.ForeignKey(
        Lieu,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accompagnements",
        verbose_name=_("lieu"),
    )
    permanence = models.ForeignKey(
        Permanence,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accompagnements",
        verbose_name=_("permanence"),
    )
    themes = ArrayField(
        models.CharField(max_length=40, choices=ThemeNumerique.choices),
        verbose_name=_("thèmes"),
    )
    demarche = models.CharField(
        _("démarche précise"), max_length=40, choices=Demarche.choices, blank=True
    )
    materiel = ArrayField(
        models.CharField(max_length=20, choices=Materiel.choices),
        verbose_name=_("matériel utilisé"),
        default=list,
        blank=True,
    )
    autonomie = models.CharField(_("autonomie"), max_length=30, choices=Autonomie.choices)
    resultat = models.CharField(_("résultat"), max_length=20, choices=Resultat.choices)
    reoriente_vers = models.ForeignKey(
        Structure,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reorientations",
        verbose_name=_("réorienté vers"),
    )
    tranche_age = models.CharField(
        _("âge"), max_length=20, choices=TrancheAge.choices, default=NON_COMMUNIQUE
    )
    genre = models.CharField(
        _("genre"), max_length=20, choices=Genre.choices, default=NON_COMMUNIQUE
    )
    statut = models.CharField(
        _("situation"), max_length=20, choices=Statut.choices, default=NON_COMMUNIQUE
    )
    residence = models.CharField(
        _("lieu de vie"), max_length=20, choices=Residence.choices, default=NON_COMMUNIQUE
    )
    quartier = models.ForeignKey(
        Quartier,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("quartier de résidence"),
    )
    orientation_source = models.CharField(
        _("comment la personne a connu la permanence"),
        max_length=30,
        choices=OrientationSource.choices,
        default=NON_COMMUNIQUE,
    )
    langue = models.CharField(
        _("langue de l’échange"), max_length=5, choices=LANGUAGE_CHOICES, default="fr"
    )
    interprete = models.BooleanField(_("interprète nécessaire"), default=False)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("enregistré le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = AccompagnementQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("accompagnement")
        verbose_name_plural = _("accompagnements")
        constraints = [
            models.CheckConstraint(
                condition=~Q(themes=[]),
                name="accompagnement_has_a_theme",
                violation_error_message=_("Choisissez au moins un thème."),
            ),
            models.CheckConstraint(
                condition=~Q(resultat="reorientee") | Q(reoriente_vers__isnull=False),
                name="reorientation_names_the_structure",
                violation_error_message=_(
                    "Indiquez vers quelle structure la personne est réorientée."
                ),
            ),
            models.CheckConstraint(
                condition=Q(residence="quartier", quartier__isnull=False)
                | (~Q(residence="quartier") & Q(quartier__isnull=True)),
                name="residence_quartier_consistent",
                violation_error_message=_("Choisissez le quartier, ou « hors quartier »."),
            ),
        ]
        indexes = [
            # "My entries" (newest first) and "my monthly totals", for a conseiller: the
            # page's ids and the totals come from this index alone, without the table.
            models.Index(
                fields=["conseiller", "-date", "-created_at", "-id"],
                include=["duration_minutes"],
                name="accomp_by_conseiller",
            ),
            # A partner's bilan: its structure, by year.
            models.Index(fields=["structure", "date"], name="accomp_by_structure"),
            models.Index(fields=["date"], name="accomp_by_date"),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} — {self.get_canal_display()}"

    def get_absolute_url(self):
        return reverse("permanences:accompagnement_edit", kwargs={"pk": self.pk})

    def is_editable_by(self, user, now=None) -> bool:
        """Its author may correct it for 7 days after saving it; then it is locked."""
        return self.conseiller_id == user.pk and not self.is_locked(now)

    def is_locked(self, now=None) -> bool:
        return (now or timezone.now()) - self.created_at >= EDIT_WINDOW

    @property
    def themes_display(self) -> list[str]:
        return choice_labels(self.themes, ThemeNumerique.choices)

    @property
    def materiel_display(self) -> list[str]:
        return choice_labels(self.materiel, Materiel.choices)


class TallyDimension:
    """What the tally counts an accompaniment under, one key each (the themes: one per
    theme). The keys are written by the SQL function ``permanences_tally_keys``."""

    TOTAL = "total"  # key ""
    TRANCHE_AGE = "tranche_age"  # a TrancheAge value
    RESIDENCE = "residence"  # "quartier:<id>", or another Residence value
    LIEU = "lieu"  # "lieu:<id>", or "canal:<Canal value>" when no place is named
    ORIENTATION_SOURCE = "orientation_source"  # an OrientationSource value
    AUTONOMIE = "autonomie"  # an Autonomie value
    RESULTAT = "resultat"  # a Resultat value
    REORIENTE_VERS = "reoriente_vers"  # a Structure id, for reoriented entries only
    THEME = "theme"  # a ThemeNumerique value


class AccompagnementTally(models.Model):
    """How many accompaniments of a structure (or of none: ``structure_id`` null) each
    month counts under each key of each dimension of the bilans.

    PostgreSQL keeps it: statement-level triggers on the accompaniments' table add and
    subtract what every insert, update, delete or truncate changes (migration 0006), so
    that every way of writing (the log's actions, the admin, the purge, a bulk load)
    leaves it exact, and a bilan reads a few thousand rows instead of a year of entries:
    a structure's its own, the territory's every structure's, added up.

    ``structure_id`` is a plain number, not a foreign key: a structure whose entries are
    all gone leaves rows of zero behind, which must not keep it from being deleted.
    """

    month = models.DateField(_("mois"))
    structure_id = models.BigIntegerField(_("structure"), null=True)
    dimension = models.CharField(_("dimension"), max_length=20)
    key = models.CharField(_("valeur"), max_length=60, blank=True)
    count = models.IntegerField(_("nombre"))

    class Meta:
        verbose_name = _("décompte mensuel des accompagnements")
        verbose_name_plural = _("décomptes mensuels des accompagnements")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["month", "structure_id", "dimension", "key"],
                name="accompagnement_tally_key",
                nulls_distinct=False,
            )
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.structure_id} {self.dimension}={self.key}: {self.count}"
