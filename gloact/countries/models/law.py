"""National laws on trafficking and smuggling, and their provisions linked to Protocol articles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NationalLaw(models.Model):
    class Kind(models.TextChoices):
        CONSTITUTION = "constitution", _("constitution")
        SPECIFIC_LAW = "specific_law", _("specific law on trafficking or smuggling")
        PENAL_CODE = "penal_code", _("penal code")
        PROCEDURE_CODE = "procedure_code", _("criminal procedure code")
        MIGRATION_LAW = "migration_law", _("migration or asylum law")
        DECREE = "decree", _("decree or regulation")
        OTHER = "other", _("other")

    class Scope(models.TextChoices):
        TIP = "tip", _("trafficking in persons")
        SOM = "som", _("smuggling of migrants")
        BOTH = "both", _("trafficking and smuggling")

    country = models.ForeignKey("core.Country", models.CASCADE, related_name="+", verbose_name=_("country"))
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    scope = models.CharField(_("covers"), max_length=10, choices=Scope.choices)
    adopted_on = models.DateField(_("adopted"), null=True, blank=True)
    in_force = models.BooleanField(_("in force"), default=True)
    url = models.URLField(_("official text"), blank=True)

    class Meta:
        ordering = ["country", "-adopted_on", "title"]
        verbose_name = _("national law")
        verbose_name_plural = _("national laws")

    def __str__(self) -> str:
        return self.title


class NationalProvision(models.Model):
    """One article of a national law, with what it does and the Protocol articles it implements."""

    class Topic(models.TextChoices):
        TIP_CRIMINALIZATION = "tip_criminalization", _("criminalization of trafficking")
        SOM_CRIMINALIZATION = "som_criminalization", _("criminalization of smuggling")
        MIGRANT_NON_CRIMINALIZATION = "migrant_non_criminalization", _("non-criminalization of smuggled migrants")
        VICTIM_NON_PUNISHMENT = "victim_non_punishment", _("non-punishment of victims")
        VICTIM_PROTECTION = "victim_protection", _("protection and assistance of victims")
        MIGRANT_PROTECTION = "migrant_protection", _("protection of smuggled migrants")
        COOPERATION = "cooperation", _("international cooperation")
        OTHER = "other", _("other")

    law = models.ForeignKey(NationalLaw, models.CASCADE, related_name="provisions", verbose_name=_("law"))
    reference = models.CharField(_("article"), max_length=100, help_text=_("e.g. art. 12"))
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)
    summary = models.TextField(_("what it provides"), blank=True)
    protocol_articles = models.ManyToManyField(
        "caselaw.Term", blank=True, related_name="+", limit_choices_to={"vocabulary__code": "protocol_article"},
        verbose_name=_("Protocol and Convention articles"),
    )

    class Meta:
        ordering = ["law", "reference"]
        verbose_name = _("national provision")
        verbose_name_plural = _("national provisions")

    def __str__(self) -> str:
        return f"{self.law}, {self.reference}"
