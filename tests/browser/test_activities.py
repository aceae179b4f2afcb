"""A programme officer imports an attendance sheet (a malformed row is refused with nothing
imported, then fixed), records the post-test results, and sees the fed indicators of the
monitoring report update without typing them."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from gloact.accounts.tests.factories import make_user
from gloact.activities.models import Activity, IndicatorFeed
from gloact.activities.tests.factories import make_activity, make_workplan
from gloact.monitoring.models import Indicator
from gloact.monitoring.tests.factories import make_indicator, make_period, make_programme, make_report
from tests.browser.accounts import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = "given_name,family_name,sex,age_band,institution,institution_type,country,email,phone,language,consent,role\n"
ROWS = [
    "Awa,Exampleton,female,30_44,Police Academy,police,MLI,awa@example.org,,fr,yes,participant\n",
    "Moussa,Sampleman,{sex},18_29,Prosecution Office,prosecution,MLI,moussa@example.org,,fr,yes,participant\n",
]


def upload(page, text):
    page.get_by_label("Attendance sheet (XLSX or CSV)").set_input_files(
        files=[{"name": "attendance.csv", "mimeType": "text/csv", "buffer": text.encode()}])
    page.get_by_role("button", name="Check and import").click()


def test_import_attendance_record_scores_and_see_fed_indicators(page):
    programme = make_programme("pilot", countries=("MLI", "NER"), start=date(2024, 1, 1), end=date(2024, 12, 31))
    period = make_period(programme, "2024 H1", date(2024, 1, 1), date(2024, 6, 30))
    trained = make_indicator(programme, "1.1", title="Practitioners trained", dimensions=["sex"],
                             disaggregation_rule=Indicator.DisaggregationRule.MUST_ADD_UP)
    gain = make_indicator(programme, "1.2", title="Share of tested participants with a knowledge gain",
                          measure=Indicator.Measure.PERCENTAGE)
    IndicatorFeed.objects.create(indicator=trained, metric=IndicatorFeed.Metric.PRACTITIONERS_TRAINED)
    IndicatorFeed.objects.create(indicator=gain, metric=IndicatorFeed.Metric.KNOWLEDGE_GAIN_SHARE)
    workplan = make_workplan(programme=programme, start=date(2024, 1, 1), end=date(2024, 6, 30))
    training = make_activity(workplan, "T1", title="Investigating trafficking for forced labour",
                             status=Activity.Status.DELIVERED, planned_start=date(2024, 3, 4))
    report = make_report(programme, period)
    make_user("amina", "programme_officer", ["MLI"])
    trained_row = page.get_by_role("row", name=re.compile("Practitioners trained"))
    gain_row = page.get_by_role("row", name=re.compile("knowledge gain"))

    log_in(page, "amina")
    page.goto(f"/results/reports/{report.pk}/")
    expect(trained_row.get_by_role("cell").first).to_have_text(re.compile(r"^0"))
    expect(trained_row).to_contain_text("computed from activities")

    # A malformed row: nothing is imported, and the report says which row and column.
    page.goto(f"/activities/activity/{training.pk}/")
    page.get_by_role("link", name="Import an attendance sheet").click()
    upload(page, HEADER + ROWS[0] + ROWS[1].format(sex="zebra"))
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("nothing was imported")
    expect(alert.get_by_role("row").nth(1)).to_contain_text("sex")
    assert training.attendances.count() == 0
    upload(page, HEADER + ROWS[0] + ROWS[1].format(sex="male"))
    expect(page.get_by_text("2 attendances added")).to_be_visible()

    # The paper tests' scores, one form for the whole event.
    page.get_by_role("link", name="Tests, satisfaction and follow-up").click()
    page.get_by_role("link", name="Enter the scores of paper tests").click()
    page.get_by_label("Pre-test score of Awa Exampleton").fill("40")
    page.get_by_label("Post-test score of Awa Exampleton").fill("75")
    page.get_by_label("Pre-test score of Moussa Sampleman").fill("60")
    page.get_by_label("Post-test score of Moussa Sampleman").fill("160")
    page.get_by_role("button", name="Save all scores").click()
    expect(page.get_by_text("Nothing was saved")).to_be_visible()
    page.get_by_label("Post-test score of Moussa Sampleman").fill("55")
    page.get_by_role("button", name="Save all scores").click()
    expect(page.locator("#event-gain")).to_contain_text("50.00% (1/2)")

    # The report shows the new figures, computed from the records.
    page.goto(f"/results/reports/{report.pk}/")
    expect(trained_row.get_by_role("cell").first).to_have_text(re.compile(r"^2"))
    expect(trained_row).to_contain_text("female: 1")
    expect(gain_row.get_by_role("cell").first).to_have_text(re.compile(r"^50"))
