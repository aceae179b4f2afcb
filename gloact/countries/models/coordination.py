"""National coordination: coordinating bodies and the national referral mechanism (NRM)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CoordinatingBody(models.Model):
    class Kind(models.TextChoices):
        COMMISSION = "commission", _("national commission or committee")
        RAPPORTEUR = "rapporteur", _("national rapporteur or equivalent mechanism")
        TASK_FORCE = "task_force", _("inter-agency task force")
        OTHER = "other", _("other")

    country = models.ForeignKey("core.Country", models.CASCADE, related_name="+", verbose_name=_("country"))
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    established_on = models.DateField(_("established"), null=True, blank=True)
    mandate = models.TextField(_("mandate"), blank=True)
    covers_som = models.BooleanField(_("also covers smuggling of migrants"), default=False)
    url = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("coordinating body")
        verbose_name_plural = _("coordinating bodies")

    def __str__(self) -> str:
        return self.name


class ReferralMechanism(models.Model):
    """How victims are identified and referred to assistance in a country (one per country)."""

    class Status(models.TextChoices):
        NONE = "none", _("none")
        IN_PREPARATION = "in_preparation", _("in preparation")
        ADOPTED = "adopted", _("adopted")
        OPERATIONAL = "operational", _("operational")

    country = models.OneToOneField("core.Country", models.CASCADE, related_name="+", verbose_name=_("country"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    adopted_on = models.DateField(_("adopted"), null=True, blank=True)
    covers_children = models.BooleanField(_("child-specific procedures"), default=False)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("text"), blank=True)

    class Meta:
        verbose_name = _("national referral mechanism")
        verbose_name_plural = _("national referral mechanisms")

    def __str__(self) -> str:
        return f"{self.country_id}: {self.get_status_display()}"
