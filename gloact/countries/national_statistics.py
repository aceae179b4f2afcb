"""National statistics entered by a country's data focal point: a CSV or XLSX file with the
columns indicator, dimension, category, sex, age, year, value (labels as in the Global Report, or
codes). Each upload replaces that country's national dataset; small counts are suppressed on the
way in. Rows that cannot be read are reported, with their line numbers."""

import csv
import io

import openpyxl
from django.db import transaction
from django.utils import timezone

from .glotip import ImportReport
from .models import StatisticsDataset, StatisticValue
from .statistics_rows import RowError, read_row

COLUMNS = ["indicator", "dimension", "category", "sex", "age", "year", "value"]
ACCEPTED_EXTENSIONS = (".csv", ".xlsx")


class FileFormatError(ValueError):
    pass


def _rows(upload) -> list[list]:
    if upload.name.lower().endswith(".xlsx"):
        workbook = openpyxl.load_workbook(upload, read_only=True, data_only=True)
        try:
            return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
        finally:
            workbook.close()
    text = upload.read().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def national_dataset_code(country) -> str:
    return f"national-{country.iso3.lower()}"


@transaction.atomic
def import_national_statistics(country, upload, user) -> ImportReport:
    rows = _rows(upload)
    if not rows:
        raise FileFormatError("empty file")
    header = [str(v or "").strip().lower() for v in rows[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise FileFormatError("missing columns: " + ", ".join(missing))
    position = {c: header.index(c) for c in COLUMNS}
    dataset, _created = StatisticsDataset.objects.update_or_create(
        code=national_dataset_code(country),
        defaults={
            "kind": StatisticsDataset.Kind.NATIONAL, "country": country, "title": f"National data: {country.name}",
            "source_file": upload.name[:300], "imported_at": timezone.now(), "imported_by": user,
        },
    )
    dataset.values.all().delete()
    report, values = ImportReport(dataset=dataset), []
    for line, row in enumerate(rows[1:], start=2):
        if not any(str(v or "").strip() for v in row):
            continue
        row = list(row) + [None] * len(header)
        try:
            read = read_row(*(row[position[c]] for c in COLUMNS))
        except RowError as error:
            report.reject(line, str(error))
            continue
        values.append(StatisticValue(
            dataset=dataset, row_number=line, country=country, area_code=country.iso3, area_name=country.name,
            indicator=read.indicator, dimension=read.dimension, category=read.category[:100], sex=read.sex,
            age=read.age, year=read.year, value=read.value, suppressed=read.suppressed,
        ))
    StatisticValue.objects.bulk_create(values, batch_size=1000)
    report.loaded = len(values)
    dataset.row_count = report.loaded
    dataset.save(update_fields=["row_count"])
    return report
