"""PostgreSQL backend: table `caselaw_case_search` (case_id, document tsvector) with a GIN index,
created by migration 0005; the vectors are stored in the table's pages, not in TOAST (0008). They
rank matches and check phrases. The bitmaps of searches without phrases come from a second, narrow
table, `caselaw_case_lexemes` (case_id, the vector without positions, out of line) with its own GIN
index (0009), in step with the first.

The document joins one vector per text: in its language's configuration (gloact_english,
gloact_french, gloact_spanish, gloact_russian, gloact_portuguese: the built-in stemmers, with stop
words kept; migration 0011), so stemming follows the language of each text and its translations,
or in 'simple' (every word as written) for the other languages, Arabic and Chinese among them. Each
word or phrase of a query matches in any of its forms in 'simple' and every configuration
(_tsqueries): a word of a text always meets its own form in the text's configuration. Latin accents
are folded in Python on both sides, as SQLite's tokenizer does, so that both databases find the
same cases.
"""

import functools
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import psycopg
from django.db import connection

from . import postgres_words
from .bitsets import WORD_BITS, bytes_of, from_words, ids_of
from .document import TITLE, Part, fold_diacritics
from .query import TextQuery

TABLE = "caselaw_case_search"
LEXEMES = "caselaw_case_lexemes"
ASIDE = "caselaw_search_aside"
CONFIGS = {"en": "gloact_english", "fr": "gloact_french", "es": "gloact_spanish", "ru": "gloact_russian",
           "pt": "gloact_portuguese"}
QUERY_CONFIGS = ("simple", *CONFIGS.values())
# Ranking, and the bitmap of a phrase, scan the vectors of many cases (a seq scan for a common
# word). The planner prices that scan too cheaply to split it between parallel workers: the
# default setup cost (1,000) outweighs the gain it expects. Set for search statements only; with
# it, ranking and counting a common word at 100,000 cases took half the time (two cores).
SEARCH_SETTINGS = {"parallel_setup_cost": "100"}
# The lexemes table is read through its GIN index, however common the words: the planner prices a
# scan of it by its few megabytes of case ids, not by the vectors it would fetch from TOAST ("court"
# at 100,000 cases: 136 ms scanning, 47 ms through the index).
LEXEMES_SETTINGS = {**SEARCH_SETTINGS, "enable_seqscan": "off"}
# The server splits a statement over several cores itself (parallel workers, see SEARCH_SETTINGS):
# a search is not split by case ids as on SQLite.
SPLIT_BY_ID = False
# Up to this many cases are ranked by fetching each by its id (a few microseconds each); more, by a
# scan of the vectors that skips those not in the search (ranked_sql).
FEW_TO_RANK = 2_000
# Relevance: ts_rank with normalisation 1, which divides by the log of the document's length, as
# bm25 weighs length on SQLite: without it a common word gives thousands of equal scores, and a page
# after a cursor ends inside such a run of ties, which took two more, larger rankings to cut.
RELEVANCE = "ts_rank(document, %s::tsquery, 1)::float8"
# Parameters of one indexing statement: at most about this many, below PostgreSQL's 65,535.
INDEX_PARAMETERS = 20_000


def _config(language: str) -> str:
    return CONFIGS.get((language or "").split("-")[0].lower(), "simple")


def _item_text(words: tuple[str, ...]) -> str:
    """A word, or a phrase, in websearch_to_tsquery syntax."""
    return fold_diacritics(words[0] if len(words) == 1 else '"' + " ".join(words) + '"')


@functools.lru_cache(maxsize=4096)
def _forms(texts: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The distinct forms (tsquery texts) of each item (a word or a phrase, `_item_text`) in the
    configurations. Kept per process: the configurations are fixed, and a search asks for the
    same forms in each of its statements (the bitmap, then each batch of its ranking)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT item, websearch_to_tsquery(config, text)::text FROM unnest(%s::text[]) "
            "WITH ORDINALITY AS item(text, item), unnest(%s::regconfig[]) AS config ORDER BY 1, 2",
            [list(texts), list(QUERY_CONFIGS)],
        )
        forms = [[] for _text in texts]
        for item, form in cursor.fetchall():
            if form:  # empty when every word of the item is a stop word of the configuration
                forms[item - 1].append(form)
    return tuple(tuple(item_forms) for item_forms in forms)


def form_groups(query: TextQuery) -> tuple[list[list[str]], list[str]]:
    """The distinct forms (tsquery texts) of each group of `query`, and of its negated items."""
    items = [item for group in query.groups for item in group] + list(query.negated)
    forms = iter(_forms(tuple(_item_text(item) for item in items)))
    groups = [list(dict.fromkeys(form for item in group for form in next(forms))) for group in query.groups]
    return groups, [form for _item in query.negated for form in next(forms)]


