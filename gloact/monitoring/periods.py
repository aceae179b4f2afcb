"""Reporting periods that follow a programme's financial year.

With a financial year starting in July, the annual period FY2016/17 runs from 1 July 2016 to
30 June 2017, and its halves are H1 (July-December) and H2 (January-June). With a January start
the labels are plain years ("2016", "2016 H1"). Reports are due REPORT_DUE_DAYS after a period ends.
"""

from datetime import date, timedelta

from .models import Programme, ReportingPeriod

REPORT_DUE_DAYS = 30


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    return date(day.year + month_index // 12, month_index % 12 + 1, 1)


def financial_year_start(programme: Programme, on: date) -> date:
    month = programme.financial_year_start_month
    year = on.year if on.month >= month else on.year - 1
    return date(year, month, 1)


def financial_year_label(programme: Programme, start: date) -> str:
    if programme.financial_year_start_month == 1:
        return str(start.year)
    return f"FY{start.year}/{str(start.year + 1)[-2:]}"


def period_bounds(programme: Programme, kind: str) -> list[tuple[date, date, str]]:
    """(start, end, label) of every period of `kind` that overlaps the programme."""
    months = 6 if kind == ReportingPeriod.Kind.SEMI_ANNUAL else 12
    bounds = []
    start = financial_year_start(programme, programme.start_date)
    while start <= programme.end_date:
        next_start = _add_months(start, months)
        year_start = financial_year_start(programme, start)
        label = financial_year_label(programme, year_start)
        if kind == ReportingPeriod.Kind.SEMI_ANNUAL:
            label = f"{label} H{1 if start == year_start else 2}"
        if next_start > programme.start_date:  # skip halves of the first year before the programme
            bounds.append((start, next_start - timedelta(days=1), label))
        start = next_start
    return bounds


def create_periods(programme: Programme, kind: str) -> list[ReportingPeriod]:
    """Create (or find) the programme's periods of `kind`; idempotent."""
    if kind == ReportingPeriod.Kind.PROGRAMME:
        label = f"{programme.start_date.year}-{programme.end_date.year}"
        bounds = [(programme.start_date, programme.end_date, label)]
    else:
        bounds = period_bounds(programme, kind)
    periods = []
    for start, end, label in bounds:
        period, _created = ReportingPeriod.objects.get_or_create(
            programme=programme, kind=kind, start=start,
            defaults={"end": end, "label": label, "due_date": end + timedelta(days=REPORT_DUE_DAYS)},
        )
        periods.append(period)
    return periods
