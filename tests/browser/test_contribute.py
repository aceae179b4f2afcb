"""A visitor suggests a case; an editor turns it into a case, completes it and publishes it; the
public then finds it."""

import re

import pytest
from playwright.sync_api import expect

from gloact.accounts.tests.factories import make_user
from gloact.caselaw.models import Case, CaseSuggestion
from tests.browser.accounts import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_suggested_case_is_converted_completed_published_and_found(page):
    make_user("edgar", "editor")
    console_errors = []  # Content-Security-Policy violations are reported here
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)

    # An anonymous visitor suggests a case.
    page.goto("/contribute/suggest/")
    page.get_by_label("Country").select_option("MLI")
    page.get_by_label("Court").fill("Tessalit Demo Court (synthetic)")
    page.get_by_label("Date of the decision").fill("2023-05-12")
    page.get_by_label("What happened").fill(
        "Adults were recruited with false offers of farm work and held in a quarry without pay."
    )
    page.get_by_label("Link to the decision").fill("https://example.org/decisions/quarry")
    page.get_by_role("button", name="Send the suggestion").click()
    expect(page.get_by_role("heading", name=re.compile("suggestion was received"))).to_be_visible()
    receipt = CaseSuggestion.objects.get().receipt
    expect(page.locator(".receipt")).to_have_text(receipt)

    # An editor converts it into a draft.
    log_in(page, "edgar")
    page.goto("/contribute/suggestions/")
    page.get_by_role("link", name=receipt).click()
    page.get_by_role("button", name="Convert into a draft case").click()
    case = Case.objects.get()
    expect(page.get_by_role("heading", name=re.compile(case.public_id))).to_be_visible()

    # The checklist says what is missing; the editor completes it.
    checklist = page.locator("#checklist")
    expect(checklist.get_by_role("link", name=re.compile("crime type"))).to_be_visible()
    identity = page.get_by_role("region", name="Identity and jurisdiction")
    identity.get_by_label("Title").fill("Tessalit quarry forced labour case (synthetic)")
    identity.get_by_label("trafficking in persons").check()
    # htmx autosaves a second after a change, without leaving the page.
    expect(page.locator("#autosave-status")).to_contain_text("Saved at")
    assert Case.objects.get().crime_types.filter(code="crime.trafficking_in_persons").exists()
    assert console_errors == []
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(re.compile("Draft saved at"))).to_be_visible()
    expect(page.get_by_text("Nothing is missing: you can submit the case for review.")).to_be_visible()
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.get_by_text(re.compile(f"Case {case.public_id} submitted"))).to_be_visible()

    # Review and publication.
    page.goto("/contribute/review/")
    page.get_by_role("link", name=case.public_id).click()
    page.get_by_role("button", name="Start the review").click()
    expect(page.get_by_text("All requirements for publication are met.")).to_be_visible()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text(re.compile(f"Case {case.public_id} is now published"))).to_be_visible()
    assert Case.objects.get().status == Case.Status.PUBLISHED

    # The public finds it.
    page.context.clear_cookies()
    page.goto("/cases/?q=quarry")
    page.get_by_role("link", name=re.compile("Tessalit quarry")).first.click()
    expect(page).to_have_url(re.compile(f"/cases/{case.public_id}/"))
    expect(page.get_by_role("heading", name=re.compile("Tessalit quarry"))).to_be_visible()
