"""Quality score per crime type, jurisdiction summary and the editors' quality pages."""

import datetime

import pytest
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.caselaw import quality
from gloact.caselaw.models import Case, Person, RouteCountry, Source, Term
from gloact.core.models import Country

from .factories import make_case, make_jurisdiction, make_person, make_proceeding, term

pytestmark = pytest.mark.django_db

COMMON = ["summary", "reasoning", "latest_ruling", "source", "legal_articles", "persons", "commentary", "why_included"]


def complete_common(case: Case) -> Case:
    Case.objects.filter(pk=case.pk).update(reasoning="R.", commentary="C.", why_included="W.")
    case.refresh_from_db()
    make_proceeding(case, date=datetime.date(2020, 5, 1))
    Source.objects.create(case=case, kind=Source.Kind.EXTERNAL_URL, url="http://127.0.0.1/decision")
    case.legal_articles.add(term("tip.art3"))
    make_person(case, Person.Role.DEFENDANT, sex=Person.Sex.MALE, age=40)
    return case


def score(case: Case) -> quality.Quality:
    return quality.case_quality(quality.quality_queryset().get(pk=case.pk))


def test_complete_trafficking_case_scores_100():
    case = complete_common(make_case())
    case.crime_types.add(term("crime.trafficking_in_persons"))
    case.tip_acts.add(term("act.recruitment"))
    case.tip_means.add(term("means.deception"))
    case.tip_purposes.add(term("purpose.forced_labour"))
    case.exploitation_sectors.add(_first("sector"))
    assert score(case) == quality.Quality(100, [], [])


def test_trafficking_case_lists_the_missing_elements():
    case = make_case(summary="Facts.")
    case.crime_types.add(term("crime.trafficking_in_persons"))
    case.tip_acts.add(term("act.recruitment"))
    result = score(case)
    assert result.missing_codes == [c for c in COMMON if c != "summary"] + ["tip_means", "tip_purposes", "sectors"]
    assert result.score == round(100 * 2 / 12)
    assert "trafficking: means" in [str(label) for label in result.missing]


def test_child_victim_needs_no_means():
    case = make_case()
    case.crime_types.add(term("crime.trafficking_in_persons"))
    make_person(case, Person.Role.VICTIM, age=15, sex=Person.Sex.FEMALE)
    assert "tip_means" not in score(case).missing_codes


def test_smuggling_case_checks_offences_benefit_modes_and_route():
    case = complete_common(make_case())
    case.crime_types.add(term("crime.smuggling_of_migrants"))
    assert score(case).missing_codes == ["som_offences", "som_material_benefit", "som_modes", "route"]
    case.som_offences.add(_first("smuggling_offence"))
    case.som_modes.add(_first("smuggling_mode"))
    Case.objects.filter(pk=case.pk).update(som_material_benefit=False)  # known (even if no benefit): complete
    RouteCountry.objects.create(case=case, country=Country.objects.get(iso3="NER"), role=RouteCountry.Role.TRANSIT)
    assert score(case).score == 100


def test_case_with_both_crime_types_is_checked_for_both():
    case = make_case()
    case.crime_types.add(term("crime.smuggling_of_migrants"), term("crime.trafficking_in_persons"))
    codes = score(case).missing_codes
    assert {"tip_acts", "som_offences", "route"} <= set(codes)


def test_case_without_crime_type_misses_it():
    assert "crime_types" in score(make_case()).missing_codes


def test_persons_need_sex_and_age():
    case = make_case()
    make_person(case, Person.Role.VICTIM, sex=Person.Sex.FEMALE, age=30)
    make_person(case, Person.Role.WITNESS)  # sex unknown, no age
    assert "persons" in score(case).missing_codes
    make_person(case, Person.Role.DEFENDANT, kind=Person.Kind.LEGAL)  # companies have no sex or age
    Person.objects.filter(case=case, role=Person.Role.WITNESS).update(sex=Person.Sex.MALE, age_band="25-34")
    assert "persons" not in score(case).missing_codes


def test_latest_ruling_needs_date_court_and_outcome():
    case = make_case()
    make_proceeding(case, order=1, date=datetime.date(2019, 1, 1))
    make_proceeding(case, order=2, outcome="")  # the appeal: no date, no outcome yet
    assert "latest_ruling" in score(case).missing_codes


def test_jurisdiction_summary_averages_scores():
    mali = [make_case("MLI"), complete_common(make_case("MLI"))]
    make_case("NER")
    rows = quality.quality_rows(quality.quality_queryset())
    summary = {row["jurisdiction"].code: row for row in quality.jurisdiction_summary(rows)}
    expected = [score(c).score for c in mali]
    assert summary["MLI"]["cases"] == 2
    assert summary["MLI"]["average"] == round(sum(expected) / 2, 1)
    assert summary["NER"]["cases"] == 1


def test_quality_pages_are_for_editors_only(client):
    case = make_case()
    urls = [reverse("editorial:quality"), reverse("editorial:quality_jurisdictions"),
            reverse("editorial:case_quality", args=[case.public_id])]
    for url in urls:
        assert client.get(url).status_code == 302  # to the login page
    client.force_login(make_user("contributor", "contributor"))
    for url in urls:
        assert client.get(url).status_code == 403
    client.force_login(make_user("editor", "editor"))
    for url in urls:
        assert client.get(url).status_code == 200


def test_editor_list_filters_by_score_jurisdiction_and_status_and_sorts(client):
    low = make_case("MLI", title="Low case")
    high = complete_common(make_case("MLI", title="High case", status=Case.Status.PUBLISHED))
    other = make_case("NER", title="Niger case")
    client.force_login(make_user("editor", "editor"))
    url = reverse("editorial:quality")

    def listed(**params):
        page = client.get(url, params).context["page"]
        return [case.public_id for case, _quality in page]

    assert listed(sort="-score")[0] == high.public_id
    assert listed(sort="score")[-1] == high.public_id
    assert listed(min_score=50) == [high.public_id]
    assert high.public_id not in listed(max_score=49)
    assert set(listed(jurisdiction="MLI")) == {low.public_id, high.public_id}
    assert listed(status="published") == [high.public_id]
    assert other.public_id in listed()
    response = client.get(url, {"jurisdiction": "MLI"})
    assert "Low case" in response.content.decode() and "Niger case" not in response.content.decode()


def test_case_page_shows_missing_items_and_likely_duplicates(client):
    jurisdiction = make_jurisdiction("MLI")
    case = make_case(jurisdiction=jurisdiction, court_reference="RG 12/2020")
    twin = make_case(jurisdiction=jurisdiction, court_reference="RG-12-2020", title="Other title")
    client.force_login(make_user("editor", "editor"))
    page = client.get(reverse("editorial:case_quality", args=[case.public_id])).content.decode()
    assert "legal reasoning" in page
    assert twin.public_id in page and "same court reference" in page


def _first(vocabulary):
    return Term.objects.of(vocabulary).first()
