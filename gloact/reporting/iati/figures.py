"""Which figures of an indicator an IATI file carries, place by place (the programme or one country).

Only approved values go out. A country's actual in a period is the value its report gives. The
programme's actual in a period is what the monitoring aggregation makes of that period's values
(the programme team's own figure, or the countries' values combined by the indicator's rule), so
the file and the dashboards agree. Breakdowns go out for the controlled dimensions (sex, age)
only: programme-specific dimensions mean nothing to other publishers.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import translation

from gloact.monitoring.aggregation import Observation, combine_countries, programme_value
from gloact.monitoring.models import Assessment, Baseline, Indicator, IndicatorValue, PeriodReport, Programme, Target
from gloact.monitoring.selectors import approved_values, programme_country_codes

from .codes import EXPORTED_DIMENSIONS

Breakdown = dict[tuple[str, str], Decimal]  # (dimension code, category code) -> value


@dataclass(frozen=True)
class Figure:
    """A baseline, target or actual: a value (None for qualitative ones), a comment and a breakdown."""

    value: Decimal | None
    comment: str = ""
    breakdown: Breakdown = field(default_factory=dict)


@dataclass(frozen=True)
class BaselineFigure:
    year: int
    figure: Figure
    dimension: tuple[str, str] | None = None


@dataclass
class PeriodFigures:
    start: date
    end: date
    target: Figure | None = None
    actual: Figure | None = None


def assessment_label(code: str) -> str:
    """The English label of an assessment, as the file states it (and the import recognises it)."""
    if not code:
        return ""
    with translation.override("en"):
        return str(Assessment(code).label)


def value_comment(value: IndicatorValue) -> str:
    return value.text_value or assessment_label(value.assessment)


def breakdown_of(value: IndicatorValue) -> Breakdown:
    return {
        (d.category.dimension.code, d.category.code): d.value
        for d in value.disaggregations.all()
        if d.category.dimension.controlled and d.category.dimension.code in EXPORTED_DIMENSIONS
    }


def _programme_actual(indicator: Indicator, values: list[IndicatorValue], country_count: int) -> Figure:
    central = next((v for v in values if v.country_id is None), None)
    observations = [Observation(v.country_id, v.report.period.start, v.report.period.end, v.value) for v in values]
    total = programme_value(indicator, observations, country_count)
    breakdown: Breakdown = {}
    if total.reported_centrally:
        breakdown = breakdown_of(central)
    elif indicator.aggregation != Indicator.Aggregation.COUNT_COUNTRIES:
        # Each category combines like the total: the sum (or average, or latest) of the countries' values.
        by_category: dict[tuple[str, str], dict[str, tuple[date, Decimal]]] = defaultdict(dict)
        for value in values:
            if value.country_id is not None:
                for key, amount in breakdown_of(value).items():
                    by_category[key][value.country_id] = (value.report.period.end, amount)
        for key, by_country in by_category.items():
            breakdown[key] = combine_countries(indicator, by_country, country_count).value
    return Figure(total.value, value_comment(central) if central else "", breakdown)


def period_figures(indicator: Indicator, country: str | None, whole: tuple[date, date]) -> list[PeriodFigures]:
    """Targets and approved actuals per period, earliest first, for the programme (country None) or a
    country. Life-of-programme targets belong to the `whole` programme period."""
    by_dates: dict[tuple[date, date], PeriodFigures] = {}

    def period(start: date, end: date) -> PeriodFigures:
        return by_dates.setdefault((start, end), PeriodFigures(start, end))

    values = approved_values(indicator).prefetch_related("disaggregations__category__dimension")
    grouped: dict[tuple[date, date], list[IndicatorValue]] = defaultdict(list)
    for value in values:
        grouped[(value.report.period.start, value.report.period.end)].append(value)
    country_count = len(programme_country_codes(indicator.programme))
    for dates, in_period in grouped.items():
        if country is None:
            actual = _programme_actual(indicator, in_period, country_count)
        else:
            own = next((v for v in in_period if v.country_id == country), None)
            actual = Figure(own.value, value_comment(own), breakdown_of(own)) if own else None
        if actual is not None and (actual.value is not None or actual.comment):
            period(*dates).actual = actual

    targets = indicator.targets.filter(country_id=country).select_related("period", "category__dimension")
    totals, categories = {}, defaultdict(dict)
    for target in targets:
        dates = (target.period.start, target.period.end) if target.period_id else whole
        if target.category_id is None:
            # A period's own target wins over the life-of-programme one when both fall on the same dates.
            if dates not in totals or target.period_id:
                totals[dates] = target
        elif target.category.dimension.controlled and target.category.dimension.code in EXPORTED_DIMENSIONS:
            categories[dates][(target.category.dimension.code, target.category.code)] = target.value
    for dates in set(totals) | set(categories):
        total = totals.get(dates)
        period(*dates).target = Figure(total.value if total else None, total.note if total else "", categories.get(dates, {}))

    if indicator.measure == Indicator.Measure.QUALITATIVE:
        for item in by_dates.values():
            item.target = _without_values(item.target)
            item.actual = _without_values(item.actual)
    return [by_dates[dates] for dates in sorted(by_dates)]


def _without_values(figure: Figure | None) -> Figure | None:
    # The standard: qualitative (measure 5) baselines, targets and actuals carry no value.
    if figure is None or not figure.comment:
        return None
    return Figure(None, figure.comment)


def baseline_figures(indicator: Indicator, country: str | None) -> list[BaselineFigure]:
    """Baselines of the programme or a country. A baseline without a value says nothing IATI can
    hold for a quantitative indicator, so it stays out."""
    figures = []
    for baseline in indicator.baselines.filter(country_id=country).select_related("category__dimension"):
        dimension = None
        if baseline.category_id:
            category = baseline.category
            if not (category.dimension.controlled and category.dimension.code in EXPORTED_DIMENSIONS):
                continue
            dimension = (category.dimension.code, category.code)
        if indicator.measure == Indicator.Measure.QUALITATIVE:
            if baseline.note:
                figures.append(BaselineFigure(baseline.year, Figure(None, baseline.note), dimension))
        elif baseline.value is not None:
            figures.append(BaselineFigure(baseline.year, Figure(baseline.value, baseline.note), dimension))
    return sorted(figures, key=lambda b: (b.year, b.dimension or ("", "")))


def countries_with_figures(programme: Programme) -> dict[int, set[str]]:
    """{indicator id: the countries with an approved value, a target or a baseline for it}, in three queries."""
    found: dict[int, set[str]] = defaultdict(set)
    rows = [
        IndicatorValue.objects.filter(indicator__programme=programme, report__status=PeriodReport.Status.APPROVED),
        Target.objects.filter(indicator__programme=programme), Baseline.objects.filter(indicator__programme=programme),
    ]
    for queryset in rows:
        for indicator_id, country in queryset.exclude(country=None).values_list("indicator_id", "country_id").distinct():
            found[indicator_id].add(country)
    return found
