"""SQLite backend: an FTS5 table `caselaw_case_fts` (rowid = case id; columns title, body), created
by migration 0004.

The tokenizer is "porter unicode61 remove_diacritics 2": case- and accent-insensitive in every
script, but the Porter stemmer only knows English ("recruited" finds "recruitment"); words in other
languages are matched as written (after folding case and accents).
"""

from django.db import connection

from .document import BODY, TITLE, Part
from .query import TextQuery

TABLE = "caselaw_case_fts"


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
    title = "\n".join(part.text for part in parts if part.kind == TITLE)
    body = "\n".join(part.text for part in parts if part.kind == BODY)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [case_id])  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
        cursor.execute(f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)", [case_id, title, body])  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


def remove(case_id: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [case_id])  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


def match_sql(query: TextQuery) -> tuple[str, list]:
    """SQL selecting the ids of the cases matching `query` (which has positive groups)."""
    return f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [match_expression(query)]  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


RANKS = "temp.caselaw_search_rank"


def rank_sql(query: TextQuery, case_id_column: str) -> tuple[str, list]:
    """A scalar subquery: the relevance of the case in `case_id_column` (higher is better).
    bm25 is lower for better matches; titles weigh five times the body.

    The relevance of every match is computed first, in one pass over the index, into a temporary
    table of this connection (emptied each time: it holds the ranks of the latest search, so the
    query using this subquery must run before the next call): a subquery running the MATCH once
    per case costs a pass over the index per matching case, seconds for a common word."""
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {RANKS.split('.')[1]} "
                       "(id INTEGER PRIMARY KEY, rank REAL NOT NULL)")
        cursor.execute(f"DELETE FROM {RANKS}")  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
        cursor.execute(f"INSERT INTO {RANKS} (id, rank) SELECT rowid, -bm25({TABLE}, 5.0, 1.0) FROM {TABLE} "  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
                       f"WHERE {TABLE} MATCH %s", [match_expression(query)])
    return f"SELECT rank FROM {RANKS} WHERE id = {case_id_column}", []  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
