"""A country officer reports disaggregated results; the programme manager returns them with a
comment, the officer corrects them, the manager approves, and the dashboard shows the result."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from gloact.accounts.tests.factories import make_user
from gloact.monitoring.models import Indicator, Target
from gloact.monitoring.tests.factories import make_indicator, make_period, make_programme
from tests.browser.accounts import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_reports_manager_returns_then_approves_and_dashboard_updates(page):
    programme = make_programme("pilot", countries=("MLI", "NER"), start=date(2024, 1, 1), end=date(2024, 12, 31))
    make_period(programme, "2024 H1", date(2024, 1, 1), date(2024, 6, 30))
    indicator = make_indicator(
        programme, "1.1", title="Victims identified and assisted", dimensions=["sex", "age"],
        disaggregation_rule=Indicator.DisaggregationRule.MUST_ADD_UP,
    )
    Target.objects.create(indicator=indicator, value=25)
    make_user("amina", "programme_officer", ["MLI"])
    make_user("pmanager", "programme_manager")
    dashboard = f"/results/{programme.code}/"
    row = page.get_by_role("row", name=re.compile("Victims identified and assisted"))

    # The officer opens Mali's report (the only country offered) and enters the figures.
    log_in(page, "amina")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Results").click()
    page.get_by_role("link", name=programme.title).click()
    expect(row).to_contain_text("no data")
    page.get_by_role("link", name="Reports").click()
    expect(page.get_by_label("Country").locator("option")).to_have_text(["Mali"])
    page.get_by_label("Reporting period").select_option(label="2024 H1")
    page.get_by_role("button", name="Open report").click()
    expect(page.get_by_role("heading", name="Report: Mali, 2024 H1")).to_be_visible()
    page.get_by_role("link", name="Enter 1.1").click()
    page.get_by_label("Total").fill("30")
    sex = page.get_by_role("group", name="By Sex")
    sex.get_by_label("female").fill("20")
    sex.get_by_label(re.compile(r"^male")).fill("5")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The Sex categories add up to 25, not to the total 30.")).to_be_visible()
    page.get_by_role("group", name="By Sex").get_by_label(re.compile(r"^male")).fill("10")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("1.1 saved.")).to_be_visible()
    page.get_by_role("button", name="Submit report").click()
    expect(page.locator("#report-status")).to_have_text("submitted")
    report_url = page.url

    # The manager returns it: the age breakdown is missing.
    log_in(page, "pmanager")
    page.goto(dashboard)
    page.get_by_role("link", name=re.compile("Mali, 2024 H1: submitted, awaiting review")).click()
    expect(page.get_by_role("cell", name=re.compile("female: 20"))).to_be_visible()
    page.get_by_label("What needs to change").fill("Please add the split by age.")
    page.get_by_role("button", name="Return with comments").click()
    expect(page.locator("#report-status")).to_have_text("returned with comments")

    # The officer reads the comment, corrects the figures and submits again.
    log_in(page, "amina")
    page.goto(report_url)
    expect(page.get_by_text("Please add the split by age.")).to_be_visible()
    page.get_by_role("link", name="Edit 1.1").click()
    expect(page.get_by_label("Total")).to_have_value("30.00")
    age = page.get_by_role("group", name="By Age")
    age.get_by_label("adult (18 and over)").fill("26")
    age.get_by_label("child (under 18)").fill("4")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Submit report").click()
    expect(page.locator("#report-status")).to_have_text("submitted")

    # Before approval the dashboard counts nothing; after it, the result shows and the report locks.
    log_in(page, "pmanager")
    page.goto(dashboard)
    expect(row).to_contain_text("no data")
    page.goto(report_url)
    page.get_by_role("button", name="Approve").click()
    expect(page.locator("#report-status")).to_have_text("approved")
    expect(page.get_by_role("link", name=re.compile("^(Enter|Edit) 1.1"))).to_have_count(0)
    page.goto(dashboard)
    expect(row).to_contain_text("30")
    expect(row).to_contain_text("achieved")
    page.get_by_role("link", name="Victims identified and assisted").click()
    expect(page.get_by_role("group", name="By Sex")).to_have_count(0)
    expect(page.get_by_role("figure").filter(has_text="By Age")).to_contain_text("26")
