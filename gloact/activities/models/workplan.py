"""Workplans per country component and the activities they plan, from planning to delivery."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def signed_copy_path(instance, filename: str) -> str:
    # A random name: paths must not be guessable and original names may carry personal data.
    return f"activities/workplans/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class Workplan(models.Model):
    class Kind(models.TextChoices):
        SIX_MONTHLY = "six_monthly", _("six-monthly")
        MULTI_YEAR = "multi_year", _("multi-year")

    programme = models.ForeignKey("monitoring.Programme", models.CASCADE, related_name="workplans", verbose_name=_("programme"))
    component = models.ForeignKey(
        "monitoring.Component", models.PROTECT, null=True, blank=True, related_name="workplans", verbose_name=_("component"),
    )
    # Copied from the component on save so that country scoping filters workplans directly.
    country = models.ForeignKey("core.Country", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country"),
                                help_text=_("Empty for a global or regional workplan."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    signed_copy = models.FileField(_("signed copy"), upload_to=signed_copy_path, blank=True)
    signed_copy_name = models.CharField(_("file name"), max_length=200, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_by = models.CharField(_("signed by (national counterpart)"), max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["programme", "country", "-start"]
        constraints = [models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="activities_workplan_end_after_start")]
        verbose_name = _("workplan")
        verbose_name_plural = _("workplans")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self.component_id:
            self.country_id = self.component.country_id
        super().save(*args, **kwargs)


class Activity(models.Model):
    class Kind(models.TextChoices):
        TRAINING = "training", _("training")
        TRAINING_OF_TRAINERS = "tot", _("training of trainers")
        WORKSHOP = "workshop", _("workshop")
        EXPERT_GROUP = "expert_group", _("expert group meeting")
        LEGISLATIVE = "legislative", _("legislative assistance")
        POLICY = "policy", _("policy advice")
        ASSESSMENT = "assessment", _("assessment / study")
        AWARENESS = "awareness", _("awareness campaign")
        COORDINATION = "coordination", _("coordination meeting")
        MENTORING = "mentoring", _("mentoring")
        EXCHANGE = "exchange", _("exchange visit")
        GRANT = "grant", _("grant")

    class CrimeScope(models.TextChoices):
        TIP = "tip", _("trafficking in persons")
        SOM = "som", _("smuggling of migrants")
        BOTH = "both", _("both")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        ONGOING = "ongoing", _("ongoing")
        DELIVERED = "delivered", _("delivered")
        POSTPONED = "postponed", _("postponed")
        CANCELLED = "cancelled", _("cancelled")

    TRAINING_KINDS = (Kind.TRAINING, Kind.TRAINING_OF_TRAINERS, Kind.WORKSHOP)

    workplan = models.ForeignKey(Workplan, models.CASCADE, related_name="activities", verbose_name=_("workplan"))
    country = models.ForeignKey("core.Country", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country"),
                                help_text=_("Where it takes place; the workplan's country when left empty."))
    code = models.CharField(_("code"), max_length=30)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    crime_scope = models.CharField(_("TIP / SOM"), max_length=4, choices=CrimeScope.choices, default=CrimeScope.BOTH)
    pillar = models.ForeignKey("monitoring.Pillar", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("pillar"))
    outputs = models.ManyToManyField("monitoring.Result", blank=True, related_name="planned_activities", verbose_name=_("outputs"),
                                     limit_choices_to={"level": "output"})
    indicators = models.ManyToManyField("monitoring.Indicator", blank=True, related_name="activities", verbose_name=_("indicators"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    in_capital = models.BooleanField(_("in the capital"), null=True, help_text=_("The programme values work outside capitals."))
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"))
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    cancellation_reason = models.TextField(_("reason for cancellation"), blank=True)
    partners = models.CharField(_("partners"), max_length=400, blank=True)
    planned_cost = models.DecimalField(_("planned cost"), max_digits=14, decimal_places=2, null=True, blank=True)
    actual_cost = models.DecimalField(_("actual cost"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en",
                                help_text=_("Working language of the event."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["planned_start", "code"]
        constraints = [
            models.UniqueConstraint(fields=["workplan", "code"], name="activities_activity_unique_code"),
            models.CheckConstraint(condition=models.Q(planned_end__gte=models.F("planned_start")),
                                   name="activities_activity_planned_end_after_start"),
        ]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def clean(self):
        if self.status == self.Status.CANCELLED and not self.cancellation_reason.strip():
            raise ValidationError({"cancellation_reason": _("Say why the activity was cancelled.")})
        if self.actual_start and self.actual_end and self.actual_end < self.actual_start:
            raise ValidationError({"actual_end": _("The actual end is before the actual start.")})

    def save(self, *args, **kwargs):
        if not self.country_id and self.workplan_id:
            self.country_id = self.workplan.country_id
        super().save(*args, **kwargs)

    @property
    def is_training(self) -> bool:
        return self.kind in self.TRAINING_KINDS

    @property
    def held_on(self):
        """The date the activity took place, or is planned to."""
        return self.actual_start or self.planned_start
