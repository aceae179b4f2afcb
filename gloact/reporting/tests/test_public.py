"""The public results page: approved figures only, and CSV and XLSX with the page's figures."""

import csv
import io
import re
from decimal import Decimal

import openpyxl
import pytest

from gloact.monitoring.models import IndicatorValue, PeriodReport
from gloact.monitoring.templatetags.monitoring import figure

pytestmark = pytest.mark.django_db


def page_rows(html):
    """{code: [cells]} of the indicator table."""
    table = html[html.index('class="results-table"'):]
    rows = {}
    for row in re.findall(r"<tr id=\"indicator-\d+\">(.*?)</tr>", table, re.S):
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        rows[cells[0]] = cells
    return rows


def test_anonymous_visitors_see_approved_figures_map_and_charts(client, programme):
    draft = PeriodReport.objects.create(programme=programme, country_id="NER", period=programme.periods.get())
    IndicatorValue.objects.create(report=draft, indicator=programme.indicators.get(code="OP-01"), value=1000)
    response = client.get(f"/reports/programmes/{programme.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    rows = page_rows(html)
    assert rows["O.1"][5] == "5,348" and rows["O.1"][4] == "4" and rows["O.1"][6] == "achieved"
    assert rows["OP-01"][5] == "139"  # Niger's draft 1,000 is not counted
    assert rows["OI-02"][5] == "7 of 13 countries"
    assert html.count("<circle") == 13 and "<title>Mali</title>" in html
    assert "By Sex" not in html and "\u2068O.2\u2069 by \u2068Sex\u2069" in html  # a headline result's chart (codes isolated)
    assert "(final report, section 3)" not in html  # data notes stay in the back office


def test_csv_and_xlsx_hold_the_page_figures(client, programme):
    rows = page_rows(client.get(f"/reports/programmes/{programme.code}/").content.decode())
    response = client.get(f"/reports/programmes/{programme.code}/results.csv")
    assert response["Content-Type"].startswith("text/csv")
    records = list(csv.DictReader(io.StringIO(response.content.decode())))
    xlsx = client.get(f"/reports/programmes/{programme.code}/results.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    sheet = list(workbook.active.values)
    header, xlsx_rows = sheet[0], {r[0]: dict(zip(sheet[0], r)) for r in sheet[1:]}
    assert list(header) == list(records[0])
    assert len(records) == len(rows) == programme.indicators.count()
    for record in records:
        shown = rows[record["code"]]
        assert shown[5] == record["actual_text"] and shown[6] == record["status"]
        for column, index in (("baseline", 3), ("target", 4)):
            assert shown[index] == (figure(Decimal(record[column])) if record[column] else "–")
        if record["actual"]:
            assert figure(Decimal(record["actual"])) in shown[5]
            assert Decimal(str(xlsx_rows[record["code"]]["actual"])) == Decimal(record["actual"])
        assert xlsx_rows[record["code"]]["status"] == record["status"]


def test_unknown_programme_is_not_found(client, db):
    assert client.get("/reports/programmes/none/").status_code == 404
