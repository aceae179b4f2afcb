"""Counts of victims, prosecutions and convictions from UNODC's Global Report (GLOTIP) or entered
by a country, and population figures for rates per 100,000.

A value under 5 is stored as NULL with `suppressed` set: the true count is never kept."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Indicator(models.TextChoices):
    DETECTED_VICTIMS = "detected_victims", _("detected victims")
    BROUGHT_INTO_CONTACT = "brought_into_contact", _("persons brought into formal contact")
    PROSECUTED = "prosecuted", _("persons prosecuted")
    CONVICTED = "convicted", _("persons convicted")
    OFFENCES = "offences", _("offences of trafficking in persons")


class Dimension(models.TextChoices):
    TOTAL = "total", _("total")
    FORM_OF_EXPLOITATION = "form_of_exploitation", _("by form of exploitation")
    CITIZENSHIP = "citizenship", _("by citizenship")
    COUNTRY_OF_REPATRIATION = "country_of_repatriation", _("by country of repatriation")


class Sex(models.TextChoices):
    TOTAL = "total", _("total")
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    OTHER = "other", _("other")
    UNKNOWN = "unknown", _("unknown")


class Age(models.TextChoices):
    TOTAL = "total", _("total")
    CHILD = "child", _("0 to 17 years")
    ADULT = "adult", _("18 years or over")
    UNKNOWN = "unknown", _("unknown")


class StatisticsDataset(models.Model):
    class Kind(models.TextChoices):
        GLOBAL_REPORT = "global_report", _("UNODC Global Report on Trafficking in Persons")
        NATIONAL = "national", _("national data")

    code = models.SlugField(_("code"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    country = models.ForeignKey(
        "core.Country", models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("country"),
        help_text=_("For national data: the country that owns it."),
    )
    source_file = models.CharField(_("source file"), max_length=300, blank=True)
    imported_at = models.DateTimeField(_("imported"), null=True, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("imported by")
    )
    row_count = models.PositiveIntegerField(_("rows"), default=0)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("statistics dataset")
        verbose_name_plural = _("statistics datasets")

    def __str__(self) -> str:
        return self.title


class StatisticValue(models.Model):
    """One published count: indicator x dimension/category x sex x age x year, for one area."""

    dataset = models.ForeignKey(StatisticsDataset, models.CASCADE, related_name="values", verbose_name=_("dataset"))
    row_number = models.PositiveIntegerField(_("row in the source file"))
    country = models.ForeignKey(
        "core.Country", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country"),
        help_text=_("Empty for regional aggregates and areas that are not ISO 3166 countries."),
    )
    area_code = models.CharField(_("area code"), max_length=20, blank=True)
    area_name = models.CharField(_("area name"), max_length=100, blank=True)
    indicator = models.CharField(_("indicator"), max_length=30, choices=Indicator.choices)
    dimension = models.CharField(_("dimension"), max_length=30, choices=Dimension.choices)
    category = models.CharField(_("category"), max_length=100)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)
    age = models.CharField(_("age"), max_length=10, choices=Age.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.PositiveIntegerField(_("value"), null=True, blank=True)
    suppressed = models.BooleanField(_("suppressed (under 5)"), default=False)

    class Meta:
        ordering = ["dataset", "row_number"]
        verbose_name = _("statistic")
        verbose_name_plural = _("statistics")
        indexes = [models.Index(fields=["country", "indicator", "year"], name="countries_stat_country_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(suppressed=True, value__isnull=True) | models.Q(suppressed=False, value__isnull=False),
                name="countries_stat_suppressed_has_no_value",
            ),
        ]
        permissions = [("enter_national_statistics", _("Can enter or import the national statistics of their countries"))]

    def __str__(self) -> str:
        shown = "<5" if self.suppressed else self.value
        return f"{self.area_code or self.area_name} {self.indicator} {self.year}: {shown}"


class Population(models.Model):
    country = models.ForeignKey("core.Country", models.CASCADE, related_name="+", verbose_name=_("country"))
    year = models.PositiveSmallIntegerField(_("year"))
    population = models.PositiveBigIntegerField(_("population"))
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["country", "year"]
        verbose_name = _("population")
        verbose_name_plural = _("population figures")
        constraints = [models.UniqueConstraint(fields=["country", "year"], name="countries_one_population_per_year")]

    def __str__(self) -> str:
        return f"{self.country_id} {self.year}: {self.population}"
