"""Planned versus delivered: activities counted per semi-annual reporting period of the programme.

An activity belongs to the period in which it was planned to start; so a postponed or cancelled
activity still counts against the period that planned it. Costs are summed per currency (a
workplan may mix them); the outside-capital share is over delivered activities whose location
is known.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from gloact.monitoring.models import Programme, ReportingPeriod
from gloact.monitoring.periods import period_bounds

from .models import Activity


@dataclass(frozen=True)
class Period:
    label: str
    start: date
    end: date


@dataclass
class PeriodFigures:
    period: Period
    planned: int = 0
    delivered: int = 0
    ongoing: int = 0
    postponed: int = 0
    cancelled: int = 0
    planned_cost: dict = field(default_factory=lambda: defaultdict(Decimal))
    actual_cost: dict = field(default_factory=lambda: defaultdict(Decimal))
    delivered_outside_capital: int = 0
    delivered_location_known: int = 0

    @property
    def delivery_rate(self) -> Decimal | None:
        return None if not self.planned else (Decimal(100) * self.delivered / self.planned).quantize(Decimal("0.1"))

    @property
    def outside_capital_share(self) -> Decimal | None:
        if not self.delivered_location_known:
            return None
        return (Decimal(100) * self.delivered_outside_capital / self.delivered_location_known).quantize(Decimal("0.1"))

    @property
    def costs(self) -> list[tuple[str, Decimal, Decimal]]:
        """(currency, planned, actual) for each currency used; a plain list, as templates need."""
        currencies = sorted(set(self.planned_cost) | set(self.actual_cost))
        return [(c, self.planned_cost.get(c, Decimal(0)), self.actual_cost.get(c, Decimal(0))) for c in currencies]

    def add(self, activity: Activity) -> None:
        self.planned += 1
        counter = {
            Activity.Status.DELIVERED: "delivered", Activity.Status.ONGOING: "ongoing",
            Activity.Status.POSTPONED: "postponed", Activity.Status.CANCELLED: "cancelled",
        }.get(activity.status)
        if counter:
            setattr(self, counter, getattr(self, counter) + 1)
        if activity.planned_cost is not None:
            self.planned_cost[activity.currency] += activity.planned_cost
        if activity.actual_cost is not None:
            self.actual_cost[activity.currency] += activity.actual_cost
        if activity.status == Activity.Status.DELIVERED and activity.in_capital is not None:
            self.delivered_location_known += 1
            self.delivered_outside_capital += not activity.in_capital


def semi_annual_periods(programme: Programme) -> list[Period]:
    """The programme's semi-annual reporting periods; computed from its financial year when none
    have been created yet."""
    stored = programme.periods.filter(kind=ReportingPeriod.Kind.SEMI_ANNUAL).order_by("start")
    if stored:
        return [Period(p.label, p.start, p.end) for p in stored]
    return [Period(label, start, end) for start, end, label in period_bounds(programme, ReportingPeriod.Kind.SEMI_ANNUAL)]


def planned_versus_delivered(programme: Programme, activities) -> tuple[list[PeriodFigures], PeriodFigures]:
    """One row per period holding activities of `activities`, and the total row (over every
    activity, including any planned outside the programme's periods)."""
    periods = semi_annual_periods(programme)
    rows = {period: PeriodFigures(period) for period in periods}
    total = PeriodFigures(Period("", programme.start_date, programme.end_date))
    for activity in activities.order_by("planned_start"):
        total.add(activity)
        period = next((p for p in periods if p.start <= activity.planned_start <= p.end), None)
        if period:
            rows[period].add(activity)
    return [row for row in rows.values() if row.planned], total
