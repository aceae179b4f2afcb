"""Which monitoring indicators are computed from activity records, and how."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorFeed(models.Model):
    class Metric(models.TextChoices):
        PRACTITIONERS_TRAINED = "practitioners_trained", _("practitioners trained (people, by sex and age)")
        KNOWLEDGE_GAIN_SHARE = "knowledge_gain_share", _("share of tested participants whose score rose (%)")
        APPLYING_SHARE = "applying_share", _("share of 12-month respondents applying the training (%)")
        NATIONAL_TRAINER_TRAININGS = "national_trainer_trainings", _("trainings delivered by national trainers")
        OUTSIDE_CAPITAL = "outside_capital", _("activities delivered outside the capital")

    indicator = models.OneToOneField("monitoring.Indicator", models.CASCADE, related_name="feed", verbose_name=_("indicator"))
    metric = models.CharField(_("computed as"), max_length=40, choices=Metric.choices)
    institution_types = models.JSONField(_("only these institution types"), default=list, blank=True,
                                         help_text=_("Empty for all."))

    class Meta:
        verbose_name = _("indicator fed by activities")
        verbose_name_plural = _("indicators fed by activities")

    def __str__(self) -> str:
        return f"{self.indicator.code} ← {self.get_metric_display()}"
