"""A country's focal points for the programme. Their function and institution are public; their
name and contact details are shown only to programme staff of the country and global roles."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CountryFocalPoint(models.Model):
    RESTRICTED_FIELDS = ("name", "email", "phone")

    country = models.ForeignKey("core.Country", models.CASCADE, related_name="+", verbose_name=_("country"))
    function = models.CharField(_("function"), max_length=200, help_text=_("Public, e.g. National Project Officer."))
    organisation = models.ForeignKey(
        "core.Organisation", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("institution"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True, help_text=_("Restricted."))
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Restricted."))
    phone = models.CharField(_("telephone"), max_length=50, blank=True, help_text=_("Restricted."))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("user account"),
    )

    class Meta:
        ordering = ["country", "function"]
        verbose_name = _("country focal point")
        verbose_name_plural = _("country focal points")
        permissions = [("view_restricted_profile", _("Can see the restricted part of their countries' profiles"))]

    def __str__(self) -> str:
        # The function, never the name: str() ends up in logs and the audit trail's object label.
        return f"{self.country_id}: {self.function}"
