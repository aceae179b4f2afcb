"""Checks on reported values: disaggregation rules, percentages, yes/no, outliers."""

from decimal import Decimal

import pytest

from gloact.monitoring.models import DimensionCategory, Indicator
from gloact.monitoring.validation import validate_value

from .factories import make_indicator, make_programme

pytestmark = pytest.mark.django_db


def categories(**amounts):
    """{"sex_female": 3} -> {DimensionCategory sex:female: Decimal(3)}"""
    result = {}
    for key, amount in amounts.items():
        dimension, code = key.split("_", 1)
        result[DimensionCategory.objects.get(dimension__code=dimension, code=code)] = Decimal(amount)
    return result


@pytest.fixture
def programme():
    return make_programme()


def test_must_add_up_rejects_a_breakdown_short_of_the_total_and_accepts_an_exact_one(programme):
    indicator = make_indicator(programme, dimensions=["sex", "age"], disaggregation_rule=Indicator.DisaggregationRule.MUST_ADD_UP)
    short = validate_value(indicator, value=Decimal(10), breakdown=categories(sex_female=4, sex_male=5))
    assert not short.ok
    assert short.errors[0].field == "sex:female" and "add up to 9" in short.errors[0].message
    exact = validate_value(indicator, value=Decimal(10), breakdown=categories(sex_female=4, sex_male=5, sex_unknown=1, age_adult=10))
    assert exact.ok


def test_must_not_exceed_accepts_a_partial_breakdown_but_not_one_above_the_total(programme):
    indicator = make_indicator(programme, dimensions=["sex"], disaggregation_rule=Indicator.DisaggregationRule.MUST_NOT_EXCEED)
    assert validate_value(indicator, value=Decimal(10), breakdown=categories(sex_female=4)).ok
    over = validate_value(indicator, value=Decimal(10), breakdown=categories(sex_female=8, sex_male=3))
    assert not over.ok and "more than the total" in over.errors[0].message


def test_a_breakdown_needs_a_total_and_only_the_indicators_dimensions(programme):
    indicator = make_indicator(programme, dimensions=["sex"])
    assert not validate_value(indicator, value=None, breakdown=categories(sex_female=4)).ok
    wrong = validate_value(indicator, value=Decimal(10), breakdown=categories(age_child=4))
    assert [e.field for e in wrong.errors] == ["age:child"]


@pytest.mark.parametrize("value, ok", [(Decimal(0), True), (Decimal(100), True), (Decimal("100.5"), False), (Decimal(-1), False)])
def test_percentages_stay_within_0_and_100(programme, value, ok):
    indicator = make_indicator(programme, measure=Indicator.Measure.PERCENTAGE)
    assert validate_value(indicator, value=value).ok is ok


def test_percentage_from_numerator_and_denominator(programme):
    indicator = make_indicator(programme, measure=Indicator.Measure.PERCENTAGE)
    assert validate_value(indicator, value=None, numerator=Decimal(7), denominator=Decimal(13)).ok
    assert validate_value(indicator, value=Decimal(54), numerator=Decimal(7), denominator=Decimal(13)).ok  # rounded in the source
    assert not validate_value(indicator, value=Decimal(60), numerator=Decimal(7), denominator=Decimal(13)).ok
    assert not validate_value(indicator, value=None, numerator=Decimal(14), denominator=Decimal(13)).ok
    assert not validate_value(indicator, value=None, numerator=Decimal(1), denominator=Decimal(0)).ok


def test_counts_are_not_negative_and_yes_no_is_one_or_zero(programme):
    assert not validate_value(make_indicator(programme, "N"), value=Decimal(-3)).ok
    yes_no = make_indicator(programme, "Y", measure=Indicator.Measure.YES_NO)
    assert validate_value(yes_no, value=Decimal(1)).ok
    assert not validate_value(yes_no, value=Decimal(2)).ok


def test_ordinal_levels_stay_on_the_scale(programme):
    indicator = make_indicator(programme, measure=Indicator.Measure.ORDINAL, ordinal_scale=["low", "medium", "high"])
    assert validate_value(indicator, value=Decimal(3)).ok
    assert not validate_value(indicator, value=Decimal(4)).ok


@pytest.mark.parametrize("value, warned", [(Decimal(31), True), (Decimal(30), False), (Decimal(3), True), (Decimal(4), False)])
def test_outliers_against_the_previous_period_are_warnings_not_errors(programme, value, warned):
    result = validate_value(make_indicator(programme), value=value, previous=Decimal(10))
    assert result.ok
    assert bool(result.warnings) is warned
