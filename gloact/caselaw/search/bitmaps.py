"""Precomputed search structures, kept in memory by each process: for every value of every facet,
the set of published cases having it, as a bitmap (a Python int whose bit n is case id n, see
bitsets.py); the sort orders of the published cases (orders.py); and for every element term of
the offences, the cases classified with it (for similar cases, similarity.py).

Counting a facet is then one AND and one bit count per value (microseconds) instead of one
GROUP BY over join tables per facet (hundreds of milliseconds at 100,000 cases): the database
is asked only for the ids matching the text, through the full-text index.

A search asks the database only for the cases matching its text (once per request), then takes
its counts, its total and its page from these structures.

The structures are built when a worker starts (gunicorn_hooks.py) and rebuilt (one query per
facet, order and element field) when the data they describe may have changed: any
save or delete of a case, person, proceeding, jurisdiction, term, country or region (the
labels of the values are kept with the bitmaps), any change of a case's terms or a
person's nationalities bumps a version token in the shared cache (again after commit, for the
other processes), and the highest id of the cases is checked on each use.
"""

import datetime
import threading
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, Max, Value
from django.db.models.signals import m2m_changed, post_delete, post_save

from gloact.core.models import Country, Region

from ..models import Case, Jurisdiction, Person, Proceeding, Term
from .bitsets import WORD_BITS, from_words, ids_of
from .facets import FACETS, Facet
from .index import backend, fetch
from .orders import NO_DATE, SortOrder, date_key, published_key
from .query import CaseQuery, TextQuery

# Classifications that make two cases "similar" (the elements of the offences), see similarity.py.
ELEMENT_FIELDS = ("tip_acts", "tip_means", "tip_purposes", "exploitation_sectors", "som_offences",
                  "som_aggravations", "som_modes", "crime_types")

VERSION_KEY = "caselaw:facet-bitmaps:version"


# A search is split by case ids only with at least this many published cases in each part: below,
# one statement takes a few milliseconds, and a thread would add more than it saves.
CASES_PER_PART = 10_000
LAST_ID = 2**63 - 1  # the highest id a database gives a case


def _matching(text_query: TextQuery) -> int:
    """The bitmap of the cases matching `text_query` (all, published or not; PostgreSQL's kept
    bitmaps may hold cases unpublished since), from what the backend keeps of its words, or built
    in the database where it keeps nothing for it (PostgreSQL: a group of stop words only)."""
    search = backend()
    matches = search.matches_of(text_query)
    if matches is None:
        matches = search.to_bitmap(fetch(*search.bitmap_sql(text_query)))
    return matches


