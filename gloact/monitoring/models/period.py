"""Reporting periods: semi-annual and annual periods of a programme's financial year, and the whole
programme period for figures reported only once (as in a final report)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportingPeriod(models.Model):
    class Kind(models.TextChoices):
        SEMI_ANNUAL = "semi_annual", _("semi-annual")
        ANNUAL = "annual", _("annual")
        PROGRAMME = "programme", _("whole programme period")

    programme = models.ForeignKey("monitoring.Programme", models.CASCADE, related_name="periods", verbose_name=_("programme"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    label = models.CharField(_("label"), max_length=40)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    due_date = models.DateField(_("report due"), null=True, blank=True)

    class Meta:
        ordering = ["programme", "start", "-end"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "kind", "start"], name="monitoring_period_unique_start"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="monitoring_period_end_after_start"),
        ]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")

    def __str__(self) -> str:
        return self.label
