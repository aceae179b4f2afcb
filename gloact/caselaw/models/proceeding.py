"""The procedural history of a case: one Proceeding per ruling, in order."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import Case


class Proceeding(models.Model):
    """A ruling of one court in the case. `is_latest` marks the last one in procedural order; it is
    kept up to date whenever a proceeding is saved or deleted (Case.refresh_latest_proceeding)."""

    class CourtLevel(models.TextChoices):
        FIRST_INSTANCE = "first_instance", _("first instance")
        APPEAL = "appeal", _("appeal")
        SUPREME = "supreme", _("supreme court or cassation")
        CONSTITUTIONAL = "constitutional", _("constitutional court")
        INTERNATIONAL = "international", _("international or regional court")
        OTHER = "other", _("other")

    class Outcome(models.TextChoices):
        CONVICTION = "conviction", _("conviction")
        ACQUITTAL = "acquittal", _("acquittal")
        PARTIAL_CONVICTION = "partial_conviction", _("partial conviction")
        APPEAL_ALLOWED = "appeal_allowed", _("appeal allowed")
        APPEAL_DISMISSED = "appeal_dismissed", _("appeal dismissed")
        OTHER = "other", _("other")

    case = models.ForeignKey(Case, models.CASCADE, related_name="proceedings", verbose_name=_("case"))
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Position in the procedural history; the last one is the latest ruling.")
    )
    court_name = models.CharField(_("court"), max_length=300)
    court_level = models.CharField(_("court level"), max_length=20, choices=CourtLevel.choices)
    reference = models.CharField(_("court reference at this stage"), max_length=200, blank=True)
    date = models.DateField(_("date of the decision"), null=True, blank=True)
    decision_text = models.TextField(_("decision"), blank=True, help_text=_("What the court decided, in short."))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    is_latest = models.BooleanField(_("latest ruling"), default=False, editable=False)

    # Procedural order within a case: by number, undated rulings first, then as entered.
    PROCEDURAL_ORDER = ("order", models.F("date").asc(nulls_first=True), "pk")

    class Meta:
        ordering = ["case", "order", "date", "pk"]
        verbose_name = _("proceeding")
        verbose_name_plural = _("proceedings")

    def __str__(self) -> str:
        return f"{self.court_name} ({self.date or '?'})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.case.refresh_latest_proceeding()
        self.refresh_from_db(fields=["is_latest"])

    def delete(self, *args, **kwargs):
        case = self.case
        result = super().delete(*args, **kwargs)
        case.refresh_latest_proceeding()
        return result
