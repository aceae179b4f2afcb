"""SQLite: the cases having each word (or phrase) of a search, and its relevance in each, kept in
memory, so that matching a search, and ranking the matches of common words, read nothing from
FTS5's index.

FTS5's bm25 of a query is a sum over its phrases, in their order in the query, of each phrase's
own score in the case: its idf, its hits in the case (weighted by column) and the case's length
against the average. A phrase the case lacks adds nothing, and an excluded phrase is in no match.
So the relevance of every match of "fishermen OR nightclub" is the sum of two kept arrays, to the
last bit of the double FTS5 computes, in a millisecond or two with numpy; FTS5 took 50-100 ms
to rank its 64,000 matches at 100,000 cases. Asking FTS5 for the relevance of chosen cases only
does not help: it recounts the idf of each phrase for each case asked for (2 ms a case). The
matches of any search come from the cases kept of its phrases (matches_of), with or without
their relevance: a search is matched far more often than ranked (each facet chosen matches it
again), and the commonest words are never ranked (ranking.py).

A word's array depends on the whole index (the idf and the average length change with every case
indexed), so it is kept with the state of the index it was read from: FTS5's averages and
structure records, which every write changes. An array read from another state is made again.
Each process keeps its own, KEPT_ENTRIES cases at most, the least recently used phrases dropped
first.
"""

import math
import threading
from collections import OrderedDict

import numpy as np
import orjson
from django.db import connection, transaction

from . import sqlite
from .bitsets import bytes_of
from .query import TextQuery

FEW_TO_RANK = 2_000  # with no more matches, FTS5 ranks them as fast (sqlite.ranked_sql)
ROWS = 500  # the best cases handed to ranking.ranked_page: 25 pages of 20
KEPT_ENTRIES = 2_000_000  # case ids kept per process: 8 bytes each, 16 with their relevance

_lock = threading.Lock()
# {phrase: (state of the index, case ids, their relevance or None where only the ids were read)}
_kept: OrderedDict[tuple[str, ...], tuple[tuple, np.ndarray, np.ndarray | None]] = OrderedDict()


def matches_of(query: TextQuery) -> int:
    """The bitmap of the cases matching `query`, from the cases kept per phrase of it as of the
    index now, read from FTS5 where none are. A word in half the cases is not ranked, so best_of
    keeps nothing of it: "court", at 100,000 cases, was matched by FTS5 again on every search of it
    (10-20 ms, and as long to turn its 60,000 cases into a bitmap), where kept cases take 1 ms."""
    items = list(dict.fromkeys([item for group in query.groups for item in group] + list(query.negated)))
    with transaction.atomic(), connection.cursor() as cursor:  # the state and the cases read at one time
        state = _state(cursor)
        cases = {item: _cases(cursor, state, item) for item in items}
    size = 1 + max((int(ids[-1]) for ids in cases.values() if len(ids)), default=0)
    matched = np.ones(size, bool)
    for group in query.groups:
        either = np.zeros(size, bool)
        for item in group:
            either[cases[item]] = True
        matched &= either
    for item in query.negated:
        matched[cases[item]] = False
    return int.from_bytes(np.packbits(matched, bitorder="little").tobytes(), "little")


