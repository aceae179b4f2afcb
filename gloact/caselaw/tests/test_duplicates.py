"""Likely duplicate cases: same court reference or ECLI, or same decision year and similar title."""

import datetime

import pytest

from gloact.caselaw.duplicates import likely_duplicates, normalise_title, title_similarity
from gloact.caselaw.models import Case

from .factories import make_case, make_proceeding

pytestmark = pytest.mark.django_db


def decided(case: Case, year: int) -> Case:
    make_proceeding(case, date=datetime.date(year, 3, 1))
    return case


def test_titles_are_compared_without_case_accents_and_punctuation():
    assert normalise_title("Ministère Public c. A.B. et al.") == "ministere public c a b et al"
    assert title_similarity("Ministère public c. Synthetic", "ministere public c synthetic") == 1.0


def test_same_court_reference_in_same_jurisdiction():
    case = make_case("MLI", court_reference="RP 45/2019", title="One")
    twin = make_case("MLI", court_reference="rp 45-2019", title="Completely different")
    make_case("NER", court_reference="RP 45/2019", title="Other country")
    assert likely_duplicates(case) == [(twin, "same court reference")]


def test_similar_title_same_year():
    case = decided(make_case("MLI", title="Public Prosecutor v. Synthetic Defendant One"), 2018)
    similar = decided(make_case("MLI", title="Public prosecutor v Synthetic Defendant 1"), 2018)
    decided(make_case("MLI", title="Public prosecutor v Synthetic Defendant One"), 2012)  # another year
    decided(make_case("MLI", title="State v. Another Synthetic Person"), 2018)  # another title
    found = likely_duplicates(case)
    assert [other for other, _reason in found] == [similar]
    assert "similar title" in str(found[0][1])


def test_undated_cases_are_not_compared_by_title():
    case = make_case("MLI", title="Public Prosecutor v. Synthetic")
    make_case("MLI", title="Public Prosecutor v. Synthetic")
    assert likely_duplicates(case) == []


def test_same_ecli_and_removed_cases_ignored():
    case = make_case("MLI", ecli="ECLI:XX:TEST:2020:1", title="A")
    twin = make_case("MLI", ecli="ecli:xx:test:2020:1", title="B")
    make_case("MLI", ecli="ECLI:XX:TEST:2020:1", title="C", status=Case.Status.REMOVED)
    assert [(other, str(reason)) for other, reason in likely_duplicates(case)] == [(twin, "same ECLI")]