def _id_ranges(published: int) -> list[tuple[int, int] | None]:
    """Ranges of case ids (first, last) that share the `published` cases equally, one for each part
    a text search's ranking is split into (where the backend splits, index.fetch_parts): one part per
    CASES_PER_PART cases, at most GLOACT_SEARCH_THREADS. The last range is open-ended, for cases
    published since. [None] (every id) when a search is not split."""
    count = published.bit_count()
    parts = min(settings.GLOACT_SEARCH_THREADS, count // CASES_PER_PART) if backend().SPLIT_BY_ID else 1
    if parts < 2:
        return [None]
    ids = ids_of(published)
    starts = [ids[count * part // parts] for part in range(1, parts)]
    return list(zip([0, *starts], [start - 1 for start in starts] + [LAST_ID], strict=True))


@dataclass
class FacetBitmaps:
    published: int
    values: dict[str, dict[str, int]]  # {facet name: {value as a parameter: bitmap of published cases}}
    orders: dict[str, SortOrder] = field(default_factory=dict)  # {"date" | "published": order}
    elements: dict[str, dict[int, int]] = field(default_factory=dict)  # {field: {term id: bitmap}}
    id_ranges: list[tuple[int, int] | None] = field(default_factory=lambda: [None])  # see _id_ranges
    _labels: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)

    def labels(self, facet: Facet, language: str) -> dict[str, str]:
        """facet.labels(language), kept with the bitmaps (the same changes make both out of date)."""
        key = (facet.name, language)
        if key not in self._labels:
            self._labels[key] = facet.labels(language)
        return self._labels[key]

    @classmethod
    def build(cls) -> "FacetBitmaps":
        published = _bitmaps_by_value(Case.objects.published().annotate(one=Value(1)), "pk", "one").get(1, 0)
        values = {}
        for facet in FACETS:
            groups: dict[str, int] = {}
            for value, bits in _bitmaps_by_value(facet.rows(), facet.case, "facet_value").items():
                key = facet.to_param(value)
                groups[key] = groups.get(key, 0) | bits
            values[facet.name] = {value: bits & published for value, bits in groups.items()}
        return cls(published, values, _orders(), _elements(published), _id_ranges(published))

    def text_bitmap(self, text_query: TextQuery) -> int:
        """Published cases matching the text part of a search (the same rules as filtering.py)."""
        if text_query.groups:
            return _matching(text_query) & self.published
        if text_query.negated:
            return self.published & ~_matching(TextQuery(groups=(text_query.negated,)))
        return self.published

    def selection(self, facet: Facet, query: CaseQuery) -> int | None:
        """Cases having any selected value of `facet` (None: the search selects none)."""
        masks = self.values[facet.name]
        if facet.is_range:
            if query.year_from is None and query.year_to is None:
                return None
            keys = [value for value in masks if (query.year_from is None or int(value) >= query.year_from)
                    and (query.year_to is None or int(value) <= query.year_to)]
        else:
            db_values = facet.to_db(query.selected(facet.name))
            if not db_values:
                return None
            keys = {facet.to_param(value) for value in db_values}
        mask = 0
        for key in keys:
            mask |= masks.get(key, 0)
        return mask

    def matching(self, query: CaseQuery, text_matches: int | None = None) -> int:
        """The published cases matching `query` (`text_matches`: its text_bitmap, if known)."""
        mask = self.text_bitmap(query.text_query) if text_matches is None else text_matches
        for facet in FACETS:
            selection = self.selection(facet, query)
            if selection is not None:
                mask &= selection
        return mask

    def counts(self, query: CaseQuery, facets: list[Facet],
               text_matches: int | None = None) -> tuple[int, dict[str, dict[str, int]]]:
        """(number of cases matching `query`, {facet: {value: count}}), each facet counted over the
        cases matching the text and every OTHER facet's selection (see counting.py).
        `text_matches`: the text_bitmap of the query, if known."""
        base = self.text_bitmap(query.text_query) if text_matches is None else text_matches
        selections = {facet.name: self.selection(facet, query) for facet in FACETS}

        def applied(exclude: str | None = None) -> int:
            mask = base
            for name, selection in selections.items():
                if selection is not None and name != exclude:
                    mask &= selection
            return mask

        everything = applied()
        result = {}
        for facet in facets:
            mask = applied(facet.name) if selections[facet.name] is not None else everything
            counts = {value: (mask & cases).bit_count() for value, cases in self.values[facet.name].items()}
            result[facet.name] = {value: n for value, n in counts.items() if n}
        return everything.bit_count(), result


@dataclass(frozen=True)
class TextMatches:
    """What a request takes once and shares between its page, its total and its facet counts:
    this process's structures (checked once, see current) and the published cases matching its
    text (matched once)."""

    structures: FacetBitmaps
    cases: int  # bitmap

    @classmethod
    def of(cls, text_query: TextQuery) -> "TextMatches":
        structures = current()
        return cls(structures, structures.text_bitmap(text_query))


def _orders() -> dict[str, SortOrder]:
    decided = dict(_raw_rows(Proceeding.objects.filter(is_latest=True, date__isnull=False, case__status=Case.Status.PUBLISHED)
                             .order_by().values_list("case_id", "date")))
    published = dict(_raw_rows(Case.objects.published().order_by().values_list("pk", "published_at")))
    return {
        "date": SortOrder.build({pk: _as_date(decided.get(pk, NO_DATE)) for pk in published}, date_key),
        "published": SortOrder.build({pk: _as_datetime(value) for pk, value in published.items()}, published_key),
    }


def _raw_rows(rows) -> list[tuple]:
    """The rows of a values_list queryset as the database driver returns them: the ORM's
    conversions, row by row, took most of the time of building the orders."""
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _as_date(value) -> datetime.date:
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _as_datetime(value) -> datetime.datetime | None:
    """A datetime from the database: SQLite gives naive UTC text."""
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    return value


def _elements(published: int) -> dict[str, dict[int, int]]:
    elements = {}
    for field_name in ELEMENT_FIELDS:
        through = Case._meta.get_field(field_name).remote_field.through
        by_term = _bitmaps_by_value(through.objects.all(), "case_id", "term_id")
        elements[field_name] = {term_id: bits & published for term_id, bits in by_term.items()}
    return elements


def _bitmaps_by_value(rows, case: str, value: str) -> dict:
    """{value: bitmap of the cases} from the rows of a queryset (`case`: the field holding the
    case id, `value`: the field or annotation holding the value). The database returns one
    56-bit word per value and 56 ids (bitsets.from_words), not one row per case: building the
    structures reads a few million rows at 100,000 cases."""
    pairs = rows.annotate(bitmap_case=F(case)).order_by().values_list("bitmap_case", value).distinct()
    sql, params = pairs.query.sql_with_params()
    bit = f"CAST(1 AS BIGINT) << CAST(bitmap_case %% {WORD_BITS} AS INTEGER)"
    grouped = f"SELECT {value}, bitmap_case / {WORD_BITS}, SUM({bit}) FROM ({sql}) AS pairs GROUP BY 1, 2"  # nosec B608 # identifiers are code constants; values are bound parameters
    words: dict = {}
    with connection.cursor() as cursor:
        cursor.execute(grouped, params)
        for found, number, word in cursor.fetchall():
            words.setdefault(found, []).append((number, word))
    return {found: from_words(pairs) for found, pairs in words.items()}


_lock = threading.Lock()
_current: tuple[tuple, FacetBitmaps] | None = None


def current() -> FacetBitmaps:
    """This process's bitmaps, rebuilt first if the data may have changed since they were built."""
    global _current
    # The highest case id (one step down an index) catches cases inserted without signals; a
    # count of the cases, a scan of the table at each request, cost more than the search.
    top = Case.objects.aggregate(top=Max("pk"))["top"]
    key = (cache.get(VERSION_KEY), connection.alias, top)
    with _lock:
        if _current is None or _current[0] != key:
            _current = (key, FacetBitmaps.build())
        return _current[1]


def bump(**_kwargs) -> None:
    """Mark the bitmaps of every process as out of date: now (for this transaction) and after
    the commit (so no other process rebuilds from data not yet committed and keeps it)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, None))


for _model in (Case, Person, Proceeding, Jurisdiction, Term, Country, Region):
    post_save.connect(bump, sender=_model, dispatch_uid=f"caselaw_bitmaps_{_model.__name__}_saved")
    post_delete.connect(bump, sender=_model, dispatch_uid=f"caselaw_bitmaps_{_model.__name__}_deleted")
for _through in {f.remote_field.through for f in Case._meta.many_to_many} | {Person.nationalities.through}:
    m2m_changed.connect(bump, sender=_through, dispatch_uid=f"caselaw_bitmaps_{_through.__name__}_changed")
