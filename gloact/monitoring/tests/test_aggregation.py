"""Aggregation over time and from countries to the programme."""

from datetime import date
from decimal import Decimal

import pytest

from gloact.monitoring.aggregation import Observation, combine_countries, programme_value, value_to_date
from gloact.monitoring.models import Indicator

H1 = (date(2020, 1, 1), date(2020, 6, 30))
H2 = (date(2020, 7, 1), date(2020, 12, 31))
YEAR = (date(2020, 1, 1), date(2020, 12, 31))


def indicator(**fields):
    # Unsaved: the aggregation rules read only these fields.
    return Indicator(code="X", title="X", level="outcome", **fields)


def obs(country, period, value):
    return Observation(country, period[0], period[1], None if value is None else Decimal(value))


def test_per_period_numbers_add_up_over_time_and_skip_an_overlapping_annual_value():
    counts = indicator(measure="number", accumulation="per_period")
    assert value_to_date(counts, [obs("MLI", H1, 10), obs("MLI", H2, 5)]) == 15
    # The annual figure restates the two halves: it is not counted again.
    assert value_to_date(counts, [obs("MLI", H1, 10), obs("MLI", H2, 5), obs("MLI", YEAR, 15)]) == 15


def test_cumulative_values_and_percentages_take_the_latest_period():
    assert value_to_date(indicator(measure="number", accumulation="cumulative"), [obs("MLI", H1, 10), obs("MLI", H2, 14)]) == 14
    assert value_to_date(indicator(measure="percentage", accumulation="per_period"), [obs("MLI", H2, 40), obs("MLI", H1, 70)]) == 40


@pytest.mark.parametrize("rule, expected", [("sum", Decimal(60)), ("average", Decimal(20)), ("latest", Decimal(30))])
def test_country_values_combine_by_the_indicators_rule(rule, expected):
    by_country = {"MLI": (date(2020, 6, 30), Decimal(10)), "NER": (date(2020, 12, 31), Decimal(30)),
                  "NPL": (date(2020, 6, 30), Decimal(20))}
    result = combine_countries(indicator(measure="number", aggregation=rule), by_country)
    assert result.value == expected
    assert result.countries_counted == 3


def test_average_is_rounded_to_two_places():
    by_country = {"MLI": (date(2020, 6, 30), Decimal(10)), "NER": (date(2020, 6, 30), Decimal(10)),
                  "NPL": (date(2020, 6, 30), Decimal(11))}
    assert combine_countries(indicator(measure="number", aggregation="average"), by_country).value == Decimal("10.33")


def test_count_of_countries_meeting_a_threshold_with_share_of_programme_countries():
    rule = indicator(measure="number", aggregation="count_countries", condition_threshold=Decimal(5))
    by_country = {"MLI": (H1[1], Decimal(4)), "NER": (H1[1], Decimal(5)), "NPL": (H1[1], Decimal(9))}
    result = combine_countries(rule, by_country, programme_countries=4)
    assert result.value == 2  # NER and NPL reach 5
    assert result.share_of_countries == Decimal("50.00")


def test_count_of_countries_answering_yes():
    rule = indicator(measure="yes_no", aggregation="count_countries")
    observations = [obs("MLI", H1, 1), obs("NER", H1, 0), obs("NPL", H1, 1), obs("NPL", H2, 1)]
    result = programme_value(rule, observations, programme_countries=13)
    assert result.value == 2
    assert result.share_of_countries == Decimal("15.38")


def test_a_programme_level_value_is_used_instead_of_adding_countries():
    rule = indicator(measure="number", aggregation="sum", accumulation="cumulative")
    result = programme_value(rule, [obs("MLI", H1, 10), obs("NER", H1, 20), obs(None, H1, 25)])
    assert result.value == 25 and result.reported_centrally


def test_no_values_give_no_programme_value():
    assert programme_value(indicator(measure="number", aggregation="sum"), [obs("MLI", H1, None)]).value is None
