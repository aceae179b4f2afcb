"""National strategies and action plans against trafficking or smuggling, with their periods."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class NationalStrategy(models.Model):
    class Kind(models.TextChoices):
        STRATEGY = "strategy", _("strategy")
        ACTION_PLAN = "action_plan", _("action plan")

    country = models.ForeignKey("core.Country", models.CASCADE, related_name="+", verbose_name=_("country"))
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    covers_tip = models.BooleanField(_("covers trafficking in persons"), default=True)
    covers_som = models.BooleanField(_("covers smuggling of migrants"), default=False)
    start_year = models.PositiveSmallIntegerField(_("from"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("to"), null=True, blank=True)
    adopted_on = models.DateField(_("adopted"), null=True, blank=True)
    url = models.URLField(_("text"), blank=True)

    class Meta:
        ordering = ["country", "-start_year", "title"]
        verbose_name = _("national strategy or action plan")
        verbose_name_plural = _("national strategies and action plans")

    def clean(self):
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The period ends before it starts.")})

    def is_current(self, year: int) -> bool:
        return bool(self.start_year and self.start_year <= year and (self.end_year or year) >= year)

    def __str__(self) -> str:
        return self.title
