"""Running a search: the matching published cases in order, one page at a time, each with its
texts in the reader's language and a highlighted snippet.

The matching cases come as a bitmap from the search structures (bitmaps.py), the page from the
in-memory sort orders (orders.py) or, by relevance, from the best matches of the full-text index
(ranking.py); only the cases of the page are loaded. Pages are cut by keyset (the sort values of
the last case shown, in an opaque cursor) so that a page is as fast deep in the results as at the
start and stable when cases are added.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from django.utils.safestring import SafeString

from ..models import Case, CaseTexts
from . import bitmaps
from .highlight import snippet
from .orders import NO_DATE
from .query import CaseQuery
from .ranking import can_rank, ranked_page

# The values of a cursor per sort order (all descending; the case id last makes the order total,
# and so deterministic): relevance, decision date, publication time, case id.
CURSOR_TYPES = {
    "relevance": ((int, float), date, int),
    "date": (date, int),
    "published": (datetime, int),
}


class InvalidCursor(ValueError):
    pass


@dataclass(frozen=True)
class SearchHit:
    case: Case
    language: str  # the reader's
    decision_date: date | None
    words: list[str]  # the query's words, to highlight

    # Made when a page shows them (the API does not): they read every text of the case.
    @cached_property
    def texts(self) -> CaseTexts:
        return self.case.texts_for(self.language)

    @cached_property
    def snippet(self) -> SafeString:
        return snippet(snippet_texts(self.case, self.texts), self.words)


@dataclass(frozen=True)
class SearchResults:
    query: CaseQuery
    sort: str  # the order of the hits: query.effective_sort, or "date" for a text too common to rank
    hits: list[SearchHit]
    total: int
    next_cursor: str | None

    @property
    def too_common_to_rank(self) -> bool:
        """The search asked for relevance, but its words are in too many cases (ranking.can_rank)."""
        return self.sort != self.query.effective_sort


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
    if cursor_sort != sort or len(values) != len(CURSOR_TYPES[sort]):
        raise InvalidCursor("the cursor belongs to another sort order")
    if not all(_fits(kind, value) for kind, value in zip(CURSOR_TYPES[sort], values, strict=True)):
        raise InvalidCursor("the cursor's values do not fit its sort order")
    return values


def _fits(kind, value) -> bool:
    """Whether a decoded cursor value is of the type of its sort key: a hand-made cursor must not
    bring a number for a date, or a number that is NaN, infinite or beyond 64 bits."""
    if not isinstance(value, kind):
        return False
    return isinstance(value, date) or -(2**63) < value < 2**63  # also refuses NaN and infinity


def snippet_texts(case: Case, texts: CaseTexts) -> list[str]:
    """Public texts of `case`, the reader's language first."""
    ordered = [texts.summary, texts.reasoning, texts.commentary, texts.title]
    ordered += [case.summary, case.reasoning, case.commentary]
    for translation in case.translations.all():
        ordered += [translation.summary, translation.reasoning, translation.commentary]
    ordered += [proceeding.decision_text for proceeding in case.proceedings.all()]
    ordered += [source.redacted_text for source in case.sources.all()]
    return [text for text in ordered if text]


def search_cases(query: CaseQuery, language: str, limit: int = 20, cursor: str | None = None,
                 matched: bitmaps.TextMatches | None = None, cases=None) -> SearchResults:
    """One page of the published cases matching `query`, in its sort order, after `cursor`.

    `matched`: the request's structures and text matches, when the caller has them already (the
    search page counts facets over the same set); `cases`: the queryset the page's cases are
    loaded from (by default with what snippets and result lists read)."""
    matched = matched or bitmaps.TextMatches.of(query.text_query)
    structures, text_matches = matched.structures, matched.cases
    sort = query.effective_sort
    if sort == "relevance" and not can_rank(query.text_query, text_matches, structures.published):
        sort = "date"
    cursor_values = decode_cursor(cursor, sort) if cursor else None
    matches = structures.matching(query, text_matches)
    total = matches.bit_count()
    decision_keys = structures.orders["date"].values
    if sort == "relevance":
        share = total / max(text_matches.bit_count(), 1)
        ranked = ranked_page(query.text_query, matches, share, decision_keys, cursor_values, limit + 1,
                             structures.id_ranges)
    else:
        ranked = [(pk, None) for pk in structures.orders[sort].page(matches, total, cursor_values, limit + 1)]
    more = len(ranked) > limit
    ranked = ranked[:limit]
    if cases is None:
        # Crime types: the feed's entry categories (one query rather than one per entry).
        cases = Case.objects.published().select_related("jurisdiction__country").prefetch_related(
            "translations", "proceedings", "sources", "crime_types")
    loaded = cases.filter(pk__in=[pk for pk, _relevance in ranked]).in_bulk()
    words = query.text_query.words
    hits = []
    for pk, _relevance in ranked:
        case = loaded[pk]
        decided = decision_keys.get(pk, NO_DATE)
        hits.append(SearchHit(case=case, language=language, decision_date=None if decided == NO_DATE else decided,
                              words=words))
    next_cursor = None
    if more:
        pk, relevance = ranked[-1]
        values = {"relevance": [relevance, decision_keys.get(pk, NO_DATE), pk],
                  "date": [decision_keys.get(pk, NO_DATE), pk],
                  "published": [structures.orders["published"].values.get(pk), pk]}[sort]
        next_cursor = encode_cursor(sort, values)
    return SearchResults(query=query, sort=sort, hits=hits, total=total, next_cursor=next_cursor)
