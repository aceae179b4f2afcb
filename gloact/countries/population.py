"""Population figures (for rates per 100,000) from a CSV file with the columns iso3, year,
population. None are shipped: an operator loads a source of their choice."""

import csv
from dataclasses import dataclass, field

from django.db import transaction

from gloact.core.models import Country

from .models import Population


@dataclass
class PopulationReport:
    loaded: int = 0
    rejected: list[str] = field(default_factory=list)


@transaction.atomic
def import_population(path, source: str = "") -> PopulationReport:
    countries = set(Country.objects.values_list("iso3", flat=True))
    report = PopulationReport()
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            iso3 = (row.get("iso3") or "").strip().upper()
            try:
                year, population = int(row["year"]), int(str(row["population"]).replace(",", ""))
            except (KeyError, TypeError, ValueError):
                report.rejected.append(f"line {line}: year or population is not a whole number")
                continue
            if iso3 not in countries or population <= 0:
                report.rejected.append(f"line {line}: unknown country {iso3!r} or no population")
                continue
            Population.objects.update_or_create(
                country_id=iso3, year=year, defaults={"population": population, "source": source}
            )
            report.loaded += 1
    return report
