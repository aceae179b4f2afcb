"""Shared test fixtures: a headless system Chromium driven by Playwright for browser tests; each
test starting with nothing kept in memory by an earlier one."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("GLOACT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-first-run",
]
SHARED_DATA = os.path.join(os.path.dirname(__file__), "..", "shared", "data")


def load_reference_data():
    """Re-run the data migrations of gloact's apps (countries, vocabularies, jurisdictions, ...).

    A transactional test empties every table when it ends; the next one would otherwise start
    without the reference data that migrations loaded. Django's serialized rollback does not mix
    with transactional tests that flush without it, so the data is reloaded instead."""
    from django.apps import apps
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    graph = MigrationLoader(connection, ignore_no_migrations=True).graph
    plan = []
    for leaf in graph.leaf_nodes():
        plan += [key for key in graph.forwards_plan(leaf) if key not in plan]
    for key in plan:
        if not graph.nodes[key].__module__.startswith("gloact."):
            continue
        for operation in graph.nodes[key].operations:
            if isinstance(operation, RunPython):
                with connection.schema_editor() as editor:
                    operation.code(apps, editor)


@pytest.fixture(autouse=True)
def reference_data_in_transactional_tests(request):
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    request.getfixturevalue("_django_db_helper")
    from gloact.core.models import Country

    if not Country.objects.exists():
        load_reference_data()
        from gloact.accounts.roles import sync_roles_after_migrate

        sync_roles_after_migrate(sender=None)  # content types, permissions and role groups


@pytest.fixture(autouse=True)
def nothing_kept_by_an_earlier_search(monkeypatch):
    """SQLite's search keeps the cases of each word it matched with the state of the index they
    were read from (search/sqlite_words.py). A test's rollback takes that state back, and the next
    test may index other texts into the very same state (same counts, same structure)."""
    from gloact.caselaw.search import sqlite_words

    monkeypatch.setattr(sqlite_words, "_kept", type(sqlite_words._kept)())


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs it.")
    # Playwright's sync API runs an event loop in this thread; the live server's database
    # access from test code is still synchronous and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def shared_data():
    """Path to ../shared/data, or a skip with the reason when this checkout has none beside it."""
    path = os.path.abspath(SHARED_DATA)
    if not os.path.isdir(path):
        pytest.skip("../shared/data is not beside this checkout (only CI and developers have it)")
    return path
