"""Precomputed facet bitmaps (search/bitmaps.py): the same counts as a GROUP BY in the database,
for every facet and a range of searches, and kept up to date when the data changes."""

import pytest
from django.db.models import Count

from gloact.caselaw.demo import load as load_demo
from gloact.caselaw.models import Case, Person
from gloact.caselaw.search import FACETS, CaseQuery, facet_counts, filtered_cases
from gloact.caselaw.search import bitmaps

from .factories import make_person, make_published_case, term

pytestmark = pytest.mark.django_db

QUERIES = [
    {}, {"q": "recruited"}, {"q": "-children"}, {"q": "nothingmatchesthisword"},
    {"crime": ["crime.trafficking_in_persons"], "act": ["act.recruitment", "act.transfer"]},
    {"q": "workers", "victim_sex": ["female"], "year_from": "2015"},
    {"child_victims": ["yes"], "landmark": ["no"]}, {"landmark": ["maybe"]}, {"year_to": "2019"},
]


def database_counts(query: CaseQuery) -> dict[str, dict[str, int]]:
    """The reference: one GROUP BY per facet over the cases matching every other facet."""
    result = {}
    for facet in FACETS:
        active = (query.year_from is not None or query.year_to is not None) if facet.is_range \
            else bool(query.selected(facet.name))
        # Ids as a list: nested IN subqueries can get PostgreSQL plans that run for minutes.
        ids = list(filtered_cases(query, exclude_facet=facet.name if active else None).values_list("pk", flat=True))
        rows = facet.rows().filter(**{f"{facet.case}__in": ids}).order_by().values("facet_value")
        result[facet.name] = {facet.to_param(row["facet_value"]): row["n"]
                              for row in rows.annotate(n=Count(facet.case, distinct=True))}
    return result


@pytest.mark.parametrize("params", QUERIES)
def test_bitmap_counts_equal_database_counts(params):
    load_demo()
    make_published_case("NER", summary="Workers were recruited for a farm.")
    query = CaseQuery.from_params(params)
    total, counts = bitmaps.current().counts(query, FACETS)
    assert total == filtered_cases(query).count()
    assert counts == database_counts(query)


def test_counts_follow_changes_of_terms_and_persons():
    case = make_published_case("MLI")
    query = CaseQuery()

    def count(facet, value):
        values = {v.value: v.count for f in facet_counts(query, "en") if f.name == facet for v in f.values}
        return values.get(value, 0)

    assert count("purpose", "purpose.organ_removal") == 0
    case.tip_purposes.add(term("purpose.organ_removal"))
    assert count("purpose", "purpose.organ_removal") == 1
    make_person(case, Person.Role.VICTIM, sex="other")
    assert count("victim_sex", "other") == 1
    Case.objects.filter(pk=case.pk).update(status=Case.Status.WITHDRAWN)  # no signal: caught by the check
    case.refresh_from_db()
    case.save()
    assert count("purpose", "purpose.organ_removal") == 0
