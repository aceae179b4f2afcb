"""Import of UNODC's GLOTIP workbook: all rows, reported rejects, figures as published."""

import csv
import io
import os
import time

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from gloact.countries.glotip import import_glotip
from gloact.countries.models import StatisticsDataset, StatisticValue

HEADER = ["Iso3_code", "Country", "Region", "Subregion", "Indicator", "Dimension", "Category", "Sex", "Age", "Year",
          "Unit of measurement", "txtVALUE", "Source"]


def glotip_file(shared_data) -> str:
    return os.path.join(shared_data, "glotip", "data_glotip_2023-05-30.xlsx")


def write_workbook(path, rows) -> str:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["UNODC"])
    sheet.append(["30/05/2023"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return str(path)


def row(iso3, indicator, value, year=2020, sex="Total", age="Total", dimension="Total", category="Total"):
    return [iso3, "x", "Africa", "Sub-Saharan Africa", indicator, dimension, category, sex, age, year, "Counts", value,
            "GLOTIP"]


@pytest.mark.django_db
def test_the_whole_workbook_is_loaded_with_the_published_figures(shared_data, client):
    path = glotip_file(shared_data)
    source = list(openpyxl.load_workbook(path, read_only=True).worksheets[0].iter_rows(min_row=4, values_only=True))
    without_category = [r for r in source if r[6] is None]

    started = time.monotonic()
    report = import_glotip(path)
    seconds = time.monotonic() - started

    assert len(source) == 46556
    # Every row is loaded except those the import cannot place (a citizenship breakdown without
    # a citizenship), and those are reported with their row numbers.
    assert report.loaded + report.rejected == len(source)
    assert report.rejected == len(without_category) == 75
    assert report.examples[0].endswith("no category")
    assert StatisticValue.objects.count() == report.loaded
    assert StatisticValue.objects.filter(suppressed=True, value__isnull=True).count() == sum(
        1 for r in source if r[11] == "<5" and r[6] is not None
    )
    print(f"GLOTIP import: {report.loaded} rows in {seconds:.1f} s")

    # A handful of published figures, picked from the file, as stored and as shown.
    keys = {}
    for r in source:
        keys.setdefault((r[0], r[4], r[5], r[6], r[7], r[8], r[9]), []).append(r)
    picked = [
        r for r in source
        if r[0] in ("NER", "NPL", "COL", "UKR") and r[4] == "Detected trafficking victims" and r[5:9] == ("Total",) * 4
        and r[11] != "<5" and int(r[11].replace(",", "")) >= 20 and len(keys[(r[0], r[4], r[5], r[6], r[7], r[8], r[9])]) == 1
    ]
    by_country = {}
    for r in picked:
        by_country.setdefault(r[0], r)
    assert len(by_country) >= 3
    for iso3, r in by_country.items():
        value = int(r[11].replace(",", ""))
        stored = StatisticValue.objects.get(country_id=iso3, indicator="detected_victims", dimension="total", sex="total",
                                            age="total", year=r[9])
        assert (stored.value, stored.suppressed) == (value, False)
        exported = client.get(reverse("countries:statistics_csv", args=[iso3, "trend"]))
        table = list(csv.reader(io.StringIO(exported.content.decode())))
        column = table[0].index(str(r[9]))
        assert table[1][0] == "Detected victims" and table[1][column] == str(value)
    small = next(r for r in source if r[0] == "NER" and r[11] == "<5")
    assert StatisticValue.objects.filter(country_id="NER", year=small[9], suppressed=True, value__isnull=True).exists()


@pytest.mark.django_db
def test_rows_that_cannot_be_read_are_reported_and_a_second_import_changes_nothing(tmp_path, capsys):
    path = write_workbook(tmp_path / "data_glotip_2099-01-01.xlsx", [
        row("MLI", "Detected trafficking victims", "1,234"),
        row("MLI", "Detected trafficking victims", "<5", sex="Female"),
        row("MLI", "Persons convicted", "n/a"),
        row("MLI", "Persons flown to the moon", "12"),
        row("MLI", "Persons prosecuted", "12", year="last year"),
        row("SAM", "Persons prosecuted", "40"),  # a regional aggregate: kept, without a country
    ])
    call_command("import_glotip", path, "--no-progress")
    output = capsys.readouterr().out
    assert "3 rows loaded into glotip-2099-01-01" in output
    assert "3 rows could not be interpreted" in output
    assert "row 6: not a count: 'n/a'" in output
    assert "row 7: unknown indicator 'Persons flown to the moon'" in output
    assert "row 8: not a year: 'last year'" in output

    fields = ("country_id", "area_code", "indicator", "sex", "value", "suppressed")
    first = list(StatisticValue.objects.order_by("area_code", "sex").values_list(*fields))
    assert first == [
        ("MLI", "MLI", "detected_victims", "female", None, True),
        ("MLI", "MLI", "detected_victims", "total", 1234, False),
        (None, "SAM", "prosecuted", "total", 40, False),
    ]
    call_command("import_glotip", path, "--no-progress")
    assert list(StatisticValue.objects.order_by("area_code", "sex").values_list(*fields)) == first
    assert StatisticsDataset.objects.get().row_count == 3


def test_the_command_says_when_the_file_is_missing(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No such file"):
        call_command("import_glotip", str(tmp_path / "nothing.xlsx"))
