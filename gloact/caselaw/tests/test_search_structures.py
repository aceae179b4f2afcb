"""The in-memory search structures (search/bitsets.py, orders.py, ranking.py, similarity.py) give
the same pages and similar cases as a plain computation over the database, whichever path they
take (small or large sets, one or several batches of ranked matches)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from gloact.caselaw import selectors
from gloact.caselaw.models import Case, Proceeding
from gloact.caselaw.search import (CaseQuery, bitmaps, filtered_cases, orders, postgres, postgres_words, ranking,
                                   search_cases, sqlite_words)
from gloact.caselaw.search.bitmaps import ELEMENT_FIELDS
from gloact.caselaw.search.bitsets import bitmap, from_words, ids_of
from gloact.caselaw.search.index import backend, fetch
from gloact.caselaw.search.orders import NO_DATE

from .factories import make_case, make_proceeding, term

pytestmark = pytest.mark.django_db

# "recruited" is in half of the published cases and "victims -children" in two thirds: too common
# to rank (ranking.can_rank), they come by date; "children" (a third), "children -farms" (a sixth)
# and the OR are ranked.
QUERIES = [
    {"sort": "date"}, {"sort": "published"}, {"q": "recruited"}, {"q": "workers", "sort": "date"},
    {"q": "victims -children"}, {"crime": ["crime.trafficking_in_persons"], "sort": "published"},
    {"q": "recruited OR smuggled", "act": ["act.recruitment"]}, {"q": "children"},
    {"q": "children", "means": ["means.fraud"]}, {"q": "children -farms"},
]


def test_bitsets_round_trip():
    ids = [0, 1, 7, 8, 55, 56, 57, 1000, 3]
    assert ids_of(bitmap(ids)) == sorted(ids)
    assert ids_of(0) == [] and bitmap([]) == 0
    words = {}
    for i in ids:
        words[i // 56] = words.get(i // 56, 0) | 1 << (i % 56)
    assert from_words(words.items()) == bitmap(ids)


@pytest.fixture
def corpus():
    """24 published cases and a draft, in five jurisdictions of four regions, with overlapping
    terms, ties on decision dates and publication times, and cases without a dated ruling."""
    countries = ["MLI", "NER", "FRA", "USA", "THA"]
    acts, means = ["act.recruitment", "act.transfer", "act.harbouring"], ["means.deception", "means.fraud"]
    published_at = timezone.now()
    for n in range(25):
        case = make_case(
            countries[n % 5], title=f"Synthetic case {n}", published_at=published_at - timedelta(days=n % 4),
            status=Case.Status.PUBLISHED if n else Case.Status.DRAFT,
            summary=("Workers were recruited on farms" if n % 2 else "Migrants were smuggled, workers paid")
            + (" and the victims were children." if n % 3 == 0 else " by the victims' employer."),
        )
        case.crime_types.add(term("crime.trafficking_in_persons"))
        case.tip_acts.add(*[term(code) for code in acts[: 1 + n % 3]])
        case.tip_means.add(term(means[n % 2]))
        if n % 5:
            make_proceeding(case, date=date(2010 + n % 3, 1, 1))


def expected_order(query: CaseQuery) -> list[int]:
    """The reference order, computed from the database alone."""
    sort = query.effective_sort
    cases = list(filtered_cases(query).values_list("pk", "published_at"))
    decided = dict(Proceeding.objects.filter(is_latest=True, date__isnull=False).values_list("case_id", "date"))
    if sort == "published":
        return [pk for pk, _at in sorted(cases, key=lambda row: (row[1], row[0]), reverse=True)]
    relevance = {}
    text_matches = filtered_cases(CaseQuery(text=query.text)).count()
    if sort == "relevance" and "OR" not in query.text and 2 * text_matches >= Case.objects.published().count():
        sort = "date"
    if sort == "relevance":
        sql, params = backend().ranked_sql(query.text_query, 1_000_000)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            relevance = dict(cursor.fetchall())
    return [pk for pk, _at in sorted(
        cases, key=lambda row: (relevance.get(row[0], 0), decided.get(row[0], NO_DATE), row[0]), reverse=True)]


def all_pages(query: CaseQuery) -> list[int]:
    seen, cursor = [], None
    while True:
        page = search_cases(query, "en", limit=3, cursor=cursor)
        seen += [hit.case.pk for hit in page.hits]
        cursor = page.next_cursor
        if not cursor:
            assert page.total == len(seen)
            return seen


def test_pages_follow_the_reference_order(corpus, monkeypatch):
    # Each path: small sets sorted or the order walked; ranked matches in one batch or several;
    # on PostgreSQL, the cases to rank scanned or fetched by id, and first from per-word lists of
    # the best, long enough for every match or so short that the page needs the full ranking, and
    # the bitmaps of the words kept or not; on SQLite, ranked from the relevance kept per word,
    # handing over every match or too few for a page, or by FTS5.
    for small_set, first_batch, margin, listed in [(0, 1, 0.0, 2), (100_000, 32, 1.5, 500), (0, 32, 1.5, 500),
                                                   (100_000, 1, 0.0, 2), (0, 1, 0.0, 6)]:
        monkeypatch.setattr(orders, "_SMALL_SET", small_set)
        monkeypatch.setattr(ranking, "_FIRST_BATCH", first_batch)
        monkeypatch.setattr(ranking, "_MARGIN", margin)
        monkeypatch.setattr(postgres, "FEW_TO_RANK", small_set)
        monkeypatch.setattr(postgres_words, "LEADERS", listed)
        monkeypatch.setattr(postgres_words, "KEEP_FROM", small_set)
        monkeypatch.setattr(sqlite_words, "FEW_TO_RANK", small_set)
        monkeypatch.setattr(sqlite_words, "ROWS", listed)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for table in postgres_words.KEPT:  # lists as long as `listed`
                    cursor.execute(f"DELETE FROM {table}")  # nosec B608 # identifiers are code constants
        for params in QUERIES:
            query = CaseQuery.from_params(params)
            assert all_pages(query) == expected_order(query), (params, small_set, first_batch)
    assert len(expected_order(CaseQuery(sort="date"))) == 24
    assert search_cases(CaseQuery(text="recruited"), "en").sort == "date"
    assert search_cases(CaseQuery(text="children"), "en").sort == "relevance"


def test_a_search_keeps_to_a_range_of_case_ids(corpus):
    search, text = backend(), CaseQuery(text="victims").text_query
    everything = fetch(*search.ranked_sql(text, 100))
    ids = sorted(pk for pk, _relevance in everything)
    low, high = ids[3], ids[10]
    within = sorted(row for row in everything if low <= row[0] <= high)
    assert sorted(fetch(*search.ranked_sql(text, 100, ids=(low, high)))) == within
    at_most = within[3][1]
    assert sorted(fetch(*search.ranked_sql(text, 100, at_most, (low, high)))) == [
        row for row in within if row[1] <= at_most]


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="PostgreSQL ranks only the cases of the search; SQLite's FTS5 ranks from its index")
@pytest.mark.parametrize("few_to_rank", [0, 100_000])  # a scan testing each case's bit, or fetching by id
def test_postgres_ranks_the_cases_of_the_search_as_all_matches(corpus, monkeypatch, few_to_rank):
    monkeypatch.setattr(postgres, "FEW_TO_RANK", few_to_rank)
    text = CaseQuery(text="victims").text_query
    everything = fetch(*postgres.ranked_sql(text, 100))
    kept = everything[1::2]
    among = bitmap(pk for pk, _relevance in kept)
    assert sorted(fetch(*postgres.ranked_sql(text, 100, among=among))) == sorted(kept)
    at_most = kept[2][1]
    assert sorted(fetch(*postgres.ranked_sql(text, 100, at_most, among=among))) == sorted(
        row for row in kept if row[1] <= at_most)
    assert [row[1] for row in fetch(*postgres.ranked_sql(text, 3, among=among))] == [row[1] for row in kept[:3]]


@pytest.mark.django_db(transaction=True)  # the parts run on other connections: they must see the cases
def test_a_search_split_by_case_ids_follows_the_reference_order(monkeypatch, settings, request):
    if not backend().SPLIT_BY_ID:
        pytest.skip("this database runs a statement on several cores itself: a search is not split by case ids")
    request.addfinalizer(bitmaps.bump)  # later tests must not get these structures
    # A word in every third case, less often in each case than in the one before: the best matches
    # are all in the first part. A term on every other case, so that they may be filtered out.
    for n in range(72):
        case = make_case("MLI", title=f"Synthetic case {n}", status=Case.Status.PUBLISHED,
                         summary=" ".join(["trafficked"] * (72 - n) * (n % 3 == 0) + ["workers"] * 80))
        if n % 2:
            case.tip_acts.add(term("act.transfer"))
    settings.GLOACT_SEARCH_THREADS = 3
    monkeypatch.setattr(bitmaps, "CASES_PER_PART", 1)
    bitmaps.bump()
    id_ranges = bitmaps.current().id_ranges
    published = sorted(Case.objects.published().values_list("pk", flat=True))
    assert [[pk for pk in published if low <= pk <= high] for low, high in id_ranges] == [
        published[:24], published[24:48], published[48:]]
    assert id_ranges[0][0] == 0 and id_ranges[-1][1] == bitmaps.LAST_ID
    queries = [{"q": "trafficked"}, {"q": "trafficked", "act": ["act.transfer"]}, {"q": "trafficked OR smuggled"},
               {"q": "workers -trafficked"}, {"sort": "date"}]
    for first_batch, margin in [(32, 1.5), (1, 0.0)]:  # each part ranked in one batch, or in several
        monkeypatch.setattr(ranking, "_FIRST_BATCH", first_batch)
        monkeypatch.setattr(ranking, "_MARGIN", margin)
        for params in queries:
            query = CaseQuery.from_params(params)
            assert all_pages(query) == expected_order(query), (params, first_batch)


def reference_similar(case: Case, limit: int = 5) -> list[str]:
    """Similar cases counted term by term over every published case."""
    def terms(other):
        return {(name, term.pk) for name in ELEMENT_FIELDS for term in getattr(other, name).all()}

    def region(other):
        return other.jurisdiction.country.region_id if other.jurisdiction.country else None

    mine, scored = terms(case), []
    for other in Case.objects.published().exclude(pk=case.pk).select_related("jurisdiction__country"):
        shared = len(mine & terms(other))
        if shared:
            bonus = 2 if region(case) and region(other) == region(case) else 0
            scored.append((-(shared + bonus), -other.published_at.timestamp(), other.pk, other.public_id))
    return [row[3] for row in sorted(scored)[:limit]]


def test_similar_cases_equal_a_count_of_shared_terms(corpus):
    for case in Case.objects.published().order_by("pk")[:8]:
        similar = [c.public_id for c in selectors.similar_cases(case)]
        assert similar == reference_similar(case)
        assert len(similar) == 5
