"""Learning measurement: a question bank, pre- and post-tests built from it and scored
automatically, and the end-of-event satisfaction form."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Question(models.Model):
    """A multiple-choice question of the bank; `choices` lists the answers, `correct_choice` the
    index of the right one."""

    topic = models.CharField(_("topic"), max_length=100)
    text = models.TextField(_("question"))
    choices = models.JSONField(_("answers"), default=list)
    correct_choice = models.PositiveSmallIntegerField(_("number of the correct answer (from 0)"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    crime_scope = models.CharField(_("TIP / SOM"), max_length=4, choices=[("tip", "TIP"), ("som", "SOM"), ("both", _("both"))],
                                   default="both")
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["topic", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:80]


class KnowledgeTest(models.Model):
    class Kind(models.TextChoices):
        PRE = "pre", _("pre-test")
        POST = "post", _("post-test")

    activity = models.ForeignKey("activities.Activity", models.CASCADE, related_name="tests", verbose_name=_("activity"))
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    questions = models.ManyToManyField(Question, blank=True, related_name="tests", verbose_name=_("questions"))

    class Meta:
        ordering = ["activity", "-kind"]
        constraints = [models.UniqueConstraint(fields=["activity", "kind"], name="activities_test_unique_kind")]
        verbose_name = _("knowledge test")
        verbose_name_plural = _("knowledge tests")

    def __str__(self) -> str:
        return f"{self.activity.code} {self.get_kind_display()}"


class TestResult(models.Model):
    """One participant's result: the answers given (scored automatically) or, for a test taken on
    paper and marked by hand, the score alone."""

    __test__ = False  # not a pytest test class

    test = models.ForeignKey(KnowledgeTest, models.CASCADE, related_name="results", verbose_name=_("test"))
    participant = models.ForeignKey("activities.Participant", models.PROTECT, related_name="test_results",
                                    verbose_name=_("participant"))
    answers = models.JSONField(_("answers"), default=dict, blank=True, help_text=_("Question id -> index of the chosen answer."))
    score = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=2,
                                validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))])
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        ordering = ["test", "participant"]
        constraints = [models.UniqueConstraint(fields=["test", "participant"], name="activities_testresult_unique")]
        verbose_name = _("test result")
        verbose_name_plural = _("test results")

    def __str__(self) -> str:
        return f"{self.participant} {self.test}: {self.score}"


class SatisfactionResponse(models.Model):
    """End-of-event satisfaction form, anonymous so that participants answer freely."""

    SCALE = [(n, str(n)) for n in range(1, 6)]

    activity = models.ForeignKey("activities.Activity", models.CASCADE, related_name="satisfaction", verbose_name=_("activity"))
    overall = models.PositiveSmallIntegerField(_("overall"), choices=SCALE)
    relevance = models.PositiveSmallIntegerField(_("relevance to my work"), choices=SCALE)
    organisation = models.PositiveSmallIntegerField(_("organisation"), choices=SCALE)
    comments = models.TextField(_("comments"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        ordering = ["activity", "submitted_at"]
        verbose_name = _("satisfaction response")
        verbose_name_plural = _("satisfaction responses")

    def __str__(self) -> str:
        return f"{self.activity.code}: {self.overall}/5"