def best_of(query: TextQuery, matches: int, at_most: float | None = None
            ) -> tuple[list[tuple[int, float]], float] | None:
    """(rows, bound): (case id, relevance) of the ROWS best cases of the bitmap `matches` for
    `query`, with a relevance of at most `at_most` when given (after a cursor), best first; every
    other such case ranks at most `bound` (-inf: there is none). None when `matches` has so few
    cases that FTS5 ranks them as fast."""
    if matches.bit_count() <= FEW_TO_RANK:
        return None
    items = [item for group in query.groups for item in group]  # the order of the query's phrases
    with transaction.atomic(), connection.cursor() as cursor:  # the state and the arrays read at one time
        state = _state(cursor)
        # The excluded phrases add nothing to a match's relevance; kept, they let matches_of match
        # the next search of the same text.
        arrays = {item: _relevance(cursor, state, item) for item in dict.fromkeys(items + list(query.negated))}
    selected = np.unpackbits(np.frombuffer(bytes_of(matches), np.uint8), bitorder="little").view(bool)
    relevance = np.zeros(len(selected))
    for item in items:  # summed in FTS5's order, from 0.0 as it does: the same doubles
        ids, values = arrays[item]
        inside = np.searchsorted(ids, len(selected))
        relevance[ids[:inside]] += values[:inside]
    ids = np.flatnonzero(selected if at_most is None else selected & (relevance <= at_most))
    relevance = relevance[ids]
    if len(ids) > ROWS + 1:
        best = np.argpartition(relevance, -(ROWS + 1))[-(ROWS + 1):]
        ids, relevance = ids[best], relevance[best]
    order = np.argsort(-relevance, kind="stable")
    ids, relevance = ids[order].tolist(), relevance[order].tolist()
    return list(zip(ids[:ROWS], relevance[:ROWS])), relevance[ROWS] if len(ids) > ROWS else -math.inf


def _state(cursor) -> tuple:
    """The state of the index: FTS5's averages record (cases and words in all) and structure
    record (its segments and a count of pages written), rows 1 and 10 of its data table. Read in
    a transaction.atomic(): FTS5 keeps what a transaction indexes in memory until a savepoint (or
    the commit) writes it out, with these records."""
    cursor.execute(f"SELECT block FROM {sqlite.TABLE}_data WHERE id IN (1, 10) ORDER BY id")  # nosec B608 # identifiers are code constants
    return tuple(bytes(block) for (block,) in cursor.fetchall())


def _cases(cursor, state: tuple, item: tuple[str, ...]) -> np.ndarray:
    """The case ids having `item`, in order, as of `state`: kept, or read from FTS5."""
    kept = _kept_as_of(state, item)
    if kept is not None:
        return kept[0]
    cursor.execute(f"SELECT json_group_array(rowid) FROM {sqlite.TABLE} WHERE {sqlite.TABLE} MATCH %s",  # nosec B608 # identifiers are code constants; values are bound parameters
                   [_match(item)])
    ids = np.sort(np.array(orjson.loads(cursor.fetchone()[0]), np.int64))
    _keep(item, state, ids, None)
    return ids


def _relevance(cursor, state: tuple, item: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(case ids in order, relevance of `item` in each) as of `state`: kept, or read from FTS5."""
    kept = _kept_as_of(state, item)
    if kept is not None and kept[1] is not None:
        return kept
    cursor.execute(f"SELECT rowid, {sqlite.RELEVANCE} FROM {sqlite.TABLE} WHERE {sqlite.TABLE} MATCH %s "  # nosec B608 # identifiers are code constants; values are bound parameters
                   "ORDER BY rowid", [_match(item)])
    rows = cursor.fetchall()
    ids = np.fromiter((pk for pk, _relevance in rows), np.int64, len(rows))
    values = np.fromiter((relevance for _pk, relevance in rows), np.float64, len(rows))
    _keep(item, state, ids, values)
    return ids, values


def _match(item: tuple[str, ...]) -> str:
    return sqlite.match_expression(TextQuery(groups=((item,),)))


def _kept_as_of(state: tuple, item: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray | None] | None:
    with _lock:
        kept = _kept.get(item)
        if kept is None or kept[0] != state:
            return None
        _kept.move_to_end(item)
        return kept[1], kept[2]


def _keep(item: tuple[str, ...], state: tuple, ids: np.ndarray, values: np.ndarray | None) -> None:
    with _lock:
        _kept[item] = (state, ids, values)
        _kept.move_to_end(item)
        while len(_kept) > 1 and sum(len(kept[1]) for kept in _kept.values()) > KEPT_ENTRIES:
            _kept.popitem(last=False)
