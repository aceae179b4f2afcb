"""Full-text and faceted search of published cases, in the database itself.

One small interface, two backends chosen by the database in use: SQLite FTS5 (sqlite.py) and
PostgreSQL full-text search with a GIN index (postgres.py). The index is written by signal
handlers in the same transaction as the data (signals.py), so the two can never drift.

- `CaseQuery.from_params(request.GET)`: a search from GET parameters, and back (`urlencode`).
- `search_cases(query, language, limit, cursor)` -> SearchResults: one page of hits with snippets.
- `facet_counts(query, language)`: counts of every facet (semantics in counting.py).
- Both work on in-memory structures of the published cases (bitmaps.py: facet bitmaps, sort
  orders, element terms for similar cases); the database is asked for the cases matching the text
  (once per request) and, by relevance, for the best ranked matches only (ranking.py).
- `filtered_cases(query)`: the same matches as a QuerySet (filtering.py), for other uses and tests.
- `index_case(case)`, `reindex_all()`: keep or rebuild the index.
- Facets are declared in facets.py.
"""

from .counting import FacetCounts, FacetValue, facet_counts
from .facets import FACETS, FACETS_BY_NAME, Facet
from .filtering import filtered_cases
from .index import index_case, reindex_all, remove_case
from .query import CaseQuery, TextQuery, parse_text
from .results import InvalidCursor, SearchHit, SearchResults, search_cases

__all__ = [
    "FACETS", "FACETS_BY_NAME", "CaseQuery", "Facet", "FacetCounts", "FacetValue", "InvalidCursor", "SearchHit",
    "SearchResults", "TextQuery", "facet_counts", "filtered_cases", "index_case", "parse_text", "reindex_all",
    "remove_case", "search_cases",
]
