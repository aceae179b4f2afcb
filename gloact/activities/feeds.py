"""Indicators fed by activity records: each IndicatorFeed's metric computed for a country and a
reporting period, and written into the values of editable monitoring reports, so nobody re-types
what the activity records already hold.

What counts (delivered activities held in the period; for cumulative indicators, from the start of
the programme to the end of the period):
- practitioners trained: distinct participants (merged duplicates counted once) who completed a
  training, training of trainers or workshop as participant; by sex, age and, when the indicator
  has such a dimension, institution type; counted in the participant's country;
- knowledge gain share: participants with both a pre- and a post-test of an event whose score rose,
  among them (a person tested at two events counts twice);
- applying share: 12-month follow-up respondents who use the training daily or sometimes, among
  all 12-month respondents; counted by when they answered (the period's answers, whatever the
  training's date: answers come a year after the training, when its report is long closed);
- national-trainer trainings: trainings with a trainer who holds a trainer track (trained under
  the programme), in the activity's country;
- outside-capital activities: activities marked as not in the capital, in the activity's country.

Values of approved reports are never touched (the monitoring models refuse it too).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import gettext as _

from gloact.monitoring.models import DimensionCategory, Indicator, IndicatorValue, PeriodReport, ReportingPeriod
from gloact.monitoring.validation import percentage_from

from .models import Activity, Attendance, FollowUpSurvey, IndicatorFeed, Participant, TestResult

Metric = IndicatorFeed.Metric
APPLYING = (FollowUpSurvey.Use.DAILY, FollowUpSurvey.Use.SOMETIMES)
# Dimension codes whose categories are a participant's own codes.
PARTICIPANT_DIMENSIONS = {
    "sex": lambda p: p.sex,
    "age": lambda p: p.age_category,
    "institution-type": lambda p: p.institution_type,
    "institution_type": lambda p: p.institution_type,
}


@dataclass
class Computed:
    value: Decimal | None
    records: int  # how many activity records the figure comes from
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    breakdown: dict[tuple[str, str], Decimal] = field(default_factory=dict)  # (dimension code, category code) -> value


def _window(feed: IndicatorFeed, period: ReportingPeriod) -> tuple[date, date]:
    if feed.indicator.accumulation == Indicator.Accumulation.CUMULATIVE:
        return min(feed.indicator.programme.start_date, period.start), period.end
    return period.start, period.end


def delivered_activities(feed: IndicatorFeed, period: ReportingPeriod):
    start, end = _window(feed, period)
    return Activity.objects.filter(workplan__programme=feed.indicator.programme_id, status=Activity.Status.DELIVERED).alias(
        held=Coalesce("actual_start", "planned_start")).filter(held__range=(start, end))


def _people_filter(feed: IndicatorFeed, country: str | None, prefix: str) -> Q:
    q = Q()
    if country:
        q &= Q(**{f"{prefix}country": country})
    if feed.institution_types:
        q &= Q(**{f"{prefix}institution_type__in": feed.institution_types})
    return q


def practitioners_trained(feed, country, period) -> Computed:
    attendances = Attendance.objects.filter(
        _people_filter(feed, country, "participant__"), activity__in=delivered_activities(feed, period),
        activity__kind__in=Activity.TRAINING_KINDS, role=Attendance.Role.PARTICIPANT, completed=True,
        participant__merged_into__isnull=True,
    )
    people = list(Participant.objects.filter(pk__in=attendances.values("participant_id")))
    dimensions = [d for d in feed.indicator.dimensions.values_list("code", flat=True) if d in PARTICIPANT_DIMENSIONS]
    breakdown: dict[tuple[str, str], Decimal] = {}
    for person in people:
        for dimension in dimensions:
            key = (dimension, PARTICIPANT_DIMENSIONS[dimension](person))
            breakdown[key] = breakdown.get(key, Decimal(0)) + 1
    return Computed(Decimal(len(people)), attendances.count(), breakdown=breakdown)


def _share(numerator: int, denominator: int, records: int) -> Computed:
    if not denominator:
        return Computed(None, records)
    return Computed(percentage_from(Decimal(numerator), Decimal(denominator)), records, Decimal(numerator), Decimal(denominator))


def knowledge_gain_share(feed, country, period) -> Computed:
    results = TestResult.objects.filter(_people_filter(feed, country, "participant__"),
                                        test__activity__in=delivered_activities(feed, period))
    scores: dict[tuple[int, int], dict[str, Decimal]] = {}
    for activity_id, participant_id, kind, score in results.values_list("test__activity_id", "participant_id", "test__kind", "score"):
        scores.setdefault((activity_id, participant_id), {})[kind] = score
    pairs = [s for s in scores.values() if "pre" in s and "post" in s]
    return _share(sum(1 for s in pairs if s["post"] > s["pre"]), len(pairs), results.count())


def applying_share(feed, country, period) -> Computed:
    start, end = _window(feed, period)
    answers = FollowUpSurvey.objects.filter(
        _people_filter(feed, country, "attendance__participant__"),
        attendance__activity__workplan__programme=feed.indicator.programme_id,
        wave=FollowUpSurvey.Wave.TWELVE_MONTHS, responded_at__date__range=(start, end),
    )
    total = answers.count()
    return _share(answers.filter(use__in=APPLYING).count(), total, total)


def national_trainer_trainings(feed, country, period) -> Computed:
    activities = delivered_activities(feed, period).filter(kind__in=Activity.TRAINING_KINDS)
    if country:
        activities = activities.filter(country=country)
    # One filter() call: the trainer role and the track belong to the same attendance.
    found = activities.filter(attendances__role=Attendance.Role.TRAINER,
                              attendances__participant__trainer_tracks__isnull=False).distinct().count()
    return Computed(Decimal(found), found)


def outside_capital(feed, country, period) -> Computed:
    activities = delivered_activities(feed, period).filter(in_capital=False)
    if country:
        activities = activities.filter(country=country)
    found = activities.count()
    return Computed(Decimal(found), found)


COMPUTE = {
    Metric.PRACTITIONERS_TRAINED: practitioners_trained,
    Metric.KNOWLEDGE_GAIN_SHARE: knowledge_gain_share,
    Metric.APPLYING_SHARE: applying_share,
    Metric.NATIONAL_TRAINER_TRAININGS: national_trainer_trainings,
    Metric.OUTSIDE_CAPITAL: outside_capital,
}


def compute(feed: IndicatorFeed, country: str | None, period: ReportingPeriod) -> Computed:
    """The feed's figure for `country` (ISO3; None for the whole programme) in `period`."""
    return COMPUTE[feed.metric](feed, country, period)


