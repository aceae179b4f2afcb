"""Spreadsheet import: every row checked first, nothing written when one is wrong."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from gloact.accounts.tests.factories import make_user
from gloact.monitoring.importing import import_values
from gloact.monitoring.models import Indicator, IndicatorValue, PeriodReport

from .factories import make_indicator, make_period, make_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    programme = make_programme()
    make_period(programme)
    make_indicator(programme, "CASES", dimensions=["sex"], disaggregation_rule=Indicator.DisaggregationRule.MUST_ADD_UP)
    make_indicator(programme, "SHARE", measure=Indicator.Measure.PERCENTAGE)
    return programme


def csv_file(text):
    return SimpleUploadedFile("values.csv", text.encode())


def test_valid_csv_is_written_in_one_go(setup):
    manager = make_user("manager", "programme_manager")
    report = import_values(setup, manager, csv_file(
        "indicator,country,period,value,sex:female,sex:male,narrative\n"
        'CASES,MLI,2020 H1,"1,200",700,500,Courts in Bamako and Mopti\n'
        "SHARE,,2020 H1,45,,,\n"
    ))
    assert report.ok and report.written == 2
    mali = IndicatorValue.objects.get(indicator__code="CASES")
    assert mali.value == 1200 and mali.country_id == "MLI" and mali.disaggregations.count() == 2
    assert PeriodReport.objects.filter(country__isnull=True).count() == 1


def test_one_bad_row_means_nothing_is_written_and_the_report_names_row_and_column(setup):
    manager = make_user("manager", "programme_manager")
    report = import_values(setup, manager, csv_file(
        "indicator,country,period,value,sex:female,sex:male\n"
        "CASES,MLI,2020 H1,10,6,4\n"
        "CASES,NER,2020 H1,10,6,3\n"
        "SHARE,NPL,2020 H1,140,,\n"
        "NOPE,XXX,2031 H1,ten,,\n"
    ))
    assert not report.ok and report.written == 0
    problems = {(p.row, p.column) for p in report.errors}
    assert {(3, "sex:female"), (4, "value"), (5, "indicator"), (5, "country"), (5, "period"), (5, "value")} <= problems
    assert not IndicatorValue.objects.exists() and not PeriodReport.objects.exists()


def test_scoped_users_import_only_for_their_countries_and_not_into_locked_reports(setup):
    officer = make_user("officer", "programme_officer", ["MLI"])
    report = import_values(setup, officer, csv_file("indicator,country,period,value\nCASES,NER,2020 H1,3\nCASES,,2020 H1,3\n"))
    assert [(p.row, p.column) for p in report.errors] == [(2, "country"), (3, "country")]
    PeriodReport.objects.create(programme=setup, country_id="MLI", period=setup.periods.get(), status="approved")
    report = import_values(setup, officer, csv_file("indicator,country,period,value\nCASES,MLI,2020 H1,3\n"))
    assert [(p.row, p.column) for p in report.errors] == [(2, "period")]


def test_xlsx_and_unknown_columns(setup):
    manager = make_user("manager", "programme_manager")
    book = Workbook()
    sheet = book.active
    sheet.append(["Indicator", "Country", "Period", "Value", "sex:female", "sex:male"])
    sheet.append(["CASES", "NPL", "2020 H1", 9, 5, 4])
    data = io.BytesIO()
    book.save(data)
    report = import_values(setup, manager, SimpleUploadedFile("values.xlsx", data.getvalue()))
    assert report.ok and IndicatorValue.objects.get().value == 9
    bad = import_values(setup, manager, csv_file("indicator,period,colour\nCASES,2020 H1,red\n"))
    assert [(p.row, p.column) for p in bad.errors] == [(1, "colour")]


def test_import_page_shows_the_validation_report(client, setup):
    client.force_login(make_user("manager", "programme_manager"))
    response = client.post(reverse("monitoring:import", args=[setup.code]),
                           {"file": csv_file("indicator,country,period,value\nSHARE,MLI,2020 H1,140\n")})
    page = response.content.decode()
    assert "nothing was imported" in page and "A percentage must be between 0 and 100." in page
