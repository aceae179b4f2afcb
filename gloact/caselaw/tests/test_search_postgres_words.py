"""What PostgreSQL keeps per word (search/postgres_words.py) gives what the index gives: the kept
bitmaps of words, the matches of a search; the lists of the best cases, the best of every match
(the cases above their bound, in order); however they were made and whatever was indexed since."""

import threading

import orjson
import pytest
from django.db import connection, connections, transaction

from gloact.caselaw.models import Case
from gloact.caselaw.search import CaseQuery, postgres, postgres_words
from gloact.caselaw.search.bitsets import bitmap, from_words, ids_of
from gloact.caselaw.search.index import fetch

from .factories import make_case

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="PostgreSQL keeps these per word (SQLite: test_search_sqlite_words.py)"),
]


@pytest.fixture
def corpus(monkeypatch):
    """30 cases using "wages" and "passports" more or less often, in longer or shorter texts; the
    bitmaps of words in more than 5 are kept, and lists of the 8 best cases."""
    monkeypatch.setattr(postgres, "FEW_TO_RANK", 0)
    monkeypatch.setattr(postgres_words, "LEADERS", 8)
    monkeypatch.setattr(postgres_words, "KEEP_FROM", 5)
    for n in range(30):
        make_case("MLI", title=f"Synthetic case {n}", status=Case.Status.PUBLISHED,
                  summary=" ".join(["wages"] * (n % 7) + ["passports"] * (n * 3 % 5) + ["workers"] * (n % 11 + 1)))
    with connection.cursor() as cursor:
        for table in postgres_words.KEPT:  # made again from these cases
            cursor.execute(f"DELETE FROM {table}")  # nosec B608 # identifiers are code constants


def text(words: str):
    return CaseQuery(text=words).text_query


def every_match(words: str) -> list[tuple[int, float]]:
    return fetch(*postgres.ranked_sql(text(words), 1_000))


def best_listed(words: str, matches: int) -> list[tuple[int, float]]:
    """The cases above the bound of the lists, best first."""
    rows, bound = postgres_words.best_of(text(words), matches)
    return sorted((row for row in rows if row[1] > bound), key=lambda row: (-row[1], row[0]))


def all_of(rows) -> int:
    return bitmap(pk for pk, _relevance in rows)


def from_the_index(words: str) -> list[int]:
    return ids_of(from_words(fetch(*postgres.bitmap_sql(text(words)))))


def kept() -> dict[str, int]:
    """The kept bitmaps: form -> generation."""
    return dict(fetch(f"SELECT form, generation FROM {postgres_words.BITMAPS}", []))  # nosec B608


SEARCHES = ["wages", "wages OR passports", "wages passports", "workers -passports", '"wages passports"',
            "wages OR zeolithic", "zeolithic"]


@pytest.mark.parametrize("words", SEARCHES)
def test_the_kept_bitmaps_of_words_give_the_matches_of_a_search(corpus, words):
    expected = from_the_index(words)
    assert ids_of(postgres_words.matches_of(text(words))) == expected
    assert ids_of(postgres_words.matches_of(text(words))) == expected  # from what was kept
    # The bitmaps of the forms in more than KEEP_FROM cases, and only those, are kept.
    assert bool(kept()) == (words != "zeolithic")
    assert all(from_words(fetch(*postgres.tsquery_bitmap_sql(form))).bit_count() > 5 for form in kept())


def test_the_kept_bitmaps_follow_the_cases_indexed_since(corpus):
    before = from_the_index("wages -passports")
    assert ids_of(postgres_words.matches_of(text("wages -passports"))) == before
    generations = kept()
    dropped, added = Case.objects.get(pk=before[0]), Case.objects.exclude(pk__in=before).first()
    dropped.summary = "workers"
    dropped.save()
    added.summary = "wages"
    added.save()
    after = from_the_index("wages -passports")
    assert after != before and added.pk in after and dropped.pk not in after
    assert ids_of(postgres_words.matches_of(text("wages -passports"))) == after
    assert kept() == generations  # corrected, not made again


def test_the_kept_bitmaps_are_made_again_when_many_cases_were_indexed_since(corpus, monkeypatch):
    postgres_words.matches_of(text("wages"))
    generations = kept()
    monkeypatch.setattr(postgres_words, "FRESH", 0)
    make_case("MLI", title="Wages", status=Case.Status.PUBLISHED, summary="wages")
    assert ids_of(postgres_words.matches_of(text("wages"))) == from_the_index("wages")
    assert kept().keys() == generations.keys() and min(kept().values()) > max(generations.values())


