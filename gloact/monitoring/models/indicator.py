"""Indicators with their reference sheet, links to standard indicators, baselines and targets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StandardIndicator(models.Model):
    """An indicator of a shared framework that programme indicators contribute to (SDG 16.2.2 ...)."""

    class Framework(models.TextChoices):
        SDG = "sdg", _("Sustainable Development Goals")
        PROGRAMME = "programme", _("programme standard indicators")

    code = models.CharField(_("code"), max_length=40, unique=True)
    framework = models.CharField(_("framework"), max_length=20, choices=Framework.choices)
    title = models.CharField(_("title"), max_length=400)

    class Meta:
        ordering = ["framework", "code"]
        verbose_name = _("standard indicator")
        verbose_name_plural = _("standard indicators")

    def __str__(self) -> str:
        return f"{self.code} {self.title[:60]}"


class Indicator(models.Model):
    class Level(models.TextChoices):
        OBJECTIVE = "objective", _("objective (impact)")
        OUTCOME = "outcome", pgettext_lazy("results chain level", "outcome")  # not a ruling's outcome
        OUTPUT = "output", _("output")

    class Measure(models.TextChoices):
        NUMBER = "number", _("number")
        PERCENTAGE = "percentage", _("percentage (numerator / denominator)")
        YES_NO = "yes_no", _("yes / no")
        ORDINAL = "ordinal", _("ordinal scale")
        QUALITATIVE = "qualitative", _("qualitative")

    class Direction(models.TextChoices):
        INCREASE = "increase", _("higher is better")
        DECREASE = "decrease", _("lower is better")

    class Accumulation(models.TextChoices):
        CUMULATIVE = "cumulative", _("cumulative: each period reports the total since the start")
        PER_PERIOD = "per_period", _("per period: each period reports only what happened in it")

    class Aggregation(models.TextChoices):
        SUM = "sum", _("sum of the countries")
        AVERAGE = "average", _("average of the countries")
        LATEST = "latest", _("latest value reported by any country")
        COUNT_COUNTRIES = "count_countries", _("number of countries meeting the condition")

    class DisaggregationRule(models.TextChoices):
        MUST_ADD_UP = "must_add_up", _("the categories of each dimension must add up to the total")
        MUST_NOT_EXCEED = "must_not_exceed", _("the categories of each dimension must not exceed the total")

    class Frequency(models.TextChoices):
        SEMI_ANNUAL = "semi_annual", _("semi-annual")
        ANNUAL = "annual", _("annual")
        END_OF_PROGRAMME = "programme", _("once, at the end of the programme")

    programme = models.ForeignKey("monitoring.Programme", models.CASCADE, related_name="indicators", verbose_name=_("programme"))
    result = models.ForeignKey(
        "monitoring.Result", models.SET_NULL, null=True, blank=True, related_name="indicators", verbose_name=_("logframe result"),
    )
    code = models.CharField(_("code"), max_length=30)
    title = models.CharField(_("title"), max_length=400)
    definition = models.TextField(_("definition"), blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    measure = models.CharField(_("measure"), max_length=20, choices=Measure.choices, default=Measure.NUMBER)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    ordinal_scale = models.JSONField(_("ordinal scale"), default=list, blank=True, help_text=_("Labels of the levels, lowest first."))
    direction = models.CharField(_("direction"), max_length=20, choices=Direction.choices, default=Direction.INCREASE)
    accumulation = models.CharField(_("over time"), max_length=20, choices=Accumulation.choices, default=Accumulation.PER_PERIOD)
    aggregation = models.CharField(_("from countries to programme"), max_length=20, choices=Aggregation.choices, default=Aggregation.SUM)
    condition_threshold = models.DecimalField(
        _("condition: at least"), max_digits=14, decimal_places=2, null=True, blank=True,
        help_text=_("For 'number of countries meeting the condition': a country counts when its value is at least this "
                    "(yes/no indicators: when the answer is yes)."),
    )
    disaggregation_rule = models.CharField(
        _("disaggregation rule"), max_length=20, choices=DisaggregationRule.choices, default=DisaggregationRule.MUST_NOT_EXCEED,
    )
    dimensions = models.ManyToManyField("monitoring.Dimension", blank=True, related_name="indicators", verbose_name=_("disaggregated by"))
    means_of_verification = models.TextField(_("means of verification"), blank=True)
    data_source = models.TextField(_("data source"), blank=True)
    collection_frequency = models.CharField(_("collection frequency"), max_length=20, choices=Frequency.choices, default=Frequency.SEMI_ANNUAL)
    responsible = models.CharField(_("responsible (function)"), max_length=200, blank=True)
    gender_sensitive = models.BooleanField(_("gender-sensitive"), default=False)
    human_rights = models.BooleanField(_("human rights"), default=False)
    standard_indicators = models.ManyToManyField(StandardIndicator, blank=True, related_name="indicators", verbose_name=_("standard indicators"))
    target_text = models.CharField(_("target in words"), max_length=400, blank=True, help_text=_("When the target has no number."))
    note = models.TextField(_("note"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["programme", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["programme", "code"], name="monitoring_indicator_unique_code")]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.code} {self.title[:80]}"

    @property
    def is_numeric(self) -> bool:
        return self.measure in (self.Measure.NUMBER, self.Measure.PERCENTAGE, self.Measure.ORDINAL)


class Baseline(models.Model):
    indicator = models.ForeignKey(Indicator, models.CASCADE, related_name="baselines", verbose_name=_("indicator"))
    country = models.ForeignKey("core.Country", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country"),
                                help_text=_("Empty for the programme as a whole."))
    category = models.ForeignKey("monitoring.DimensionCategory", models.PROTECT, null=True, blank=True, related_name="+",
                                 verbose_name=_("category"), help_text=_("Empty for the total."))
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["indicator", "country", "category"]
        verbose_name = _("baseline")
        verbose_name_plural = _("baselines")

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value}"


class Target(models.Model):
    indicator = models.ForeignKey(Indicator, models.CASCADE, related_name="targets", verbose_name=_("indicator"))
    country = models.ForeignKey("core.Country", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country"),
                                help_text=_("Empty for the programme as a whole."))
    period = models.ForeignKey("monitoring.ReportingPeriod", models.CASCADE, null=True, blank=True, related_name="targets",
                               verbose_name=_("period"), help_text=_("Empty for the life-of-programme target."))
    category = models.ForeignKey("monitoring.DimensionCategory", models.PROTECT, null=True, blank=True, related_name="+",
                                 verbose_name=_("category"), help_text=_("Empty for the total."))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["indicator", "country", "period", "category"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.value}"
