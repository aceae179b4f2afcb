"""Relevance order: one page of the cases matching a search, most relevant first.

The full-text index ranks the matches of the text and hands back only the best few (ORDER BY
relevance LIMIT n, inside the database); the facet selections are applied to those in memory
(the bitmap of the search). How many to ask for is estimated from the share of text matches
that the facets keep; if too few remain, a larger batch is asked for. PostgreSQL is given the
bitmap and ranks only its cases (postgres.ranked_sql), so its first batch is always enough. When
a search has many matches, the backend's best_of comes first: PostgreSQL ranks the cases of
per-word lists of the best (postgres_words.py); SQLite adds up the relevance it keeps per word
(sqlite_words.py). A cursor continues below the relevance of the last case shown, so a deep page
costs the same as the first.

Order: relevance, then decision date, then case id, all descending (as the cursor's values).

A text whose every word (or phrase) is in at least half of the published cases is not ranked
(`can_rank`): bm25 gives such words an idf of zero (FTS5 clamps it to a millionth), so all that
is left to order by is how densely a case uses them, and ranking every match of a word like
"court" costs more than the rest of the search. Its results come newest first, from the
in-memory order of decision dates. PostgreSQL's ranking has no idf, but follows the same rule, so
that both databases list the same cases in the same order.
"""

import math

from .bitsets import bytes_of, is_set
from .index import backend, fetch_parts
from .orders import date_key
from .query import TextQuery

_MARGIN = 1.5  # ask for this many times the estimated need
_FIRST_BATCH = 32


def can_rank(text_query: TextQuery, text_matches: int, published: int) -> bool:
    """Whether relevance can order the published cases `text_matches` (bitmaps) of `text_query`:
    not when its words are each in at least half of the `published` cases (2n >= N, where the
    idf of bm25, log((N - n + 0.5) / (n + 0.5)), is at most zero). Without an OR, each word is
    in every match, so the matches alone tell; an OR's words may each be rarer than their union."""
    if any(len(group) > 1 for group in text_query.groups):
        return True
    return 2 * text_matches.bit_count() < published.bit_count()


def _key(relevance: float, decision_key, pk: int) -> tuple:
    return (-relevance, *date_key(decision_key, pk))


def ranked_page(text_query: TextQuery, matches: int, share: float, decision_keys: dict, cursor_values: list | None,
                size: int, id_ranges: list[tuple[int, int] | None]) -> list[tuple[int, float]]:
    """[(case id, relevance)] of the first `size` cases of the bitmap `matches` after the cursor
    ([relevance, decision date, case id] of the last case shown). `share`: the part of the text
    matches that are in `matches` (1.0 without facets). Each range of case ids in `id_ranges`
    (FacetBitmaps.id_ranges) is ranked apart, side by side, and the best of all kept."""
    if not matches:
        return []
    data = bytes_of(matches)
    after = _key(*cursor_values) if cursor_values else None
    at_most = cursor_values[0] if cursor_values else None
    search = backend()
    if best := search.best_of(text_query, matches, at_most):
        rows, bound = best  # every case of `matches` after the cursor not in rows ranks at most `bound`
        keyed = [(_key(relevance, decision_keys.get(pk), pk), pk, relevance)
                 for pk, relevance in rows if relevance > bound]
        found = sorted(row for row in keyed if after is None or row[0] > after)
        if len(found) >= size or bound == -math.inf:
            return [(pk, relevance) for _key, pk, relevance in found[:size]]
    batch = int(size / max(share, 1e-6) * _MARGIN) + _FIRST_BATCH
    while True:
        parts = fetch_parts([search.ranked_sql(text_query, batch, at_most, ids, matches) for ids in id_ranges])
        # A part that filled its batch may have left out cases as relevant as its last one: only
        # the cases above the highest such relevance are surely all there.
        full = [rows for rows in parts if len(rows) == batch]
        floor = max((rows[-1][1] for rows in full), default=None)
        found = []
        for rows in parts:
            for pk, relevance in rows:
                if floor is not None and relevance <= floor:
                    break  # rows come best first
                if is_set(data, pk):
                    key = _key(relevance, decision_keys.get(pk), pk)
                    if after is None or key > after:
                        found.append((key, pk, relevance))
        if not full or len(found) >= size:
            found.sort()
            return [(pk, relevance) for _key, pk, relevance in found[:size]]
        batch *= 4
