"""Import of indicator values from a spreadsheet (XLSX or CSV).

One row per indicator, place and period. Columns: indicator (code), country (ISO3; empty for the
programme level), period (label, e.g. "2016 H1"), value, numerator, denominator, assessment,
narrative, and one column per disaggregation category named "dimension:category" (e.g.
"sex:female", "age:child"). Every row is checked first; if any row is wrong nothing is written,
and the report names the row and column of each problem. Valid files are written in one
transaction, through the same checks and permissions as the entry form.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import PurePath

from django.db import transaction
from django.utils.translation import gettext as _

from . import selectors
from .models import Assessment, DimensionCategory, Indicator, PeriodReport, Programme
from .validation import validate_value
from .workflow import Entry, covers_country, open_report, save_entry

BASE_COLUMNS = ["indicator", "country", "period", "value", "numerator", "denominator", "assessment", "narrative"]
REQUIRED_COLUMNS = {"indicator", "period"}
MAX_ROWS = 5000


@dataclass(frozen=True)
class Problem:
    row: int  # spreadsheet row number (1 is the header)
    column: str
    message: str


@dataclass
class ImportReport:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    written: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class PlannedRow:
    row: int
    indicator: Indicator
    country_id: str | None
    period: object
    entry: Entry


class UnreadableFile(Exception):
    pass


def read_table(upload) -> list[dict]:
    """Rows of a CSV or XLSX upload as dicts keyed by lower-case header, each with "_row"."""
    suffix = PurePath(upload.name).suffix.lower()
    upload.seek(0)
    if suffix == ".csv":
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UnreadableFile(_("The CSV file must be UTF-8 text.")) from error
        table = list(csv.reader(io.StringIO(text)))
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(upload, read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # openpyxl raises several types for damaged files
            raise UnreadableFile(_("The XLSX file cannot be read.")) from error
        table = [["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    else:
        raise UnreadableFile(_("Upload a .xlsx or .csv file."))
    if not table:
        raise UnreadableFile(_("The file is empty."))
    if len(table) > MAX_ROWS + 1:
        raise UnreadableFile(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})
    headers = [str(h).strip().lower() for h in table[0]]
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(str(c).strip() for c in cells):
            continue
        row = {h: cells[i] if i < len(cells) else "" for i, h in enumerate(headers) if h}
        row["_row"] = number
        rows.append(row)
    return rows


THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")


def _decimal(raw, row: int, column: str, report: ImportReport) -> Decimal | None:
    if raw is None or str(raw).strip() == "":
        return None
    text = str(int(raw) if isinstance(raw, bool) else raw).strip()
    if THOUSANDS.match(text):  # "5,348"; a decimal comma ("12,5") stays an error, being ambiguous
        text = text.replace(",", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        report.errors.append(Problem(row, column, _("Not a number: %(raw)s") % {"raw": raw}))
        return None
    return number


def check_rows(programme: Programme, user, rows: list[dict]) -> tuple[list[PlannedRow], ImportReport]:
    report = ImportReport()
    headers = list(dict.fromkeys(h for r in rows for h in r if h != "_row"))  # in file order
    for missing in sorted(REQUIRED_COLUMNS - set(headers)):
        report.errors.append(Problem(1, missing, _("This column is missing.")))
    categories = {
        c.column_name: c for c in DimensionCategory.objects.select_related("dimension")
        if c.dimension.programme_id in (None, programme.pk)
    }
    for header in headers:
        if header not in BASE_COLUMNS and header not in categories:
            report.errors.append(Problem(1, header, _("Unknown column: use one of the base columns or dimension:category.")))
    if report.errors:
        return [], report
    indicators = {i.code.lower(): i for i in programme.indicators.all()}
    periods = {p.label.lower(): p for p in programme.periods.all()}
    countries = set(selectors.programme_country_codes(programme))
    reports = {(r.country_id, r.period_id): r for r in PeriodReport.objects.filter(programme=programme)}
    plans, seen = [], set()
    for row in rows:
        number = row["_row"]
        errors_before = len(report.errors)
        indicator = indicators.get(str(row.get("indicator", "")).strip().lower())
        if indicator is None:
            report.errors.append(Problem(number, "indicator", _("Unknown indicator code.")))
        country = str(row.get("country", "")).strip().upper() or None
        if country is not None and country not in countries:
            report.errors.append(Problem(number, "country", _("%(code)s is not a country of this programme.") % {"code": country}))
        elif not covers_country(user, country):
            report.errors.append(Problem(number, "country", _("You may not report for this country.")))
        period = periods.get(str(row.get("period", "")).strip().lower())
        if period is None:
            report.errors.append(Problem(number, "period", _("Unknown reporting period.")))
        existing = reports.get((country, period.pk)) if period else None
        if existing is not None and not existing.is_editable:
            report.errors.append(Problem(number, "period", _("That report is %(status)s and cannot change.")
                                         % {"status": existing.get_status_display()}))
        assessment = str(row.get("assessment", "")).strip().lower().replace(" ", "_")
        if assessment and assessment not in Assessment.values:
            report.errors.append(Problem(number, "assessment", _("Use achieved, partially_achieved or not_achieved.")))
        numbers = {c: _decimal(row.get(c), number, c, report) for c in ("value", "numerator", "denominator")}
        breakdown = {categories[h]: _decimal(row.get(h), number, h, report) for h in headers if h in categories}
        key = (indicator.pk if indicator else None, country, period.pk if period else None)
        if key in seen:
            report.errors.append(Problem(number, "indicator", _("The same indicator, country and period appear in an earlier row.")))
        seen.add(key)
        if len(report.errors) > errors_before:
            continue
        breakdown = {c: v for c, v in breakdown.items() if v is not None}
        previous = selectors.previous_value(indicator, existing or PeriodReport(country_id=country, period=period))
        checked = validate_value(indicator, breakdown=breakdown, previous=previous, **numbers)
        report.errors += [Problem(number, issue.field, issue.message) for issue in checked.errors]
        report.warnings += [Problem(number, issue.field, issue.message) for issue in checked.warnings]
        entry = Entry(breakdown=breakdown, assessment=assessment, narrative=str(row.get("narrative", "")).strip(), **numbers)
        plans.append(PlannedRow(number, indicator, country, period, entry))
    return plans, report


def import_values(programme: Programme, user, upload) -> ImportReport:
    try:
        rows = read_table(upload)
    except UnreadableFile as error:
        return ImportReport(errors=[Problem(1, "", str(error))])
    plans, report = check_rows(programme, user, rows)
    if not report.ok:
        return report
    with transaction.atomic():
        for plan in plans:
            target = open_report(programme, plan.country_id, plan.period, user)
            _value, result = save_entry(target, plan.indicator, plan.entry, user)
            if not result.ok:  # checked above; a concurrent change would land here
                transaction.set_rollback(True)
                report.errors += [Problem(plan.row, i.field, i.message) for i in result.errors]
                report.written = 0
                return report
            report.written += 1
    return report