def test_an_or_of_lexemes_ranks_as_the_mean_of_their_ranks(corpus):
    rank = postgres._tsqueries(text("wages OR passports"))[1]
    lexemes = postgres_words.lexemes_of(rank)
    assert len(lexemes) >= 2
    each = [dict(fetch(f"SELECT case_id, {postgres.RELEVANCE} FROM {postgres.TABLE}", [lexeme])) for lexeme in lexemes]  # nosec B608
    for pk, relevance in every_match("wages OR passports"):
        assert sum(ranks[pk] for ranks in each) / len(each) == pytest.approx(relevance, rel=postgres_words._MARGIN)
    assert postgres_words.lexemes_of("( 'wage' | 'wages' ) & ( 'passport' )") is None
    assert postgres_words.lexemes_of("'debt' <-> 'bondag'") is None


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
    edited = Case.objects.get(pk=ranked[-1][0])  # the last, now the first
    edited.title, edited.summary = "Wages wages", "wages"
    edited.save()
    ranked = every_match("wages")
    assert ranked[0][0] == edited.pk
    assert best_listed("wages", all_of(ranked))[0][0] == edited.pk


def test_lists_are_made_again_when_many_cases_were_indexed_since(corpus, monkeypatch):
    best_listed("wages", all_of(every_match("wages")))
    before = fetch(f"SELECT generation FROM {postgres_words.LISTS}", [])  # nosec B608
    monkeypatch.setattr(postgres_words, "FRESH", 0)
    make_case("MLI", title="Wages", status=Case.Status.PUBLISHED, summary="wages")
    ranked = every_match("wages")
    listed = best_listed("wages", all_of(ranked))
    assert listed and listed == sorted(ranked, key=lambda row: (-row[1], row[0]))[:len(listed)]
    after = fetch(f"SELECT generation FROM {postgres_words.LISTS}", [])  # nosec B608
    assert len(after) == len(before) and min(after) > max(before)


def test_after_an_import_the_stale_bitmaps_and_lists_are_made_again_ahead_of_searches(corpus, monkeypatch):
    postgres_words.matches_of(text("wages OR passports"))
    best_listed("wages OR passports", all_of(every_match("wages OR passports")))
    lists = dict(fetch(f"SELECT lexeme, generation FROM {postgres_words.LISTS}", []))  # nosec B608
    bitmaps = kept()
    assert postgres_words.refresh() == (0, 0)  # nothing indexed since
    monkeypatch.setattr(postgres_words, "FRESH", 1)
    make_case("MLI", title="Wages", status=Case.Status.PUBLISHED, summary="wages passports")
    assert postgres_words.refresh() == (0, 0)  # one case since: the searches check it
    make_case("MLI", title="Passports", status=Case.Status.PUBLISHED, summary="passports")
    assert postgres_words.refresh() == (len(bitmaps), len(lists))
    newest = fetch(f"SELECT max(generation) FROM {postgres.LEXEMES}", [])[0][0]  # nosec B608
    assert set(kept().values()) == {newest}
    assert set(dict(fetch(f"SELECT lexeme, generation FROM {postgres_words.LISTS}", [])).values()) == {newest}  # nosec B608
    # What the searches then read is what the index gives.
    assert ids_of(postgres_words.matches_of(text("wages OR passports"))) == from_the_index("wages OR passports")
    ranked = every_match("wages OR passports")
    listed = best_listed("wages OR passports", all_of(ranked))
    assert listed and listed == sorted(ranked, key=lambda row: (-row[1], row[0]))[:len(listed)]


def test_an_import_refreshes_the_kept_words_once_it_commits(tmp_path, django_capture_on_commit_callbacks):
    from gloact.caselaw.bulk.export import iter_case_records
    from gloact.caselaw.bulk.importer import import_cases
    from gloact.caselaw.tasks import refresh_search_words

    make_case("MLI", title="Synthetic case", status=Case.Status.PUBLISHED, summary="wages")
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(orjson.dumps({**record, "public_id": None}).decode() + "\n"
                            for record in iter_case_records()), encoding="utf-8")
    with django_capture_on_commit_callbacks() as callbacks:
        assert import_cases(str(path)).created == 1
    assert refresh_search_words in callbacks


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
        assert postgres_words.best_of(text("wages"), all_of(every_match("wages"))) is None
        assert ids_of(postgres_words.matches_of(text("wages"))) == from_the_index("wages")
        for table in postgres_words.KEPT:
            assert fetch(f"SELECT count(*) FROM {table}", []) == [(0,)]  # nosec B608
    finally:
        done.set()
        other.join()
    assert best_listed("wages", all_of(every_match("wages")))
    assert ids_of(postgres_words.matches_of(text("wages"))) == from_the_index("wages") and kept()
