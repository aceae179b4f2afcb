"""What SQLite keeps per word (search/sqlite_words.py) gives what FTS5 gives: the matches of a
search, and the relevance of every match, to the bit; made again once the index has changed, and within its
bound of memory."""

import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gloact.caselaw.models import Case
from gloact.caselaw.search import CaseQuery, sqlite, sqlite_words
from gloact.caselaw.search.bitsets import bitmap, ids_of
from gloact.caselaw.search.index import fetch

from .factories import make_case

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 relevance, kept per word"),
]


@pytest.fixture
def corpus(monkeypatch):
    """30 cases using "wages" and "passports" more or less often, in longer or shorter texts and
    titles."""
    monkeypatch.setattr(sqlite_words, "FEW_TO_RANK", 0)
    for n in range(30):
        make_case("MLI", title=f"Synthetic case {n}" + " wages" * (n % 4 == 0), status=Case.Status.PUBLISHED,
                  summary=" ".join(["wages"] * (n % 7) + ["passports"] * (n * 3 % 5) + ["workers"] * (n % 11 + 1)))


def text(words: str):
    return CaseQuery(text=words).text_query


def from_fts5(words: str) -> list[tuple[int, float]]:
    """Every match, best first, ranked by FTS5 itself."""
    return fetch(*sqlite.ranked_sql(text(words), 1_000))


def ranked(rows) -> list[tuple[int, float]]:
    return sorted(rows, key=lambda row: (-row[1], row[0]))


SEARCHES = ["wages", "wages OR passports", "wages passports", "workers -passports", '"wages passports"',
            "wages OR zeolithic", "passports OR wages OR passports", "workers OR wages OR passports"]


@pytest.mark.parametrize("words", SEARCHES)
def test_the_kept_relevance_is_fts5s_own(corpus, words):
    expected = from_fts5(words)
    matches = bitmap(pk for pk, _relevance in expected)
    assert not sqlite_words._kept
    assert sqlite_words.matches_of(text(words)) == matches  # read from FTS5, then kept
    with CaptureQueriesContext(connection) as queries:
        assert sqlite_words.matches_of(text(words)) == matches
    assert not [query for query in queries if "MATCH" in query["sql"]]
    for _made_then_kept in range(2):
        rows, bound = sqlite_words.best_of(text(words), matches)
        assert bound == -math.inf  # fewer matches than ROWS: all of them
        assert ranked(rows) == ranked(expected)  # the same doubles, not close ones
    assert sqlite_words.matches_of(text(words)) == matches


def test_the_best_few_and_the_bound_of_the_rest(corpus, monkeypatch):
    monkeypatch.setattr(sqlite_words, "ROWS", 5)
    expected = ranked(from_fts5("wages OR passports"))
    rows, bound = sqlite_words.best_of(text("wages OR passports"), bitmap(pk for pk, _relevance in expected))
    assert [row[1] for row in rows] == [row[1] for row in expected[:5]]
    assert bound == expected[5][1]
    # After a cursor: the best at or below its relevance; a selection of the matches: only those.
    at_most = expected[7][1]
    below = [row for row in expected if row[1] <= at_most]
    rows, bound = sqlite_words.best_of(text("wages OR passports"), bitmap(pk for pk, _relevance in expected), at_most)
    assert [row[1] for row in rows] == [row[1] for row in below[:5]] and bound == below[5][1]
    some = expected[::3]
    rows, _bound = sqlite_words.best_of(text("wages OR passports"), bitmap(pk for pk, _relevance in some))
    assert ranked(rows) == some[:5]


def test_arrays_are_made_again_when_the_index_changes(corpus):
    sqlite_words.best_of(text("wages OR passports"), bitmap(pk for pk, _relevance in from_fts5("wages OR passports")))
    # A new case changes every idf and the average length: what was kept is no longer used.
    new = make_case("MLI", title="Wages and passports", status=Case.Status.PUBLISHED, summary="wages passports wages")
    expected = from_fts5("wages OR passports")
    assert new.pk in ids_of(sqlite_words.matches_of(text("wages OR passports")))
    rows, _bound = sqlite_words.best_of(text("wages OR passports"), bitmap(pk for pk, _relevance in expected))
    assert ranked(rows) == ranked(expected)
    assert sqlite_words.matches_of(text("wages OR passports")) == bitmap(pk for pk, _relevance in expected)


def test_the_least_recently_used_arrays_go_first(corpus, monkeypatch):
    sizes = {word: len(from_fts5(word)) for word in ("wages", "passports", "workers")}
    monkeypatch.setattr(sqlite_words, "KEPT_ENTRIES", sizes["wages"] + sizes["workers"])
    for word in ("wages", "passports", "wages", "workers"):
        sqlite_words.best_of(text(word), bitmap(pk for pk, _relevance in from_fts5(word)))
    assert list(sqlite_words._kept) == [("wages",), ("workers",)]
