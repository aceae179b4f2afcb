"""The logframe: objective -> outcomes -> outputs -> activities, each result tied to its ToC node."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Result(models.Model):
    class Level(models.TextChoices):
        OBJECTIVE = "objective", _("objective")
        OUTCOME = "outcome", pgettext_lazy("results chain level", "outcome")  # not a ruling's outcome
        OUTPUT = "output", _("output")
        ACTIVITY = "activity", _("activity")

    programme = models.ForeignKey("monitoring.Programme", models.CASCADE, related_name="results", verbose_name=_("programme"))
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=400)
    parent = models.ForeignKey("self", models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("contributes to"))
    pillar = models.ForeignKey("monitoring.Pillar", models.SET_NULL, null=True, blank=True, related_name="results", verbose_name=_("pillar"))
    toc_node = models.ForeignKey(
        "monitoring.ToCNode", models.SET_NULL, null=True, blank=True, related_name="results",
        verbose_name=_("theory of change node"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["programme", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["programme", "level", "code"], name="monitoring_result_unique_code")]
        verbose_name = _("logframe result")
        verbose_name_plural = _("logframe results")

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.code}: {self.title[:80]}"
