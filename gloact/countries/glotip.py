"""Import of UNODC's Global Report on Trafficking in Persons country data (GLOTIP workbook).

The workbook (data_glotip_<date>.xlsx) has one sheet; rows 1-2 are the publisher and date, row 3
the header (Iso3_code, Country, Region, Subregion, Indicator, Dimension, Category, Sex, Age, Year,
Unit of measurement, txtVALUE, Source), then one row per published count, small counts as "<5".

The import replaces the dataset as a whole, in one transaction: running it twice gives the same
data. Areas that are not ISO 3166 countries (regional aggregates such as "SAM", or areas without a
code) are kept with their code and name and no country. The source repeats some keys with other
values; every row is kept with its row number, and tables resolve repeats (see stat_tables.py).
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from gloact.core.models import Country

from .models import StatisticsDataset, StatisticValue
from .statistics_rows import RowError, read_row

DEFAULT_FILE = Path(settings.BASE_DIR).parent / "shared" / "data" / "glotip" / "data_glotip_2023-05-30.xlsx"
EXPECTED_HEADER = [
    "iso3_code", "country", "region", "subregion", "indicator", "dimension", "category", "sex", "age", "year",
    "unit of measurement", "txtvalue", "source",
]
BATCH_SIZE = 2000
EXAMPLES = 10


class WorkbookError(ValueError):
    """The file is not a GLOTIP workbook as expected."""


@dataclass
class ImportReport:
    dataset: StatisticsDataset | None = None
    loaded: int = 0
    without_country: int = 0
    rejected: int = 0
    examples: list[str] = field(default_factory=list)  # "row 12: not a count: 'n/a'"

    def reject(self, row_number: int, reason: str) -> None:
        self.rejected += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append(f"row {row_number}: {reason}")


def _header_row(sheet) -> int:
    for number, row in enumerate(sheet.iter_rows(min_row=1, max_row=10, values_only=True), start=1):
        if [str(v or "").strip().lower() for v in row[: len(EXPECTED_HEADER)]] == EXPECTED_HEADER:
            return number
    raise WorkbookError("No GLOTIP header row (Iso3_code, Country, ..., txtVALUE, Source) in the first 10 rows.")


def dataset_code(path: Path) -> str:
    return "glotip-" + Path(path).stem.removeprefix("data_glotip_").replace("_", "-").lower()


def import_glotip(path: Path = DEFAULT_FILE, progress: bool = False) -> ImportReport:
    """Load the workbook at `path` into its dataset, replacing what an earlier import loaded."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        header = _header_row(sheet)
        total = max((sheet.max_row or 0) - header, 0)
        countries = set(Country.objects.values_list("iso3", flat=True))
        report = ImportReport()
        with transaction.atomic():
            code = dataset_code(path)
            dataset, _created = StatisticsDataset.objects.update_or_create(
                code=code,
                defaults={
                    "kind": StatisticsDataset.Kind.GLOBAL_REPORT,
                    "title": f"UNODC Global Report on Trafficking in Persons, data of {code.removeprefix('glotip-')}",
                    "source_file": os.path.basename(path),
                    "imported_at": timezone.now(),
                },
            )
            dataset.values.all().delete()
            batch = []
            rows = sheet.iter_rows(min_row=header + 1, values_only=True)
            for row_number, row in enumerate(tqdm(rows, total=total, disable=not progress, unit="rows"), start=header + 1):
                if not any(v not in (None, "") for v in row):
                    continue  # blank line
                try:
                    value = _value(dataset, row_number, row, countries)
                except RowError as error:
                    report.reject(row_number, str(error))
                    continue
                report.without_country += value.country_id is None
                batch.append(value)
                if len(batch) >= BATCH_SIZE:
                    StatisticValue.objects.bulk_create(batch)
                    report.loaded += len(batch)
                    batch = []
            StatisticValue.objects.bulk_create(batch)
            report.loaded += len(batch)
            dataset.row_count = report.loaded
            dataset.save(update_fields=["row_count"])
        report.dataset = dataset
        return report
    finally:
        workbook.close()


def _value(dataset, row_number, row, countries) -> StatisticValue:
    row = list(row) + [None] * (len(EXPECTED_HEADER) - len(row))
    iso3, area_name, _region, _subregion, indicator, dimension, category, sex, age, year, unit, text, _source = row[:13]
    if str(unit or "").strip().lower() != "counts":
        raise RowError(f"unit {unit!r} is not counts")
    read = read_row(indicator, dimension, category, sex, age, year, text)
    area_code = str(iso3 or "").strip()
    if not area_code and not area_name:
        raise RowError("no country or area")
    return StatisticValue(
        dataset=dataset,
        row_number=row_number,
        country_id=area_code if area_code in countries else None,
        area_code=area_code[:20],
        area_name=str(area_name or "")[:100],
        indicator=read.indicator,
        dimension=read.dimension,
        category=read.category[:100],
        sex=read.sex,
        age=read.age,
        year=read.year,
        value=read.value,
        suppressed=read.suppressed,
    )
