"""A country's report for one period and its review trail.

Draft -> submitted (country officer or focal point) -> returned with comments or approved
(programme manager). An approved report is locked: its values can no longer change (see
value.py, which refuses to save or delete them, and ../workflow.py for the transitions).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportLocked(Exception):
    """Raised when something tries to change a value of an approved report."""


class PeriodReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned with comments")
        APPROVED = "approved", _("approved")

    programme = models.ForeignKey("monitoring.Programme", models.CASCADE, related_name="reports", verbose_name=_("programme"))
    country = models.ForeignKey(
        "core.Country", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country"),
        help_text=_("Empty for figures the programme team reports for the programme as a whole."),
    )
    period = models.ForeignKey("monitoring.ReportingPeriod", models.PROTECT, related_name="reports", verbose_name=_("period"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)

    class Meta:
        ordering = ["programme", "period__start", "country"]
        permissions = [
            ("submit_periodreport", "Can submit a period report for review"),
            ("review_periodreport", "Can approve or return a period report"),
        ]
        verbose_name = _("period report")
        verbose_name_plural = _("period reports")

    def __str__(self) -> str:
        where = self.country.name if self.country_id else _("programme level")
        return f"{self.programme} – {where} – {self.period}"

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class ReviewEvent(models.Model):
    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned with comments")
        APPROVED = "approved", _("approved")

    report = models.ForeignKey(PeriodReport, models.CASCADE, related_name="events", verbose_name=_("report"))
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    comment = models.TextField(_("comment"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["report", "at", "pk"]
        verbose_name = _("review event")
        verbose_name_plural = _("review events")

    def __str__(self) -> str:
        return f"{self.report} {self.get_action_display()}"
