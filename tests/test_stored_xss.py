"""Stored cross-site scripting: markup saved in any text field renders inert on every page.

A payload with a script element, an event handler and both quotes is written into every
CharField and TextField of the case law, results monitoring and country profile records (found
from each model's _meta, so a new field is covered without being listed), and the pages that show
them are fetched: public ones (case page, search results with a highlighted snippet, feed, API,
country profile) and staff ones (results dashboard, indicator, report, theory of change, editor's
review and version comparison). The payload must never come back as markup: escaped in HTML,
escaped twice in the feed (whose summaries readers render as HTML), and plain data in JSON.
"""

import html
import xml.etree.ElementTree as ET  # nosec B405 # parses the site's own feed in a test
from datetime import date

import pytest
from django.db import models
from django.urls import reverse

from gloact.accounts.tests.factories import make_user

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)>\"'"
SHORT_PAYLOAD = "<b onmouseover=x>'\""  # for fields too short for the full payload
PAYLOADS = (PAYLOAD, SHORT_PAYLOAD)
# Fields that hold identifiers, codes or hashes that the pages put in URLs or never show.
SKIPPED = {"public_id", "sha256", "iso3", "ip_hash", "receipt", "file_type", "content_type"}


def poison(obj, counter=[0]) -> list[str]:
    """Write a payload into every free-text field of `obj`, numbered (codes are unique together)."""
    written = {}
    for field in obj._meta.fields:
        if (not isinstance(field, (models.CharField, models.TextField)) or isinstance(field, models.SlugField)
                or field.choices or field.name in SKIPPED or not field.editable):
            continue
        counter[0] += 1
        limit = field.max_length or 10_000
        payload = next((p for p in PAYLOADS if len(p) + 6 <= limit), None)
        if payload is None:
            continue
        written[field.name] = f"{payload}{counter[0]}"
    # An update, not save(): approved results refuse save(), and the stored text is what counts.
    type(obj)._base_manager.filter(pk=obj.pk).update(**written)
    return list(written)


def assert_inert(content: str, where: str):
    for payload in PAYLOADS:
        assert payload not in content, f"{where}: payload rendered as markup"
    assert "<script>alert" not in content and "onerror=alert(1)>" not in content, where


def assert_shown_escaped(content: str, where: str):
    """The page does show the poisoned text (else the test would prove nothing), escaped."""
    assert html.escape(PAYLOAD) in content or html.escape(PAYLOAD, quote=False) in content, (
        f"{where}: the poisoned text is not on the page"
    )


@pytest.fixture
def poisoned_case():
    from gloact.caselaw.models import CaseTranslation, RouteCountry, Source
    from gloact.caselaw.search import bitmaps
    from gloact.caselaw.search.index import index_case
    from gloact.caselaw.tests.factories import make_charge, make_published_case

    case = make_published_case("MLI", title="Synthetic case")
    CaseTranslation.objects.create(case=case, language="fr", title="Affaire synthétique", summary="Résumé.")
    RouteCountry.objects.create(case=case, country_id="NER", role="origin")
    Source.objects.create(case=case, kind="url", url="https://example.org/judgment", title="Judgment",
                          redacted_text="The court finds V1 credible.")
    make_charge(case.persons.get(role="defendant"))
    poisoned = {"case": poison(case)}
    for related in ("translations", "persons", "proceedings", "charges", "sources"):
        for obj in getattr(case, related).all():
            poisoned.setdefault(related, []).extend(poison(obj))
    assert {"title", "summary", "reasoning", "commentary", "court_reference"} <= set(poisoned["case"])
    assert "decision_text" in poisoned["proceedings"] and "redacted_text" in poisoned["sources"]
    case.refresh_from_db()
    index_case(case)
    bitmaps.bump()  # the search structures are rebuilt on the next search
    return case


@pytest.mark.django_db
def test_case_law_pages_show_stored_markup_as_text(client, poisoned_case):
    case_page = client.get(reverse("caselaw:case_detail", args=[poisoned_case.public_id])).content.decode()
    assert_inert(case_page, "case page")
    assert_shown_escaped(case_page, "case page")
    # A search for a word of the payload runs the snippet highlighter over the poisoned texts.
    for query in ({}, {"q": "alert"}):
        results = client.get(reverse("caselaw:search"), query).content.decode()
        assert_inert(results, f"search {query}")
        assert poisoned_case.public_id in results, query
    french = client.get(f"/fr/cases/{poisoned_case.public_id}/").content.decode()
    assert_inert(french, "French case page")


@pytest.mark.django_db
def test_the_feed_escapes_stored_markup_for_readers_that_render_html(client, poisoned_case):
    response = client.get(reverse("caselaw:feed"))
    assert response.status_code == 200
    feed = response.content.decode()
    assert_inert(feed, "feed")
    # A feed reader unescapes the XML, then renders a summary of type "html" as HTML.
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ET.fromstring(response.content).iter(f"{atom}entry")  # nosec B314 # the site's own feed
    summaries = [entry.find(f"{atom}summary") for entry in entries]
    descriptions = [summary.text for summary in summaries if summary is not None and summary.get("type") == "html"]
    assert descriptions and all("<script" not in text and "<img" not in text for text in descriptions)
    assert any(html.escape(PAYLOAD, quote=False) in text or html.escape(PAYLOAD) in text for text in descriptions)


