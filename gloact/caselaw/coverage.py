"""Coverage of the case law database: where and on what there are cases, and where not.

`coverage(cases)` aggregates a queryset of cases: cases and landmark cases per jurisdiction,
jurisdictions without any case, jurisdictions with cases but fewer than two landmark cases, the
share of cases whose latest ruling is more than ten years old, trafficking versus smuggling, and
the purposes of exploitation. The public page passes published cases only (`public_coverage`).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from . import vocabularies as v
from .models import Case, Jurisdiction, Term

LANDMARKS_WANTED = 2
OLD_AFTER_YEARS = 10


@dataclass(frozen=True)
class Coverage:
    total: int
    per_jurisdiction: list  # [{"jurisdiction", "cases", "landmarks"}], most cases first
    without_cases: list  # [Jurisdiction]
    few_landmarks: list  # [{"jurisdiction", "cases", "landmarks"}] with cases, < 2 landmarks
    dated: int  # cases whose latest ruling has a date
    older: int  # ... more than ten years ago
    crime_types: dict  # {"trafficking_only", "smuggling_only", "both", "neither"}
    purposes: list  # [(Term, cases)] in vocabulary order

    @property
    def older_percent(self) -> float | None:
        return round(100 * self.older / self.dated, 1) if self.dated else None


def years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def coverage(cases, today: datetime.date | None = None) -> Coverage:
    """Coverage figures of the cases in queryset `cases`."""
    today = today or timezone.localdate()
    ids = cases.values("pk")
    jurisdictions = {j.pk: j for j in Jurisdiction.objects.select_related("country")}
    rows = [
        {"jurisdiction": jurisdictions[row["jurisdiction"]], "cases": row["cases"], "landmarks": row["landmarks"]}
        for row in Case.objects.filter(pk__in=ids).values("jurisdiction").order_by("jurisdiction")
        .annotate(cases=Count("pk"), landmarks=Count("pk", filter=Q(is_landmark=True)))
    ]
    rows.sort(key=lambda row: (-row["cases"], str(row["jurisdiction"])))
    covered = {row["jurisdiction"].pk for row in rows}

    # One filter() call: the date conditions must hold for the latest ruling itself.
    dated = Case.objects.filter(pk__in=ids, proceedings__is_latest=True, proceedings__date__isnull=False)
    older = Case.objects.filter(pk__in=ids, proceedings__is_latest=True,
                                proceedings__date__lt=years_before(today, OLD_AFTER_YEARS))

    trafficking = set(Case.objects.filter(pk__in=ids, crime_types__code=v.TRAFFICKING).values_list("pk", flat=True))
    smuggling = set(Case.objects.filter(pk__in=ids, crime_types__code=v.SMUGGLING).values_list("pk", flat=True))
    total = cases.count()

    purposes = Term.objects.of(v.TIP_PURPOSE).annotate(
        n=Count("cases_tip_purposes", filter=Q(cases_tip_purposes__in=ids), distinct=True)
    )
    return Coverage(
        total=total,
        per_jurisdiction=rows,
        without_cases=sorted((j for pk, j in jurisdictions.items() if pk not in covered), key=str),
        few_landmarks=sorted((row for row in rows if row["landmarks"] < LANDMARKS_WANTED),
                             key=lambda row: (row["landmarks"], str(row["jurisdiction"]))),
        dated=dated.distinct().count(),
        older=older.distinct().count(),
        crime_types={
            "trafficking_only": len(trafficking - smuggling),
            "smuggling_only": len(smuggling - trafficking),
            "both": len(trafficking & smuggling),
            "neither": total - len(trafficking | smuggling),
        },
        purposes=[(term, term.n) for term in purposes],
    )


def public_coverage(today=None) -> Coverage:
    return coverage(Case.objects.published(), today)


def editorial_cases():
    """The cases editors count: everything but removed and withdrawn cases."""
    return Case.objects.exclude(status__in=[Case.Status.REMOVED, Case.Status.WITHDRAWN])


def status_per_jurisdiction(cases) -> list[dict]:
    """For editors: per jurisdiction, the number of cases in each status."""
    table: dict = {}
    for row in cases.values("jurisdiction__code", "status").annotate(n=Count("pk")).order_by("jurisdiction__code"):
        table.setdefault(row["jurisdiction__code"], {})[row["status"]] = row["n"]
    return [{"code": code, "counts": [counts.get(s, 0) for s in Case.Status.values]} for code, counts in table.items()]
