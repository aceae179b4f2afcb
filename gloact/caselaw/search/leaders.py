"""PostgreSQL: ranking a search of common words from per-word lists of the most relevant cases.

ts_rank of an OR of distinct lexemes (normalised by length, ranked_sql) is the mean of each lexeme's
own ts_rank: each adds its part, and the length divides all alike. So a case outside the first
LEADERS of every word's list ranks at most the mean of the lists' cuts (the last relevance kept),
and every case of the search above that mean is among the lists' cases: ranking those, a few
hundred vectors, finds the best page exactly, where ranking every match read tens of thousands
("fishermen OR nightclub": 63,961 at 100,000 cases).

A word's list is made by the first search that needs it and kept in `caselaw_search_leaders` with
the generation of the index it was made from (migration 0010). Cases indexed since are ranked with
the lists' cases; when there are more than FRESH of them, the list is made again. Indexing takes a
shared lock and making a list an exclusive one (tried, not waited for), so that a list never
misses a case written by a transaction not yet committed.
"""

import re

from django.db import connection, transaction

from . import postgres
from .bitsets import is_set
from .query import TextQuery

LISTS = "caselaw_search_leaders"
LEADERS = 500  # cases kept per word
FRESH = 200  # cases indexed since a list was made, ranked with it; more, and it is made again
LOCK = 0x6C656164  # the advisory lock between indexing and making lists
_MARGIN = 1e-6  # ts_rank's float4 results: the mean of a lexeme's ranks differs from the rank by ~1e-7
_LEXEME = re.compile(r"'(?:[^'\\]|''|\\.)*'")


def lexemes_of(rank_tsquery: str) -> list[str] | None:
    """The distinct quoted lexemes of a tsquery text, if it is nothing but an OR of them."""
    if re.sub(r"[()| ]", "", _LEXEME.sub("", rank_tsquery)):
        return None  # an AND, a NOT or a phrase: ts_rank is not the mean of the lexemes' ranks
    return list(dict.fromkeys(_LEXEME.findall(rank_tsquery)))


def lock_for_indexing(cursor) -> None:
    """Called by indexing before it writes: held until its transaction ends."""
    cursor.execute("SELECT pg_advisory_xact_lock_shared(%s)", [LOCK])


def best_of(query: TextQuery, matches: int) -> tuple[list[tuple[int, float]], float] | None:
    """(rows, bound): (case id, relevance) of the cases of the bitmap `matches` that may rank above
    `bound` for `query`; every other case of it ranks at most `bound`. None when `matches` has
    so few cases that ranked_sql fetches them all by id, when the ranking is not an OR of lexemes,
    or when a list could not be made (another transaction is indexing)."""
    if matches.bit_count() <= postgres.FEW_TO_RANK:
        return None
    _match, rank_tsquery = postgres._tsqueries(query)
    lexemes = lexemes_of(rank_tsquery)
    if not lexemes:
        return None
    with transaction.atomic(), connection.cursor() as cursor:
        for name, value in postgres.SEARCH_SETTINGS.items():
            cursor.execute(f"SET LOCAL {name} = {value}")
        lists = _lists(cursor, lexemes)
        missing = [lexeme for lexeme in lexemes if lexeme not in lists]
        fresh = _fresh(cursor, lists)
        if missing or fresh is None:  # all made again when too many cases are new
            if not _make(cursor, missing if fresh is not None else lexemes):
                return None
            lists = _lists(cursor, lexemes)
            fresh = _fresh(cursor, lists)  # and those indexed before the lock was taken
            if fresh is None:
                return None
        ids = {pk for _generation, _cut, case_ids in lists.values() for pk in case_ids}
        data = matches.to_bytes((matches.bit_length() + 7) // 8, "little")
        candidates = [pk for pk in ids.union(fresh) if is_set(data, pk)]
        cursor.execute(f"SELECT case_id, {postgres.RELEVANCE} FROM {postgres.TABLE} "  # nosec B608 # identifiers are code constants; values are bound parameters
                       "WHERE case_id = ANY(%s)", [rank_tsquery, candidates])
        rows = cursor.fetchall()
    bound = sum(cut for _generation, cut, _ids in lists.values()) / len(lexemes)
    return rows, bound * (1 + _MARGIN)


def _lists(cursor, lexemes: list[str]) -> dict[str, tuple[int, float, list[int]]]:
    cursor.execute(f"SELECT lexeme, generation, cut, case_ids FROM {LISTS} WHERE lexeme = ANY(%s)", [lexemes])  # nosec B608 # identifiers are code constants; values are bound parameters
    return {lexeme: (generation, cut, case_ids) for lexeme, generation, cut, case_ids in cursor.fetchall()}


def _fresh(cursor, lists: dict) -> list[int] | None:
    """The ids of the cases indexed after the oldest of `lists`, or None if more than FRESH."""
    if not lists:
        return []
    oldest = min(generation for generation, _cut, _ids in lists.values())
    # In the order of generations, through their index: the planner would rather scan the table.
    cursor.execute(f"SELECT case_id FROM {postgres.LEXEMES} WHERE generation > %s ORDER BY generation LIMIT %s",  # nosec B608 # identifiers are code constants; values are bound parameters
                   [oldest, FRESH + 1])
    ids = [pk for (pk,) in cursor.fetchall()]
    return ids if len(ids) <= FRESH else None


def _make(cursor, lexemes: list[str]) -> bool:
    """Make the lists of `lexemes` from the index as committed; False if a transaction is indexing."""
    cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [LOCK])
    if not cursor.fetchone()[0]:
        return False
    cursor.execute(f"SELECT coalesce(max(generation), 0) FROM {postgres.LEXEMES}")  # nosec B608 # identifiers are code constants
    generation = cursor.fetchone()[0]
    for lexeme in lexemes:
        cursor.execute(f"SELECT case_id, {postgres.RELEVANCE} AS relevance FROM {postgres.TABLE} "  # nosec B608 # identifiers are code constants; values are bound parameters
                       "WHERE document @@ %s::tsquery ORDER BY relevance DESC LIMIT %s", [lexeme, lexeme, LEADERS])
        rows = cursor.fetchall()
        # Every case left out ranks at most the last one kept; with all of them kept, it has none of the word.
        cut = rows[-1][1] if len(rows) == LEADERS else 0.0
        cursor.execute(f"INSERT INTO {LISTS} VALUES (%s, %s, %s, %s) ON CONFLICT (lexeme) DO UPDATE SET "  # nosec B608 # identifiers are code constants; values are bound parameters
                       "generation = EXCLUDED.generation, cut = EXCLUDED.cut, case_ids = EXCLUDED.case_ids",
                       [lexeme, generation, cut, [pk for pk, _relevance in rows]])
    return True
