"""A visitor and staff members using the site in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from gloact.accounts.tests.factories import PASSWORD, make_user
from gloact.core.models import Organisation
from tests.browser.accounts import submit_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_in_english_french_and_arabic(page):
    transferred = []
    page.on("response", lambda r: transferred.append(len(r.body())) if r.ok else None)
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("main")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    assert sum(transferred) < 200 * 1024, f"home page weighs {sum(transferred)} bytes"

    page.get_by_label("Language").select_option("fr")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert page.url.endswith("/fr/")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")

    page.get_by_label("Langue").select_option("ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.url.endswith("/ar/")


def test_language_switch_works_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/account/login/")
    page.get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert page.url.endswith("/es/account/login/")  # the same page, in Spanish
    context.close()


def test_login_then_lockout_after_repeated_failures(page):
    make_user("nadia", "practitioner")
    submit_login(page, "nadia", PASSWORD)
    expect(page.get_by_role("link", name="My account")).to_be_visible()
    page.goto("/account/logout/")
    page.get_by_role("button", name="Log out").click()

    for _ in range(5):
        submit_login(page, "nadia", "not-the-password")
    submit_login(page, "nadia", PASSWORD)
    expect(page.get_by_role("heading", name="Too many failed login attempts")).to_be_visible()


def test_back_office_access_depends_on_role(page):
    Organisation.objects.create(name="Bamako legal aid clinic", kind="cso", country_id="MLI")
    Organisation.objects.create(name="Niamey legal aid clinic", kind="cso", country_id="NER")
    make_user("practitioner", "practitioner")
    make_user("focal", "focal_point", ["MLI"])

    submit_login(page, "practitioner")
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/account/login/"))

    page.context.clear_cookies()
    submit_login(page, "focal")
    page.goto("/admin/core/organisation/")
    expect(page.get_by_role("link", name="Bamako legal aid clinic")).to_be_visible()
    expect(page.get_by_text("Niamey legal aid clinic")).to_have_count(0)


def test_phone_width_has_no_horizontal_scrolling(browser, live_server):
    for language in ("", "/ar"):
        context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(f"{language}/")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{language or '/'} is {width}px wide on a 360px phone"
        expect(page.locator("a.skip-link[href='#main']")).to_be_attached()
        context.close()