@pytest.mark.django_db
def test_the_api_returns_stored_markup_as_json_data(client, poisoned_case):
    for url in (f"/api/cases/{poisoned_case.public_id}", "/api/cases"):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/json")
        assert response["X-Content-Type-Options"] == "nosniff"  # never sniffed as HTML
        record = response.json() if "results" not in response.json() else response.json()["results"][0]
        assert record["title"].startswith(PAYLOAD) and record["texts"]["summary"].startswith(PAYLOAD)


@pytest.mark.django_db
def test_editors_review_and_version_comparison_show_stored_markup_as_text(client, poisoned_case):
    from gloact.caselaw.models import Case
    from gloact.caselaw.versions import record_version

    editor = make_user("xss-editor", "editor")
    Case.objects.filter(pk=poisoned_case.pk).update(status=Case.Status.SUBMITTED)
    record_version(poisoned_case, editor)
    Case.objects.filter(pk=poisoned_case.pk).update(summary=PAYLOAD + " changed <i>again</i>")
    record_version(Case.objects.get(pk=poisoned_case.pk), editor)
    client.force_login(editor)
    for name in ("contribute:review", "contribute:diff", "editorial:case_quality", "privacy:check"):
        query = "?a=1&b=2" if name == "contribute:diff" else ""
        response = client.get(reverse(name, args=[poisoned_case.public_id]) + query)
        assert response.status_code == 200, name
        assert_inert(response.content.decode(), name)
        assert "<i>again</i>" not in response.content.decode(), name


@pytest.fixture
def poisoned_programme():
    from django.apps import apps

    from gloact.monitoring import demo

    demo.load()
    for model in apps.get_app_config("monitoring").get_models():
        for obj in model.objects.all():
            poison(obj)
    return apps.get_model("monitoring", "Programme").objects.get()


@pytest.mark.django_db
def test_results_pages_show_stored_markup_as_text(client, poisoned_programme):
    programme = poisoned_programme
    client.force_login(make_user("xss-manager", "programme_manager"))
    indicator = programme.indicators.filter(values__isnull=False).first()
    report = programme.reports.filter(values__isnull=False).first()
    version = programme.theories.first().versions.first()
    pages = {
        "dashboard": reverse("monitoring:dashboard", args=[programme.code]),
        "indicator": reverse("monitoring:indicator", args=[programme.code, indicator.pk]),
        "logframe": reverse("monitoring:logframe", args=[programme.code]),
        "reports": reverse("monitoring:reports", args=[programme.code]),
        "report": reverse("monitoring:report", args=[report.pk]),
        "theory of change": reverse("monitoring:toc", args=[version.pk]),
        "diagram": reverse("monitoring:toc_svg", args=[version.pk]),
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        content = response.content.decode()
        assert_inert(content, name)
    assert_shown_escaped(client.get(pages["logframe"]).content.decode(), "logframe")
    exported = client.get(reverse("monitoring:toc_json", args=[version.pk])).json()
    assert exported["theory"].startswith(PAYLOAD)  # data, not markup, in the JSON export


@pytest.mark.django_db
def test_country_profile_shows_stored_markup_as_text(client):
    from gloact.core.models import Organisation
    from gloact.countries.models import (
        AssistanceRequest,
        CountryFocalPoint,
        NationalLaw,
        NationalProvision,
        StakeholderProfile,
        TreatyStatus,
    )

    unit = Organisation.objects.create(name="Police unit", kind="law_enforcement", country_id="MLI")
    records = [
        unit,
        StakeholderProfile.objects.create(organisation=unit, relationship="mou", contacts="desk@example.org"),
        CountryFocalPoint.objects.create(country_id="MLI", function="Officer", name="Focal A", email="a@example.org"),
        TreatyStatus.objects.create(country_id="MLI", instrument="tip_protocol", consent_action="ratification",
                                    consent_on=date(2002, 4, 12)),
        AssistanceRequest.objects.create(country_id="MLI", subject="Training request", received_on=date(2025, 3, 1),
                                         decision="accepted", decided_on=date(2025, 4, 1)),
    ]
    law = NationalLaw.objects.create(country_id="MLI", title="Law", kind="specific_law", scope="both")
    records += [law, NationalProvision.objects.create(law=law, reference="art. 1", topic="tip_criminalization")]
    for record in records:
        poison(record)
    url = reverse("countries:profile", args=["MLI"])
    public = client.get(url).content.decode()
    assert_inert(public, "public profile")
    assert_shown_escaped(public, "public profile")
    client.force_login(make_user("xss-focal", "focal_point", ["MLI"]))
    restricted = client.get(url).content.decode()
    assert_inert(restricted, "profile with the restricted part")
    assert_inert(client.get(reverse("countries:index")).content.decode(), "country index")
