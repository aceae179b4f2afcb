"""The demo tells GLO.ACT's story from its final report, computed from the data."""

from decimal import Decimal

import pytest
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.monitoring import demo
from gloact.monitoring.dashboard import programme_overview
from gloact.monitoring.models import DimensionCategory, Indicator, IndicatorValue, PeriodReport, Programme
from gloact.monitoring.status import Status, count_statuses, indicator_status
from gloact.monitoring.validation import validate_value

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    demo.load()
    return Programme.objects.get(code=demo.CODE)


def test_loading_twice_changes_nothing(programme):
    counts = (Indicator.objects.count(), IndicatorValue.objects.count(), PeriodReport.objects.count())
    assert demo.load() == 0
    assert (Indicator.objects.count(), IndicatorValue.objects.count(), PeriodReport.objects.count()) == counts


def test_programme_with_its_13_countries_six_pillars_and_partners(programme):
    assert sorted(programme.countries.values_list("iso3", flat=True)) == sorted(demo.COUNTRIES)
    assert programme.pillars.count() == 6
    assert programme.budget == Decimal("11000000") and programme.currency == "EUR"
    assert set(programme.components.values_list("implementing_partner", flat=True)) == {"UNODC", "IOM", "UNICEF"}
    assert programme.components.filter(implementing_partner="IOM").count() == 6


def test_status_rules_over_the_demo_data_give_33_of_34_outcome_indicators_reached(programme):
    outcome = programme.indicators.filter(level=Indicator.Level.OUTCOME)
    statuses = [indicator_status(indicator) for indicator in outcome]
    counts = count_statuses(statuses)
    assert len(statuses) == 34
    assert counts[Status.ACHIEVED] == 33 and counts[Status.PARTIALLY] == 1
    assert [s.indicator.code for s in statuses if s.status == Status.PARTIALLY] == ["3.3"]


def test_published_figures(programme):
    def status(code):
        return indicator_status(programme.indicators.get(code=code))

    assert status("O.1").facts.actual == 5348 and status("O.1").rule.code == "target_reached"
    assert status("O.2").facts.actual == 7542
    assert status("OI-02").programme_value.share_of_countries.quantize(Decimal(1)) == 54
    assert status("OI-03").programme_value.share_of_countries.quantize(Decimal(1)) == 69  # published as 70%
    assert status("OI-04").programme_value.share_of_countries.quantize(Decimal(1)) == 46
    assert status("3.3").facts.actual == 1  # Pakistan only
    assert {status(code).facts.actual for code in ["OI-05", "OI-06", "OI-07", "OI-08", "OI-01"]} == {46, 42, 438, 10, 60}


def test_women_men_and_children_pass_the_must_add_up_rule_as_published(programme):
    assisted = programme.indicators.get(code="O.2")
    value = IndicatorValue.objects.get(indicator=assisted, country__isnull=True)
    breakdown = value.breakdown()
    by_code = {c.column_name: v for c, v in breakdown.items()}
    assert by_code["sex:female"] == 4525 and by_code["sex:male"] == 2890 and by_code["age:child"] == 127
    assert validate_value(assisted, value=value.value, breakdown=breakdown).ok
    wrong = dict(breakdown)
    wrong[DimensionCategory.objects.get(dimension__code="sex", code="unknown")] = Decimal(100)
    assert not validate_value(assisted, value=value.value, breakdown=wrong).ok


def test_every_demo_value_says_it_has_no_per_period_split(programme):
    notes = IndicatorValue.objects.filter(report__programme=programme).values_list("note", flat=True)
    assert all(demo.WHOLE_PERIOD in note for note in notes)


def test_dashboard_shows_the_sentence_built_from_the_counts(client, programme):
    client.force_login(make_user("manager", "programme_manager"))
    page = client.get(reverse("monitoring:dashboard", args=[programme.code])).content.decode()
    assert programme_overview(programme).outcome_sentence == "33 of 34 outcome indicators reached, 1 partially achieved."
    assert "33 of 34 outcome indicators reached, 1 partially achieved." in page
    assert "3.3: partially achieved." in page  # in the needs-attention list
