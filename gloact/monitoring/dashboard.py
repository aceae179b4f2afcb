"""What the dashboards show, computed from approved values: status per indicator, target versus
actual over time and per country, disaggregation charts, gender-data completeness and the
"needs attention" list. Country-scoped users see only their countries' rows."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gloact.accounts.scoping import country_scope
from gloact.core.charts import BarChart, Series
from gloact.core.models import Country

from . import selectors
from .aggregation import country_values, programme_value
from .models import DisaggregatedValue, Indicator, IndicatorValue, PeriodReport, Programme, ReportingPeriod
from .status import IndicatorStatus, Status, count_statuses, indicator_status, summary_sentence

OFF_TRACK = {Status.PARTIALLY, Status.NOT_ACHIEVED}


@dataclass
class Overview:
    statuses: list[IndicatorStatus]
    outcome_counts: dict
    outcome_sentence: str


def programme_overview(programme: Programme, as_of: date | None = None) -> Overview:
    indicators = programme.indicators.select_related("result", "programme").order_by("order", "code")
    statuses = [indicator_status(indicator, as_of=as_of) for indicator in indicators]
    outcome = [s for s in statuses if s.indicator.level == Indicator.Level.OUTCOME]
    counts = count_statuses(outcome)
    return Overview(statuses, counts, summary_sentence(counts) if outcome else "")


def _visible(user, country: str | None) -> bool:
    scope = country_scope(user)
    return scope is None or country in scope


def country_names(codes) -> dict[str, str]:
    return {c.iso3: c.localized_name() for c in Country.objects.filter(iso3__in=list(codes))}


def over_time_chart(indicator: Indicator) -> BarChart:
    """Programme value to date at the end of each period that has approved values, with the
    period's target (or the life-of-programme target for the last period)."""
    observations = selectors.observations(indicator)
    countries = len(selectors.programme_country_codes(indicator.programme))
    periods = (
        ReportingPeriod.objects.filter(reports__values__indicator=indicator, reports__status=PeriodReport.Status.APPROVED)
        .distinct().order_by("end", "start")
    )
    life = selectors.life_target(indicator)
    labels, actual, targets = [], [], []
    for period in periods:
        upto = [o for o in observations if o.period_end <= period.end]
        labels.append(period.label)
        actual.append(programme_value(indicator, upto, countries).value)
        target = selectors.period_target(indicator, period)
        targets.append(target.value if target else (life.value if life and period.end >= indicator.programme.end_date else None))
    return BarChart(_("Target and actual over time"), labels, [Series(_("Actual to date"), actual), Series(_("Target"), targets)])


def by_country_chart(indicator: Indicator, user) -> BarChart:
    values = {c: v for c, v in country_values(indicator, selectors.observations(indicator)).items() if _visible(user, c)}
    names = country_names(values)
    codes = sorted(values, key=lambda c: names.get(c, c))
    targets = []
    for code in codes:
        target = selectors.life_target(indicator, code)
        targets.append(target.value if target else None)
    return BarChart(
        _("Actual and target per country"), [names.get(c, c) for c in codes],
        [Series(_("Actual to date"), [values[c] for c in codes]), Series(_("Target"), targets)],
    )


def disaggregation_charts(indicator: Indicator, user) -> list[BarChart]:
    """One chart per dimension: the categories of the approved values in the latest period with
    data (programme-level values when there are any, else the visible countries' values added)."""
    values = selectors.approved_values(indicator).filter(disaggregations__isnull=False).distinct()
    if not values:
        return []
    latest_end = max(v.report.period.end for v in values)
    latest = [v for v in values if v.report.period.end == latest_end]
    central = [v for v in latest if v.country_id is None]
    chosen = central if central and country_scope(user) is None else [v for v in latest if v.country_id and _visible(user, v.country_id)]
    totals: dict = defaultdict(lambda: defaultdict(Decimal))
    for item in DisaggregatedValue.objects.filter(indicator_value__in=chosen).select_related("category__dimension"):
        totals[item.category.dimension][item.category] += item.value
    charts = []
    for dimension, categories in sorted(totals.items(), key=lambda d: d[0].order):
        ordered = sorted(categories, key=lambda c: c.order)
        title = _("By %(dimension)s") % {"dimension": dimension.display_name}
        charts.append(BarChart(title, [str(c.display_label) for c in ordered], [Series(_("Actual"), [categories[c] for c in ordered])]))
    return charts


