"""The public representation of a case: complete, free of restricted data, and loaded without a
query per case."""

import datetime
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gloact.core.models import Country

from ..models import Case, CaseTranslation, Person, RouteCountry, Source
from ..public import case_record, load_public_cases
from .factories import make_case, make_charge, make_person, make_published_case, term

pytestmark = pytest.mark.django_db


def _full_case() -> Case:
    case = make_published_case(court_reference="SYN-1/2024", title="Synthetic v. Public Record")
    case.tip_means.add(term("means.abuse_of_vulnerability"))
    case.legal_articles.add(term("tip.art3"))
    case.national_provisions = "Synthetic Penal Code art. 1\nSynthetic Penal Code art. 2"
    case.save()
    CaseTranslation.objects.create(case=case, language="fr", title="Synthétique", summary="Résumé synthétique.")
    RouteCountry.objects.create(case=case, country=Country.objects.get(iso3="NER"), role="transit")
    Source.objects.create(case=case, kind=Source.Kind.DECISION, title="Judgment", extracted_text="Synthetic "
                          "Person V01 testified", redacted_text="V1 testified", language="fr")
    return case


def test_record_holds_the_public_details():
    record = case_record(Case.objects.published().get(pk=_full_case().pk))
    assert record["public_id"].startswith("MLI")
    assert record["court_reference"] == "SYN-1/2024"
    assert record["jurisdiction"] == {"code": "MLI", "name": "Mali", "kind": "national", "country": "MLI",
                                      "region": "Africa"}
    assert record["crime_types"] == ["crime.trafficking_in_persons"]
    assert record["trafficking"]["means"] == ["means.abuse_of_vulnerability", "means.deception"]
    assert record["legal"] == {"articles": ["tip.art3"],
                               "national_provisions": ["Synthetic Penal Code art. 1", "Synthetic Penal Code art. 2"]}
    assert record["translations"]["fr"]["summary"] == "Résumé synthétique."
    assert record["smuggling"]["route"] == {"origin": [], "transit": ["NER"], "destination": []}
    assert [p["label"] for p in record["persons"]] == ["D1", "V1", "V2", "W1"]
    child = record["persons"][2]
    assert child["is_child"] is True and child["age_band"] == "12-17"
    assert record["charges"][0]["defendant"] == "D1"
    assert record["charges"][0]["fine_amount"] == "1000.00"
    assert record["proceedings"][0]["is_latest"] is True
    assert record["sources"][0]["redacted_text"] == "V1 testified"
    json.dumps(record)  # JSON-ready


def test_record_never_holds_restricted_data():
    text = json.dumps(case_record(Case.objects.published().get(pk=_full_case().pk)), ensure_ascii=False)
    assert "Synthetic Person" not in text  # names and extracted text
    assert "Synthetic Alias" not in text
    assert "extracted_text" not in text and "caselaw/sources/" not in text
    assert '"age"' not in text


def test_only_published_cases_and_no_query_per_case():
    make_case(title="Synthetic draft")  # not published
    make_published_case()

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            records = [case_record(case) for case in load_public_cases(list(Case.objects.published()))]
        return len(queries), records

    few, records = count_queries()
    assert [r["title"] for r in records] == ["Synthetic test case"]
    for _ in range(4):
        make_published_case()
    many, records = count_queries()
    assert len(records) == 5
    assert many == few


def test_a_batch_gives_each_case_the_record_it_has_alone():
    """load_public_cases reads most relations as plain rows and orders charges itself: the records
    must be those of each case read model by model."""
    case = _full_case()
    first = case.persons.get(role=Person.Role.DEFENDANT)
    # Created after the first defendant, numbered before it: charges follow the defendants' order.
    second = make_person(case, Person.Role.DEFENDANT, age=41, order=0)
    first.order = 1
    first.save()
    make_charge(second, charge="Synthetic smuggling", order=2, fine_amount=Decimal("1500.50"), fine_currency="XOF",
                confiscation=True)
    make_charge(second, charge="Synthetic forgery", order=1)
    RouteCountry.objects.create(case=case, country=Country.objects.get(iso3="MLI"), role="origin", order=1)
    case.proceedings.update(date=datetime.date(2023, 5, 17))
    alone = case_record(Case.objects.get(pk=case.pk))
    batch = [case_record(c) for c in load_public_cases(list(Case.objects.filter(pk=case.pk)))]
    assert batch == [alone]
    assert [(c["defendant"], c["charge"]) for c in alone["charges"]][:2] == [
        ("D1", "Synthetic forgery"), ("D1", "Synthetic smuggling")]
    assert "extracted_text" not in alone["sources"][0]
    # Read as the database keeps them (on SQLite: text, integers, reals), converted as Django does.
    smuggling = next(c for c in alone["charges"] if c["charge"] == "Synthetic smuggling")
    assert (smuggling["fine_amount"], smuggling["confiscation"]) == ("1500.50", True)
    assert alone["proceedings"][0]["date"] == "2023-05-17"


def test_every_batch_runs_the_same_statements():
    """A batch's statements take its ids as one parameter, so their text is the same whatever the
    batch: public._BatchRows compiles them once, not at each page."""
    cases = [make_published_case() for _ in range(3)]

    def statements(batch: list[Case]) -> list[str]:
        run = []

        def record(execute, sql, params, many, context):
            run.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(record):
            load_public_cases(batch)
        return run

    assert statements(cases[:1]) == statements(cases) == statements(cases[1:])
