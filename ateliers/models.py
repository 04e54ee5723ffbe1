"""Ateliers: collective workshops scheduled by coordinators, joined by residents without
an account, their attendance followed.

A registration holds the least that lets the person come and be told of a change: a
first name or initials and, with consent, a phone number or an e-mail. Names and
contacts are erased three months after the session (purge_inscriptions); the anonymous
counts stay.
"""

import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.enums import AtelierStatus, Attendance, InscriptionStatus, Need, Niveau
from roseraie_portal.choices import choice_labels
from roseraie_portal.content_language import FrenchColumnsQuerySet, FrenchOriginalColumns
from services.enums import LANGUAGE_CHOICES, NON_COMMUNIQUE, PUBLIC_CHOICES, OrientationSource
from services.models import Lieu, Service, Structure, Thematique

MAX_CAPACITY = 200


def new_token() -> str:
    """The secret of a registration's own page: whoever holds the link may cancel."""
    return secrets.token_urlsafe(24)


class AtelierDetails(FrenchOriginalColumns):
    """What a session is, and what a cycle gives each of its sessions."""

    title = models.CharField(_("titre"), max_length=150)
    thematique = models.ForeignKey(
        Thematique,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thème"),
    )
    level = models.CharField(
        _("niveau"), max_length=20, choices=Niveau.choices, default=Niveau.DEBUTANT
    )
    description = models.TextField(_("description"))
    falc_description = models.TextField(
        _("description facile à lire"),
        blank=True,
        help_text=_("Des phrases courtes, une idée par ligne, 12 mots au plus par phrase."),
    )
    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="+", verbose_name=_("structure")
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
        help_text=_("L’atelier apparaît sur la page de ce service."),
    )
    animateur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("animateur"),
        help_text=_("Le compte qui anime l’atelier et note les présences."),
    )
    lieu = models.ForeignKey(
        Lieu, on_delete=models.PROTECT, related_name="+", verbose_name=_("lieu")
    )
    start_time = models.TimeField(_("début"))
    end_time = models.TimeField(_("fin"))
    capacity = models.PositiveSmallIntegerField(
        _("places"), default=10, validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)]
    )
    publics = ArrayField(
        models.CharField(max_length=60, choices=PUBLIC_CHOICES),
        verbose_name=_("publics"),
        default=list,
        blank=True,
    )
    languages = ArrayField(
        models.CharField(max_length=5, choices=LANGUAGE_CHOICES),
        verbose_name=_("langues"),
        default=list,
        blank=True,
    )
    registration_required = models.BooleanField(_("sur inscription"), default=True)
    equipment_provided = models.BooleanField(
        _("matériel fourni"), default=True, help_text=_("Ordinateurs ou tablettes prêtés.")
    )
    to_bring = ArrayField(
        models.CharField(max_length=200),
        verbose_name=_("à apporter"),
        default=list,
        blank=True,
        help_text=_("Une chose par ligne, par exemple « Votre téléphone »."),
    )

    class Meta:
        abstract = True

    @property
    def languages_display(self) -> list[str]:
        return choice_labels(self.languages, LANGUAGE_CHOICES)

    @property
    def publics_display(self) -> list[str]:
        return choice_labels(self.publics, PUBLIC_CHOICES)


class AtelierCycle(AtelierDetails):
    """A cycle of sessions ("6 Tuesdays from 6 January, not in school holidays"), whose
    sessions are created at once and can then be moved or cancelled one by one."""

    rrule = models.CharField(
        _("règle de répétition"),
        max_length=255,
        help_text=_("Au format iCalendar, par exemple FREQ=WEEKLY;BYDAY=TU;COUNT=6."),
    )
    starts_on = models.DateField(_("à partir du"))
    ends_on = models.DateField(_("jusqu’au"))
    skip_school_holidays = models.BooleanField(_("sauf vacances scolaires"), default=True)

    class Meta:
        verbose_name = _("cycle d’ateliers")
        verbose_name_plural = _("cycles d’ateliers")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__lt=F("end_time")),
                name="atelier_cycle_starts_before_it_ends",
                violation_error_message=_("Le début doit précéder la fin."),
            ),
            models.CheckConstraint(
                condition=Q(starts_on__lte=F("ends_on")),
                name="atelier_cycle_period_in_order",
                violation_error_message=_("La première date doit précéder la dernière."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.rrule})"


def _registrations(condition):
    """How many registrations of a session meet ``condition``: a subquery on the
    registrations' index, not a join grouped by session, so that PostgreSQL counts for
    the rows it returns (a page of 20 walked in date order), where the join counted,
    grouped and sorted every session to come."""
    registrations = (
        Inscription.objects.filter(condition, atelier=OuterRef("pk"))
        .order_by()
        .values("atelier")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(registrations), 0)


class AtelierQuerySet(FrenchColumnsQuerySet):
    def still_to_come(self, now=None):
        """From now on, soonest first, without today's sessions already over. Cancelled
        ones stay, shown with their reason."""
        local = timezone.localtime(now)
        return (
            self.filter(date__gte=local.date())
            .exclude(date=local.date(), end_time__lte=local.time())
            .order_by("date", "start_time", "pk")
        )

    def with_places_left(self):
        """Each session's registered people and places left: what a card shows."""
        registered = _registrations(Q(status=InscriptionStatus.CONFIRMED))
        return self.annotate(
            registered=registered,
            places_left=Greatest(F("capacity") - F("registered"), Value(0)),
        )

    def with_counts(self):
        """Each session's registered, places left, waiting, present, absent, excused and
        first-time counts, in the same query (the admin, professionals' pages)."""
        confirmed = Q(status=InscriptionStatus.CONFIRMED)
        return self.with_places_left().annotate(
            waiting=_registrations(Q(status=InscriptionStatus.WAITING)),
            present=_registrations(confirmed & Q(attendance=Attendance.PRESENT)),
            absent=_registrations(confirmed & Q(attendance=Attendance.ABSENT)),
            excused=_registrations(confirmed & Q(attendance=Attendance.EXCUSED)),
            first_time=_registrations(confirmed & Q(first_time=True)),
        )

    def for_cards(self):
        """What a card of a list shows besides the session: its place and structure."""
        return self.select_related("lieu__quartier", "structure")

    def for_display(self):
        """What the session's page and the agenda show: a card's, its theme and service."""
        return self.for_cards().select_related("thematique__parent", "service")


