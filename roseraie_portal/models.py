from django.contrib.auth.models import AbstractUser
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
