"""Search (gloact/caselaw/search/): text matching, index upkeep, facets and pagination.

Every test states the exact result it expects, and `make test` runs this module on SQLite and on
PostgreSQL: passing on both shows that both databases give the same results for these queries."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection

from gloact.caselaw.demo import load as load_demo
from gloact.caselaw.models import Case, CaseTranslation, Person, Source
from gloact.caselaw.search import (
    FACETS, FACETS_BY_NAME, CaseQuery, InvalidCursor, bitmaps, facet_counts, filtered_cases, parse_text, search_cases,
)
from gloact.caselaw.search.bitsets import ids_of
from gloact.caselaw.search.document import document_parts
from gloact.caselaw.search.highlight import highlight, snippet
from gloact.caselaw.search.index import backend, fetch, index_case
from gloact.caselaw.search import postgres_words
from gloact.caselaw.search.postgres import _has_phrase
from gloact.core.models import Country

from .factories import make_case, make_person, make_proceeding, term

pytestmark = pytest.mark.django_db


def build_corpus() -> dict[str, Case]:
    """Five small cases (four published, one draft) exercising texts, languages and facets."""
    mali = make_case(
        "MLI", title="Restaurant workers", status=Case.Status.PUBLISHED, is_landmark=True,
        tip_scope=Case.Scope.TRANSNATIONAL,
        summary="The defendant recruited two women with false promises of work in a restaurant.",
    )
    mali.crime_types.add(term("crime.trafficking_in_persons"))
    mali.tip_acts.add(term("act.recruitment"))
    mali.tip_means.add(term("means.deception"))
    mali.tip_purposes.add(term("purpose.forced_labour"))
    mali.legal_articles.add(term("tip.art3"))
    make_proceeding(mali, date=datetime.date(2019, 3, 1), outcome="conviction")
    victim = make_person(mali, Person.Role.VICTIM, real_name="Synthetic Person Q77", sex="female", age=30)
    victim.nationalities.add(Country.objects.get(iso3="NER"))
    make_person(mali, Person.Role.DEFENDANT, real_name="Synthetic Person Q78", sex="male", age=45)

    niger = make_case(
        "NER", title="Desert crossing", status=Case.Status.PUBLISHED,
        summary="Smugglers organised the crossing of the desert in an overcrowded truck.",
        reasoning="The recruitment of drivers was part of the scheme.",
    )
    niger.crime_types.add(term("crime.smuggling_of_migrants"))
    niger.som_aggravations.add(term("aggravation.endangering_lives"))
    niger.legal_articles.add(term("som.art6"))
    make_proceeding(niger, order=0, date=datetime.date(2020, 5, 1), outcome="conviction")
    make_proceeding(niger, order=1, court_level="appeal", date=datetime.date(2021, 6, 1), outcome="appeal_dismissed")
    make_person(niger, Person.Role.DEFENDANT, sex="female", age=38)

    france = make_case(
        "FRA", title="Affaire de traite", status=Case.Status.PUBLISHED, original_language="fr",
        tip_scope=Case.Scope.DOMESTIC,
        summary="Le prévenu a recruté des victimes pour l'exploitation sexuelle.",
    )
    france.crime_types.add(term("crime.trafficking_in_persons"))
    france.tip_acts.add(term("act.transfer"))
    france.tip_purposes.add(term("purpose.sexual_exploitation"))
    france.legal_articles.add(term("tip.art3"))
    make_proceeding(france, date=datetime.date(2015, 9, 1), outcome="acquittal")
    child = make_person(france, Person.Role.VICTIM, real_name="Synthetic Person Q79", sex="female", age=15)
    child.nationalities.add(Country.objects.get(iso3="ROU"))
    CaseTranslation.objects.create(
        case=france, language="en", title="Trafficking case",
        summary="The defendant recruited victims for sexual exploitation, a child among them.",
    )

    south_africa = make_case(
        "ZAF", title="Farm labour", status=Case.Status.PUBLISHED,
        summary="Workers were kept on farms.", reasoning="The court described it as forced labour on farms.",
    )
    south_africa.crime_types.add(term("crime.trafficking_in_persons"))
    south_africa.tip_purposes.add(term("purpose.forced_labour"))
    make_proceeding(south_africa, date=datetime.date(2021, 1, 10), outcome="conviction")
    make_person(south_africa, Person.Role.VICTIM, real_name="Secretname Zebedee", sex="male", age=33)
    # The public redacted text is derived from the extracted text (privacy.redaction), the name
    # replaced by the victim's pseudonym.
    Source.objects.create(
        case=south_africa, kind=Source.Kind.DECISION, language="en",
        extracted_text="Judgment on the recruitment agency that exploited Secretname Zebedee.",
    )

    draft = make_case("BRA", title="Draft case", summary="The defendant recruited workers for forced labour.")
    draft.crime_types.add(term("crime.trafficking_in_persons"))
    make_proceeding(draft, date=datetime.date(2022, 1, 1))
    return {"mali": mali, "niger": niger, "france": france, "south_africa": south_africa, "draft": draft}


@pytest.fixture
def corpus(monkeypatch):
    # On PostgreSQL every form's bitmap is kept (postgres_words.py): found() compares the searches
    # combining them, corrected for the cases indexed since, with the SQL of filtering.py.
    monkeypatch.setattr(postgres_words, "KEEP_FROM", 0)
    return build_corpus()


def found(text="", **params) -> set[str]:
    """Public ids of the cases matching a search, by both of its paths, which must agree: the
    queryset (filtering.py: feeds, exports) and the bitmaps (bitmaps.py: search pages, API)."""
    query = CaseQuery.from_params({"q": text, **params})
    cases = dict(filtered_cases(query).values_list("pk", "public_id"))
    structures = bitmaps.current()
    assert ids_of(structures.matching(query, structures.text_bitmap(query.text_query))) == sorted(cases)
    return set(cases.values())


def ids(corpus, *names) -> set[str]:
    return {corpus[name].public_id for name in names}


# --- Text queries -----------------------------------------------------------------------------
def test_parse_text():
    parsed = parse_text('recruited "forced labour" -child Mali OR Niger')
    assert parsed.groups == ((("recruited",),), (("forced", "labour"),), (("Mali",), ("Niger",)))
    assert parsed.negated == (("child",),)
    assert parse_text('"  " -').groups == ()


def test_stemming_finds_other_forms_of_an_english_word(corpus):
    # "recruitment" finds "recruited" (summary, English translation of a French case) and
    # "recruitment" (reasoning, redacted decision); never the unpublished draft.
    assert found("recruitment") == ids(corpus, "mali", "niger", "france", "south_africa")
    assert found("recruited") == found("recruitment")


def test_accents_are_ignored(corpus):
    assert found("prevenu recrute") == ids(corpus, "france")


def test_phrase_query(corpus):
    assert found('"forced labour"') == ids(corpus, "south_africa")
    assert found('"labour forced"') == set()
    assert found("forced labour") == ids(corpus, "south_africa")


def test_a_phrase_keeps_its_stop_words(corpus):
    # Niger: "the crossing of the desert". PostgreSQL's built-in English configuration drops stop
    # words, so its phrase was 'cross' <3> 'desert' and also found "crossing in the desert";
    # SQLite never did. Its configurations now keep them (migration 0011).
    assert found('"crossings of the desert"') == ids(corpus, "niger")
    assert found('"crossing in the desert"') == set()
    assert found("of the") == ids(corpus, "mali", "niger")


def test_exclusion_and_alternatives(corpus):
    assert found("recruited -truck") == ids(corpus, "mali", "france", "south_africa")
    assert found("-recruitment") == set()
    assert found("restaurant OR truck") == ids(corpus, "mali", "niger")
    assert found("restaurant truck") == set()


def test_a_phrase_is_told_from_its_words_by_the_operators_outside_quoted_lexemes():
    # On PostgreSQL, the bitmap of a query without a phrase comes from the vectors without positions.
    assert _has_phrase("'forced' <-> 'labour'") and _has_phrase("'a' & ( 'b' <2> 'c' )")
    assert not _has_phrase("( 'forced' | 'forc' ) & 'labour'")
    assert not _has_phrase(r"'a<->b' & 'it''s' | !'c\\' & 'd\'<->e'")


def test_an_alternative_binds_tighter_than_the_words_around_it(corpus):
    # "a OR b c" is (a or b) and c on both databases; PostgreSQL's websearch syntax, given the
    # whole text, read it as a or (b and c) and found the Mali case through "restaurant" alone.
    assert found("restaurant OR truck crossing") == ids(corpus, "niger")
    assert found("crossing restaurant OR truck") == ids(corpus, "niger")


def test_an_excluded_word_keeps_out_every_case_with_it(corpus):
    # PostgreSQL stems "children" as "childr" in Spanish, a form no English text holds: excluded
    # only form by form, the case came back through that form. The page and the API as well.
    children = make_case("MLI", title="Children at work", status=Case.Status.PUBLISHED,
                         summary="The defendant recruited children.")
    everyone = ids(corpus, "mali", "niger", "france", "south_africa")
    assert found("recruited -children") == everyone
    assert found("recruited") == everyone | {children.public_id}
    page = search_cases(CaseQuery(text="recruited -children"), "en")
    assert {hit.case.public_id for hit in page.hits} == everyone and page.total == 4


def test_extracted_text_is_never_searched(corpus):
    source = corpus["south_africa"].sources.get()
    assert "Zebedee" not in source.redacted_text and "agency" in source.redacted_text
    # Even internal text that no redaction has seen yet stays out of the index.
    Source.objects.filter(pk=source.pk).update(extracted_text=source.extracted_text + " Unredactedword")
    index_case(corpus["south_africa"])
    assert found("Unredactedword") == set()
    assert found("Secretname") == set()
    assert found("Zebedee") == set()
    assert found("agency") == ids(corpus, "south_africa")


def test_unpublished_cases_never_appear(corpus):
    assert corpus["draft"].public_id not in found("")
    assert corpus["draft"].public_id not in found("workers")
    assert found("") == ids(corpus, "mali", "niger", "france", "south_africa")


def index_ids() -> set[int]:
    """The case ids in the search index (on PostgreSQL, in both of its tables, which must agree)."""
    search = backend()
    tables = [(search.TABLE, "rowid")] if connection.vendor == "sqlite" else [
        (search.TABLE, "case_id"), (search.LEXEMES, "case_id")]
    found = []
    with connection.cursor() as cursor:
        for table, column in tables:
            cursor.execute(f"SELECT {column} FROM {table}")
            found.append({row[0] for row in cursor.fetchall()})
    assert all(ids == found[0] for ids in found)
    return found[0]


def test_index_follows_publication_and_texts(corpus):
    mali, draft = corpus["mali"], corpus["draft"]
    assert mali.pk in index_ids() and draft.pk not in index_ids()

    mali.status = Case.Status.WITHDRAWN
    mali.save()
    assert mali.pk not in index_ids()
    assert mali.public_id not in found("restaurant")

    draft.status = Case.Status.PUBLISHED
    draft.save()
    assert found("workers") == ids(corpus, "draft", "south_africa")

    CaseTranslation.objects.create(case=draft, language="fr", title="Brouillon", summary="Ouvriers agricoles exploités.")
    assert found("agricoles") == ids(corpus, "draft")
    draft.translations.all().delete()
    assert found("agricoles") == set()

    draft_pk = draft.pk
    draft.delete()
    assert draft_pk not in index_ids()


def test_reindex_cases_rebuilds_the_index_of_published_cases(corpus):
    # What migration 0011 runs, and operators after a restore: 500 cases a statement.
    published = {case.pk for case in corpus.values() if case.status == Case.Status.PUBLISHED}
    Case.objects.filter(pk=corpus["mali"].pk).update(title="Bakery workers")  # no signal: not indexed
    backend().clear()
    assert index_ids() == set() and found("restaurant") == set()
    out = io.StringIO()
    call_command("reindex_cases", "--quiet", stdout=out)
    assert "Indexed 4 published cases." in out.getvalue()
    assert index_ids() == published
    assert found("bakery") == found("restaurant") == ids(corpus, "mali")


def stored_documents() -> dict[int, tuple]:
    """The search index's rows: case id -> its indexed text (SQLite) or vector, and whether its
    lexemes row holds that vector without positions (PostgreSQL)."""
    search = backend()
    sql = (f"SELECT rowid, title, body FROM {search.TABLE}" if connection.vendor == "sqlite" else
           f"SELECT case_id, document::text, (SELECT lexemes = strip(document) FROM {search.LEXEMES} AS lexemes "
           f"WHERE lexemes.case_id = documents.case_id) FROM {search.TABLE} AS documents")
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {row[0]: row[1:] for row in cursor.fetchall()}


@pytest.mark.parametrize("statement_size", [1, 100_000])
def test_indexing_many_cases_at_once_stores_what_indexing_each_stores(corpus, monkeypatch, statement_size):
    one_by_one = stored_documents()
    assert len(one_by_one) == 4
    if connection.vendor == "postgresql":  # several statements (a case each), or one for all
        monkeypatch.setattr(backend(), "INDEX_PARAMETERS", statement_size)
    backend().clear()
    published = Case.objects.published().prefetch_related("translations", "proceedings", "sources")
    backend().index_many([(case.pk, document_parts(case)) for case in published])
    assert stored_documents() == one_by_one
    assert connection.vendor == "sqlite" or all(in_step for _vector, in_step in one_by_one.values())
    assert index_ids() == set(one_by_one)


def test_index_case_is_idempotent(corpus):
    index_case(corpus["mali"])
    index_case(corpus["mali"])
    assert found("restaurant") == ids(corpus, "mali")


# --- Snippets ---------------------------------------------------------------------------------
def test_snippet_is_escaped_and_marks_matches():
    text = 'Before <script>alert("x")</script> the victims were recruited & moved.'
    marked = highlight(text, ["recruitment"])
    assert "<script>" not in marked
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in marked
    assert "<mark>recruited</mark> &amp; moved" in marked


def test_snippet_shows_a_passage_around_the_match():
    long_text = "word " * 200 + "the recruitment of children " + "word " * 200
    passage = snippet(["unrelated", long_text], ["recruited"])
    assert passage.startswith("… ") and passage.endswith(" …")
    assert "<mark>recruitment</mark>" in passage
    assert len(passage) < 400


def test_search_results_snippets_are_html_safe(corpus):
    mali = corpus["mali"]
    mali.summary = 'The defendant <img src=x onerror=alert(1)> recruited two women.'
    mali.save()
    results = search_cases(CaseQuery(text="recruited"), "en")
    hit = next(hit for hit in results.hits if hit.case.pk == mali.pk)
    assert "<img" not in hit.snippet
    assert "&lt;img src=x onerror=alert(1)&gt;" in hit.snippet
    assert "<mark>recruited</mark>" in hit.snippet


def test_snippets_come_from_the_readers_language(corpus):
    results = search_cases(CaseQuery(text="recruited"), "en")
    hit = next(hit for hit in results.hits if hit.case.pk == corpus["france"].pk)
    assert hit.texts.title == "Trafficking case"
    assert "<mark>recruited</mark> victims" in hit.snippet


# --- Sorting and pagination -------------------------------------------------------------------
def test_sort_by_decision_date_uses_the_latest_ruling(corpus):
    results = search_cases(CaseQuery(sort="date"), "en")
    assert [hit.case.public_id for hit in results.hits] == [
        corpus[name].public_id for name in ("niger", "south_africa", "mali", "france")
    ]
    assert results.hits[0].decision_date == datetime.date(2021, 6, 1)


def test_relevance_sort_puts_title_matches_first(corpus):
    results = search_cases(CaseQuery(text="farm"), "en")
    assert results.sort == "relevance"
    assert results.hits[0].case.public_id == corpus["south_africa"].public_id


@pytest.mark.parametrize("text,sort", [("", "date"), ("", "published"), ("recruited", "relevance")])
def test_cursor_pages_cover_every_result_once(corpus, text, sort):
    query = CaseQuery(text=text, sort=sort)
    seen, cursor = [], None
    while True:
        page = search_cases(query, "en", limit=1, cursor=cursor)
        seen += [hit.case.public_id for hit in page.hits]
        cursor = page.next_cursor
        if not cursor:
            break
    everything = [hit.case.public_id for hit in search_cases(query, "en", limit=50).hits]
    assert seen == everything
    assert len(set(seen)) == len(seen) == page.total


def test_a_cursor_of_another_sort_is_refused(corpus):
    page = search_cases(CaseQuery(sort="date"), "en", limit=1)
    with pytest.raises(InvalidCursor):
        search_cases(CaseQuery(sort="published"), "en", cursor=page.next_cursor)
    with pytest.raises(InvalidCursor):
        search_cases(CaseQuery(sort="date"), "en", cursor="not-a-cursor")


# --- Facets -----------------------------------------------------------------------------------
def python_values(case: Case, facet: str) -> set[str]:
    """The values of `facet` for `case`, computed in Python from the objects (independently of
    the SQL in facets.py)."""
    latest = case.latest_proceeding
    persons = list(case.persons.all())
    victims = [p for p in persons if p.role == Person.Role.VICTIM]
    defendants = [p for p in persons if p.role == Person.Role.DEFENDANT]
    terms = {"crime": "crime_types", "act": "tip_acts", "means": "tip_means", "purpose": "tip_purposes",
             "sector": "exploitation_sectors", "aggravation": "som_aggravations", "article": "legal_articles"}
    if facet in terms:
        return {t.code for t in getattr(case, terms[facet]).all()}
    country = case.jurisdiction.country
    return {
        "region": {country.region_id} if country else set(),
        "jurisdiction": {case.jurisdiction.code},
        "year": {str(latest.date.year)} if latest and latest.date else set(),
        "court_level": {latest.court_level} if latest and latest.court_level else set(),
        "outcome": {latest.outcome} if latest and latest.outcome else set(),
        "scope": {case.tip_scope} - {""},
        "victim_sex": {p.sex for p in victims},
        "child_victims": {"yes" if any(p.is_child for p in victims) else "no"},
        "victim_nationality": {c.iso3 for p in victims for c in p.nationalities.all()},
        "defendant_sex": {p.sex for p in defendants},
        "landmark": {"yes" if case.is_landmark else "no"},
    }[facet]


def values_table() -> dict[str, dict[str, set[str]]]:
    """{public id: {facet: values}} of every published case."""
    cases = Case.objects.published().select_related("jurisdiction__country").prefetch_related(
        "crime_types", "tip_acts", "tip_means", "tip_purposes", "exploitation_sectors", "som_aggravations",
        "legal_articles", "proceedings", "persons__nationalities",
    )
    return {case.public_id: {f.name: python_values(case, f.name) for f in FACETS} for case in cases}


def python_matches(values: dict[str, set[str]], query: CaseQuery, exclude: str | None = None) -> bool:
    for name, selected in query.filters.items():
        if name != exclude and not values[name] & set(selected):
            return False
    if exclude != "year" and (query.year_from is not None or query.year_to is not None):
        years = [int(y) for y in values["year"]]
        if not any((query.year_from or 0) <= y <= (query.year_to or 9999) for y in years):
            return False
    return True


def text_matches(text: str) -> set[str]:
    return set(filtered_cases(CaseQuery(text=text)).values_list("public_id", flat=True))


def python_selection(table, query: CaseQuery, exclude: str | None = None) -> set[str]:
    return {pid for pid in text_matches(query.text) if python_matches(table[pid], query, exclude)}


def python_counts(table, query: CaseQuery, facet: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for pid in python_selection(table, query, exclude=facet):
        for value in table[pid][facet]:
            counts[value] = counts.get(value, 0) + 1
    return counts


def sql_counts(query: CaseQuery) -> dict[str, dict[str, int]]:
    return {f.name: {v.value: v.count for v in f.values if v.count} for f in facet_counts(query, "en")}


@pytest.fixture
def demo_cases(db):
    load_demo()
    return Case.objects.published()


QUERIES = [
    {},
    {"q": "recruited"},
    {"q": "smuggling", "crime": ["crime.smuggling_of_migrants"], "region": ["002"]},
    {"act": ["act.recruitment", "act.transfer"], "means": ["means.deception"], "child_victims": ["yes"]},
    {"q": "victims", "victim_sex": ["female"], "year_from": "2010", "year_to": "2020", "landmark": ["no"]},
    {"jurisdiction": ["MLI", "NER", "ECH"], "outcome": ["conviction", "appeal_allowed"], "scope": ["transnational"]},
]


def test_facets_and_filters_on_demo_cases_equal_independent_python(demo_cases):
    """On the 40 demo cases, for several searches: every facet's counts, and the cases selected,
    equal what Python computes from the objects."""
    table = values_table()
    for params in QUERIES:
        query = CaseQuery.from_params(params)
        counts = sql_counts(query)
        for facet in FACETS:
            assert counts[facet.name] == python_counts(table, query, facet.name), (params, facet.name)
        expected = python_selection(table, query)
        assert set(filtered_cases(query).values_list("public_id", flat=True)) == expected, params
        assert search_cases(query, "en", limit=100).total == len(expected)

    # Every facet combined with a text query (one test with the one above: loading the demo
    # cases is the slow part).
    text = "victims"
    all_counts = sql_counts(CaseQuery(text=text))
    for facet in FACETS:
        counts = all_counts[facet.name]
        assert counts, f"the demo data has no value of {facet.name} for '{text}'"
        value, count = sorted(counts.items())[0]
        params = {"q": text, "year_from": value, "year_to": value} if facet.is_range else {"q": text, facet.name: [value]}
        query = CaseQuery.from_params(params)
        selected = set(filtered_cases(query).values_list("public_id", flat=True))
        assert len(selected) == count, facet.name
        assert selected == python_selection(table, query), facet.name


def test_facet_semantics_or_within_and_across(corpus):
    # OR within a facet: recruitment or transfer.
    assert found(act=["act.recruitment", "act.transfer"]) == ids(corpus, "mali", "france")
    # AND across facets: ... and with child victims.
    assert found(act=["act.recruitment", "act.transfer"], child_victims=["yes"]) == ids(corpus, "france")
    # A facet's own counts ignore its own selection; other facets' counts follow it.
    counts = sql_counts(CaseQuery.from_params({"act": ["act.recruitment"]}))
    assert counts["act"] == {"act.recruitment": 1, "act.transfer": 1}
    assert counts["jurisdiction"] == {"MLI": 1}


def test_facet_labels_follow_the_language(corpus):
    facets = {f.name: f for f in facet_counts(CaseQuery(), "fr")}
    labels = {v.value: v.label for v in facets["act"].values}
    assert labels["act.recruitment"] == "Recrutement"
    assert {v.value for v in facets["child_victims"].values} == {"yes", "no"}


def test_selected_values_without_cases_stay_visible(corpus):
    facets = {f.name: f for f in facet_counts(CaseQuery.from_params({"q": "truck", "act": ["act.recruitment"]}), "en")}
    act = {v.value: (v.count, v.selected) for v in facets["act"].values}
    assert act == {"act.recruitment": (0, True)}


def test_query_round_trips_through_url_parameters():
    params = {"q": 'a "b c"', "act": ["act.recruitment", "act.transfer"], "year_from": "2010", "sort": "date",
              "unknown": ["x"], "year_to": "not a year"}
    query = CaseQuery.from_params(params)
    assert query.year_to is None and "unknown" not in query.filters
    again = CaseQuery.from_params({k: [v for kk, v in query.params() if kk == k] for k, _ in query.params()})
    assert again == query
    assert FACETS_BY_NAME["year"].is_range and "year" not in query.filters


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL storage setting; SQLite has no TOAST")
def test_postgres_search_vectors_stay_out_of_toast_uncompressed(corpus):
    # Ranking reads the vector of every match: fetching each from TOAST made it six times slower.
    # Compressing was tried on every vector over 2 KB, at a cost to imports, and seldom paid (0012).
    case = corpus["mali"]
    case.reasoning = " ".join(f"word{n} reasoning{n}" for n in range(220))  # a vector of 4 to 8 KB
    case.save()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_column_size(document), pg_column_compression(document) FROM caselaw_case_search "
                       "WHERE case_id = %s", [case.pk])
        size, compression = cursor.fetchone()
        assert 4000 < size < 8000 and compression is None
        cursor.execute("SELECT reltoastrelid::regclass::text FROM pg_class WHERE relname = 'caselaw_case_search'")
        toast = cursor.fetchone()[0]
        cursor.execute(f"SELECT COUNT(*) FROM {toast}")
        assert cursor.fetchone()[0] == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="planner settings of the PostgreSQL backend")
@pytest.mark.django_db(transaction=True)  # autocommit, as in a request: no test transaction around
def test_postgres_search_statements_run_with_their_planner_settings():
    # Only for the search statement's own transaction: other queries keep the server's settings.
    assert fetch("SELECT current_setting('parallel_setup_cost')", []) == [("100",)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('parallel_setup_cost')")
        assert cursor.fetchone()[0] == "1000"
