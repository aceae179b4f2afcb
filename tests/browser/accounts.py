"""Logging in through the login page, as the browser tests' users do."""

import re

from playwright.sync_api import expect

from gloact.accounts.tests.factories import PASSWORD


def submit_login(page, username, password=PASSWORD):
    page.goto("/account/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name=re.compile("Next|Log in|Login", re.I)).click()


def log_in(page, username):
    """Log in as `username` (whoever was logged in before) and wait for the logged-in page."""
    page.context.clear_cookies()
    submit_login(page, username)
    expect(page.get_by_role("link", name="My account")).to_be_visible()
