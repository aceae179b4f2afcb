"""Editors' decisions in the privacy check of a case."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import Case


class PrivacyFindingDismissal(models.Model):
    """An editor's "not personal data" on one finding of the privacy check. The key names the field,
    the kind and a digest of the matched text, never the text itself."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="privacy_dismissals", verbose_name=_("case"))
    key = models.CharField(_("finding"), max_length=200)
    field = models.CharField(_("text"), max_length=100)
    kind = models.CharField(_("kind"), max_length=30)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("dismissed by")
    )
    dismissed_at = models.DateTimeField(_("dismissed"), auto_now_add=True)

    class Meta:
        ordering = ["case", "dismissed_at"]
        verbose_name = _("dismissed privacy finding")
        verbose_name_plural = _("dismissed privacy findings")
        constraints = [models.UniqueConstraint(fields=["case", "key"], name="caselaw_dismissal_once_per_finding")]

    def __str__(self) -> str:
        return f"{self.case.public_id} {self.field} ({self.kind})"
