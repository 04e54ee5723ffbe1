from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Structure(models.Model):
    """A partner: a public institution, an association, a municipal service."""

    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=200, unique=True)
    description = models.TextField(_("présentation courte"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("structure")
        verbose_name_plural = _("structures")

    def __str__(self):
        return self.name


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
