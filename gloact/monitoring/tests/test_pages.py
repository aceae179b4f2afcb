"""The results pages render for the people who use them, charts with their data tables."""

from datetime import date

import pytest
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.monitoring import demo
from gloact.monitoring.models import Programme, ReportingPeriod
from gloact.monitoring.periods import create_periods

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    demo.load()
    return Programme.objects.get(code=demo.CODE)


def test_manager_pages(client, programme):
    client.force_login(make_user("manager", "programme_manager"))
    assisted = programme.indicators.get(code="O.2")
    for url in [
        reverse("monitoring:index"),
        reverse("monitoring:logframe", args=[programme.code]),
        reverse("monitoring:gender", args=[programme.code]),
        reverse("monitoring:reports", args=[programme.code]),
        reverse("monitoring:import", args=[programme.code]),
        reverse("monitoring:toc", args=[programme.theories.get().current_version().pk]),
    ]:
        assert client.get(url).status_code == 200, url
    page = client.get(reverse("monitoring:indicator", args=[programme.code, assisted.pk])).content.decode()
    charts = page.count('<figure class="chart-block">')
    assert charts == page.count("<svg") == 3  # over time, by sex, by age
    assert page.count("<table") == charts + 1  # each chart's data table, and the approved values
    assert "By Sex" in page and "4,525" in page
    assert "How the status is decided" in page and "less than half of the way" in page
    assert "no per-period split in the source" in page


def test_gender_view_says_activities_are_not_counted(client, programme):
    client.force_login(make_user("manager", "programme_manager"))
    page = client.get(reverse("monitoring:gender", args=[programme.code])).content.decode()
    assert "activities" in page and "2 of 3 results are disaggregated by sex (67%)." in page
    trained = programme.indicators.get(code="OI-07")  # 438 trained, no split by sex in the source
    assert f"{trained.code} {trained.title}</th><td class=\"num\">1</td><td class=\"num\">0</td>" in page


def test_scoped_officer_sees_only_their_country_rows(client, programme):
    client.force_login(make_user("officer", "programme_officer", ["NER"]))
    academies = programme.indicators.get(code="OI-03")
    page = client.get(reverse("monitoring:indicator", args=[programme.code, academies.pk])).content.decode()
    assert "Niger" in page and "Pakistan" not in page
    assert "Programme level" not in client.get(reverse("monitoring:reports", args=[programme.code])).content.decode()


def test_nav_shows_results_to_monitoring_users_only(client):
    client.force_login(make_user("manager", "programme_manager"))
    assert reverse("monitoring:index") in client.get("/").content.decode()
    client.force_login(make_user("reader", "practitioner"))
    assert reverse("monitoring:index") not in client.get("/").content.decode()


def test_periods_follow_the_financial_year():
    programme = Programme.objects.create(code="fy", title="FY", short_title="FY", start_date=date(2016, 1, 1),
                                         end_date=date(2017, 6, 30), financial_year_start_month=7)
    halves = create_periods(programme, ReportingPeriod.Kind.SEMI_ANNUAL)
    assert [(p.label, p.start, p.end) for p in halves] == [
        ("FY2015/16 H2", date(2016, 1, 1), date(2016, 6, 30)),
        ("FY2016/17 H1", date(2016, 7, 1), date(2016, 12, 31)),
        ("FY2016/17 H2", date(2017, 1, 1), date(2017, 6, 30)),
    ]
    years = create_periods(programme, ReportingPeriod.Kind.ANNUAL)
    assert [p.label for p in years] == ["FY2015/16", "FY2016/17"]
    assert create_periods(programme, ReportingPeriod.Kind.ANNUAL) == years  # idempotent
    assert years[0].due_date == date(2016, 7, 30)
