"""Planned versus delivered per semi-annual period: the figures are sums of the activity records."""

from datetime import date
from decimal import Decimal

import pytest

from gloact.activities.models import Activity
from gloact.activities.planning import planned_versus_delivered, semi_annual_periods
from gloact.activities.tests.factories import make_activity, make_workplan
from gloact.monitoring.tests.factories import make_programme

pytestmark = pytest.mark.django_db

S = Activity.Status


@pytest.fixture
def workplan():
    return make_workplan(programme=make_programme(start=date(2020, 1, 1), end=date(2021, 12, 31)))


def test_periods_follow_the_programme():
    programme = make_programme(start=date(2020, 1, 1), end=date(2020, 12, 31))
    assert [(p.label, p.start, p.end) for p in semi_annual_periods(programme)] == [
        ("2020 H1", date(2020, 1, 1), date(2020, 6, 30)), ("2020 H2", date(2020, 7, 1), date(2020, 12, 31))]


def test_planned_versus_delivered_equals_the_records(workplan):
    rows = [  # planned start, status, in capital, planned cost, actual cost, currency
        (date(2020, 2, 1), S.DELIVERED, True, 1000, 900, "EUR"),
        (date(2020, 3, 1), S.DELIVERED, False, 2000, 2500, "EUR"),
        (date(2020, 5, 1), S.CANCELLED, None, 500, None, "EUR"),
        (date(2020, 6, 30), S.POSTPONED, False, 700, None, "USD"),
        (date(2020, 9, 1), S.DELIVERED, False, None, 300, "EUR"),
        (date(2020, 10, 1), S.PLANNED, True, 100, None, "EUR"),
        (date(2021, 8, 1), S.ONGOING, None, 50, 10, "EUR"),
    ]
    for n, (start, status, capital, planned, actual, currency) in enumerate(rows):
        make_activity(workplan, code=f"A{n}", planned_start=start, status=status, in_capital=capital,
                      planned_cost=planned, actual_cost=actual, currency=currency,
                      cancellation_reason="Elections" if status == S.CANCELLED else "")
    activities = Activity.objects.filter(workplan=workplan)
    figures, total = planned_versus_delivered(workplan.programme, activities)

    assert [f.period.label for f in figures] == ["2020 H1", "2020 H2", "2021 H2"]
    h1, h2, h4 = figures
    assert (h1.planned, h1.delivered, h1.cancelled, h1.postponed, h1.ongoing) == (4, 2, 1, 1, 0)
    assert h1.costs == [("EUR", Decimal(3500), Decimal(3400)), ("USD", Decimal(700), Decimal(0))]
    assert (h1.delivered_outside_capital, h1.delivered_location_known, h1.outside_capital_share) == (1, 2, Decimal("50.0"))
    assert h1.delivery_rate == Decimal("50.0")
    assert (h2.planned, h2.delivered, h2.outside_capital_share) == (2, 1, Decimal("100.0"))
    assert (h4.planned, h4.ongoing, h4.outside_capital_share) == (1, 1, None)

    # Each total is the sum of the records, and of the rows.
    assert total.planned == activities.count() == sum(f.planned for f in figures)
    for status, name in ((S.DELIVERED, "delivered"), (S.CANCELLED, "cancelled"), (S.POSTPONED, "postponed")):
        assert getattr(total, name) == activities.filter(status=status).count() == sum(getattr(f, name) for f in figures)
    eur = activities.filter(currency="EUR")
    assert total.planned_cost["EUR"] == sum(a.planned_cost or 0 for a in eur)
    assert total.actual_cost["EUR"] == sum(a.actual_cost or 0 for a in eur)
    assert total.delivered_outside_capital == activities.filter(status=S.DELIVERED, in_capital=False).count() == 2
