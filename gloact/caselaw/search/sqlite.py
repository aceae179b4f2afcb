"""SQLite backend: an FTS5 table `caselaw_case_fts` (rowid = case id; columns title, body), created
by migration 0004.

The tokenizer is "porter unicode61 remove_diacritics 2": case- and accent-insensitive in every
script, but the Porter stemmer only knows English ("recruited" finds "recruitment"); words in other
languages are matched as written (after folding case and accents).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import connection

from ..bulk.inserts import insert_rows
from . import sqlite_words
from .document import BODY, TITLE, Part
from .query import TextQuery

TABLE = "caselaw_case_fts"
# Relevance: -bm25, titles weighing five times the body (higher is better).
RELEVANCE = f"-bm25({TABLE}, 5.0, 1.0)"
SEARCH_SETTINGS: dict[str, str] = {}
# SQLite runs a statement on one core: ranking the matches of a text over many cases is split
# into ranges of case ids, run side by side (bitmaps.id_ranges, index.fetch_parts).
SPLIT_BY_ID = True


def _item(words: tuple[str, ...]) -> str:
    # Words are \w+ runs: quoting them as FTS5 strings needs no escaping.
    return '"' + " ".join(words) + '"'


def match_expression(query: TextQuery) -> str:
    """FTS5 MATCH syntax for the positive part of `query`, minus its negated items."""
    groups = ["(" + " OR ".join(_item(item) for item in group) + ")" for group in query.groups]
    expression = " AND ".join(groups)
    if query.negated:
        expression = f"({expression}) NOT ({' OR '.join(_item(item) for item in query.negated)})"
    return expression


def index(case_id: int, parts: list[Part]) -> None:
    index_many([(case_id, parts)])


def _row(case_id: int, parts: list[Part]) -> tuple[int, str, str]:
    return (case_id, "\n".join(part.text for part in parts if part.kind == TITLE),
            "\n".join(part.text for part in parts if part.kind == BODY))


def index_many(documents: list[tuple[int, list[Part]]]) -> None:
    """Index (or re-index) several cases: [(case id, parts)], two statements in all."""
    rows = [_row(case_id, parts) for case_id, parts in documents]
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(row[0],) for row in rows])  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
        cursor.executemany(f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)", rows)  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


@contextmanager
def bulk_indexer() -> Iterator[Callable[[list], Callable[[], None]]]:
    """For an import (see postgres.py): each batch of new cases is indexed when given, with the
    import's other rows (bulk.inserts.insert_rows: on its writer thread)."""
    def start(documents: list) -> Callable[[], None]:
        insert_rows(TABLE, ("rowid", "title", "body"), [_row(case_id, parts) for case_id, parts in documents])
        return lambda: None
    yield start


def remove(case_id: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [case_id])  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


def match_sql(query: TextQuery) -> tuple[str, list]:
    """SQL selecting the ids of the cases matching `query` (which has positive groups)."""
    return f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [match_expression(query)]  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


def _within(ids: tuple[int, int] | None) -> tuple[str, list]:
    """The condition keeping a search to the case ids first to last (`ids`), if given."""
    return ("", []) if ids is None else (" AND rowid BETWEEN %s AND %s", list(ids))


def ranked_sql(query: TextQuery, limit: int, at_most: float | None = None,
               ids: tuple[int, int] | None = None, among: int | None = None) -> tuple[str, list]:
    """SQL selecting (case id, relevance) of the `limit` most relevant matches of `query`, best
    first (RELEVANCE), with a relevance of at most `at_most` when given (to continue after a
    cursor), among the case ids `ids` (first, last) when given. `among` (the bitmap of the
    search's cases) is not used: FTS5 finds the matches in its index, and testing a bit of each in
    SQL would cost more than ranked_page's test of the best few in Python."""
    condition, params = _within(ids)
    params = [match_expression(query), *params]
    if at_most is not None:
        condition, params = f"{condition} AND {RELEVANCE} <= %s", [*params, at_most]
    return (f"SELECT rowid, {RELEVANCE} AS relevance FROM {TABLE} WHERE {TABLE} MATCH %s{condition} "  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
            "ORDER BY relevance DESC LIMIT %s", [*params, limit])


def matches_of(query: TextQuery) -> int:
    """The bitmap of the cases matching `query`, from the cases kept per word: see
    sqlite_words.matches_of."""
    return sqlite_words.matches_of(query)


def best_of(query: TextQuery, matches: int, at_most: float | None = None):
    """The best cases of a search, from the relevance kept per word: see sqlite_words.best_of."""
    return sqlite_words.best_of(query, matches, at_most)
