"""Small builders for monitoring tests."""

from datetime import date
from decimal import Decimal

from gloact.core.models import Country
from gloact.monitoring.models import (
    Dimension,
    DisaggregatedValue,
    Indicator,
    IndicatorValue,
    PeriodReport,
    Programme,
    ReportingPeriod,
)


def make_programme(code="prog", countries=("MLI", "NER", "NPL"), start=date(2020, 1, 1), end=date(2021, 12, 31), **fields):
    programme = Programme.objects.create(code=code, title=f"Programme {code}", short_title=code.upper(),
                                         start_date=start, end_date=end, **fields)
    programme.countries.set(Country.objects.filter(iso3__in=countries))
    return programme


def make_indicator(programme, code="I1", **fields):
    dimensions = fields.pop("dimensions", [])
    fields.setdefault("title", f"Indicator {code}")
    fields.setdefault("level", Indicator.Level.OUTCOME)
    indicator = Indicator.objects.create(programme=programme, code=code, **fields)
    indicator.dimensions.set(Dimension.objects.filter(code__in=dimensions))
    return indicator


def make_period(programme, label="2020 H1", start=date(2020, 1, 1), end=date(2020, 6, 30), kind=ReportingPeriod.Kind.SEMI_ANNUAL, **fields):
    return ReportingPeriod.objects.create(programme=programme, label=label, start=start, end=end, kind=kind, **fields)


def make_report(programme, period, country="MLI", status=PeriodReport.Status.DRAFT):
    return PeriodReport.objects.create(programme=programme, period=period, country_id=country, status=status)


def add_value(report, indicator, value, breakdown=None, approve=False, **fields):
    """A value in `report` (and, with approve=True, the report approved afterwards)."""
    record = IndicatorValue.objects.create(report=report, indicator=indicator,
                                           value=None if value is None else Decimal(str(value)), **fields)
    from gloact.monitoring.models import DimensionCategory

    for column, amount in (breakdown or {}).items():
        dimension, code = column.split(":")
        category = DimensionCategory.objects.get(dimension__code=dimension, code=code)
        DisaggregatedValue.objects.create(indicator_value=record, category=category, value=Decimal(str(amount)))
    if approve:
        report.status = PeriodReport.Status.APPROVED
        report.save()
    return record
