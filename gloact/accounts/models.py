from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Profile(models.Model):
    """What gloact knows about a user beyond Django's account: the countries their
    country-scoped roles cover, and their preferred language."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE, related_name="profile")
    countries = models.ManyToManyField(
        "core.Country", blank=True, related_name="+", verbose_name=_("countries"),
        help_text=_("Country focal points and programme officers see and edit only these countries."),
    )
    language = models.CharField(_("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en")

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)
