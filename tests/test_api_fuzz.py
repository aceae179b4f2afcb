"""Property-based fuzzing of the public API against its own OpenAPI document.

Schemathesis reads the document the site serves at /api/openapi.json and, for every operation,
generates requests that fit it (positive) and requests that break it (negative: wrong types,
out-of-range numbers, unknown values). Each request goes to the WSGI application in-process, once
anonymously and once with a logged-in editor's session cookie (the API takes no credentials of its
own; a session must change nothing). Every answer must be free of server errors and match the
documented status codes, content type and response schema.

The number of examples per operation is kept small so that the file runs in well under a minute;
GLOACT_FUZZ_EXAMPLES=500 searches deeper.
"""

import base64
import json
import os

import pytest
import schemathesis
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from gloact.accounts.tests.factories import make_user
from gloact.caselaw.tests.factories import make_published_case
from gloact.wsgi import application

FUZZ_EXAMPLES = int(os.environ.get("GLOACT_FUZZ_EXAMPLES", "15"))


def served_schema(phases):
    """The document as the site serves it (loaded at collection: serving it needs no database)."""
    loaded = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    loaded.config.generation.update(
        modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], max_examples=FUZZ_EXAMPLES, database="none",
    )
    loaded.config.phases.update(phases=phases)
    return loaded


# Anonymous requests get every phase: the schema's examples, its boundaries and other HTTP methods
# (coverage), then random data. A session cookie goes through the same code, so random data is
# enough to show that it changes nothing.
schema = served_schema(["examples", "coverage", "fuzzing"])
session_schema = served_schema(["fuzzing"])
HYPOTHESIS = hypothesis_settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@pytest.fixture
def published_cases(db):
    """Cases for the fuzzer to find, list and count, on the test's database connection: the WSGI
    handler would close it at the end of each request (inside the test's transaction it is not
    'autocommit' as configured), as Django's own test client prevents by the same means."""
    make_published_case("MLI", title="Synthetic fuzz case one")
    make_published_case("NER", title="Synthetic fuzz case two", is_landmark=True)
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def editor_cookie(db):
    client = Client()
    client.force_login(make_user("fuzz-editor", "editor"))
    return {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}


def call_and_check(case, **kwargs):
    """Every built-in check, except that schema-valid input may be refused for one documented
    reason: a cursor is opaque (any string fits the schema), and one the API did not issue is a 400."""
    response = case.call_and_validate(excluded_checks=[positive_data_acceptance], **kwargs)
    if case.meta is not None and case.meta.generation.mode is GenerationMode.POSITIVE:
        refusable = {400} if (case.query or {}).get("cursor") else set()
        assert response.status_code < 400 or response.status_code in refusable | {404}, (
            f"schema-valid request refused with {response.status_code}: {case.as_curl_command()}"
        )
    return response


@schema.parametrize()
@HYPOTHESIS
def test_api_answers_anonymous_requests_as_documented(case, published_cases):
    call_and_check(case)


@session_schema.parametrize()
@HYPOTHESIS
def test_api_answers_a_logged_in_editor_as_documented(case, published_cases, editor_cookie):
    call_and_check(case, cookies=editor_cookie)


def test_every_api_operation_is_fuzzed():
    """New endpoints are fuzzed without being listed here; this checks that the served document
    holds the operations of the routers, so that the fuzzer is not silently testing nothing."""
    operations = {f"{r.ok().method.upper()} {r.ok().path}" for r in schema.get_all_operations()}
    assert {"GET /api/cases", "GET /api/cases/{public_id}", "GET /api/facets", "GET /api/vocabularies",
            "GET /api/vocabularies/{code}"} <= operations


def cursor(sort, values) -> str:
    return base64.urlsafe_b64encode(json.dumps([sort, values]).encode()).decode().rstrip("=")


# Cursors a client could forge by hand, too structured for the fuzzer to stumble on: each was a
# server error before the cursor's values were checked against the types of its sort keys.
FORGED_CURSORS = [
    {"cursor": cursor("date", [1.5, 3])},  # a number for a date
    {"cursor": cursor("date", [{"d": "2020-01-01"}, 10**30])},  # an id beyond 64 bits
    {"cursor": cursor("relevance", [float("nan"), {"d": "2020-01-01"}, 1]), "q": "synthetic"},
    {"cursor": cursor("published", [{"t": "2020-01-01T00:00:00"}, "x"]), "sort": "published"},
    {"cursor": cursor("date", {"d": "2020-01-01"})},
]


@pytest.mark.django_db
@pytest.mark.parametrize("forged", FORGED_CURSORS)
def test_a_forged_cursor_is_a_bad_request_not_a_server_error(client, published_cases, forged):
    response = client.get("/api/cases", forged)
    assert response.status_code == 400 and response.json() == {"detail": "Invalid cursor."}