def _tsqueries(query: TextQuery) -> tuple[str, str]:
    """Two tsqueries (texts) of `query`, from the distinct forms of its items in every configuration:
    - to match: each group in any form of any of its items, AND-ed, and no form of a negated item.
      It used to be websearch_to_tsquery of the whole text in each configuration, OR-ed, which
      read "a OR b c" as a or (b and c), repeated the forms that configurations share, and paired
      each word with every other: 12 lexemes for "passports wages" instead of 5, each looked up
      in every vector scanned;
    - to rank by: the same forms, OR-ed (ts_rank weighs the distinct lexemes of an OR; an AND at
      the top, as with the negated forms that used to be there, makes it measure how close the
      lexemes are: "victims -children" ranked its matches about 1e-21)."""
    groups, excluded = form_groups(query)

    def either(forms) -> str:
        return " | ".join(f"( {form} )" for form in forms)

    match = " & ".join(f"( {either(group)} )" for group in groups if group)
    if match and excluded:
        match = f"( {match} ) & !( {either(excluded)} )"
    return match, either(form for group in groups for form in group)


QUOTED_LEXEME = re.compile(r"'(?:[^'\\]|''|\\.)*'")  # in a tsquery's text


def _has_phrase(tsquery: str) -> bool:
    """Whether the tsquery text has a phrase operator (<->, <N>) outside its quoted lexemes."""
    return "<" in QUOTED_LEXEME.sub("", tsquery)


def _document(parts: list[Part]) -> tuple[str, list]:
    """The SQL expression of the tsvector of a case's `parts`, with its parameters."""
    vectors, params = [], []
    for part in parts:
        weight = "A" if part.kind == TITLE else "B"
        vectors.append(f"setweight(to_tsvector('{_config(part.language)}'::regconfig, %s), '{weight}')")
        params.append(fold_diacritics(part.text))
    return " || ".join(vectors) or "''::tsvector", params


def index(case_id: int, parts: list[Part]) -> None:
    index_many([(case_id, parts)])


def _values(documents: list[tuple[int, list[Part]]], *leading) -> Iterator[tuple[str, list]]:
    """VALUES lists of rows (*leading, case id, vector), with their parameters, each of many cases
    (a statement per case, a round trip each, made importing 10,000 cases take 19 s instead of 15 s)."""
    rows, params = [], []
    for number, (case_id, parts) in enumerate(documents, start=1):
        document, document_params = _document(parts)
        rows.append(f"({'%s, ' * len(leading)}%s, {document})")
        params += [*leading, case_id, *document_params]
        if len(params) > INDEX_PARAMETERS or number == len(documents):
            yield ", ".join(rows), params
            rows, params = [], []


def _store(cursor, rows: str, params: list) -> None:
    """Write `rows` (a VALUES list or a query of case ids and vectors) to both tables."""
    postgres_words.lock_for_indexing(cursor)
    cursor.execute(
        f"WITH indexed AS (INSERT INTO {TABLE} (case_id, document) {rows} "  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
        "ON CONFLICT (case_id) DO UPDATE SET document = EXCLUDED.document RETURNING case_id, document) "
        f"INSERT INTO {LEXEMES} (case_id, lexemes) SELECT case_id, strip(document) FROM indexed "
        # A new generation (the column's default) whether the row is new or not: postgres_words.py
        "ON CONFLICT (case_id) DO UPDATE SET lexemes = EXCLUDED.lexemes, generation = EXCLUDED.generation",
        params,
    )


def index_many(documents: list[tuple[int, list[Part]]]) -> None:
    """Index (or re-index) several cases: [(case id, parts)]."""
    with connection.cursor() as cursor:
        for rows, params in _values(documents):
            _store(cursor, f"VALUES {rows}", params)


@contextmanager
def bulk_indexer() -> Iterator[Callable[[list], Callable[[], None]]]:
    """For an import: `start(documents)` has a second connection make their vectors, in a thread,
    while this one goes on writing the cases' rows; the function it returns copies the vectors
    into the index in this connection's transaction, so that index and cases still commit together.

    Making the vectors (PostgreSQL's parser) is about 40 % of the server's work of an import: with
    two cores, the two connections share it out. The vectors wait in the unlogged table ASIDE
    (migrations 0011 and 0012: in its own pages) under a batch number, deleted by the second connection once copied, or when
    the indexer closes (an import that failed)."""
    # Parameters bound by the server (Django's cursors quote them into the statement): quoting the
    # texts in this process took a second of its CPU per 10,000 cases, contending with the import.
    aside = connection.get_new_connection({**connection.get_connection_params(), "cursor_factory": psycopg.Cursor})
    aside.autocommit = True
    batches = []

    def make(documents: list) -> int:
        batch = aside.execute(f"SELECT nextval('{ASIDE}_batch')").fetchone()[0]  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
        batches.append(batch)
        for rows, params in _values(documents, batch):
            aside.execute(f"INSERT INTO {ASIDE} (batch, case_id, document) VALUES {rows}", params)  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
        return batch

    def forget(batch: int) -> None:
        aside.execute(f"DELETE FROM {ASIDE} WHERE batch = %s", [batch])  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters

    def start(documents: list) -> Callable[[], None]:
        made = thread.submit(make, documents)

        def finish() -> None:
            batch = made.result()
            with connection.cursor() as cursor:
                _store(cursor, f"SELECT case_id, document FROM {ASIDE} WHERE batch = %s", [batch])  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
            thread.submit(forget, batch)
        return finish

    with aside:
        try:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="vectors") as thread:
                yield start
        finally:
            aside.execute(f"DELETE FROM {ASIDE} WHERE batch = ANY(%s)", [batches])  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


