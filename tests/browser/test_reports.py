"""A programme manager generates the EU semi-annual report in French, previews it and downloads
the DOCX for the donor."""

import io
import re

import docx
import pytest
from playwright.sync_api import expect

from gloact.accounts.tests.factories import make_user
from gloact.monitoring import demo as monitoring_demo
from gloact.reporting import demo as reporting_demo
from tests.browser.accounts import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_generates_the_semi_annual_report_in_french_and_downloads_the_docx(page):
    monitoring_demo.load()
    reporting_demo.load()
    make_user("pmanager", "programme_manager")
    log_in(page, "pmanager")

    page.goto("/reports/")
    page.get_by_label("Template").select_option(label="EU semi-annual report")
    page.get_by_label("Report on").select_option(label="GLO.ACT 2015-2019: Whole programme")
    page.get_by_label("Reporting period").select_option(index=1)
    page.get_by_label("Report language").select_option(label="Français")
    page.get_by_label("Web page (preview)").check()
    page.get_by_role("button", name="Generate").click()

    report = page.locator("article.report")
    expect(report.get_by_role("heading", name="EU semi-annual report – GLO.ACT 2015-2019")).to_be_visible()
    expect(report.get_by_role("row", name=re.compile(r"^O\.1 "))).to_contain_text("5\N{NO-BREAK SPACE}348")
    expect(report).to_contain_text("Les pays partenaires ont révisé")  # the French narrative

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download DOCX").click()
    download = download_info.value
    assert download.suggested_filename.endswith("-fr.docx")
    document = docx.Document(io.BytesIO(open(download.path(), "rb").read()))
    rows = {row.cells[0].text: [c.text for c in row.cells] for table in document.tables for row in table.rows}
    assert rows["O.1"][4] == "5\N{NO-BREAK SPACE}348"
    assert rows["Période"][1] == "2015-2019: 2015-07-15 – 2019-09-30"
    assert any(p.text.startswith("Les pays partenaires ont révisé") for p in document.paragraphs)
