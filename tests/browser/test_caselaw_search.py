"""A visitor searches the case law, narrows the results with two facets, opens a case and reads
it in French."""

import re

import pytest
from playwright.sync_api import expect

from gloact.caselaw.tests.test_bidi import latin_case
from gloact.caselaw.tests.test_search import build_corpus
from tests.browser.bidi import assert_read_left_to_right, direction

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_filter_open_case_and_switch_language(page):
    corpus = build_corpus()
    france = corpus["france"]

    page.goto("/")
    page.get_by_role("link", name="Case law").first.click()
    page.get_by_role("searchbox", name="Search").fill("recruited")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("heading", name="4 cases")).to_be_visible()
    expect(page.locator("mark").first).to_have_text(re.compile("recruit", re.I))

    # Two facets; with JavaScript each tick updates the results and the address at once.
    page.get_by_label(re.compile(r"^Trafficking in persons")).check()
    expect(page).to_have_url(re.compile(r"crime=crime\.trafficking_in_persons"))
    expect(page.get_by_role("heading", name="3 cases")).to_be_visible()
    page.get_by_label(re.compile(r"^Transfer")).check()
    expect(page).to_have_url(re.compile(r"act=act\.transfer"))
    expect(page.get_by_role("heading", name="1 case", exact=True)).to_be_visible()
    shared_url = page.url

    page.get_by_role("link", name="Trafficking case").click()
    expect(page).to_have_url(re.compile(rf"/cases/{france.public_id}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Trafficking case")
    expect(page.get_by_role("rowheader", name="V1", exact=True)).to_be_visible()

    page.get_by_label("Language").select_option("fr")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page).to_have_url(re.compile(rf"/fr/cases/{france.public_id}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Affaire de traite")
    expect(page.get_by_text("Transfert", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Jurisprudence").first).to_be_visible()

    # The filtered search is a shareable address that works without JavaScript.
    context = page.context.browser.new_context(base_url=page.url.split("/fr/")[0], java_script_enabled=False)
    plain = context.new_page()
    plain.goto(shared_url)
    expect(plain.get_by_role("heading", name="1 case", exact=True)).to_be_visible()
    plain.get_by_label(re.compile(r"^Transfer")).uncheck()
    plain.get_by_role("button", name="Apply filters").click()
    expect(plain.get_by_role("heading", name="3 cases")).to_be_visible()
    context.close()


def test_latin_values_read_left_to_right_on_an_arabic_case_page(page):
    # Unisolated, "ECLI:ML:TGI:2019:45." in a right-to-left line shows its full stop at its left end, and
    # the English summary is set right to left. Compared: where the first and last letters land.
    case = latin_case()
    page.goto(f"/ar/cases/{case.public_id}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_read_left_to_right(page, ("CR-2019/45", "ECLI:ML:TGI:2019:45.", "Synthetic Court of Appeal (2nd chamber)",
                                     "Art. 3(a) of the Synthetic Penal Code", "Suspended for 2 years."))
    assert direction(page.locator(".case-text", has_text="The defendant recruited synthetic workers")) == "ltr"

