"""Read-side queries shared by views, status rules, dashboards and the importer."""

from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from gloact.accounts.scoping import scoped

from .aggregation import Observation
from .models import Baseline, Indicator, IndicatorValue, PeriodReport, Programme, Target


def approved_values(indicator: Indicator, until: date | None = None) -> QuerySet:
    values = IndicatorValue.objects.filter(indicator=indicator, report__status=PeriodReport.Status.APPROVED)
    if until is not None:
        values = values.filter(report__period__end__lte=until)
    return values.select_related("report__period")


def observations(indicator: Indicator, until: date | None = None) -> list[Observation]:
    return [
        Observation(v.country_id, v.report.period.start, v.report.period.end, v.value)
        for v in approved_values(indicator, until)
    ]


def latest_assessment(indicator: Indicator, country: str | None = None, until: date | None = None) -> str:
    """The most recent approved assessment at programme level (country None) or for a country."""
    values = approved_values(indicator, until).filter(country_id=country).exclude(assessment="")
    latest = values.order_by("-report__period__end", "-report__period__start").first()
    return latest.assessment if latest else ""


def life_target(indicator: Indicator, country: str | None = None) -> Target | None:
    return indicator.targets.filter(country_id=country, period__isnull=True, category__isnull=True).first()


def period_target(indicator: Indicator, period, country: str | None = None) -> Target | None:
    return indicator.targets.filter(country_id=country, period=period, category__isnull=True).first()


def baseline(indicator: Indicator, country: str | None = None) -> Baseline | None:
    return indicator.baselines.filter(country_id=country, category__isnull=True).order_by("-year").first()


def programme_country_codes(programme: Programme) -> list[str]:
    return list(programme.countries.order_by("iso3").values_list("iso3", flat=True))


def previous_value(indicator: Indicator, report: PeriodReport) -> Decimal | None:
    """The same indicator's total for the same place in the closest earlier period of the same
    kind (for outlier warnings), whatever that report's status."""
    earlier = (
        IndicatorValue.objects.filter(
            indicator=indicator, report__country_id=report.country_id, report__period__kind=report.period.kind,
            report__period__end__lt=report.period.start, value__isnull=False,
        )
        .order_by("-report__period__end")
        .first()
    )
    return earlier.value if earlier else None


def visible_reports(user, programme: Programme) -> QuerySet:
    """Reports the user may see: country-scoped users see their countries' reports only
    (programme-level reports have no country and so are left out for them)."""
    reports = PeriodReport.objects.filter(programme=programme).select_related("country", "period")
    return scoped(reports, user).order_by("-period__start", "country__name")
