"""Right-to-left pages: values in another script keep their punctuation in place.

On an Arabic page (dir="rtl") a Latin value such as "Art. 3(a)" would otherwise be laid out by
the bidi algorithm as part of the Arabic paragraph and show ")Art. 3(a". Inline values are
isolated in <bdi>, free-text blocks get dir="auto" (and their language)."""

import datetime

import pytest
from django.utils.html import escape

from gloact.caselaw.models import Person, Source
from gloact.core.tests.html_runs import arabic_page, assert_isolated, block_of, in_arabic, text_runs

from .factories import make_charge, make_person, make_proceeding, make_published_case, term

pytestmark = pytest.mark.django_db


def latin_case():
    case = make_published_case(
        court_reference="CR-2019/45",
        ecli="ECLI:ML:TGI:2019:45.",
        original_language="en",
        title="Synthetic workers (appeal).",
        summary="The defendant recruited synthetic workers (two adults).",
        reasoning="The court applied Art. 3(a).",
        national_provisions="Art. 3(a) of the Synthetic Penal Code\nArt. 7 bis.",
    )
    make_proceeding(case, court_name="Synthetic Court of Appeal (2nd chamber)", reference="APP-2020/7.",
                    date=datetime.date(2020, 5, 4))
    defendant = make_person(case, Person.Role.DEFENDANT, role_detail="recruiter (main).", age=35)
    make_charge(defendant, charge="Trafficking (aggravated).", legal_provision="Art. 3(a)", imprisonment_months=24,
                sentence_notes="Suspended for 2 years.", confiscation=True,
                confiscation_details="Two vehicles (synthetic).")
    Source.objects.create(case=case, kind=Source.Kind.DECISION, title="Judgment no. 45/2019.", language="en",
                          redacted_text="The synthetic court finds (after appeal).")
    return case


def test_arabic_case_page_isolates_latin_values(client):
    case = latin_case()
    html = arabic_page(client, f"/ar/cases/{case.public_id}/")
    jurisdiction = in_arabic(case.jurisdiction)
    for value in ("CR-2019/45", "ECLI:ML:TGI:2019:45.", "Synthetic Court of Appeal (2nd chamber)", "APP-2020/7.",
                  "recruiter (main).", "Trafficking (aggravated).", "Art. 3(a)", "Suspended for 2 years.",
                  "Two vehicles (synthetic).", "Art. 3(a) of the Synthetic Penal Code", "Art. 7 bis.",
                  "Judgment no. 45/2019.", case.public_id, jurisdiction):
        assert_isolated(html, value)
    # The citation line is one isolated value too.
    assert any(text.startswith("Synthetic workers (appeal).") and ancestors[-1][0] == "bdi"
               and ancestors[-2][0] == "cite" for text, ancestors in text_runs(html))
    # Free texts take their direction from their own first letters, in their known language.
    for text in ("The defendant recruited synthetic workers", "The court applied Art. 3(a).",
                 "Synthetic workers (appeal)."):
        block = block_of(html, text)
        assert block["dir"] == "auto" and block["lang"] == "en", text
    assert block_of(html, "The synthetic court finds")["dir"] == "auto"
    # The <title> takes no markup: the title and public id are isolated by Unicode's marks.
    assert f"<title>\u2068{case.public_id}\u2069: \u2068Synthetic workers (appeal).\u2069 – " in html


def test_arabic_search_results_isolate_latin_values(client):
    case = latin_case()
    html = arabic_page(client, f"/ar/cases/?q=recruited&jurisdiction={case.jurisdiction.code}&year_from=2010")
    jurisdiction = in_arabic(case.jurisdiction)
    assert_isolated(html, case.public_id)
    assert_isolated(html, "Synthetic workers (appeal).")
    assert any(text == jurisdiction and ancestors[-1][0] == "bdi" for text, ancestors in text_runs(html))
    assert_isolated(html, "2010–…")  # the active year filter
    title = next(ancestors for text, ancestors in text_runs(html) if text == "Synthetic workers (appeal).")
    assert title[-1][1]["lang"] == "en"
    assert block_of(html, "synthetic workers (two adults)")["dir"] == "auto"  # the snippet
    assert "<title>\u2068recruited\u2069 – " in html  # the query, isolated by Unicode's marks


def test_arabic_browse_and_coverage_pages_isolate_jurisdiction_names(client):
    case = make_published_case()
    jurisdiction = in_arabic(case.jurisdiction)
    for url in ("/ar/cases/countries/", "/ar/editorial/coverage/"):
        runs = [ancestors for text, ancestors in text_runs(arabic_page(client, url))
                if text == jurisdiction and not any(tag == "svg" for tag, _attrs in ancestors)]  # not the charts
        assert runs and all(ancestors[-1][0] == "bdi" for ancestors in runs), url


def test_arabic_case_page_separates_list_items_with_the_arabic_comma(client):
    case = latin_case()
    case.crime_types.add(term("crime.smuggling_of_migrants"))
    html = arabic_page(client, f"/ar/cases/{case.public_id}/")
    crime_types = [escape(in_arabic(crime_type)) for crime_type in case.crime_types.all()]
    assert len(crime_types) == 2 and "، ".join(crime_types) in html
    assert ", ".join(crime_types) not in html
