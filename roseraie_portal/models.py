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