@dataclass
class CompletenessRow:
    label: str
    results: int
    with_sex: int

    @property
    def share(self) -> Decimal | None:
        return (Decimal(self.with_sex * 100) / self.results).quantize(Decimal("1")) if self.results else None


def gender_completeness(programme: Programme, user):
    """Share of approved results about people (values of indicators set up for disaggregation by
    sex) that come with sex-disaggregated data (a sex category other than "unknown"), overall, per
    country and per indicator; and the numeric indicators not set up for it at all."""
    values = (
        IndicatorValue.objects.filter(
            report__programme=programme, report__status=PeriodReport.Status.APPROVED,
            indicator__dimensions__code="sex", value__isnull=False,
        )
        .select_related("indicator", "country").distinct()
    )
    scope = country_scope(user)
    if scope is not None:
        values = values.filter(country_id__in=scope)
    with_sex = set(
        DisaggregatedValue.objects.filter(indicator_value__in=values, category__dimension__code="sex")
        .exclude(category__code="unknown").values_list("indicator_value_id", flat=True)
    )
    by_country, by_indicator = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])
    for value in values:
        place = value.country.localized_name() if value.country_id else _("Programme level")
        for bucket, key in ((by_country, place), (by_indicator, f"{value.indicator.code} {value.indicator.title}")):
            bucket[key][0] += 1
            bucket[key][1] += value.pk in with_sex
    overall = CompletenessRow(_("All results"), len(values), len(with_sex))
    rows = lambda bucket: [CompletenessRow(k, n, s) for k, (n, s) in sorted(bucket.items())]  # noqa: E731
    not_set_up = programme.indicators.filter(measure=Indicator.Measure.NUMBER).exclude(dimensions__code="sex").order_by("order", "code")
    return overall, rows(by_country), rows(by_indicator), list(not_set_up)


@dataclass
class AttentionItem:
    kind: str  # overdue, awaiting_review, returned, missing_data, off_track
    text: str
    url: str = ""


def needs_attention(programme: Programme, user, overview: Overview, today: date | None = None) -> list[AttentionItem]:
    today = today or timezone.localdate()
    scope = country_scope(user)
    items: list[AttentionItem] = []
    countries = [c for c in selectors.programme_country_codes(programme) if scope is None or c in scope]
    names = country_names(countries)
    reports = {(r.country_id, r.period_id): r for r in PeriodReport.objects.filter(programme=programme)}
    due = programme.periods.exclude(kind=ReportingPeriod.Kind.PROGRAMME).filter(due_date__lt=today).order_by("start")
    for period in due:
        for code in countries:
            report = reports.get((code, period.pk))
            if report is None or report.is_editable:
                items.append(AttentionItem("overdue", _("%(country)s: report for %(period)s is overdue (due %(due)s).")
                                           % {"country": names.get(code, code), "period": period.label, "due": period.due_date}))
    for report in reports.values():
        if scope is not None and report.country_id not in scope:
            continue
        place = names.get(report.country_id) or (report.country.localized_name() if report.country_id else _("Programme level"))
        if report.status == PeriodReport.Status.SUBMITTED and scope is None:
            items.append(AttentionItem("awaiting_review", _("%(place)s, %(period)s: submitted, awaiting review.")
                                       % {"place": place, "period": report.period.label}, reverse("monitoring:report", args=[report.pk])))
        elif report.status == PeriodReport.Status.RETURNED:
            items.append(AttentionItem("returned", _("%(place)s, %(period)s: returned with comments.")
                                       % {"place": place, "period": report.period.label}, reverse("monitoring:report", args=[report.pk])))
    for item in overview.statuses:
        link = reverse("monitoring:indicator", args=[programme.code, item.indicator.pk])
        if item.status == Status.NO_DATA and item.rule.code == "no_value":
            items.append(AttentionItem("missing_data", _("%(code)s: no approved value yet.") % {"code": item.indicator.code}, link))
        elif item.status == Status.NO_DATA:
            items.append(AttentionItem("missing_data", _("%(code)s: no target or assessment to judge the reported value by.")
                                       % {"code": item.indicator.code}, link))
        elif item.status in OFF_TRACK:
            items.append(AttentionItem("off_track", _("%(code)s: %(status)s.") % {"code": item.indicator.code, "status": item.label}, link))
    return items

