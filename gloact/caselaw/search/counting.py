"""Facet counts ("disjunctive faceting"): the count shown beside a value is the number of cases
that would match if that value were added to the search, i.e. the cases matching the text and
every OTHER facet's selection, grouped by the facet's values. Selecting a value therefore never
changes the counts of the other values of the same facet, only those of other facets.

The counts come from precomputed bitmaps of the cases having each value (bitmaps.py): the
database is asked only for the cases matching the text; the rest is one AND and one bit count per
value, whatever the number of cases.
"""

from dataclasses import dataclass

from . import bitmaps
from .facets import FACETS, Facet
from .query import CaseQuery


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetCounts:
    facet: Facet
    values: list[FacetValue]

    @property
    def name(self) -> str:
        return self.facet.name

    @property
    def label(self) -> str:
        return str(self.facet.label)

    @property
    def has_selection(self) -> bool:
        return any(value.selected for value in self.values)


def facet_counts(query: CaseQuery, language: str, facets: list[Facet] = FACETS,
                 matched: bitmaps.TextMatches | None = None) -> list[FacetCounts]:
    """The counts of every facet for `query`, with labels in `language`: values with cases first
    in the facet's order, then selected values without cases (so they can be unticked).
    `matched`: the request's structures and text matches, when the caller has them already."""
    matched = matched or bitmaps.TextMatches.of(query.text_query)
    structures = matched.structures
    _total, all_counts = structures.counts(query, facets, matched.cases)
    result = []
    for facet in facets:
        counts = all_counts[facet.name]
        selected = set(query.selected(facet.name))
        if facet.is_range:
            values = [FacetValue(value, value, counts[value], False) for value in sorted(counts, reverse=True)]
        else:
            labels = structures.labels(facet, language)
            values = [FacetValue(value, label, counts.get(value, 0), value in selected)
                      for value, label in labels.items() if counts.get(value) or value in selected]
        result.append(FacetCounts(facet, values))
    return result
