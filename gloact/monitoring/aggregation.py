"""How reported values add up: over time within a country, then from countries to the programme.

Over time (Indicator.accumulation):
- cumulative: each period already reports the total since the start, so the value to date is
  the latest period's value;
- per period: numbers add up over the periods; percentages, yes/no and ordinal values do not
  add up, so their value to date is the latest period's.

From countries to programme (Indicator.aggregation): sum, average, latest (the value of the
country that reported last; for figures that the programme re-states as a whole) or the number
of countries meeting a condition (yes, or at least the indicator's threshold).

A value the programme team reports for the programme as a whole (a report without country) is
the programme value itself: it is used instead of adding up countries, because the source may
count the same person or case in two countries.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .models import Indicator

TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Observation:
    """One approved value: where (None = programme level), which period, how much."""

    country: str | None
    period_start: date
    period_end: date
    value: Decimal | None


@dataclass(frozen=True)
class ProgrammeValue:
    value: Decimal | None
    countries_counted: int  # countries whose values went into it (0 when reported centrally)
    reported_centrally: bool
    share_of_countries: Decimal | None = None  # for count_countries: percentage of programme countries


def value_to_date(indicator: Indicator, observations: list[Observation]) -> Decimal | None:
    """One place's value up to the last of `observations` (all of the same country)."""
    known = sorted((o for o in observations if o.value is not None), key=lambda o: (o.period_end, o.period_start))
    if not known:
        return None
    adds_up = indicator.accumulation == Indicator.Accumulation.PER_PERIOD and indicator.measure == Indicator.Measure.NUMBER
    if adds_up:
        # Periods of different lengths may overlap (an annual and its two halves): keep the
        # finest non-overlapping ones, i.e. skip a period that contains one already counted.
        counted: list[Observation] = []
        for obs in sorted(known, key=lambda o: (o.period_end - o.period_start, o.period_start)):
            if not any(obs.period_start <= c.period_start and c.period_end <= obs.period_end for c in counted):
                counted.append(obs)
        return sum((o.value for o in counted), Decimal(0))
    return known[-1].value


def meets_condition(indicator: Indicator, value: Decimal | None) -> bool:
    if value is None:
        return False
    if indicator.measure == Indicator.Measure.YES_NO or indicator.condition_threshold is None:
        return value >= 1
    return value >= indicator.condition_threshold


def combine_countries(indicator: Indicator, by_country: dict[str, tuple[date, Decimal]], programme_countries: int = 0) -> ProgrammeValue:
    """Apply the indicator's aggregation rule to each country's value to date (with the end
    of the last period it covers, which the 'latest' rule needs)."""
    values = {country: value for country, (_when, value) in by_country.items() if value is not None}
    rule = indicator.aggregation
    if not values:
        return ProgrammeValue(None, 0, False)
    if rule == Indicator.Aggregation.SUM:
        result = sum(values.values(), Decimal(0))
    elif rule == Indicator.Aggregation.AVERAGE:
        result = (sum(values.values(), Decimal(0)) / len(values)).quantize(TWO_PLACES, ROUND_HALF_UP)
    elif rule == Indicator.Aggregation.LATEST:
        # Ties (same period end) are broken by country code so that the result is stable.
        latest = max(values, key=lambda c: (by_country[c][0], c))
        result = values[latest]
    elif rule == Indicator.Aggregation.COUNT_COUNTRIES:
        count = sum(1 for v in values.values() if meets_condition(indicator, v))
        share = (Decimal(count * 100) / programme_countries).quantize(TWO_PLACES, ROUND_HALF_UP) if programme_countries else None
        return ProgrammeValue(Decimal(count), len(values), False, share)
    else:
        raise ValueError(f"unknown aggregation rule {rule!r}")
    return ProgrammeValue(result, len(values), False)


def programme_value(indicator: Indicator, observations: list[Observation], programme_countries: int = 0) -> ProgrammeValue:
    central = [o for o in observations if o.country is None and o.value is not None]
    if central:
        return ProgrammeValue(value_to_date(indicator, central), 0, True)
    by_country: dict[str, list[Observation]] = defaultdict(list)
    for obs in observations:
        if obs.country is not None:
            by_country[obs.country].append(obs)
    to_date = {
        country: (max(o.period_end for o in obs), value_to_date(indicator, obs)) for country, obs in by_country.items()
    }
    return combine_countries(indicator, to_date, programme_countries)


def country_values(indicator: Indicator, observations: list[Observation]) -> dict[str, Decimal | None]:
    by_country: dict[str, list[Observation]] = defaultdict(list)
    for obs in observations:
        if obs.country is not None:
            by_country[obs.country].append(obs)
    return {country: value_to_date(indicator, obs) for country, obs in sorted(by_country.items())}
