"""The public results page of a programme and its open data: the indicator table (approved
values only, no notes or narrative), headline results, charts and the CSV and XLSX downloads,
which hold exactly the figures the page shows."""

import csv
import io
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from gloact.core.bidi import isolate
from gloact.core.charts import BarChart, Series, bar_chart
from gloact.monitoring import selectors as monitoring_selectors
from gloact.monitoring.models import Indicator, Programme
from gloact.monitoring.status import Status, indicator_status

from . import selectors
from .build import display_value
from .scope import Period

HEADLINE_LEVELS = (Indicator.Level.OBJECTIVE,)


@dataclass(frozen=True)
class ResultRow:
    code: str
    title: str
    level: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    actual: Decimal | None  # programme value to date, from approved values
    actual_text: str  # the same in words ("5 of 13 countries", "60%")
    state: Status
    indicator: Indicator

    COLUMNS = ("code", "title", "level", "unit", "baseline", "target", "actual", "actual_text", "status")

    @property
    def status(self) -> str:
        return str(self.state.label)

    def values(self) -> list:
        return [getattr(self, name) for name in self.COLUMNS]


def result_rows(programme: Programme) -> list[ResultRow]:
    countries = len(monitoring_selectors.programme_country_codes(programme))
    rows = []
    for indicator in programme.indicators.select_related("programme").order_by("order", "code"):
        state = indicator_status(indicator)
        baseline = monitoring_selectors.baseline(indicator)
        target = monitoring_selectors.life_target(indicator)
        central = state.programme_value.reported_centrally if state.programme_value else True
        rows.append(ResultRow(
            indicator.code, indicator.title, str(indicator.get_level_display()), indicator.unit,
            baseline.value if baseline else None, target.value if target else None, state.facts.actual,
            display_value(indicator, state.facts.actual, None if central else countries), state.status, indicator,
        ))
    return rows


def headline(rows: list[ResultRow]) -> list[ResultRow]:
    return [row for row in rows if row.indicator.level in HEADLINE_LEVELS and row.actual is not None]


def charts(programme: Programme, rows: list[ResultRow]) -> list[BarChart]:
    """Indicators by status, then each headline result by its disaggregations (programme period)."""
    counts = Counter(row.state for row in rows)
    found = [bar_chart(_("Indicators by status"), [(str(status.label), counts[status]) for status in Status])]
    whole = Period(programme.short_title, programme.start_date, programme.end_date)
    for row in headline(rows):
        for dimension, categories in selectors.disaggregation_totals(row.indicator, whole, None).items():
            title = _("%(code)s by %(dimension)s") % {"code": isolate(row.code), "dimension": isolate(dimension.display_name)}
            found.append(BarChart(title, [str(c.display_label) for c in categories], [Series(row.code, list(categories.values()))]))
    return found


def _plain(value) -> str:
    return "" if value is None else format(Decimal(value).normalize(), "f")


def results_csv(rows: list[ResultRow]) -> str:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(ResultRow.COLUMNS)
    for row in rows:
        writer.writerow([_plain(v) if isinstance(v, Decimal) else v for v in row.values()])
    return output.getvalue()


def results_xlsx(rows: list[ResultRow], output) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "results"
    sheet.append(list(ResultRow.COLUMNS))
    for row in rows:
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in row.values()])
    workbook.save(output)

