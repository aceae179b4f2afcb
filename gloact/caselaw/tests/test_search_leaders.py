"""PostgreSQL's per-word lists of the best cases (search/leaders.py) give the ranking of every
match: the cases above their bound are the best, in order, however the lists were made and
whatever was indexed since."""

import threading

import pytest
from django.db import connection, connections, transaction

from gloact.caselaw.models import Case
from gloact.caselaw.search import CaseQuery, leaders, postgres
from gloact.caselaw.search.bitsets import bitmap
from gloact.caselaw.search.index import fetch

from .factories import make_case

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="per-word lists rank PostgreSQL's matches only"),
]


@pytest.fixture
def corpus(monkeypatch):
    """30 cases using "wages" and "passports" more or less often, in longer or shorter texts."""
    monkeypatch.setattr(postgres, "FEW_TO_RANK", 0)
    monkeypatch.setattr(leaders, "LEADERS", 8)
    for n in range(30):
        make_case("MLI", title=f"Synthetic case {n}", status=Case.Status.PUBLISHED,
                  summary=" ".join(["wages"] * (n % 7) + ["passports"] * (n * 3 % 5) + ["workers"] * (n % 11 + 1)))
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {leaders.LISTS}")  # nosec B608 # made again from these cases


def text(words: str):
    return CaseQuery(text=words).text_query


def every_match(words: str) -> list[tuple[int, float]]:
    return fetch(*postgres.ranked_sql(text(words), 1_000))


def best_listed(words: str, matches: int) -> list[tuple[int, float]]:
    """The cases above the bound of the lists, best first."""
    rows, bound = leaders.best_of(text(words), matches)
    return sorted((row for row in rows if row[1] > bound), key=lambda row: (-row[1], row[0]))


def all_of(rows) -> int:
    return bitmap(pk for pk, _relevance in rows)


def test_an_or_of_lexemes_ranks_as_the_mean_of_their_ranks(corpus):
    rank = postgres._tsqueries(text("wages OR passports"))[1]
    lexemes = leaders.lexemes_of(rank)
    assert len(lexemes) >= 2
    each = [dict(fetch(f"SELECT case_id, {postgres.RELEVANCE} FROM {postgres.TABLE}", [lexeme])) for lexeme in lexemes]  # nosec B608
    for pk, relevance in every_match("wages OR passports"):
        assert sum(ranks[pk] for ranks in each) / len(each) == pytest.approx(relevance, rel=leaders._MARGIN)
    assert leaders.lexemes_of("( 'wage' | 'wages' ) & ( 'passport' )") is None
    assert leaders.lexemes_of("'debt' <-> 'bondag'") is None


@pytest.mark.parametrize("words", ["wages", "wages OR passports", "wages passports", "workers -passports"])
def test_the_cases_above_the_bound_are_the_best_of_every_match(corpus, words):
    ranked = every_match(words)
    listed = best_listed(words, all_of(ranked))
    assert listed, "the lists found nothing above their bound"
    assert len(listed) < len(ranked)  # the rest were not ranked
    assert listed == sorted(ranked, key=lambda row: (-row[1], row[0]))[:len(listed)]
    # The facets' share of the matches: the best of what they keep.
    kept = ranked[1::2]
    listed = best_listed(words, all_of(kept))
    assert listed == sorted(kept, key=lambda row: (-row[1], row[0]))[:len(listed)]


def test_a_case_indexed_after_the_lists_ranks_where_it_belongs(corpus):
    best_listed("wages", all_of(every_match("wages")))  # the lists are made
    newcomer = make_case("MLI", title="Wages", status=Case.Status.PUBLISHED, summary="wages wages wages")
    ranked = every_match("wages")
    assert ranked[0][0] == newcomer.pk
    assert best_listed("wages", all_of(ranked))[0][0] == newcomer.pk


def test_lists_are_made_again_when_many_cases_were_indexed_since(corpus, monkeypatch):
    best_listed("wages", all_of(every_match("wages")))
    before = fetch(f"SELECT generation FROM {leaders.LISTS}", [])  # nosec B608
    monkeypatch.setattr(leaders, "FRESH", 0)
    make_case("MLI", title="Wages", status=Case.Status.PUBLISHED, summary="wages")
    ranked = every_match("wages")
    listed = best_listed("wages", all_of(ranked))
    assert listed and listed == sorted(ranked, key=lambda row: (-row[1], row[0]))[:len(listed)]
    after = fetch(f"SELECT generation FROM {leaders.LISTS}", [])  # nosec B608
    assert len(after) == len(before) and min(after) > max(before)


@pytest.mark.django_db(transaction=True)  # another connection indexes
def test_no_list_is_made_while_another_transaction_indexes(corpus):
    indexing, done = threading.Event(), threading.Event()

    def index_a_case():
        with transaction.atomic():
            make_case("MLI", title="Wages", status=Case.Status.PUBLISHED, summary="wages wages")
            indexing.set()
            done.wait(10)
        connections.close_all()

    other = threading.Thread(target=index_a_case)
    other.start()
    try:
        assert indexing.wait(10)
        assert leaders.best_of(text("wages"), all_of(every_match("wages"))) is None
        assert fetch(f"SELECT count(*) FROM {leaders.LISTS}", []) == [(0,)]  # nosec B608
    finally:
        done.set()
        other.join()
    assert best_listed("wages", all_of(every_match("wages")))
