"""Follow-up surveys sent 6 and 12 months after a training to consenting participants, answered
through a personal link without login. Only a hash of the link's token is stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowUpQuestion(models.Model):
    """An optional question an event adds to its follow-up surveys."""

    activity = models.ForeignKey("activities.Activity", models.CASCADE, related_name="followup_questions",
                                 verbose_name=_("activity"))
    text = models.CharField(_("question"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["activity", "order", "pk"]
        verbose_name = _("follow-up question")
        verbose_name_plural = _("follow-up questions")

    def __str__(self) -> str:
        return self.text


class FollowUpSurvey(models.Model):
    class Wave(models.IntegerChoices):
        SIX_MONTHS = 6, _("6 months")
        TWELVE_MONTHS = 12, _("12 months")

    class Use(models.TextChoices):
        DAILY = "daily", _("in my daily work")
        SOMETIMES = "sometimes", _("sometimes")
        NOT_YET = "not_yet", _("not yet")
        NOT_APPLICABLE = "no", _("it does not apply to my work")

    attendance = models.ForeignKey("activities.Attendance", models.CASCADE, related_name="surveys", verbose_name=_("attendance"))
    wave = models.PositiveSmallIntegerField(_("after"), choices=Wave.choices)
    due_on = models.DateField(_("due on"))
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_reminder_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    expires_at = models.DateTimeField(_("link expires"), null=True, blank=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    use = models.CharField(_("how do you use what you learned?"), max_length=20, choices=Use.choices, blank=True)
    use_description = models.TextField(_("how you use it"), blank=True)
    example = models.TextField(_("a concrete example"), blank=True)
    extra_answers = models.JSONField(_("answers to the event's questions"), default=dict, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["attendance", "wave"], name="activities_survey_unique_wave")]
        verbose_name = _("follow-up survey")
        verbose_name_plural = _("follow-up surveys")

    def __str__(self) -> str:
        return f"{self.attendance} +{self.wave}m"
