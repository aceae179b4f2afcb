"""Usage insight without trackers: counts of searches, case views and downloads, and anonymous
feedback on case pages.

Only daily counts and normalised query texts are stored: no IP address, user, cookie or exact
time. Recording never breaks the page being served: a failed count is logged and dropped.
Read side: `daily_counts`, `top_queries`, `zero_result_queries`, `most_viewed_cases`,
`feedback_summary` (the editors' insight page).
"""

import datetime
import re
from contextlib import nullcontext

import structlog
from django.db import DatabaseError, connection, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from .models import CaseFeedback, CaseViewCount, DailyCount, SearchQuery

log = structlog.get_logger(__name__)

QUERY_MAX_LENGTH = 200
_SPACES = re.compile(r"\s+")


def normalise_query(query: str) -> str:
    """Lower-cased, spaces collapsed, trimmed, at most 200 characters."""
    return _SPACES.sub(" ", (query or "").lower()).strip()[:QUERY_MAX_LENGTH].strip()


def _increment(model, lookup: dict, values: dict | None = None, **increments) -> None:
    """Add `increments` to the counters of the row `lookup` (and set `values`), creating the row
    on first use.

    One statement (INSERT … ON CONFLICT DO UPDATE, the same in SQLite and PostgreSQL; Django's
    upsert can set a column but not add to it): concurrent requests lose no count, and a page
    pays one round trip per counter. `lookup` names the columns of a unique constraint."""
    meta, quote = model._meta, connection.ops.quote_name
    row = {**lookup, **(values or {}), **increments}
    fields = [meta.get_field(name) for name in row]
    columns = {name: quote(field.column) for name, field in zip(row, fields, strict=True)}
    table = quote(meta.db_table)
    updates = [f"{columns[name]} = {table}.{columns[name]} + excluded.{columns[name]}" for name in increments]
    updates += [f"{columns[name]} = excluded.{columns[name]}" for name in values or {}]
    sql = (f"INSERT INTO {table} ({', '.join(columns.values())}) VALUES ({', '.join(['%s'] * len(row))}) "  # nosec B608 # identifiers are model columns; values are bound parameters
           f"ON CONFLICT ({', '.join(columns[name] for name in lookup)}) DO UPDATE SET {', '.join(updates)}")
    params = [field.get_db_prep_save(value, connection) for field, value in zip(fields, row.values(), strict=True)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _safely(what: str, record, *args) -> None:
    try:
        # Each counter is one statement, atomic by itself: no transaction of its own (two round
        # trips more). Within a caller's transaction, a savepoint keeps a failure from breaking it.
        with transaction.atomic() if connection.in_atomic_block else nullcontext():
            record(*args)
    except DatabaseError:
        log.warning("usage_not_recorded", what=what, exc_info=True)


def _count_today(kind: str, detail: str = "") -> None:
    _increment(DailyCount, {"day": timezone.localdate(), "kind": kind, "detail": detail[:40]}, count=1)


def _record_search(query: str, result_count: int) -> None:
    _count_today(DailyCount.Kind.SEARCH)
    text = normalise_query(query)
    if not text:
        return
    _increment(SearchQuery, {"query": text}, {"last_searched": timezone.localdate()},
               count=1, zero_result_count=1 if result_count == 0 else 0)


def _record_case_view(case) -> None:
    _count_today(DailyCount.Kind.CASE_VIEW)
    _increment(CaseViewCount, {"case_id": case.pk}, views=1)


def record_search(query: str, result_count: int) -> None:
    """Count one search (normalised query text, number of results)."""
    _safely("search", _record_search, query, result_count)


def record_case_view(case) -> None:
    """Count one view of a published case page."""
    _safely("case_view", _record_case_view, case)


def record_download(kind: str) -> None:
    """Count one download (kind: e.g. "jsonl", "csv", "source")."""
    _safely("download", _count_today, DailyCount.Kind.DOWNLOAD, kind)


def record_feedback(case, useful: bool, audience: str = "") -> CaseFeedback:
    """Store one anonymous answer to "Was this case useful?"."""
    if audience not in CaseFeedback.Audience.values:
        audience = ""
    return CaseFeedback.objects.create(case=case, useful=useful, audience=audience, day=timezone.localdate())


# --- Read side: the editors' insight page ----------------------------------------------------


def totals(since: datetime.date) -> dict[str, int]:
    """{kind: count} from `since` to today."""
    rows = DailyCount.objects.filter(day__gte=since).values("kind").annotate(total=Sum("count"))
    found = {row["kind"]: row["total"] for row in rows}
    return {kind: found.get(kind, 0) for kind in DailyCount.Kind.values}


def daily_counts(since: datetime.date) -> list[dict]:
    """One row per day from `since` to today: {"day", "search", "case_view", "download"}."""
    today = timezone.localdate()
    days = {since + datetime.timedelta(days=n): dict.fromkeys(DailyCount.Kind.values, 0)
            for n in range((today - since).days + 1)}
    for row in DailyCount.objects.filter(day__gte=since).values("day", "kind").annotate(total=Sum("count")):
        days.setdefault(row["day"], dict.fromkeys(DailyCount.Kind.values, 0))[row["kind"]] = row["total"]
    return [{"day": day, **counts} for day, counts in sorted(days.items())]


def downloads_by_kind(since: datetime.date) -> list[tuple[str, int]]:
    rows = (DailyCount.objects.filter(day__gte=since, kind=DailyCount.Kind.DOWNLOAD)
            .values("detail").annotate(total=Sum("count")).order_by("-total", "detail"))
    return [(row["detail"], row["total"]) for row in rows]


def top_queries(limit: int = 20):
    return SearchQuery.objects.order_by("-count", "query")[:limit]


def zero_result_queries(limit: int = 20):
    return SearchQuery.objects.filter(zero_result_count__gt=0).order_by("-zero_result_count", "query")[:limit]


def most_viewed_cases(limit: int = 20):
    return CaseViewCount.objects.select_related("case").order_by("-views", "case__public_id")[:limit]


def feedback_summary() -> dict:
    """Answers in all: useful / not useful, overall and per audience."""
    counts = {"yes": Count("pk", filter=Q(useful=True)), "no": Count("pk", filter=Q(useful=False))}
    overall = CaseFeedback.objects.aggregate(**counts)
    labels = dict(CaseFeedback.Audience.choices)
    by_audience = [
        {"audience": labels.get(row["audience"], ""), "useful": row["yes"], "not_useful": row["no"]}
        for row in CaseFeedback.objects.values("audience").annotate(**counts).order_by("audience")
    ]
    return {"useful": overall["yes"], "not_useful": overall["no"], "by_audience": by_audience}
