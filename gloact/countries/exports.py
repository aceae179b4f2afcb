"""CSV downloads of the tables behind every chart: exactly the displayed, suppressed table."""

import csv
import io

from django.http import HttpResponse
from django.utils.text import slugify

from .suppression import Table


def table_csv(table: Table) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(table.as_rows())
    return buffer.getvalue()


def csv_response(table: Table, name: str) -> HttpResponse:
    response = HttpResponse(table_csv(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name) or "table"}.csv"'
    return response
