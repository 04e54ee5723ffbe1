"""Orientations: a professional hands a resident over to a partner's service, and the
partner answers.

The person is named in the contact fields only (a first name, a phone or an e-mail), and
only with her consent, whose wording is kept with its date. Only the sending and the
receiving structures see an orientation's content; the coordination sees figures. The
contacts and the free texts are erased a few months after the orientation is closed
(``services.actions.orientations.purge_orientations``), the row kept for the counts.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from roseraie_portal.choices import choice_labels
from services.enums import (
    LANGUAGE_CHOICES,
    DeclineReason,
    Demarche,
    OrientationStatus,
    ThemeNumerique,
    TraceKind,
    Urgency,
)
from services.models.directory import Service, Structure, StructureMembership

OPEN = (OrientationStatus.SENT,)


class OrientationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The orientations whose content ``user`` may read: those it sent, and those
        sent or received by its structure. The coordination's role gives it no more:
        it reads the figures."""
        condition = Q(sender=user)
        structure_id = structure_id_of(user)
        if structure_id is not None:
            condition |= Q(from_structure_id=structure_id) | Q(to_structure_id=structure_id)
        return self.filter(condition)

    def received_by(self, structure_id):
        return self.filter(to_structure_id=structure_id)

    def sent_by(self, user):
        """Sent by ``user`` or by its structure."""
        condition = Q(sender=user)
        structure_id = structure_id_of(user)
        if structure_id is not None:
            condition |= Q(from_structure_id=structure_id)
        return self.filter(condition)

    def unanswered(self):
        return self.filter(status=OrientationStatus.SENT)


def structure_id_of(user) -> int | None:
    """The structure ``user`` is attached to, read once per request."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_structure_id"):
        user._structure_id = (
            StructureMembership.objects.filter(user=user).values_list("structure_id", flat=True)
        ).first()
    return user._structure_id


class Orientation(models.Model):
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="orientations", verbose_name=_("service")
    )
    # The service's structure when it was sent: the receiving structure's users answer.
    # The three indexes of the boxes (Meta.indexes) start with these three columns.
    to_structure = models.ForeignKey(
        Structure,
        on_delete=models.PROTECT,
        related_name="orientations_received",
        verbose_name=_("structure qui reçoit"),
        db_index=False,
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="orientations_sent",
        verbose_name=_("envoyée par"),
        db_index=False,
    )
    from_structure = models.ForeignKey(
        Structure,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orientations_sent",
        verbose_name=_("structure qui envoie"),
        db_index=False,
    )

    # The need, in the log's words.
    themes = ArrayField(
        models.CharField(max_length=40, choices=ThemeNumerique.choices),
        verbose_name=_("thèmes"),
    )
    demarche = models.CharField(
        _("démarche précise"), max_length=40, choices=Demarche.choices, blank=True
    )
    already_done = models.TextField(_("ce qui a déjà été fait"), blank=True)
    papers = models.TextField(_("les papiers que la personne a"), blank=True)
    urgency = models.CharField(
        _("urgence"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    language = models.CharField(
        _("langue de la personne"), max_length=5, choices=LANGUAGE_CHOICES, default="fr"
    )
    interpreter = models.BooleanField(_("interprète nécessaire"), default=False)
    availability = models.CharField(
        _("quand la personne est disponible"), max_length=200, blank=True
    )
    note = models.TextField(_("la situation"), blank=True)

    # How to reach her: only with her consent.
    first_name = models.CharField(_("prénom"), max_length=60, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    consent_text = models.TextField(_("consentement donné"), blank=True, editable=False)
    consented_at = models.DateTimeField(_("consentement le"), null=True, blank=True, editable=False)

    status = models.CharField(
        _("état"), max_length=10, choices=OrientationStatus.choices, default=OrientationStatus.SENT
    )
    sent_at = models.DateTimeField(_("envoyée le"), auto_now_add=True)
    answered_at = models.DateTimeField(_("réponse le"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("réponse de"),
    )
    decline_reason = models.CharField(
        _("raison du refus"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    answer_note = models.TextField(_("message de la réponse"), blank=True)
    appointment_at = models.DateTimeField(_("rendez-vous le"), null=True, blank=True)
    appointment_place = models.CharField(_("lieu du rendez-vous"), max_length=200, blank=True)
    appointment_bring = models.TextField(_("à apporter au rendez-vous"), blank=True)
    reminded_at = models.DateTimeField(_("relance envoyée le"), null=True, blank=True)
    # When the answer or the withdrawal closed it: the retention of the contacts counts
    # from here.
    closed_at = models.DateTimeField(_("clôturée le"), null=True, blank=True)
    erased_at = models.DateTimeField(_("contact et textes effacés le"), null=True, blank=True)

    objects = OrientationQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("orientation")
        verbose_name_plural = _("orientations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(themes=[]),
                name="orientation_has_a_theme",
                violation_error_message=_("Choisissez au moins un thème."),
            ),
            models.CheckConstraint(
                condition=Q(consented_at__isnull=False) | (Q(phone="") & Q(email="")),
                name="orientation_contact_only_with_consent",
                violation_error_message=_("Un contact n’est gardé qu’avec le consentement."),
            ),
            models.CheckConstraint(
                condition=~Q(status=OrientationStatus.DECLINED) | ~Q(decline_reason=""),
                name="declined_orientation_says_why",
                violation_error_message=_("Choisissez la raison du refus."),
            ),
        ]
        indexes = [
            # The inbox of a structure and the sent box, newest first.
            models.Index(fields=["to_structure", "-sent_at", "-id"], name="orientation_received"),
            models.Index(fields=["from_structure", "-sent_at", "-id"], name="orientation_sent"),
            models.Index(fields=["sender", "-sent_at", "-id"], name="orientation_sender"),
            # The unanswered count of an inbox, on every page of the boxes.
            models.Index(
                fields=["to_structure"],
                condition=Q(status=OrientationStatus.SENT),
                name="orientation_waiting",
            ),
        ]

    def __str__(self):
        return f"{self.service} ({self.sent_at:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("services:orientation", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @property
    def has_contact(self) -> bool:
        return bool(self.phone or self.email)

    @property
    def theme_labels(self) -> list[str]:
        return choice_labels(self.themes, ThemeNumerique.choices)


class OrientationTrace(models.Model):
    """Who read or changed an orientation, and when: every view and change of status."""

    orientation = models.ForeignKey(
        Orientation, on_delete=models.CASCADE, related_name="traces", verbose_name=_("orientation")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("compte"),
    )
    # Kept when the account is deleted: the trace still says who it was.
    username = models.CharField(_("identifiant"), max_length=150)
    kind = models.CharField(_("quoi"), max_length=15, choices=TraceKind.choices)
    at = models.DateTimeField(_("quand"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("trace d’une orientation")
        verbose_name_plural = _("traces des orientations")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_kind_display()}"
