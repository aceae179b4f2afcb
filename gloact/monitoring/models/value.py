"""Reported values: per indicator in a period report, the total and each disaggregation, with
narrative, links to activities and evidence files. Values of an approved report cannot change."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .report import ReportLocked


class Assessment(models.TextChoices):
    """The reporter's own judgement, used for indicators without a numeric target."""

    ACHIEVED = "achieved", _("achieved")
    PARTIALLY = "partially_achieved", _("partially achieved")
    NOT_ACHIEVED = "not_achieved", _("not achieved")


class LockedWhenApprovedMixin:
    def _report(self):
        raise NotImplementedError

    def save(self, *args, **kwargs):
        if self._report().is_locked:
            raise ReportLocked(f"{self._report()} is approved and locked")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._report().is_locked:
            raise ReportLocked(f"{self._report()} is approved and locked")
        return super().delete(*args, **kwargs)


class IndicatorValue(LockedWhenApprovedMixin, models.Model):
    report = models.ForeignKey("monitoring.PeriodReport", models.CASCADE, related_name="values", verbose_name=_("report"))
    indicator = models.ForeignKey("monitoring.Indicator", models.PROTECT, related_name="values", verbose_name=_("indicator"))
    # Copied from the report on save so that country scoping filters values directly.
    country = models.ForeignKey("core.Country", models.PROTECT, null=True, blank=True, editable=False, related_name="+",
                                verbose_name=_("country"))
    value = models.DecimalField(_("total"), max_digits=14, decimal_places=2, null=True, blank=True,
                                help_text=_("Yes/no indicators: 1 for yes, 0 for no. Ordinal: the level's number."))
    numerator = models.DecimalField(_("numerator"), max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(_("denominator"), max_digits=14, decimal_places=2, null=True, blank=True)
    text_value = models.TextField(_("qualitative result"), blank=True)
    assessment = models.CharField(_("assessment"), max_length=30, choices=Assessment.choices, blank=True)
    narrative = models.TextField(_("narrative"), blank=True)
    note = models.TextField(_("data note"), blank=True, help_text=_("Where the figure comes from and its limits."))
    activities = models.ManyToManyField("monitoring.Result", blank=True, related_name="+", verbose_name=_("activities"),
                                        limit_choices_to={"level": "activity"})
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["report", "indicator"]
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="monitoring_value_unique_per_report")]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.report}: {self.value}"

    def _report(self):
        return self.report

    def save(self, *args, **kwargs):
        self.country_id = self.report.country_id
        super().save(*args, **kwargs)

    def breakdown(self) -> dict:
        """{DimensionCategory: value} of this value's disaggregations."""
        return {d.category: d.value for d in self.disaggregations.select_related("category__dimension")}


class DisaggregatedValue(LockedWhenApprovedMixin, models.Model):
    indicator_value = models.ForeignKey(IndicatorValue, models.CASCADE, related_name="disaggregations", verbose_name=_("indicator value"))
    category = models.ForeignKey("monitoring.DimensionCategory", models.PROTECT, related_name="+", verbose_name=_("category"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["indicator_value", "category"]
        constraints = [models.UniqueConstraint(fields=["indicator_value", "category"], name="monitoring_disaggregation_unique")]
        verbose_name = _("disaggregated value")
        verbose_name_plural = _("disaggregated values")

    def __str__(self) -> str:
        return f"{self.category}: {self.value}"

    def _report(self):
        return self.indicator_value.report


def evidence_path(instance, filename: str) -> str:
    # A random name: the original name may identify people, and paths must not be guessable.
    return f"monitoring/evidence/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class EvidenceFile(LockedWhenApprovedMixin, models.Model):
    indicator_value = models.ForeignKey(IndicatorValue, models.CASCADE, related_name="evidence", verbose_name=_("indicator value"))
    country = models.ForeignKey("core.Country", models.PROTECT, null=True, blank=True, editable=False, related_name="+",
                                verbose_name=_("country"))
    file = models.FileField(_("file"), upload_to=evidence_path)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["indicator_value", "uploaded_at"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self) -> str:
        return self.original_name

    def _report(self):
        return self.indicator_value.report

    def save(self, *args, **kwargs):
        self.country_id = self.indicator_value.country_id
        super().save(*args, **kwargs)
