"""A programme, its pillars (work streams) and its national components per implementing partner."""

from datetime import date

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Programme(models.Model):
    """A funded programme, e.g. GLO.ACT 2015-2019 (EUR 11 million, EU-funded, UNODC with IOM and UNICEF)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=60)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    budget = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    donor = models.CharField(_("donor"), max_length=200, blank=True)
    lead_organisation = models.CharField(_("implementing organisation"), max_length=200, blank=True)
    partner_organisations = models.CharField(_("implementing partners"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    financial_year_start_month = models.PositiveSmallIntegerField(
        _("first month of the financial year"), default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1 for January (calendar year), 7 for July, and so on. Reporting periods follow it."),
    )
    countries = models.ManyToManyField("core.Country", blank=True, related_name="+", verbose_name=_("countries"))

    class Meta:
        ordering = ["start_date", "code"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.short_title or self.title

    def elapsed_share(self, on: date) -> float:
        """Share of the programme's duration that has passed on `on` (0 to 1)."""
        total = (self.end_date - self.start_date).days or 1
        return min(1.0, max(0.0, (on - self.start_date).days / total))


class Pillar(models.Model):
    """A pillar or work stream of a programme (e.g. legislative assistance)."""

    programme = models.ForeignKey(Programme, models.CASCADE, related_name="pillars", verbose_name=_("programme"))
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["programme", "number"]
        constraints = [models.UniqueConstraint(fields=["programme", "number"], name="monitoring_pillar_unique_number")]
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Component(models.Model):
    """The part of a programme one implementing partner carries out in one country (or globally)."""

    programme = models.ForeignKey(Programme, models.CASCADE, related_name="components", verbose_name=_("programme"))
    country = models.ForeignKey(
        "core.Country", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country"),
        help_text=_("Empty for a global or regional component."),
    )
    implementing_partner = models.CharField(_("implementing partner"), max_length=100)
    title = models.CharField(_("title"), max_length=200, blank=True)
    pillars = models.ManyToManyField(Pillar, blank=True, related_name="components", verbose_name=_("pillars"))

    class Meta:
        ordering = ["programme", "country", "implementing_partner"]
        verbose_name = _("component")
        verbose_name_plural = _("components")

    def __str__(self) -> str:
        where = self.country.name if self.country_id else _("global")
        return f"{self.programme} – {where} – {self.implementing_partner}"
