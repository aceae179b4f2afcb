"""PostgreSQL: what is kept per form of a word or phrase (a tsquery text, postgres.form_groups), so
that a search of common words reads neither every index entry nor every vector that matches.

The bitmap of the cases matching each common form (more than KEEP_FROM cases), in
`caselaw_search_form_bitmaps`: a search's bitmap is then the AND of its groups, each the OR of its
forms, minus its negated forms, combined in memory (the facet counts and the total need every
match; "debt bondage" at 100,000 cases took 97 ms to check in every vector, "fishermen OR
nightclub" 45 ms through the GIN index). Rarer forms are matched through the index each time.

The cases a word ranks highest, in `caselaw_search_leaders`: ts_rank of an OR of distinct lexemes
(normalised by length, postgres.RELEVANCE) is the mean of each lexeme's own ts_rank: each adds its
part, and the length divides all alike. So a case outside the first LEADERS of every word's list
ranks at most the mean of the lists' cuts (the last relevance kept), and every case of the search
above that mean is among the lists' cases: ranking those, a few hundred vectors, finds the best
page exactly, where ranking every match read tens of thousands ("fishermen OR nightclub": 63,961).

Both are made by the first search that needs them, with the generation of the index they were made
from (migration 0010): every row of the lexemes table gets the next generation when it is
written. The cases indexed since are checked again (bitmaps) or ranked with the list's (lists);
when there are more than FRESH of them, they are made again. Indexing takes a shared lock and
keeping a structure an exclusive one (tried, not waited for), so that none misses a case written
by a transaction not yet committed. Cases unpublished since a bitmap was made are left in it: the
published cases mask every search (bitmaps.FacetBitmaps.text_bitmap).
"""

import re
from contextlib import contextmanager

from django.db import connection, transaction

from . import postgres
from .bitsets import bytes_of, from_words, is_set
from .index import fetch
from .query import TextQuery

LISTS = "caselaw_search_leaders"
BITMAPS = "caselaw_search_form_bitmaps"
KEPT = (LISTS, BITMAPS)
KEEP_FROM = 2_000  # a form's bitmap is kept when it has more cases
LEADERS = 500  # cases kept per word
FRESH = 200  # cases indexed since a structure was made that are checked or ranked; more, and it is made again
LOCK = 0x6C656164  # the advisory lock between indexing and keeping structures
_MARGIN = 1e-6  # ts_rank's float4 results: the mean of a lexeme's ranks differs from the rank by ~1e-7


def lock_for_indexing(cursor) -> None:
    """Called by indexing before it writes: held until its transaction ends."""
    cursor.execute("SELECT pg_advisory_xact_lock_shared(%s)", [LOCK])


def _locked(cursor) -> int | None:
    """The generation of the index, if no transaction is indexing; then none may until this one ends."""
    cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [LOCK])
    if not cursor.fetchone()[0]:
        return None
    cursor.execute(f"SELECT coalesce(max(generation), 0) FROM {postgres.LEXEMES}")  # nosec B608 # identifiers are code constants
    return cursor.fetchone()[0]


def _fresh(cursor, generations) -> list[int] | None:
    """The ids of the cases indexed after the oldest of `generations`, or None if more than FRESH."""
    if not generations:
        return []
    # In the order of generations, through their index: the planner would rather scan the table.
    cursor.execute(f"SELECT case_id FROM {postgres.LEXEMES} WHERE generation > %s ORDER BY generation LIMIT %s",  # nosec B608 # identifiers are code constants; values are bound parameters
                   [min(generations), FRESH + 1])
    ids = [pk for (pk,) in cursor.fetchall()]
    return ids if len(ids) <= FRESH else None


# --- Bitmaps ---------------------------------------------------------------------------------------
def matches_of(query: TextQuery) -> int | None:
    """The bitmap of the cases matching `query` (with some unpublished since, see above); None if
    a group of it has no form (every word a stop word), which bitmap_sql handles."""
    groups, excluded = postgres.form_groups(query)
    if not groups or not all(groups):
        return None
    bits = _form_bitmaps(list(dict.fromkeys([form for group in groups for form in group] + excluded)))
    matches = -1  # every bit set
    for group in groups:
        either = 0
        for form in group:
            either |= bits[form]
        matches &= either
    for form in excluded:
        matches &= ~bits[form]
    return matches


