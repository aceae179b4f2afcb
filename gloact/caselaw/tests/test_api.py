"""The public read-only API of the case law database (/api/...)."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from gloact.caselaw.models import PersonIdentity, Source

from .factories import make_published_case
from .test_search import build_corpus

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    return build_corpus()


def assert_no_restricted_data(body: str):
    for name in PersonIdentity.objects.exclude(real_name="").values_list("real_name", flat=True):
        assert name not in body
    for text in Source.objects.exclude(extracted_text="").values_list("extracted_text", flat=True):
        assert text not in body


def test_cases_search_with_facets(client, corpus):
    response = client.get("/api/cases", {"q": "recruited", "act": ["act.recruitment", "act.transfer"]})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2 and data["next"] is None
    assert {case["public_id"] for case in data["results"]} == {corpus["mali"].public_id, corpus["france"].public_id}
    assert_no_restricted_data(response.content.decode())


def test_cases_cursor_pagination(client, corpus):
    seen, url, params = [], "/api/cases", {"sort": "date", "limit": 1}
    while url:
        data = client.get(url, params).json()
        seen += [case["public_id"] for case in data["results"]]
        url, params = data["next"], None
    assert seen == [corpus[name].public_id for name in ("niger", "south_africa", "mali", "france")]
    assert client.get("/api/cases", {"cursor": "broken"}).status_code == 400
    assert client.get("/api/cases", {"limit": 1000}).status_code == 422


def test_case_detail_is_public_record_only(client, corpus):
    case = make_published_case()
    response = client.get(f"/api/cases/{case.public_id}")
    data = response.json()
    assert data["public_id"] == case.public_id
    assert [p["label"] for p in data["persons"]] == ["D1", "V1", "V2", "W1"]
    assert data["charges"][0]["defendant"] == "D1"
    assert_no_restricted_data(response.content.decode())
    assert client.get(f"/api/cases/{corpus['draft'].public_id}").status_code == 404


def test_facets_endpoint(client, corpus):
    data = client.get("/api/facets", {"q": "recruited", "child_victims": "yes"}).json()
    assert data["count"] == 1
    facets = {facet["name"]: facet for facet in data["facets"]}
    child = {v["value"]: (v["count"], v["selected"]) for v in facets["child_victims"]["values"]}
    assert child == {"yes": (1, True), "no": (3, False)}  # Mali, Niger, South Africa
    assert {v["value"]: v["count"] for v in facets["year"]["values"]} == {"2015": 1}


def test_cases_with_facets_in_one_request(client, corpus):
    params = {"q": "recruited", "child_victims": "yes"}
    page = client.get("/api/cases", {**params, "facets": "true"}).json()
    assert page["count"] == 1 and len(page["results"]) == 1
    assert page["facets"] == client.get("/api/facets", params).json()["facets"]
    assert client.get("/api/cases", params).json()["facets"] is None  # only when asked for


def test_vocabularies(client):
    vocabularies = client.get("/api/vocabularies").json()
    assert "tip_means" in [v["code"] for v in vocabularies]
    means = client.get("/api/vocabularies/tip_means").json()
    deception = next(t for t in means["terms"] if t["code"] == "means.deception")
    assert deception["label"] == "Deception" and deception["labels"]["fr"]
    assert client.get("/api/vocabularies/nope").status_code == 404


def test_openapi_documents_the_responses(client):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/cases", "/api/cases/{public_id}", "/api/facets", "/api/vocabularies"} <= set(schema["paths"])
    parameters = {p["name"] for p in schema["paths"]["/api/cases"]["get"]["parameters"]}
    assert {"q", "cursor", "act", "victim_nationality", "year_from"} <= parameters
    assert "CaseOut" in schema["components"]["schemas"]


@override_settings(GLOACT_API_RATE="3/m")
def test_rate_limit_per_client(client):
    cache.clear()
    statuses = [client.get("/api/vocabularies").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    other_client = client.get("/api/vocabularies", REMOTE_ADDR="192.0.2.7")
    assert other_client.status_code == 200
    cache.clear()
