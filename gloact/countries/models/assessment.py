"""One country's answers to a campaign, their evidence, and the review trail.

Workflow: draft -> submitted (focal point) -> reviewed or returned (programme manager);
a returned assessment is a draft again. See gloact/countries/readiness.py."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Assessment(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        REVIEWED = "reviewed", _("reviewed")
        RETURNED = "returned", _("returned for changes")

    campaign = models.ForeignKey(
        "countries.Campaign", models.CASCADE, related_name="assessments", verbose_name=_("campaign")
    )
    country = models.ForeignKey("core.Country", models.PROTECT, related_name="+", verbose_name=_("country"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True)

    class Meta:
        ordering = ["campaign", "country"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "country"], name="countries_one_assessment_per_country"),
        ]
        permissions = [
            ("answer_assessment", _("Can answer the self-assessments of their countries")),
            ("review_assessment", _("Can review self-assessments")),
        ]

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED) and not self.campaign.is_closed

    def __str__(self) -> str:
        return f"{self.campaign}: {self.country_id}"


class AssessmentEvent(models.Model):
    """What happened to an assessment, by whom and when (shown as its history)."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        REVIEWED = "reviewed", _("reviewed")
        RETURNED = "returned", _("returned for changes")

    assessment = models.ForeignKey(Assessment, models.CASCADE, related_name="events", verbose_name=_("assessment"))
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["assessment", "at", "pk"]
        verbose_name = _("assessment event")
        verbose_name_plural = _("assessment events")

    def __str__(self) -> str:
        return f"{self.assessment}: {self.get_action_display()}"


class Answer(models.Model):
    """The answer to one question; which value field is used depends on the answer type."""

    assessment = models.ForeignKey(Assessment, models.CASCADE, related_name="answers", verbose_name=_("assessment"))
    question = models.ForeignKey("countries.Question", models.PROTECT, related_name="+", verbose_name=_("question"))
    value_bool = models.BooleanField(_("yes or no"), null=True, blank=True)
    value_number = models.DecimalField(_("number"), max_digits=14, decimal_places=2, null=True, blank=True)
    value_text = models.TextField(_("text"), blank=True)
    value_choice = models.ForeignKey(
        "countries.QuestionChoice", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("choice")
    )
    comment = models.TextField(_("comment"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("answered by")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["assessment", "question"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "question"], name="countries_one_answer_per_question"),
        ]

    def __str__(self) -> str:
        return f"{self.assessment}: {self.question.code}"


class Evidence(models.Model):
    """A document supporting an answer; served only through a permission-checked view."""

    answer = models.ForeignKey(Answer, models.CASCADE, related_name="evidence", verbose_name=_("answer"))
    file = models.FileField(_("file"), upload_to="countries/evidence/%Y/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["answer", "uploaded_at"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.original_name