class Atelier(AtelierDetails):
    """One session, on a date."""

    cycle = models.ForeignKey(
        AtelierCycle,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("cycle"),
    )
    date = models.DateField(_("date"))
    status = models.CharField(
        _("statut"), max_length=10, choices=AtelierStatus.choices, default=AtelierStatus.PLANNED
    )
    cancellation_reason = models.CharField(_("raison de l’annulation"), max_length=255, blank=True)
    walk_ins = models.PositiveSmallIntegerField(
        _("venus sans inscription"),
        default=0,
        validators=[MaxValueValidator(MAX_CAPACITY)],
        help_text=_("Comptés sans nom, quand l’animateur note les présences."),
    )
    # Set by the actions: a session of a cycle moved or changed one by one is kept when its
    # cycle changes.
    changed_by_hand = models.BooleanField(_("modifié à la main"), default=False, editable=False)

    objects = AtelierQuerySet.as_manager()

    class Meta:
        ordering = ["date", "start_time"]
        verbose_name = _("atelier")
        verbose_name_plural = _("ateliers")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__lt=F("end_time")),
                name="atelier_starts_before_it_ends",
                violation_error_message=_("Le début doit précéder la fin."),
            ),
            models.CheckConstraint(
                condition=~Q(status=AtelierStatus.CANCELLED) | ~Q(cancellation_reason=""),
                name="cancelled_atelier_says_why",
                violation_error_message=_("Dites pourquoi l’atelier est annulé."),
            ),
            models.UniqueConstraint(
                fields=["cycle", "date"],
                condition=Q(cycle__isnull=False),
                name="one_session_per_cycle_and_day",
            ),
        ]
        indexes = [
            models.Index(fields=["date", "start_time"], name="atelier_when"),
            models.Index(fields=["lieu", "date"], name="atelier_where_when"),
            models.Index(fields=["service", "date"], name="atelier_service_when"),
        ]

    def __str__(self):
        return f"{self.title} — {self.date:%Y-%m-%d} {self.start_time:%H:%M}"

    def get_absolute_url(self):
        return reverse("ateliers:detail", kwargs={"pk": self.pk})

    @property
    def is_cancelled(self) -> bool:
        return self.status == AtelierStatus.CANCELLED


class InscriptionQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=InscriptionStatus.CANCELLED)

    def waiting_in_order(self):
        return self.filter(status=InscriptionStatus.WAITING).order_by("created_at", "pk")


class Inscription(models.Model):
    """A person's place at a session, or on its waiting list."""

    atelier = models.ForeignKey(
        Atelier, on_delete=models.CASCADE, related_name="inscriptions", verbose_name=_("atelier")
    )
    first_name = models.CharField(_("prénom ou initiales"), max_length=60, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # The phone's digits or the e-mail in lower case: one registration per contact and
    # session, and "first time" across sessions. Erased with the contact.
    contact_key = models.CharField(max_length=254, blank=True, editable=False)
    consent_text = models.TextField(_("consentement donné"), blank=True, editable=False)
    consented_at = models.DateTimeField(_("consentement le"), null=True, blank=True, editable=False)
    heard_from = models.CharField(
        _("comment la personne a connu l’atelier"),
        max_length=30,
        choices=OrientationSource.choices,
        default=NON_COMMUNIQUE,
    )
    needs = ArrayField(
        models.CharField(max_length=20, choices=Need.choices),
        verbose_name=_("besoins"),
        default=list,
        blank=True,
    )
    language = models.CharField(
        _("langue des messages"), max_length=5, default="fr", editable=False
    )
    status = models.CharField(
        _("statut"),
        max_length=12,
        choices=InscriptionStatus.choices,
        default=InscriptionStatus.CONFIRMED,
    )
    attendance = models.CharField(
        _("présence"), max_length=10, choices=Attendance.choices, blank=True
    )
    first_time = models.BooleanField(_("première fois"), default=False, editable=False)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("inscrit par"),
    )
    created_at = models.DateTimeField(_("inscrit le"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("passé de la liste d’attente le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulé le"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)
    erased_at = models.DateTimeField(_("nom et contact effacés le"), null=True, blank=True)

    objects = InscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["atelier", "contact_key"],
                condition=~Q(contact_key="") & ~Q(status="annulee"),
                name="one_registration_per_contact_and_session",
            ),
            models.CheckConstraint(
                condition=Q(consented_at__isnull=False) | (Q(phone="") & Q(email="")),
                name="contact_kept_only_with_consent",
                violation_error_message=_("Un contact n’est gardé qu’avec le consentement."),
            ),
        ]
        indexes = [
            models.Index(fields=["atelier", "status", "created_at"], name="inscription_queue"),
            models.Index(fields=["contact_key"], name="inscription_contact"),
        ]

    def __str__(self):
        return f"{self.first_name or '—'} — {self.atelier}"

    def get_absolute_url(self):
        return reverse("ateliers:inscription", kwargs={"token": self.token})

    @property
    def needs_display(self) -> list[str]:
        return choice_labels(self.needs, Need.choices)