def _form_bitmaps(forms: list[str]) -> dict[str, int]:
    """The bitmap of each of `forms`: as kept, with the cases indexed since checked again, or
    matched now through the index (and kept, when the form is common)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT form, generation, bits FROM {BITMAPS} WHERE form = ANY(%s)", [forms])  # nosec B608 # identifiers are code constants; values are bound parameters
        kept = {form: (generation, int.from_bytes(bits, "little")) for form, generation, bits in cursor.fetchall()}
        fresh = _fresh(cursor, [generation for generation, _bits in kept.values()])
    bits = {}
    for form in forms:
        if form in kept and fresh is not None:
            bits[form] = kept[form][1]
            if fresh:  # checked again as they are now
                bits[form] &= ~sum(1 << pk for pk in fresh)
                bits[form] |= from_words(fetch(*postgres.tsquery_bitmap_sql(form, " AND case_id = ANY(%s)", [fresh])))
        else:
            bits[form] = from_words(fetch(*postgres.tsquery_bitmap_sql(form)))
            if bits[form].bit_count() > KEEP_FROM:
                _keep_bitmap(form)
    return bits


def _keep_bitmap(form: str) -> bool:
    """Keep the bitmap of `form`, made again under the lock; False if another transaction is indexing."""
    with transaction.atomic(), connection.cursor() as cursor:
        generation = _locked(cursor)
        if generation is None:
            return False
        bits = from_words(fetch(*postgres.tsquery_bitmap_sql(form)))
        cursor.execute(f"INSERT INTO {BITMAPS} VALUES (%s, %s, %s) ON CONFLICT (form) DO UPDATE SET "  # nosec B608 # identifiers are code constants; values are bound parameters
                       "generation = EXCLUDED.generation, bits = EXCLUDED.bits",
                       [form, generation, bytes_of(bits)])
    return True


# --- Lists of the best cases -----------------------------------------------------------------------
def lexemes_of(rank_tsquery: str) -> list[str] | None:
    """The distinct quoted lexemes of a tsquery text, if it is nothing but an OR of them."""
    if re.sub(r"[()| ]", "", postgres.QUOTED_LEXEME.sub("", rank_tsquery)):
        return None  # an AND, a NOT or a phrase: ts_rank is not the mean of the lexemes' ranks
    return list(dict.fromkeys(postgres.QUOTED_LEXEME.findall(rank_tsquery)))


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
    with _searching() as cursor:
        lists = _lists(cursor, lexemes)
        missing = [lexeme for lexeme in lexemes if lexeme not in lists]
        fresh = _fresh(cursor, [generation for generation, _cut, _ids in lists.values()])
        if missing or fresh is None:  # all made again when too many cases are new
            if not _make_lists(cursor, missing if fresh is not None else lexemes):
                return None
            lists = _lists(cursor, lexemes)
            fresh = _fresh(cursor, [generation for generation, _cut, _ids in lists.values()])  # under the lock
            if fresh is None:
                return None
        ids = {pk for _generation, _cut, case_ids in lists.values() for pk in case_ids}
        data = bytes_of(matches)
        candidates = [pk for pk in ids.union(fresh) if is_set(data, pk)]
        cursor.execute(f"SELECT case_id, {postgres.RELEVANCE} FROM {postgres.TABLE} "  # nosec B608 # identifiers are code constants; values are bound parameters
                       "WHERE case_id = ANY(%s)", [rank_tsquery, candidates])
        rows = cursor.fetchall()
    bound = sum(cut for _generation, cut, _ids in lists.values()) / len(lexemes)
    return rows, bound * (1 + _MARGIN)


@contextmanager
def _searching():
    """A cursor in a transaction with the planner settings of searches."""
    with transaction.atomic(), connection.cursor() as cursor:
        for name, value in postgres.SEARCH_SETTINGS.items():
            cursor.execute(f"SET LOCAL {name} = {value}")
        yield cursor


def _lists(cursor, lexemes: list[str]) -> dict[str, tuple[int, float, list[int]]]:
    cursor.execute(f"SELECT lexeme, generation, cut, case_ids FROM {LISTS} WHERE lexeme = ANY(%s)", [lexemes])  # nosec B608 # identifiers are code constants; values are bound parameters
    return {lexeme: (generation, cut, case_ids) for lexeme, generation, cut, case_ids in cursor.fetchall()}


def _make_lists(cursor, lexemes: list[str]) -> bool:
    """Make the lists of `lexemes` from the index as committed; False if a transaction is indexing."""
    generation = _locked(cursor)
    if generation is None:
        return False
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


# --- After an import ---------------------------------------------------------------------------
def refresh() -> tuple[int, int]:
    """Make again every kept bitmap and list that the next search of its word would make again
    (more than FRESH cases indexed since: after an import, say), so that no reader waits for it;
    each in its own short transaction, so that indexing is never kept waiting long. Returns how
    many bitmaps and lists were made (one met while a transaction indexes is left to its search)."""
    with connection.cursor() as cursor:
        # Stale: made before the FRESH + 1 newest rows of the index (see _fresh).
        cursor.execute(f"SELECT generation FROM {postgres.LEXEMES} ORDER BY generation DESC OFFSET %s LIMIT 1",  # nosec B608 # identifiers are code constants; values are bound parameters
                       [FRESH])
        row = cursor.fetchone()
        if row is None:
            return 0, 0
        cursor.execute(f"SELECT form FROM {BITMAPS} WHERE generation < %s", row)  # nosec B608 # identifiers are code constants; values are bound parameters
        forms = [form for (form,) in cursor.fetchall()]
        cursor.execute(f"SELECT lexeme FROM {LISTS} WHERE generation < %s", row)  # nosec B608 # identifiers are code constants; values are bound parameters
        lexemes = [lexeme for (lexeme,) in cursor.fetchall()]
    bitmaps = sum(_keep_bitmap(form) for form in forms)
    lists = 0
    for lexeme in lexemes:
        with _searching() as cursor:
            lists += _make_lists(cursor, [lexeme])
    return bitmaps, lists
