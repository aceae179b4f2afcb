"""Usage insight without trackers: counters, top and zero-result queries, anonymous feedback."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gloact.accounts.tests.factories import make_user
from gloact.caselaw import usage
from gloact.caselaw.models import CaseFeedback, CaseViewCount, DailyCount, SearchQuery

from .factories import make_case, make_published_case

pytestmark = pytest.mark.django_db


def test_query_normalisation():
    assert usage.normalise_query("  Forced   LABOUR\n") == "forced labour"
    assert len(usage.normalise_query("x" * 500)) == 200


def test_searches_are_counted_with_top_and_zero_result_queries():
    usage.record_search("Forced labour", 3)
    usage.record_search("forced  labour ", 0)
    usage.record_search("FORCED LABOUR", 2)
    usage.record_search("organ removal", 0)
    usage.record_search("begging", 1)
    usage.record_search("   ", 5)  # counted as a search, no query text
    assert DailyCount.objects.get(kind="search", day=timezone.localdate()).count == 6
    assert [(q.query, q.count) for q in usage.top_queries(2)] == [("forced labour", 3), ("begging", 1)]
    assert [(q.query, q.zero_result_count) for q in usage.zero_result_queries()] == [
        ("forced labour", 1), ("organ removal", 1)]
    assert SearchQuery.objects.count() == 3


def test_case_views_and_downloads_are_counted_per_day_and_per_case():
    case = make_published_case()
    for _ in range(3):
        usage.record_case_view(case)
    usage.record_download("jsonl")
    usage.record_download("jsonl")
    usage.record_download("csv")
    assert CaseViewCount.objects.get(case=case).views == 3
    today = timezone.localdate()
    assert usage.totals(today) == {"search": 0, "case_view": 3, "download": 3}
    assert usage.downloads_by_kind(today) == [("jsonl", 2), ("csv", 1)]
    rows = usage.daily_counts(today - datetime.timedelta(days=2))
    assert [row["case_view"] for row in rows] == [0, 0, 3]


@pytest.mark.django_db(transaction=True)
def test_counting_a_view_takes_one_statement_per_counter_and_no_transaction():
    # A case page pays for these round trips: the day's views and the case's, each one upsert.
    case = make_published_case()
    usage.record_case_view(case)
    with CaptureQueriesContext(connection) as queries:
        usage.record_case_view(case)
    assert [query["sql"].split()[0] for query in queries] == ["INSERT", "INSERT"]
    assert CaseViewCount.objects.get(case=case).views == 2
    assert DailyCount.objects.get(kind="case_view", day=timezone.localdate()).count == 2


def test_feedback_stores_only_the_answer(client):
    case = make_published_case()
    response = client.post(reverse("editorial:feedback", args=[case.public_id]),
                           {"useful": "yes", "audience": "prosecutor", "next": f"/cases/{case.public_id}/"},
                           REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Synthetic Browser")
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert f'href="/cases/{case.public_id}/"' in response.content.decode()
    feedback = CaseFeedback.objects.get()
    assert (feedback.case, feedback.useful, feedback.audience, feedback.day) == (
        case, True, "prosecutor", timezone.localdate())
    # Nothing else is kept: the model has no field that could hold who answered.
    assert {f.name for f in CaseFeedback._meta.concrete_fields} == {"id", "case", "useful", "audience", "day"}
    assert "203.0.113.9" not in str(CaseFeedback.objects.values().get())


def test_feedback_with_htmx_returns_the_thanks_fragment(client):
    case = make_published_case()
    response = client.post(reverse("editorial:feedback", args=[case.public_id]), {"useful": "no"},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "<html" not in response.content.decode()
    assert CaseFeedback.objects.get().useful is False


def test_feedback_is_refused_without_csrf_token_for_unpublished_cases_and_bad_input(client):
    case = make_published_case()
    url = reverse("editorial:feedback", args=[case.public_id])
    assert Client(enforce_csrf_checks=True).post(url, {"useful": "yes"}).status_code == 403
    assert client.post(url, {"useful": "maybe"}).status_code == 400
    assert client.get(url).status_code == 405
    draft = make_case()
    assert client.post(reverse("editorial:feedback", args=[draft.public_id]), {"useful": "yes"}).status_code == 404
    assert not CaseFeedback.objects.exists()


def test_offsite_return_address_is_not_offered(client):
    case = make_published_case()
    response = client.post(reverse("editorial:feedback", args=[case.public_id]),
                           {"useful": "yes", "next": "https://elsewhere.invalid/"})
    assert "elsewhere.invalid" not in response.content.decode()


def test_feedback_partial_renders_a_labelled_csrf_protected_form(rf):
    from django.template.loader import render_to_string

    case = make_published_case()
    request = rf.get(f"/cases/{case.public_id}/")
    html = render_to_string("caselaw/insight/_feedback.html", {"case": case}, request=request)
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'for="feedback-audience-{case.public_id}"' in html
    assert f'action="{reverse("editorial:feedback", args=[case.public_id])}"' in html
    for audience in CaseFeedback.Audience.values:
        assert f'value="{audience}"' in html


def test_insight_page_for_editors(client):
    case = make_published_case(title="Viewed synthetic case")
    usage.record_search("debt bondage", 0)
    usage.record_case_view(case)
    usage.record_feedback(case, True, "judge")
    url = reverse("editorial:insight")
    assert client.get(url).status_code == 302
    client.force_login(make_user("practitioner", "practitioner"))
    assert client.get(url).status_code == 403
    client.force_login(make_user("editor", "editor"))
    page = client.get(url).content.decode()
    assert "debt bondage" in page and case.public_id in page and "Useful: 1." in page
