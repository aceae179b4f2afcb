"""Queries compiled once and run for each batch of ids (batch_queries.py): the same rows and
models as Django's own run of the queryset, with the same conversions, on SQLite and PostgreSQL."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from ..batch_queries import BatchQuery
from ..models import Charge, Person, Proceeding
from ..selectors import published_case
from .factories import make_charge, make_proceeding, make_published_case

pytestmark = pytest.mark.django_db

CHARGES = BatchQuery(lambda ids: Charge.objects.filter(case_id__in=ids).order_by("pk"))
PROCEEDING_ROWS = BatchQuery(lambda ids: Proceeding.objects.filter(case_id__in=ids).order_by(
    "order", F("date").asc(nulls_first=True), "pk").values("case_id", "date", "is_latest", "court_name"))


def _cases_with_dates_decimals_and_booleans():
    cases = [make_published_case() for _ in range(3)]
    for number, case in enumerate(cases):
        make_proceeding(case, order=2, court_name=f"Synthetic appeal court {number}",
                        date=datetime.date(2024, 2, number + 1))
        defendant = case.persons.get(role=Person.Role.DEFENDANT)
        make_charge(defendant, charge="Synthetic smuggling", fine_amount=Decimal("1500.50"), confiscation=True,
                    compensation_amount=Decimal(number))
    return cases


def test_models_are_those_of_the_queryset_with_their_values_converted_alike():
    cases = _cases_with_dates_decimals_and_booleans()
    for batch in ([cases[0].pk], [case.pk for case in cases]):
        expected = list(Charge.objects.filter(case_id__in=batch).order_by("pk"))
        loaded = CHARGES(batch)
        assert loaded == expected  # the same rows, in the same order
        fields = [field.attname for field in Charge._meta.concrete_fields]
        # repr: the same types and decimal places, not only equal values (1500.5 == Decimal("1500.50")).
        assert [[repr(getattr(c, f)) for f in fields] for c in loaded] == [
            [repr(getattr(c, f)) for f in fields] for c in expected]
        fined = next(c for c in loaded if c.charge == "Synthetic smuggling")
        assert (repr(fined.fine_amount), fined.confiscation) == ("Decimal('1500.50')", True)
        assert not loaded[0]._state.adding and loaded[0]._state.db == connection.alias  # as loaded by Django


def test_rows_are_those_of_the_values_queryset():
    cases = _cases_with_dates_decimals_and_booleans()
    ids = [case.pk for case in cases]
    rows = PROCEEDING_ROWS(ids)
    assert repr(rows) == repr(list(Proceeding.objects.filter(case_id__in=ids).order_by(
        "order", F("date").asc(nulls_first=True), "pk").values("case_id", "date", "is_latest", "court_name")))
    assert {type(row["date"]) for row in rows if row["date"]} == {datetime.date}
    assert {row["is_latest"] for row in rows} == {True, False}


def test_a_queryset_joining_other_models_is_refused():
    with pytest.raises(ValueError, match="select_related"):
        BatchQuery(lambda ids: Charge.objects.filter(case_id__in=ids).select_related("defendant"))([1])


def test_the_case_page_reads_its_relations_without_a_query_per_row():
    case = _cases_with_dates_decimals_and_booleans()[0]
    loaded = published_case(case.public_id)
    with CaptureQueriesContext(connection) as queries:
        related = [*loaded.proceedings.all(), *loaded.charges.all(), *loaded.translations.all(), *loaded.sources.all()]
        assert {row.case for row in related} == {loaded}  # row.case is the page's case, not read again
    assert len(queries) == 0
    assert [p.court_name for p in loaded.proceedings.all()] == [p.court_name for p in case.proceedings.order_by(
        "order", F("date").asc(nulls_first=True), "pk")]


def test_an_empty_batch_runs_no_statement():
    with CaptureQueriesContext(connection) as queries:
        assert CHARGES([]) == [] and PROCEEDING_ROWS([]) == []
    assert len(queries) == 0
