"""The last check of an external source URL (see linkcheck.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .source import Source


class LinkCheckQuerySet(models.QuerySet):
    def broken(self):
        return self.filter(ok=False)


class LinkCheck(models.Model):
    source = models.OneToOneField(
        Source, models.CASCADE, primary_key=True, related_name="link_check", verbose_name=_("source")
    )
    url = models.URLField(_("URL checked"), max_length=1000)
    ok = models.BooleanField(_("reachable"), default=False)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    checked_at = models.DateTimeField(_("checked"))
    consecutive_failures = models.PositiveIntegerField(_("failures in a row"), default=0)

    objects = LinkCheckQuerySet.as_manager()

    class Meta:
        ordering = ["-consecutive_failures", "source"]
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")

    def __str__(self) -> str:
        return f"{self.url}: {self.status_code or self.error}"
