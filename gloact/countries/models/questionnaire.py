"""The readiness self-assessment questionnaire: pillars, questions with their answer type and
scoring rule, and the choices of multiple-choice questions. Texts carry their translations."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .translated import localized

SCALE_MAX = 4


class Pillar(models.Model):
    """A pillar of the programme, e.g. "legislation" or "protection and assistance"."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    label = models.CharField(_("label (English)"), max_length=200)
    labels = models.JSONField(_("translated labels"), default=dict, blank=True, help_text=_("{language code: label}"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")

    def localized_label(self, language: str | None = None) -> str:
        return localized(self.label, self.labels, language)

    def __str__(self) -> str:
        return self.localized_label()


class Questionnaire(models.Model):
    code = models.SlugField(_("code"), max_length=50, unique=True)
    title = models.CharField(_("title (English)"), max_length=300)
    titles = models.JSONField(_("translated titles"), default=dict, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def localized_title(self, language: str | None = None) -> str:
        return localized(self.title, self.titles, language)

    def __str__(self) -> str:
        return self.localized_title()


class Question(models.Model):
    """One question. `scoring` gives the points of each answer:

    - yes/no: {"yes": 4, "no": 0}
    - scale 0-4: {"0": 0, "1": 1, "2": 2, "3": 3, "4": 4}
    - number: {"thresholds": [[minimum, points], ...]}: the points of the highest minimum reached
    - choice: the points are on each choice
    - text: not scored
    """

    class AnswerType(models.TextChoices):
        YES_NO = "yes_no", _("yes or no")
        SCALE = "scale", _("scale from 0 to 4")
        NUMBER = "number", _("number")
        TEXT = "text", _("text")
        CHOICE = "choice", _("choice")

    questionnaire = models.ForeignKey(
        Questionnaire, models.CASCADE, related_name="questions", verbose_name=_("questionnaire")
    )
    pillar = models.ForeignKey(Pillar, models.PROTECT, related_name="questions", verbose_name=_("pillar"))
    code = models.SlugField(_("code"), max_length=60)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("question (English)"))
    texts = models.JSONField(_("translated questions"), default=dict, blank=True, help_text=_("{language code: text}"))
    guidance = models.TextField(_("guidance (English)"), blank=True)
    guidances = models.JSONField(_("translated guidance"), default=dict, blank=True)
    answer_type = models.CharField(_("answer type"), max_length=10, choices=AnswerType.choices)
    scoring = models.JSONField(_("scoring rule"), default=dict, blank=True)
    asks_evidence = models.BooleanField(_("asks for evidence"), default=False)

    class Meta:
        ordering = ["questionnaire", "pillar__order", "order", "code"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="countries_question_unique_code"),
        ]

    def localized_text(self, language: str | None = None) -> str:
        return localized(self.text, self.texts, language)

    def localized_guidance(self, language: str | None = None) -> str:
        return localized(self.guidance, self.guidances, language)

    def clean(self):
        from gloact.countries.scoring import scoring_rule_errors

        errors = scoring_rule_errors(self.answer_type, self.scoring)
        if errors:
            raise ValidationError({"scoring": errors})

    def __str__(self) -> str:
        return f"{self.code}: {self.localized_text()[:80]}"


class QuestionChoice(models.Model):
    question = models.ForeignKey(Question, models.CASCADE, related_name="choices", verbose_name=_("question"))
    code = models.SlugField(_("code"), max_length=50)
    label = models.CharField(_("label (English)"), max_length=300)
    labels = models.JSONField(_("translated labels"), default=dict, blank=True)
    points = models.DecimalField(_("points"), max_digits=6, decimal_places=2, default=Decimal(0))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["question", "order", "code"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [models.UniqueConstraint(fields=["question", "code"], name="countries_choice_unique_code")]

    def localized_label(self, language: str | None = None) -> str:
        return localized(self.label, self.labels, language)

    def __str__(self) -> str:
        return self.localized_label()