def _note(computed: Computed) -> str:
    # In the site's language: the stored note must not change with the language of whoever opens the report.
    with translation.override(settings.LANGUAGE_CODE):
        return _("Computed from %(count)d activity records; not entered by hand.") % {"count": computed.records}


def _as_stored(value: IndicatorValue | None) -> tuple | None:
    if value is None:
        return None
    breakdown = {(d.category.dimension.code, d.category.code): d.value for d in value.disaggregations.select_related("category__dimension")}
    return value.value, value.numerator, value.denominator, value.note, breakdown


def _categories(breakdown) -> dict[tuple[str, str], DimensionCategory]:
    wanted = Q()
    for dimension, code in breakdown:
        wanted |= Q(dimension__code=dimension, code=code)
    if not breakdown:
        return {}
    return {(c.dimension.code, c.code): c for c in DimensionCategory.objects.filter(wanted).select_related("dimension")}


def _quantized(number: Decimal | None) -> Decimal | None:
    return None if number is None else number.quantize(Decimal("0.01"))


@transaction.atomic
def write_value(report: PeriodReport, feed: IndicatorFeed, computed: Computed) -> bool:
    """Store `computed` as the report's value of the feed's indicator; False when it was already so."""
    categories = _categories(computed.breakdown)
    breakdown = {key: _quantized(amount) for key, amount in computed.breakdown.items() if key in categories}
    wanted = (_quantized(computed.value), _quantized(computed.numerator), _quantized(computed.denominator), _note(computed),
              breakdown)
    existing = IndicatorValue.objects.filter(report=report, indicator=feed.indicator).first()
    if _as_stored(existing) == wanted:
        return False
    value, _created = IndicatorValue.objects.update_or_create(
        report=report, indicator=feed.indicator,
        defaults={"value": wanted[0], "numerator": wanted[1], "denominator": wanted[2], "note": wanted[3]},
    )
    for item in value.disaggregations.all():  # one by one, so that the audit trail records each
        item.delete()
    for key, amount in breakdown.items():
        value.disaggregations.create(category=categories[key], value=amount)
    return True


def refresh_report(report: PeriodReport) -> int:
    """Recompute every fed indicator of an editable report; returns how many values changed.
    Submitted and approved reports keep the figures they were submitted with."""
    if not report.is_editable:
        return 0
    changed = 0
    for feed in IndicatorFeed.objects.filter(indicator__programme=report.programme_id).select_related("indicator__programme"):
        changed += write_value(report, feed, compute(feed, report.country_id, report.period))
    return changed