def remove(case_id: int) -> None:
    with connection.cursor() as cursor:
        for table in (TABLE, LEXEMES):
            cursor.execute(f"DELETE FROM {table} WHERE case_id = %s", [case_id])  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


def clear() -> None:
    with connection.cursor() as cursor:
        for table in (TABLE, LEXEMES, ASIDE, *postgres_words.KEPT):
            cursor.execute(f"DELETE FROM {table}")  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


def match_sql(query: TextQuery) -> tuple[str, list]:
    match, _rank = _tsqueries(query)
    return f"SELECT case_id FROM {TABLE} WHERE document @@ %s::tsquery", [match]  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


def _within(ids: tuple[int, int] | None) -> tuple[str, list]:
    """The condition keeping a search to the case ids first to last (`ids`), if given."""
    return ("", []) if ids is None else (" AND case_id BETWEEN %s AND %s", list(ids))


def tsquery_bitmap_sql(tsquery: str, condition: str = "", params: list | None = None) -> tuple[str, list, dict]:
    """SQL computing the bitmap of the cases matching the tsquery text `tsquery` (and the SQL
    `condition` with its `params`, if given) as (word number, word) rows, see to_bitmap, with its
    planner settings. From the lexemes table, unless the tsquery has a phrase: only the vectors'
    positions tell phrases apart."""
    table, column, settings = ((TABLE, "document", SEARCH_SETTINGS) if _has_phrase(tsquery)
                               else (LEXEMES, "lexemes", LEXEMES_SETTINGS))
    return (f"SELECT case_id / {WORD_BITS}, bit_or(1::bigint << (case_id %% {WORD_BITS})::int) FROM {table} "  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
            f"WHERE {column} @@ %s::tsquery{condition} GROUP BY 1", [tsquery, *(params or [])], settings)


def bitmap_sql(query: TextQuery) -> tuple[str, list, dict[str, str]]:
    """SQL computing the bitmap of the cases matching `query`: see tsquery_bitmap_sql."""
    match, _rank = _tsqueries(query)
    return tsquery_bitmap_sql(match)


to_bitmap = from_words  # the rows of bitmap_sql


def ranked_sql(query: TextQuery, limit: int, at_most: float | None = None,
               ids: tuple[int, int] | None = None, among: int | None = None) -> tuple[str, list]:
    """SQL selecting (case id, relevance) of the `limit` most relevant matches of `query`, best
    first, with a relevance of at most `at_most` when given (to continue after a cursor), among
    the case ids `ids` (first, last) when given. `among`: the bitmap of the search's cases (its
    text matches that its facets keep, see ranking.ranked_page), to rank only those, when given."""
    match, rank = _tsqueries(query)
    within, id_params = _within(ids)
    if among is None:
        condition, params = "document @@ %s::tsquery", [match]
    elif among.bit_count() <= FEW_TO_RANK:  # fetched by primary key
        condition, params = "case_id = ANY(%s)", [ids_of(among)]
    else:
        # A scan testing each row's bit: a fraction of the cost of matching its vector ("passports
        # wages" at 100,000 cases, 85 ms to rank instead of 112).
        bits = bytes_of(among)
        condition = "CASE WHEN case_id < %s THEN get_bit(%s::bytea, case_id) = 1 ELSE false END"
        params = [len(bits) * 8, bits]
    if at_most is None:  # this plain form lets PostgreSQL rank in parallel workers
        return (f"SELECT case_id, {RELEVANCE} AS relevance FROM {TABLE} WHERE {condition}{within} "  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
                "ORDER BY relevance DESC LIMIT %s", [rank, *params, *id_params, limit])
    # After a cursor, ranked once per match in a subquery (OFFSET 0 keeps PostgreSQL from merging
    # it into the outer query, which would compute ts_rank again for the cursor's condition).
    ranked = (f"SELECT case_id, {RELEVANCE} AS relevance FROM {TABLE} WHERE {condition}{within} OFFSET 0")  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
    return (f"SELECT case_id, relevance FROM ({ranked}) AS ranked WHERE relevance <= %s "  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
            "ORDER BY relevance DESC LIMIT %s", [rank, *params, *id_params, at_most, limit])


def matches_of(query: TextQuery) -> int | None:
    """The bitmap of the cases matching `query`, from the kept bitmaps of its forms: see
    postgres_words.matches_of."""
    return postgres_words.matches_of(query)


def best_of(query: TextQuery, matches: int, at_most: float | None = None):
    """The best cases of a search of common words, from per-word lists: see postgres_words.best_of.
    `at_most` (the relevance at a cursor) is not needed: ranking.ranked_page keeps the cases after it."""
    return postgres_words.best_of(query, matches)
