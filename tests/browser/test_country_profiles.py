"""A country focal point answers the readiness self-assessment in French with evidence; a
programme manager reviews it; the benchmark then shows the country."""

import re

import pytest
from playwright.sync_api import expect

from gloact.accounts.tests.factories import make_user
from gloact.core.models import Country
from gloact.countries.tests.factories import PDF, make_campaign
from gloact.countries.tests.test_bidi import latin_profile, statistics_of_mali
from tests.browser.accounts import log_in
from tests.browser.bidi import assert_read_left_to_right, direction

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_out(page):
    page.goto("/account/logout/")
    page.get_by_role("button", name="Log out").click()


def test_focal_point_answers_in_french_manager_reviews_benchmark_shows_the_country(page, tmp_path):
    make_user("focal.mali", "focal_point", ["MLI"])
    make_user("manager", "programme_manager")
    campaign, assessments = make_campaign(["MLI"], title="Readiness 2026")
    evidence = tmp_path / "plan-national.pdf"
    evidence.write_bytes(PDF)

    log_in(page, "focal.mali")
    page.goto("/fr/countries/readiness/")
    page.get_by_role("link", name="Mali").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    first = page.get_by_role("group", name=re.compile("Une stratégie ou un plan d'action national contre la traite"))
    expect(first).to_be_visible()
    first.locator("input[value='yes']").check()
    page.locator("#id_e-strategy-tip-plan").set_input_files(str(evidence))
    page.get_by_role("group", name=re.compile("Dans quelle mesure le plan d'action est-il financé")).locator(
        "input[value='3']").check()
    page.get_by_role("group", name=re.compile("Où en est le mécanisme national d'orientation")).get_by_label(
        "Adopté et appliqué en pratique").check()
    page.get_by_label(re.compile("Combien de praticiens de la justice pénale")).fill("120")
    page.locator("button[name='submit']").click()

    expect(page.get_by_role("link", name="plan-national.pdf")).to_be_visible()
    expect(page.locator("button[name='submit']")).to_have_count(0)  # locked while in review
    log_out(page)

    log_in(page, "manager")
    page.goto(f"/countries/readiness/assessments/{assessments['MLI'].pk}/")
    expect(page.get_by_text("submitted", exact=True)).to_be_visible()
    page.get_by_label(re.compile("Accept")).check()
    page.get_by_label("Comment").fill("Thank you, the evidence is complete.")
    page.get_by_role("button", name="Record the review").click()
    expect(page.get_by_text("The review was recorded.")).to_be_visible()

    page.goto(f"/countries/readiness/campaigns/{campaign.pk}/benchmark/")
    chart = page.get_by_role("img", name=re.compile("Overall readiness score"))
    expect(chart).to_be_visible()
    expect(chart.locator("text", has_text="Mali")).to_have_count(1)
    expect(page.get_by_role("table").get_by_role("rowheader", name="Mali")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download this table (CSV)").click()
    assert "Mali" in download.value.path().read_text()


def test_latin_values_read_left_to_right_on_an_arabic_country_profile(page):
    # Unisolated, the law's title "Law No. 2012-023 (synthetic)." in a right-to-left heading shows
    # its full stop at its left end. Compared: where the first and last letters land.
    latin_profile()
    page.goto("/ar/countries/MLI/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_read_left_to_right(page, ("Law No. 2012-023 (synthetic).", "Art. 3(a)", "Synthetic Action Plan (revised).",
                                     "Synthetic Commission (CNLTP)", "National Project Officer (synthetic).",
                                     "Synthetic workers (appeal)."))
    assert direction(page.get_by_text("Victims are referred within 48 hours (synthetic).")) == "ltr"
    # In the SVG chart an Arabic name keeps its full stop at its left end, and still ends at the
    # bars (right-aligned on the label column): without unicode-bidi="plaintext" the SVG's
    # direction="ltr" put the full stop at the right.
    Country.objects.filter(iso3="MLI").update(names={"ar": "مالي (تجريبي)."})
    statistics_of_mali()
    page.goto(f"/ar/countries/regions/{Country.objects.get(iso3='MLI').subregion_id}/statistics/")
    label = page.locator("svg text.bar-label", has_text="مالي")
    first, last, right, anchor = label.evaluate("""text => {
      const n = text.getNumberOfChars(), box = text.getBBox();
      return [text.getExtentOfChar(0).x, text.getExtentOfChar(n - 1).x, box.x + box.width, text.x.baseVal[0].value];
    }""")
    assert last < first and abs(right - anchor) < 1
