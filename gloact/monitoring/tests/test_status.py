"""Status rules: data plus one function, shown to users in words."""

from datetime import date
from decimal import Decimal

import pytest

from gloact.monitoring.models import Assessment, Indicator, Target
from gloact.monitoring.status import STATUS_RULES, Facts, Status, evaluate, indicator_status, rules_in_words, summary_sentence

from .factories import add_value, make_indicator, make_period, make_programme, make_report


def facts(actual, target=None, **fields):
    return Facts(measure=fields.pop("measure", "number"), direction=fields.pop("direction", "increase"),
                 actual=None if actual is None else Decimal(actual), target=None if target is None else Decimal(target), **fields)


@pytest.mark.parametrize("case, expected", [
    (facts(None), Status.NO_DATA),
    (facts(120, 100), Status.ACHIEVED),
    (facts(60, 100, running=True, elapsed=Decimal("0.5")), Status.ON_TRACK),
    (facts(60, 100, running=True, elapsed=Decimal("0.8")), Status.PARTIALLY),
    (facts(60, 100), Status.PARTIALLY),
    (facts(40, 100), Status.NOT_ACHIEVED),
    (facts(55, 100, baseline=Decimal(20)), Status.NOT_ACHIEVED),  # 35 of the 80 to go: less than half
    (facts(8, 5, direction="decrease", baseline=Decimal(10)), Status.NOT_ACHIEVED),
    (facts(4, 5, direction="decrease"), Status.ACHIEVED),
    (facts(None, assessment=Assessment.PARTIALLY), Status.PARTIALLY),
    (facts(1, measure="yes_no"), Status.ACHIEVED),
    (facts(12), Status.NO_DATA),  # a value with nothing to judge it by
])
def test_status_rules(case, expected):
    assert evaluate(case)[0] == expected


def test_a_numeric_target_outranks_the_reporters_assessment():
    assert evaluate(facts(40, 100, assessment=Assessment.ACHIEVED))[0] == Status.NOT_ACHIEVED


def test_every_rule_has_words_for_the_indicator_page():
    words = [str(w) for w in rules_in_words()]
    assert len(words) == len(STATUS_RULES) and all(words)
    assert any("half" in w for w in words)


@pytest.mark.django_db
def test_indicator_status_uses_approved_values_only():
    programme = make_programme(start=date(2020, 1, 1), end=date(2020, 12, 31))
    indicator = make_indicator(programme, accumulation=Indicator.Accumulation.PER_PERIOD)
    Target.objects.create(indicator=indicator, value=100)
    h1 = make_period(programme)
    h2 = make_period(programme, "2020 H2", date(2020, 7, 1), date(2020, 12, 31))
    add_value(make_report(programme, h1, "MLI"), indicator, 40, approve=True)
    add_value(make_report(programme, h1, "NER"), indicator, 30, approve=True)
    add_value(make_report(programme, h2, "MLI"), indicator, 50)  # draft: not counted
    status = indicator_status(indicator, as_of=date(2021, 1, 1))
    assert status.facts.actual == 70 and status.status == Status.PARTIALLY
    assert indicator_status(indicator, as_of=date(2020, 7, 1)).status == Status.ON_TRACK  # 70% done, half the time passed
    assert indicator_status(indicator, country="MLI", as_of=date(2021, 1, 1)).facts.actual == 40


def test_summary_sentence_is_built_from_the_counts():
    counts = {status: 0 for status in Status}
    counts[Status.ACHIEVED], counts[Status.PARTIALLY] = 33, 1
    assert summary_sentence(counts) == "33 of 34 outcome indicators reached, 1 partially achieved."
    counts[Status.NO_DATA] = 2
    assert summary_sentence(counts) == "33 of 36 outcome indicators reached, 1 partially achieved, 2 without data."
