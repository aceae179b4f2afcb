"""Read-side queries of reports and the public results page: approved values, disaggregations,
activities, trainings, published cases, narrative and evidence within a scope and period."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q

from gloact.activities.models import Activity, Attendance
from gloact.caselaw.models import Case
from gloact.monitoring import selectors as monitoring_selectors
from gloact.monitoring.aggregation import Observation
from gloact.monitoring.models import DisaggregatedValue, EvidenceFile, Indicator, IndicatorValue, PeriodReport

from .models import NarrativeEntry
from .scope import Period, Scope

CASE_HIGHLIGHTS = 10


def observations_in(indicator: Indicator, period: Period, countries: list[str] | None) -> list[Observation]:
    """Approved observations of periods that lie within `period`; for a country list, only those
    countries' values (programme-level figures belong to the programme alone)."""
    found = [o for o in monitoring_selectors.observations(indicator, until=period.end) if period.contains(o.period_start, o.period_end)]
    if countries is None:
        return found
    return [o for o in found if o.country in countries]


def approved_values_in(indicator: Indicator, period: Period, countries: list[str] | None):
    values = monitoring_selectors.approved_values(indicator, until=period.end).filter(report__period__start__gte=period.start)
    return values if countries is None else values.filter(country_id__in=countries)


def disaggregation_totals(indicator: Indicator, period: Period, countries: list[str] | None) -> dict:
    """{dimension: {category: total}} of the approved breakdowns in the period. For the whole
    programme, programme-level breakdowns are used when there are any (as for the totals: the
    countries' figures may count the same person twice), else the countries' added up."""
    values = list(approved_values_in(indicator, period, countries).filter(disaggregations__isnull=False).distinct())
    if countries is None and any(v.country_id is None for v in values):
        values = [v for v in values if v.country_id is None]
    totals: dict = defaultdict(lambda: defaultdict(Decimal))
    for item in DisaggregatedValue.objects.filter(indicator_value__in=values).select_related("category__dimension"):
        totals[item.category.dimension][item.category] += item.value
    return {
        dimension: dict(sorted(categories.items(), key=lambda c: (c[0].order, c[0].code)))
        for dimension, categories in sorted(totals.items(), key=lambda d: (d[0].order, d[0].code))
    }


def activities_in(scope: Scope, period: Period):
    """Activities of the scope planned to start in the period, or that actually started in it."""
    activities = Activity.objects.filter(workplan__programme=scope.programme).filter(
        Q(planned_start__range=(period.start, period.end)) | Q(actual_start__range=(period.start, period.end))
    )
    if scope.component:
        activities = activities.filter(workplan__component=scope.component)
    elif scope.partner:
        activities = activities.filter(workplan__component__implementing_partner=scope.partner)
    return activities.select_related("country").order_by("planned_start", "code")


def training_attendances(scope: Scope, period: Period):
    """Participants' attendances of trainings delivered in the period (trainers and organisers
    are not people reached)."""
    delivered = activities_in(scope, period).filter(
        kind__in=Activity.TRAINING_KINDS, status=Activity.Status.DELIVERED,
    ).filter(Q(actual_start__range=(period.start, period.end)) | Q(actual_start__isnull=True))
    return Attendance.objects.filter(activity__in=delivered, role=Attendance.Role.PARTICIPANT).select_related(
        "participant", "activity__country")


def case_highlights(scope: Scope, period: Period, countries: list[str]) -> list[Case]:
    """Published cases of the scope's countries: landmark cases first, then those published in
    the period, newest first."""
    cases = Case.objects.published().filter(jurisdiction__country_id__in=countries).filter(
        Q(is_landmark=True) | Q(published_at__date__range=(period.start, period.end))
    )
    return list(cases.select_related("jurisdiction").order_by("-is_landmark", "-published_at", "public_id")[:CASE_HIGHLIGHTS])


def narrative_entries(scope: Scope, period: Period, heading: str) -> list[NarrativeEntry]:
    entries = NarrativeEntry.objects.filter(
        programme=scope.programme, heading=heading, period__start__gte=period.start, period__end__lte=period.end,
    ).select_related("component__country", "period")
    if scope.component:
        entries = entries.filter(component=scope.component)
    elif scope.partner:
        entries = entries.filter(component__implementing_partner=scope.partner)
    else:
        entries = entries.filter(component__isnull=True)
    return list(entries.order_by("component__country__name", "component__implementing_partner", "period__start"))


def evidence_in(scope: Scope, period: Period):
    """Evidence files of approved values of the scope in the period."""
    files = EvidenceFile.objects.filter(
        indicator_value__report__programme=scope.programme, indicator_value__report__status=PeriodReport.Status.APPROVED,
        indicator_value__report__period__start__gte=period.start, indicator_value__report__period__end__lte=period.end,
    )
    countries = scope.country_codes()
    if countries is not None:
        files = files.filter(country_id__in=countries)
    return files.select_related("indicator_value__indicator", "indicator_value__report__period", "country").order_by(
        "indicator_value__indicator__order", "indicator_value__indicator__code", "uploaded_at")


def has_approved_values(indicator: Indicator) -> bool:
    return IndicatorValue.objects.filter(indicator=indicator, report__status=PeriodReport.Status.APPROVED).exists()
