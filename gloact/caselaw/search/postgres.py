"""PostgreSQL backend: table `caselaw_case_search` (case_id, document tsvector) with a GIN index,
created by migration 0004.

The document joins one 'simple' vector of every text (exact words, any language) with one vector
per text language in its own configuration (english, french, spanish, russian, portuguese), so
stemming follows the language of each text and its translations. Arabic and Chinese texts are in
the 'simple' vector only. A query is run against 'simple' and every language configuration
(websearch_to_tsquery, OR-ed together). Latin accents are folded in Python on both sides, as
SQLite's tokenizer does, so that both databases find the same cases.
"""

from django.db import connection

from .document import TITLE, Part, fold_diacritics
from .query import TextQuery

TABLE = "caselaw_case_search"
CONFIGS = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian", "pt": "portuguese"}
QUERY_CONFIGS = ("simple", *CONFIGS.values())


def _config(language: str) -> str:
    return CONFIGS.get((language or "").split("-")[0].lower(), "simple")


def websearch_text(query: TextQuery) -> str:
    """`query` in websearch_to_tsquery syntax."""

    def item(words):
        return fold_diacritics(words[0] if len(words) == 1 else '"' + " ".join(words) + '"')

    terms = [" or ".join(item(words) for words in group) for group in query.groups]
    terms += ["-" + item(words) for words in query.negated]
    return " ".join(terms)


def _tsquery(query: TextQuery) -> tuple[str, list]:
    text = websearch_text(query)
    sql = " || ".join(f"websearch_to_tsquery('{config}'::regconfig, %s)" for config in QUERY_CONFIGS)
    return f"({sql})", [text] * len(QUERY_CONFIGS)


def index(case_id: int, parts: list[Part]) -> None:
    vectors, params = [], []
    for part in parts:
        weight = "A" if part.kind == TITLE else "B"
        text = fold_diacritics(part.text)
        vectors.append(f"setweight(to_tsvector('simple'::regconfig, %s), '{weight}')")
        params.append(text)
        config = _config(part.language)
        if config != "simple":
            vectors.append(f"setweight(to_tsvector('{config}'::regconfig, %s), '{weight}')")
            params.append(text)
    document = " || ".join(vectors) or "''::tsvector"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (case_id, document) VALUES (%s, {document}) "  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
            "ON CONFLICT (case_id) DO UPDATE SET document = EXCLUDED.document",
            [case_id, *params],
        )


def remove(case_id: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE case_id = %s", [case_id])  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


def match_sql(query: TextQuery) -> tuple[str, list]:
    tsquery, params = _tsquery(query)
    return f"SELECT case_id FROM {TABLE} WHERE document @@ {tsquery}", params  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


def rank_sql(query: TextQuery, case_id_column: str) -> tuple[str, list]:
    tsquery, params = _tsquery(query)
    # float8: a real (float4) would come back rounded, and the cursor's "equal rank" test fail.
    return f"SELECT ts_rank(document, {tsquery})::float8 FROM {TABLE} WHERE case_id = {case_id_column}", params  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
