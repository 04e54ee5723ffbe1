from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A professional's account: conseiller, partner or coordinator.

    Our own user model from the first migration, as Django advises, so that later needs
    (a display name, a phone for two-factor login) are a field away, not a data migration.
    """

    class Meta(AbstractUser.Meta):
        verbose_name = _("compte professionnel")
        verbose_name_plural = _("comptes professionnels")
        swappable = "AUTH_USER_MODEL"


class Delivery(models.Model):
    """A message sent once on one channel: what makes a retried task never send twice.

    ``key`` names what was said to whom without personal data, such as
    ``inscription-42-reminder``."""

    key = models.CharField(_("message"), max_length=200)
    channel = models.CharField(_("canal"), max_length=10)
    sent_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("message envoyé")
        verbose_name_plural = _("messages envoyés")
        constraints = [
            models.UniqueConstraint(fields=["key", "channel"], name="one_delivery_per_channel")
        ]

    def __str__(self):
        return f"{self.key} ({self.channel})"


class SchoolHoliday(models.Model):
    """School holidays of the académie (zone B for Angers), entered by coordinators: the
    recurring permanences and the cycles of ateliers that say so skip them."""

    name = models.CharField(_("nom"), max_length=100)
    starts_on = models.DateField(_("premier jour"))
    ends_on = models.DateField(_("dernier jour"))

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("vacances scolaires")
        verbose_name_plural = _("vacances scolaires")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__lte=F("ends_on")),
                name="school_holiday_period_in_order",
                violation_error_message=_("Le premier jour doit précéder le dernier."),
            )
        ]

    def __str__(self):
        return self.name


class AccountEventKind(models.TextChoices):
    """What happened to a professional's account: each is written down, who and when."""

    CREATED = "creation", _("Compte créé")
    DEACTIVATED = "desactivation", _("Compte désactivé")
    REACTIVATED = "reactivation", _("Compte réactivé")
    UNLOCKED = "deblocage", _("Connexion débloquée")
    RESET_LINK_SENT = "envoi_lien", _("Lien pour choisir un mot de passe envoyé")
    RESET_REQUESTED = "demande_lien", _("Lien demandé depuis « Mot de passe oublié »")
    PASSWORD_SET = "mot_de_passe", _("Mot de passe choisi avec le lien")


class AccountEvent(models.Model):
    """One change to an account, by a coordinator or by the person: who, when, what.

    ``details`` says what a person needs to read the change later (the role and the
    structure given, the address a link went to, the attempts erased), in names rather
    than ids, so that the trace still reads once they are renamed; never a password or a
    token. The usernames are kept beside the links so that the trace outlives a deleted
    account."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="account_events",
        verbose_name=_("compte"),
    )
    account_username = models.CharField(_("identifiant du compte"), max_length=150)
    # None when no one was logged in: the person asked for a link herself.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("par"),
    )
    actor_username = models.CharField(_("identifiant de qui l’a fait"), max_length=150, blank=True)
    kind = models.CharField(_("quoi"), max_length=15, choices=AccountEventKind.choices)
    details = models.JSONField(_("détails"), default=dict, blank=True)
    at = models.DateTimeField(_("quand"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("trace d’un compte")
        verbose_name_plural = _("traces des comptes")
        indexes = [models.Index(fields=["account", "at"], name="account_event_by_account")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username or '-'} {self.account_username}"
