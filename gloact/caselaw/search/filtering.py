"""The cases matching a CaseQuery: published, matching the text, with the selected facet values."""

from django.db.models import Q
from django.db.models.expressions import RawSQL

from ..models import Case
from .facets import FACETS
from .index import backend
from .query import CaseQuery, TextQuery


def text_condition(text_query: TextQuery) -> Q | None:
    if text_query.groups:
        sql, params = backend().match_sql(text_query)
        return Q(pk__in=RawSQL(sql, params))  # nosec B611 # SQL from the search backend: constant identifiers, user text bound as parameters
    if text_query.negated:
        # Only exclusions: every case except those matching any excluded item.
        sql, params = backend().match_sql(TextQuery(groups=(text_query.negated,)))
        return ~Q(pk__in=RawSQL(sql, params))  # nosec B611 # SQL from the search backend: constant identifiers, user text bound as parameters
    return None


def facet_conditions(query: CaseQuery, exclude: str | None = None) -> list[Q]:
    conditions = []
    for facet in FACETS:
        if facet.name == exclude:
            continue
        condition = facet.filter_q(query.selected(facet.name), query.year_from, query.year_to)
        if condition is not None:
            conditions.append(condition)
    return conditions


def filtered_cases(query: CaseQuery, exclude_facet: str | None = None):
    """Published cases matching `query`; with `exclude_facet`, ignoring that facet's selection
    (what its own counts are computed over)."""
    cases = Case.objects.published()
    condition = text_condition(query.text_query)
    if condition is not None:
        cases = cases.filter(condition)
    for condition in facet_conditions(query, exclude_facet):
        cases = cases.filter(condition)
    return cases
