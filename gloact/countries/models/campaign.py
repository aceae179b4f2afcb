"""A readiness campaign: one questionnaire sent to several countries, with a deadline."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .translated import localized


class Campaign(models.Model):
    questionnaire = models.ForeignKey(
        "countries.Questionnaire", models.PROTECT, related_name="campaigns", verbose_name=_("questionnaire")
    )
    title = models.CharField(_("title (English)"), max_length=300)
    titles = models.JSONField(_("translated titles"), default=dict, blank=True)
    countries = models.ManyToManyField("core.Country", related_name="+", verbose_name=_("countries"))
    opened_on = models.DateField(_("sent on"))
    deadline = models.DateField(_("deadline"))
    is_closed = models.BooleanField(_("closed"), default=False, help_text=_("A closed campaign takes no more answers."))
    is_synthetic = models.BooleanField(_("synthetic demo data"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )

    class Meta:
        ordering = ["-opened_on", "title"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def localized_title(self, language: str | None = None) -> str:
        return localized(self.title, self.titles, language)

    def __str__(self) -> str:
        return self.localized_title()
