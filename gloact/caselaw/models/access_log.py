"""The audit of every showing of restricted identities."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import Case


class RestrictedAccessLog(models.Model):
    """One showing of restricted identities to a user: who, when, which case, what was shown.
    Rows are only ever added; the user name and public id are copied so the row outlives both."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("user")
    )
    username = models.CharField(_("user name"), max_length=150)
    case = models.ForeignKey(Case, models.SET_NULL, null=True, related_name="+", verbose_name=_("case"))
    case_public_id = models.CharField(_("case"), max_length=12)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    what = models.CharField(_("what was shown"), max_length=300)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("restricted access")
        verbose_name_plural = _("restricted access log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.case_public_id}: {self.what}"
