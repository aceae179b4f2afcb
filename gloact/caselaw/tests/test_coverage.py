"""Coverage figures equal independent counts; the public page counts published cases only."""

import datetime

import pytest
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.caselaw import coverage
from gloact.caselaw.models import Case, Jurisdiction

from .factories import make_case, make_proceeding, term

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


def build_cases():
    """Mali: 3 published (2 landmark), Niger: 1 published + 1 draft, Morocco: 1 withdrawn."""
    tip, som = term("crime.trafficking_in_persons"), term("crime.smuggling_of_migrants")
    published = Case.Status.PUBLISHED
    a = make_case("MLI", status=published, is_landmark=True)
    a.crime_types.add(tip)
    a.tip_purposes.add(term("purpose.forced_labour"), term("purpose.sexual_exploitation"))
    make_proceeding(a, date=datetime.date(2010, 1, 1))  # older than ten years
    b = make_case("MLI", status=published, is_landmark=True)
    b.crime_types.add(tip, som)
    b.tip_purposes.add(term("purpose.forced_labour"))
    make_proceeding(b, order=1, date=datetime.date(2012, 1, 1))
    make_proceeding(b, order=2, date=datetime.date(2020, 1, 1))  # latest ruling is recent
    c = make_case("MLI", status=published)
    c.crime_types.add(som)
    make_proceeding(c, date=datetime.date(2016, 6, 16))  # ten years minus a day
    d = make_case("NER", status=published)
    d.crime_types.add(tip)
    make_proceeding(d)  # undated
    draft = make_case("NER")
    draft.crime_types.add(tip)
    draft.tip_purposes.add(term("purpose.forced_begging"))
    make_proceeding(draft, date=datetime.date(2001, 1, 1))
    make_case("MAR", status=Case.Status.WITHDRAWN)
    return a, b, c, d, draft


def test_public_coverage_counts_published_cases():
    build_cases()
    figures = coverage.public_coverage(TODAY)
    published = Case.objects.published()
    assert figures.total == published.count() == 4
    per = {row["jurisdiction"].code: (row["cases"], row["landmarks"]) for row in figures.per_jurisdiction}
    assert per == {code: (published.filter(jurisdiction__code=code).count(),
                          published.filter(jurisdiction__code=code, is_landmark=True).count())
                   for code in ("MLI", "NER")}
    assert [row["jurisdiction"].code for row in figures.per_jurisdiction] == ["MLI", "NER"]
    without = {j.code for j in figures.without_cases}
    assert without == set(Jurisdiction.objects.exclude(code__in=["MLI", "NER"]).values_list("code", flat=True))
    assert "MAR" in without  # its only case is withdrawn
    assert [row["jurisdiction"].code for row in figures.few_landmarks] == ["NER"]
    assert (figures.dated, figures.older, figures.older_percent) == (3, 1, 33.3)
    assert figures.crime_types == {"trafficking_only": 2, "smuggling_only": 1, "both": 1, "neither": 0}
    purposes = {t.code: n for t, n in figures.purposes}
    assert purposes["purpose.forced_labour"] == 2
    assert purposes["purpose.sexual_exploitation"] == 1
    assert purposes["purpose.forced_begging"] == 0  # only a draft has it


def test_editorial_coverage_counts_every_case_but_withdrawn_and_removed():
    build_cases()
    figures = coverage.coverage(coverage.editorial_cases(), TODAY)
    assert figures.total == 5
    assert (figures.dated, figures.older) == (4, 2)
    assert dict((t.code, n) for t, n in figures.purposes)["purpose.forced_begging"] == 1


def test_public_page_needs_no_login_and_shows_charts_with_tables(client):
    build_cases()
    response = client.get(reverse("editorial:coverage"))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<svg") == 3 and page.count("<table") == 3
    assert "Forced labour" in page
    assert "style=" not in page and "<script>" not in page


def test_editor_detail_page(client):
    build_cases()
    url = reverse("editorial:coverage_detail")
    assert client.get(url).status_code == 302
    client.force_login(make_user("editor", "editor"))
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["figures"].total == 5
    statuses = {row["code"]: row["counts"] for row in response.context["statuses"]}
    assert statuses["NER"][list(Case.Status.values).index("draft")] == 1
