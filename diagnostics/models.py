"""Territorial diagnostics that the partners write together (SWOT, objectives, a roadmap
and its actions), the indicators they follow, and the common budget of the partnership.

Written in the admin by coordinators; published diagnostics are public. The figures the
portal computes from its own data are not stored: see diagnostics/indicators.py and
diagnostics/bilans.py.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from diagnostics.enums import (
    ActionStatus,
    ContributionKind,
    DiagnosticStatus,
    ObjectiveKind,
    Quadrant,
)
from services.models import Quartier, Structure


class DiagnosticQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=DiagnosticStatus.PUBLISHED)

    def visible_to(self, user):
        """Published ones for everybody; drafts too for professionals."""
        return self if user.is_authenticated else self.published()


class Diagnostic(models.Model):
    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("identifiant dans l’adresse"), max_length=200, unique=True)
    quartier = models.ForeignKey(
        Quartier,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("quartier"),
        help_text=_("Vide : la ville entière."),
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    context = models.TextField(_("contexte"), blank=True)
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=DiagnosticStatus.choices,
        default=DiagnosticStatus.DRAFT,
    )
    indicators = models.ManyToManyField(
        "Indicator", blank=True, related_name="diagnostics", verbose_name=_("indicateurs suivis")
    )

    objects = DiagnosticQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("diagnostic")
        verbose_name_plural = _("diagnostics")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("diagnostics:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == DiagnosticStatus.PUBLISHED


class Ordered(models.Model):
    """An item of a diagnostic shown in the order the coordinators chose."""

    diagnostic = models.ForeignKey(
        Diagnostic,
        on_delete=models.CASCADE,
        related_name="%(class)ss",
        verbose_name=_("diagnostic"),
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]


class SwotItem(Ordered):
    quadrant = models.CharField(_("case"), max_length=12, choices=Quadrant.choices)
    text = models.TextField(_("texte"))

    class Meta(Ordered.Meta):
        verbose_name = _("élément de l’analyse AFOM")
        verbose_name_plural = _("analyse AFOM (atouts, faiblesses, opportunités, menaces)")

    def __str__(self):
        return self.text[:80]


class Objective(Ordered):
    kind = models.CharField(_("type"), max_length=12, choices=ObjectiveKind.choices)
    text = models.TextField(_("objectif"))

    class Meta(Ordered.Meta):
        verbose_name = _("objectif")
        verbose_name_plural = _("objectifs")

    def __str__(self):
        return self.text[:80]


class Phase(Ordered):
    """A phase of the roadmap: its dates and what is done in it."""

    title = models.CharField(_("titre"), max_length=200)
    starts_on = models.DateField(_("début"), null=True, blank=True)
    ends_on = models.DateField(_("fin"), null=True, blank=True)
    description = models.TextField(_("ce qui est fait"), blank=True)

    class Meta(Ordered.Meta):
        verbose_name = _("phase de la feuille de route")
        verbose_name_plural = _("feuille de route")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(starts_on__lte=F("ends_on")),
                name="phase_period_in_order",
                violation_error_message=_("Le début doit précéder la fin."),
            )
        ]

    def __str__(self):
        return self.title


class Action(Ordered):
    """A shared action: who carries it, for when, where it stands. The partners'
    contributions to the common budget go to actions."""

    title = models.CharField(_("action"), max_length=200)
    phase = models.ForeignKey(
        Phase,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("phase"),
    )
    owner = models.ForeignKey(
        Structure,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("structure qui la porte"),
    )
    due_on = models.DateField(_("échéance"), null=True, blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.TODO
    )

    class Meta(Ordered.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return self.title


class Indicator(models.Model):
    """A figure the partners follow by hand ("fréquentation du service démarches"), each
    value dated and sourced, so that its history shows."""

    name = models.CharField(_("indicateur"), max_length=200)
    unit = models.CharField(_("unité"), max_length=30, blank=True, help_text=_("%, personnes…"))
    description = models.TextField(_("ce qu’il mesure"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("indicateur saisi")
        verbose_name_plural = _("indicateurs saisis")

    def __str__(self):
        return self.name


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicateur")
    )
    value = models.DecimalField(_("valeur"), max_digits=12, decimal_places=2)
    period = models.CharField(
        _("période"), max_length=50, blank=True, help_text=_("Par exemple 2016-2018.")
    )
    measured_on = models.DateField(_("date de la mesure"))
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        ordering = ["indicator", "measured_on"]
        verbose_name = _("valeur")
        verbose_name_plural = _("valeurs")

    def __str__(self):
        return f"{self.indicator} : {self.value} ({self.period or self.measured_on})"


class Contribution(models.Model):
    """What a partner gives to a shared action in a year: money, staff time, premises or
    equipment, valued in euros so that the common budget adds up."""

    year = models.PositiveSmallIntegerField(_("année"), validators=[MinValueValidator(2000)])
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("action")
    )
    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="+", verbose_name=_("partenaire")
    )
    kind = models.CharField(_("nature"), max_length=10, choices=ContributionKind.choices)
    amount = models.DecimalField(
        _("valeur (euros)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    detail = models.CharField(
        _("précision"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple « 0,1 ETP » pour un dixième de temps plein."),
    )
    funder = models.CharField(_("financeur"), max_length=200, blank=True)

    class Meta:
        ordering = ["year", "action", "structure"]
        verbose_name = _("contribution au budget commun")
        verbose_name_plural = _("budget commun")

    def __str__(self):
        return f"{self.year} — {self.structure} → {self.action}"
