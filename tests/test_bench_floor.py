"""The benchmark's floor (bench/floor.py) runs the application's own search statements: they
must run, and find and rank what the application finds, on either database."""

import pytest
from django.db import connection

from bench.floor import floor_statements
from gloact.caselaw.models import Case
from gloact.caselaw.tests.factories import make_case

pytestmark = pytest.mark.django_db


def test_the_floor_counts_and_ranks_the_matches_of_a_text():
    wages = make_case(title="Unpaid wages", status=Case.Status.PUBLISHED, summary="Passports and wages withheld.")
    make_case(title="Passports", status=Case.Status.PUBLISHED, summary="Passports withheld.")
    make_case(title="Draft", summary="Passports and wages withheld.")  # not published: not indexed
    count, top = floor_statements("passports wages")
    with connection.cursor() as cursor:
        cursor.execute(*count)
        assert cursor.fetchall() == [(1,)]
        cursor.execute(*top)
        assert [row[0] for row in cursor.fetchall()] == [wages.pk]
