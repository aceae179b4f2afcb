"""Public case law pages: search, case page, browse lists, feeds."""

import json
import re
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from gloact.caselaw.models import Case, CaseTranslation, Person, PersonIdentity, Source, Term

from .factories import make_person, make_published_case
from .test_search import build_corpus

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def corpus():
    return build_corpus()


@pytest.fixture(autouse=True)
def english():
    """reverse() follows the active language, which an earlier request may have left set."""
    with translation.override("en"):
        yield


def real_names() -> list[str]:
    return list(PersonIdentity.objects.exclude(real_name="").values_list("real_name", flat=True))


def assert_no_restricted_data(html: str):
    for name in real_names():
        assert name not in html
    for text in Source.objects.values_list("extracted_text", flat=True):
        if text:
            assert text not in html


# --- Search page ------------------------------------------------------------------------------
def test_search_page_lists_published_cases_with_facets(client, corpus):
    response = client.get(reverse("caselaw:search"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "4 cases" in html
    assert corpus["mali"].public_id in html and corpus["draft"].public_id not in html
    # Facet checkboxes with labels and counts, inside the GET form.
    assert re.search(r'name="act" value="act.recruitment"', html)
    assert re.search(r"Recruitment <span class=\"count\">\(1\)</span>", html)
    assert '<label for="search-q">Search</label>' in html
    assert 'href="/cases/feed/"' in html


def test_search_page_filters_and_highlights(client, corpus):
    response = client.get(reverse("caselaw:search"), {"q": "recruited", "crime": "crime.trafficking_in_persons",
                                                      "child_victims": "yes"})
    html = response.content.decode()
    assert "1 case" in html and corpus["france"].public_id in html and corpus["mali"].public_id not in html
    assert "<mark>recruited</mark>" in html
    # The active filters can be removed one by one, keeping the rest of the search.
    assert "q=recruited&amp;crime=crime.trafficking_in_persons" in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'href="/cases/feed/?q=recruited&amp;crime=crime.trafficking_in_persons&amp;child_victims=yes"' in html


def test_a_text_in_half_the_cases_or_more_comes_newest_first_and_says_so(client, corpus):
    # "recruited" is in every published case, "restaurant" and "truck" in one each (ranking.can_rank).
    newest_first = [corpus[name].public_id for name in ("niger", "south_africa", "mali", "france")]
    response = client.get(reverse("caselaw:search"), {"q": "recruited"})
    assert [hit.case.public_id for hit in response.context["results"].hits] == newest_first
    assert "Every word searched for is in at least half of the cases" in response.content.decode()
    api = client.get("/api/cases", {"q": "recruited"}).json()
    assert api["order"] == "date" and [case["public_id"] for case in api["results"]] == newest_first
    assert client.get("/api/cases", {"q": "restaurant OR truck"}).json()["order"] == "relevance"
    ranked = client.get(reverse("caselaw:search"), {"q": "restaurant OR truck"})
    assert ranked.context["results"].sort == "relevance"
    assert "Every word searched for" not in ranked.content.decode()


def test_search_snippet_escapes_html_from_texts(client, corpus):
    mali = corpus["mali"]
    mali.summary = "Payload <script>alert('x')</script> the defendant recruited workers."
    mali.save()
    html = client.get(reverse("caselaw:search"), {"q": "recruited"}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_htmx_request_gets_only_the_results_region(client, corpus):
    response = client.get(reverse("caselaw:search"), {"q": "truck"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.startswith('<div id="search-region">')
    assert "<html" not in html and "1 case" in html
    assert "HX-Request" in response["Vary"]


def test_more_results_link_pages_through(client, corpus):
    first = client.get(reverse("caselaw:search"), {"sort": "date"})
    assert first.context["results"].next_cursor is None  # four cases fit on one page
    from gloact.caselaw import views

    views_page_size, views.PAGE_SIZE = views.PAGE_SIZE, 3
    try:
        first = client.get(reverse("caselaw:search"), {"sort": "date"})
        cursor = first.context["results"].next_cursor
        assert 'rel="next"' in first.content.decode()
        second = client.get(reverse("caselaw:search"), {"sort": "date", "cursor": cursor})
        assert [h.case.public_id for h in second.context["results"].hits] == [corpus["france"].public_id]
        assert "first results of the search" not in second.content.decode()
        # A broken cursor, or one from another sort order, shows the first page and says so.
        for params in ({"sort": "date", "cursor": "garbage"}, {"sort": "published", "cursor": cursor}):
            again = client.get(reverse("caselaw:search"), params)
            assert again.status_code == 200 and len(again.context["results"].hits) == 3
            assert "these are the first results of the search" in again.content.decode()
    finally:
        views.PAGE_SIZE = views_page_size


def test_search_page_in_french(client, corpus):
    html = client.get("/fr/cases/").content.decode()
    assert 'lang="fr"' in html
    assert "Recrutement" in html


def test_home_page_has_a_search_form(client):
    html = client.get("/").content.decode()
    assert '<form class="home-search" method="get" action="/cases/"' in html
    assert '<label for="home-search-q">Search</label>' in html


# --- Browse -----------------------------------------------------------------------------------
def test_browse_by_country_groups_by_region(client, corpus):
    html = client.get(reverse("caselaw:countries")).content.decode()
    assert "Africa" in html and "Europe" in html
    assert 'href="/cases/?jurisdiction=MLI"' in html
    assert "BRA" not in re.findall(r"jurisdiction=(\w+)", html)  # only a draft there


def test_browse_by_article_links_to_search(client, corpus):
    response = client.get(reverse("caselaw:articles"))
    html = response.content.decode()
    counts = {article.code: n for article, n in response.context["articles"]}
    assert counts["tip.art3"] == 2 and counts["som.art6"] == 1
    assert 'href="/cases/?article=tip.art3"' in html


# --- Case page --------------------------------------------------------------------------------
def test_case_page_shows_all_sections_by_pseudonym(client):
    case = make_published_case(summary="A synthetic summary of the facts.", reasoning="Synthetic reasoning.")
    Source.objects.create(case=case, kind=Source.Kind.DECISION, extracted_text="Decision naming Synthetic Person V01.")
    response = client.get(reverse("caselaw:case_detail", args=[case.public_id]))
    html = response.content.decode()
    assert response.status_code == 200
    for heading in ("Identity of the case", "Summary of the facts", "Legal reasoning", "Proceedings", "Persons",
                    "Charges and sentences", "Trafficking in persons: elements", "Sources", "How to cite"):
        assert heading in html, heading
    for label in ("D1", "V1", "V2", "W1"):
        assert f'<th scope="row">{label}</th>' in html
    assert "latest ruling" in html
    assert "Recruitment" in html and "Deception" in html and "Forced labour" in html
    assert "child" in html
    assert_no_restricted_data(html)
    # The decision is shown by its redacted text.
    assert "Anonymised text" in html and "Decision naming" in html


def test_case_page_reads_terms_in_two_queries_in_vocabulary_order(client, django_assert_max_num_queries):
    case = make_published_case()
    means = list(Term.objects.filter(vocabulary__code="tip_means").order_by("pk")[:4])
    for position, term in enumerate(means):  # the vocabulary's order the reverse of the ids'
        Term.objects.filter(pk=term.pk).update(order=100 - position)
    case.tip_means.add(*means)
    expected = [str(term) for term in Case.objects.get(pk=case.pk).tip_means.all()]  # Term's own ordering
    assert len(expected) >= 4
    url = reverse("caselaw:case_detail", args=[case.public_id])
    client.get(url)  # builds the search structures (similar cases) once
    with django_assert_max_num_queries(16):  # 25 with a query per classification
        html = client.get(url).content.decode()
    assert f"<dd>{escape(', '.join(expected))}</dd>" in html


def test_case_page_metadata(client, corpus):
    mali = corpus["mali"]
    html = client.get(reverse("caselaw:case_detail", args=[mali.public_id])).content.decode()
    assert '<meta property="og:title" content="MLI001: Restaurant workers">' in html
    assert '<meta property="og:description" content="The defendant recruited two women' in html
    assert 'name="robots"' not in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "CreativeWork" and data["identifier"][0] == "MLI001"
    assert data["dateCreated"] == "2019-03-01" and data["spatialCoverage"]["name"] == "Mali"
    assert "Synthetic Person" not in json.dumps(data)
    assert "Restaurant workers, Demo Regional Court (synthetic)" in html  # the citation line

    mali.noindex = True
    mali.is_synthetic = True
    mali.save()
    html = client.get(reverse("caselaw:case_detail", args=[mali.public_id])).content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "Synthetic demonstration case" in html


def test_json_ld_cannot_be_broken_out_of(client, corpus):
    mali = corpus["mali"]
    mali.title = "</script><script>alert(1)</script>"
    mali.save()
    html = client.get(reverse("caselaw:case_detail", args=[mali.public_id])).content.decode()
    assert "<script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


def test_only_published_cases_have_a_page(client, corpus):
    assert client.get(reverse("caselaw:case_detail", args=[corpus["draft"].public_id])).status_code == 404
    assert client.get(reverse("caselaw:case_detail", args=["ZZZ999"])).status_code == 404
    corpus["mali"].status = Case.Status.WITHDRAWN
    corpus["mali"].save()
    assert client.get(reverse("caselaw:case_detail", args=[corpus["mali"].public_id])).status_code == 404


def test_case_page_in_the_visitors_language(client, corpus):
    france = corpus["france"]
    html = client.get(f"/fr/cases/{france.public_id}/").content.decode()
    assert "Affaire de traite" in html and "not available in your language" not in html
    html = client.get(f"/cases/{france.public_id}/").content.decode()
    assert "Trafficking case" in html  # the English translation
    html = client.get(f"/es/cases/{france.public_id}/").content.decode()
    # No Spanish translation: the original French texts, with a note.
    assert "Affaire de traite" in html and 'class="language-note"' in html


def test_similar_cases(client, corpus):
    response = client.get(reverse("caselaw:case_detail", args=[corpus["south_africa"].public_id]))
    similar = [case.public_id for case, _texts in response.context["similar"]]
    # Shares forced labour and trafficking with Mali; only trafficking with France; nothing with Niger.
    assert similar == [corpus["mali"].public_id, corpus["france"].public_id]


def test_persons_with_restricted_identities_are_never_named(client):
    case = make_published_case()
    make_person(case, Person.Role.SMUGGLED_MIGRANT, real_name="Synthetic Person M01", age=12)
    html = client.get(reverse("caselaw:case_detail", args=[case.public_id])).content.decode()
    assert_no_restricted_data(html)
    assert '<th scope="row">M1</th>' in html


# --- Feeds ------------------------------------------------------------------------------------
def test_feed_lists_new_cases_with_public_texts_only(client, corpus):
    make_published_case("NER", summary="Another synthetic case.")
    response = client.get(reverse("caselaw:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert_no_restricted_data(body)
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 5
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert corpus["draft"].public_id not in " ".join(titles)
    assert entries[0].find(f"{ATOM}link").get("href").endswith("/cases/NER002/")


def test_feed_of_a_search(client, corpus):
    response = client.get(reverse("caselaw:feed"), {"q": "recruited", "act": "act.transfer"})
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}id").text for e in entries] == [corpus["france"].public_id]
    assert "The defendant recruited victims" in entries[0].find(f"{ATOM}summary").text


def test_translated_feed(client, corpus):
    CaseTranslation.objects.create(case=corpus["mali"], language="fr", title="Employées de restaurant",
                                   summary="Le prévenu a recruté deux femmes.")
    body = client.get("/fr/cases/feed/").content.decode()
    assert "Employées de restaurant" in body
