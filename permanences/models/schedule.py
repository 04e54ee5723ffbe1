"""The schedule: permanences, when and where residents get help with an online
procedure, recurring ("every Tuesday 14:00–17:00") or one by one (the Mairie Bus tour)."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roseraie_portal.choices import choice_labels
from roseraie_portal.content_language import (
    FrenchColumnsQuerySet,
    FrenchOriginalColumns,
    ShownText,
    page_language,
    shown,
)
from services.enums import LANGUAGE_CHOICES
from services.models import Lieu, Service, Thematique


class HalfDayDetails(FrenchOriginalColumns):
    """What a recurring permanence gives each of its dates: the half-day's theme, whether
    it is by appointment, the languages spoken."""

    thematique = models.ForeignKey(
        Thematique,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thématique"),
    )
    appointment_required = models.BooleanField(_("sur rendez-vous"), default=False)
    languages = ArrayField(
        models.CharField(max_length=5, choices=LANGUAGE_CHOICES),
        verbose_name=_("langues"),
        default=list,
        blank=True,
    )

    class Meta:
        abstract = True


class PermanenceRule(HalfDayDetails):
    """A recurring permanence ("every Tuesday 14:00–17:00, except school holidays"),
    expanded into dated Permanence rows that can then be changed one by one."""

    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        related_name="permanence_rules",
        verbose_name=_("service"),
    )
    lieu = models.ForeignKey(
        Lieu, on_delete=models.CASCADE, related_name="permanence_rules", verbose_name=_("lieu")
    )
    rrule = models.CharField(
        _("règle de répétition"),
        max_length=255,
        help_text=_("Au format iCalendar, par exemple FREQ=WEEKLY;BYDAY=TU pour chaque mardi."),
    )
    starts_on = models.DateField(_("à partir du"))
    ends_on = models.DateField(_("jusqu’au"))
    start_time = models.TimeField(_("début"))
    end_time = models.TimeField(_("fin"))
    theme_label = models.CharField(
        _("thème de la demi-journée"),
        max_length=100,
        blank=True,
        help_text=_("Par exemple « Impôts », « CAF », « Santé »."),
    )
    conseillers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("conseillers")
    )
    skip_school_holidays = models.BooleanField(_("sauf vacances scolaires"), default=False)

    class Meta:
        verbose_name = _("permanence régulière")
        verbose_name_plural = _("permanences régulières")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__lt=F("end_time")),
                name="permanence_rule_starts_before_it_ends",
                violation_error_message=_("Le début doit précéder la fin."),
            ),
            models.CheckConstraint(
                condition=Q(starts_on__lte=F("ends_on")),
                name="permanence_rule_period_in_order",
                violation_error_message=_("La première date doit précéder la dernière."),
            ),
        ]

    def __str__(self):
        return f"{self.service} — {self.lieu} ({self.rrule})"


class PermanenceQuerySet(FrenchColumnsQuerySet):
    def public(self):
        """Permanences of published services: a hidden service's page answers 404."""
        return self.filter(service__is_published=True)

    def still_to_come(self, now=None):
        """From now on, soonest first, without today's permanences already over.

        Cancelled ones stay: residents see them struck through, with the reason, rather
        than wondering where their permanence went.
        """
        local = timezone.localtime(now)
        return (
            self.filter(date__gte=local.date())
            .exclude(date=local.date(), end_time__lte=local.time())
            .order_by("date", "start_time")
        )

    def about_theme(self, thematique):
        """Permanences about ``thematique`` (a category stands for its sub-themes): by the
        half-day's own theme when it has one, else by its service's themes. A Mairie Bus
        half-day on taxes is not about health, even if the bus helps with health on other
        days."""
        theme_matches = Q(thematique=thematique) | Q(thematique__parent=thematique)
        service_matches = Exists(
            Service.thematiques.through.objects.filter(
                Q(thematique=thematique) | Q(thematique__parent=thematique),
                service=OuterRef("service_id"),
            )
        )
        return self.filter(theme_matches | (Q(thematique__isnull=True) & service_matches))

    def for_display(self):
        """What a list of permanences shows of each, in the same query."""
        return self.select_related("service__structure", "lieu__quartier", "thematique__parent")


class Permanence(HalfDayDetails):
    """One dated permanence: a service held at a place on a half-day."""

    rule = models.ForeignKey(
        PermanenceRule,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="occurrences",
        verbose_name=_("permanence régulière"),
    )
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="permanences", verbose_name=_("service")
    )
    lieu = models.ForeignKey(
        Lieu, on_delete=models.CASCADE, related_name="permanences", verbose_name=_("lieu")
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("début"))
    end_time = models.TimeField(_("fin"))
    theme_label = models.CharField(_("thème de la demi-journée"), max_length=100, blank=True)
    conseillers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="permanences",
        verbose_name=_("conseillers"),
    )
    cancelled = models.BooleanField(_("annulée"), default=False)
    cancellation_reason = models.CharField(_("raison de l’annulation"), max_length=255, blank=True)
    # Set by the schedule's actions, wherever the change comes from (admin, shell, import).
    changed_by_hand = models.BooleanField(
        _("modifiée à la main"),
        default=False,
        editable=False,
        help_text=_(
            "Une date de permanence régulière modifiée une à une : si la règle change, "
            "elle est gardée."
        ),
    )

    objects = PermanenceQuerySet.as_manager()

    class Meta:
        ordering = ["date", "start_time"]
        verbose_name = _("permanence")
        verbose_name_plural = _("permanences")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__lt=F("end_time")),
                name="permanence_starts_before_it_ends",
                violation_error_message=_("Le début doit précéder la fin."),
            ),
            models.CheckConstraint(
                condition=Q(cancelled=False) | ~Q(cancellation_reason=""),
                name="cancelled_permanence_says_why",
                violation_error_message=_("Dites pourquoi la permanence est annulée."),
            ),
            # Expanding a rule twice never duplicates an occurrence.
            models.UniqueConstraint(
                fields=["rule", "date"],
                condition=Q(rule__isnull=False),
                name="one_occurrence_per_rule_and_day",
            ),
        ]
        indexes = [
            models.Index(fields=["date", "start_time"], name="permanence_when"),
            models.Index(fields=["lieu", "date"], name="permanence_where_when"),
            models.Index(fields=["service", "date"], name="permanence_service_when"),
        ]

    def __str__(self):
        return f"{self.service} — {self.lieu} — {self.date:%Y-%m-%d} {self.start_time:%H:%M}"

    @property
    def title(self) -> str:
        return self.theme_label or str(self.service)

    @property
    def half_day_theme(self) -> ShownText:
        """The theme of the half-day: its own words (translated, or in French), else its
        thematique's (in the interface's catalogs); empty if neither."""
        if self.theme_label:
            return shown(self, "theme_label")
        name = self.thematique.display_name if self.thematique is not None else ""
        return ShownText(str(name), page_language())

    @property
    def languages_display(self) -> list[str]:
        return choice_labels(self.languages, LANGUAGE_CHOICES)
