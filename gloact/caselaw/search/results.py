"""Running a search: the matching published cases in order, one page at a time, each with its
texts in the reader's language and a highlighted snippet.

Pages are cut by keyset (the sort key values of the last case shown, in an opaque cursor) so that
a page is as fast deep in the results as at the start and stable when cases are added.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import DateField, FloatField, OuterRef, Q, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils.safestring import SafeString

from ..models import Case, CaseTexts, Proceeding
from .filtering import filtered_cases
from .highlight import snippet
from .index import backend
from .query import CaseQuery

# Sort keys, all descending; the case id last makes the order total (and so deterministic).
SORT_KEYS = {
    "relevance": ("rank", "decision_key", "pk"),
    "date": ("decision_key", "pk"),
    "published": ("published_at", "pk"),
}
NO_DATE = date(1, 1, 1)


class InvalidCursor(ValueError):
    pass


@dataclass(frozen=True)
class SearchHit:
    case: Case
    texts: CaseTexts
    snippet: SafeString
    decision_date: date | None


@dataclass(frozen=True)
class SearchResults:
    query: CaseQuery
    sort: str
    hits: list[SearchHit]
    total: int
    next_cursor: str | None


def _encode(value):
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    return value


def _decode(value):
    if isinstance(value, dict) and "t" in value:
        return datetime.fromisoformat(value["t"])
    if isinstance(value, dict) and "d" in value:
        return date.fromisoformat(value["d"])
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    raise InvalidCursor("bad cursor value")


def encode_cursor(sort: str, values: list) -> str:
    raw = json.dumps([sort, [_encode(v) for v in values]], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> list:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        cursor_sort, values = json.loads(raw)
        values = [_decode(v) for v in values]
    except (binascii.Error, ValueError, TypeError) as error:
        raise InvalidCursor("invalid cursor") from error
    if cursor_sort != sort or len(values) != len(SORT_KEYS[sort]):
        raise InvalidCursor("the cursor belongs to another sort order")
    return values


def after(keys: tuple[str, ...], values: list) -> Q:
    """Rows strictly after `values` in descending order of `keys`."""
    condition = Q()
    for position, key in enumerate(keys):
        step = Q(**{f"{key}__lt": values[position]})
        for previous, value in zip(keys[:position], values[:position], strict=False):
            step &= Q(**{previous: value})
        condition |= step
    return condition


def ordered_cases(query: CaseQuery, sort: str):
    latest_date = Proceeding.objects.filter(case=OuterRef("pk"), is_latest=True).order_by().values("date")[:1]
    cases = filtered_cases(query).annotate(
        decision_key=Coalesce(Subquery(latest_date, output_field=DateField()), Value(NO_DATE))
    )
    if sort == "relevance":
        sql, params = backend().rank_sql(query.text_query, f'"{Case._meta.db_table}"."id"')
        cases = cases.annotate(rank=RawSQL(sql, params, output_field=FloatField()))  # nosec B611 # SQL from the search backend: constant identifiers, user text bound as parameters
    return cases.order_by(*(f"-{key}" for key in SORT_KEYS[sort]))


def snippet_texts(case: Case, texts: CaseTexts) -> list[str]:
    """Public texts of `case`, the reader's language first."""
    ordered = [texts.summary, texts.reasoning, texts.commentary, texts.title]
    ordered += [case.summary, case.reasoning, case.commentary]
    for translation in case.translations.all():
        ordered += [translation.summary, translation.reasoning, translation.commentary]
    ordered += [proceeding.decision_text for proceeding in case.proceedings.all()]
    ordered += [source.redacted_text for source in case.sources.all()]
    return [text for text in ordered if text]


def search_cases(query: CaseQuery, language: str, limit: int = 20, cursor: str | None = None) -> SearchResults:
    sort = query.effective_sort
    keys = SORT_KEYS[sort]
    cases = ordered_cases(query, sort)
    total = filtered_cases(query).count()
    if cursor:
        cases = cases.filter(after(keys, decode_cursor(cursor, sort)))
    # Sort the sort keys alone, then load the cases of the page: sorting whole rows (texts
    # included) of every match was most of the time of a search for a common word.
    rows = list(cases.values("pk", "decision_key", *(key for key in keys if key not in ("pk", "decision_key")))[
        : limit + 1
    ])
    loaded = Case.objects.filter(pk__in=[row["pk"] for row in rows]).select_related(
        "jurisdiction__country").prefetch_related("translations", "proceedings", "sources").in_bulk()
    page = []
    for row in rows:
        case = loaded[row["pk"]]
        for key, value in row.items():
            setattr(case, key, value)
        page.append(case)
    more = len(page) > limit
    page = page[:limit]
    words = query.text_query.words
    hits = []
    for case in page:
        texts = case.texts_for(language)
        hits.append(SearchHit(
            case=case,
            texts=texts,
            snippet=snippet(snippet_texts(case, texts), words),
            decision_date=None if case.decision_key == NO_DATE else case.decision_key,
        ))
    next_cursor = encode_cursor(sort, [getattr(page[-1], key) for key in keys]) if more else None
    return SearchResults(query=query, sort=sort, hits=hits, total=total, next_cursor=next_cursor)
