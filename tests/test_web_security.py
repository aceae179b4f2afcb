"""Web security of the whole site: CSRF on every state-changing route, security headers in
production, session expiry, password reset without account enumeration, no open redirects, and
uploaded files never served inline.

Login lockout after failed attempts is proved in gloact/accounts/tests/test_login_security.py
(test_account_is_locked_after_five_failures_even_with_the_right_password).
"""

import json
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from gloact.accounts.tests.factories import PASSWORD, make_user
from gloact.core.testing import subprocess_environment

ROOT = Path(__file__).resolve().parents[1]
LOGIN = "/account/login/"
EVIL = ["https://evil.example/", "//evil.example/", "https:/\\evil.example/", "\\\\evil.example/"]


def log_in(client, username, password=PASSWORD, next_url=None):
    url = LOGIN + (f"?next={next_url}" if next_url else "")
    return client.post(
        url, {"auth-username": username, "auth-password": password, "login_view-current_step": "auth"},
        REMOTE_ADDR="192.0.2.20",
    )


def on_site(location: str) -> bool:
    return url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"}, require_https=False)


# --- CSRF ----------------------------------------------------------------------------------


def route_names(patterns=None, namespace=None, params=()):
    """(view name, parameter names) of every named URL pattern of the site."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        regex = entry.pattern.regex
        names = params + tuple(regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace])) or None
            yield from route_names(entry.url_patterns, inner, names)
        elif isinstance(entry, URLPattern) and entry.name:
            yield ":".join(filter(None, [namespace, entry.name])), names


def site_urls() -> dict[str, str]:
    """One URL per named route, with placeholder values for its parameters (the CSRF check runs
    before the view, so the objects need not exist)."""
    urls = {}
    for name, params in route_names():
        for placeholder in ("1", "x", "00000000-0000-0000-0000-000000000000"):
            try:
                urls[name] = reverse(name, kwargs={p: placeholder for p in params})
                break
            except NoReverseMatch:
                continue
    return urls


def rejected_for_csrf(response) -> bool:
    return response.status_code == 403 and b"CSRF verification failed" in response.content


@pytest.mark.django_db
def test_every_route_refuses_a_post_without_a_csrf_token():
    user = make_user("csrf-admin", "administrator", is_staff=True, is_superuser=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    urls = site_urls()
    assert {"two_factor:login", "accounts:logout", "set_language", "admin:index"} <= set(urls)
    exposed = {}
    for name, url in sorted(urls.items()):
        response = client.post(url, {"language": "fr", "next": "/"})
        if rejected_for_csrf(response):
            continue
        # Only the read-only public API is exempt from CSRF (it uses no cookies); it must refuse POST.
        if name.startswith("api:") and response.status_code == 405:
            continue
        exposed[url] = response.status_code
    assert not exposed, f"state-changing requests accepted without a CSRF token: {exposed}"
    assert client.get(reverse("accounts:account")).status_code == 200  # the logout POST did not log out


@pytest.mark.django_db
def test_login_logout_language_and_password_reset_forms_need_the_csrf_token():
    make_user("amina", "practitioner", email="amina@example.org")
    client = Client(enforce_csrf_checks=True)
    assert rejected_for_csrf(log_in(client, "amina"))
    assert rejected_for_csrf(client.post(reverse("set_language"), {"language": "fr"}))
    assert rejected_for_csrf(client.post(reverse("accounts:password_reset"), {"email": "amina@example.org"}))
    # With the token from the form, the same login goes through.
    client.get(LOGIN)
    token = client.cookies["csrftoken"].value
    response = client.post(
        LOGIN, {"auth-username": "amina", "auth-password": PASSWORD, "login_view-current_step": "auth",
                "csrfmiddlewaretoken": token}, REMOTE_ADDR="192.0.2.21",
    )
    assert response.status_code == 302
    assert rejected_for_csrf(client.post(reverse("accounts:logout")))
    assert client.get(reverse("accounts:account")).status_code == 200


# --- Security headers in production --------------------------------------------------------

PRODUCTION_REQUESTS = """
import json
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client, override_settings
with connection.schema_editor() as editor:  # the login page keeps its wizard state in the session
    editor.create_model(Session)
client = Client(HTTP_HOST="gloact.example.org")
out = {}
# Plain static storage: collectstatic's manifest has no bearing on the headers.
with override_settings(STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}):
    for path in ["/healthz", "/account/login/", "/account/password-reset/", "/no-such-page/"]:
        r = client.get(path, secure=True)
        out[path] = {"status": r.status_code, "headers": dict(r.headers),
                     "cookies": {k: {"secure": bool(m["secure"]), "httponly": bool(m["httponly"]), "samesite": m["samesite"]}
                                 for k, m in r.cookies.items()}}
    plain = client.get("/account/login/")
out["plain"] = {"status": plain.status_code, "location": plain.headers.get("Location")}
print(json.dumps(out))
"""


def run_production(var_dir, *args):
    env = subprocess_environment()
    env.update(GLOACT_ENV="production", GLOACT_SECRET_KEY="p" * 60, GLOACT_ALLOWED_HOSTS="gloact.example.org",
               GLOACT_VAR_DIR=str(var_dir))
    result = subprocess.run([sys.executable, "-m", "gloact.cli", *args], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_production_pages_send_the_security_headers_and_secure_cookies(tmp_path):
    pages = json.loads(run_production(tmp_path, "shell", "-c", PRODUCTION_REQUESTS).strip().splitlines()[-1])
    for path in ["/healthz", "/account/login/", "/account/password-reset/", "/no-such-page/"]:
        page = pages[path]
        headers = page["headers"]
        assert page["status"] == (404 if path == "/no-such-page/" else 200), path
        csp = dict(d.strip().split(" ", 1) for d in headers["Content-Security-Policy"].split(";") if d.strip())
        for directive in ("script-src", "default-src"):
            assert "'unsafe-inline'" not in csp[directive] and "'unsafe-eval'" not in csp[directive], path
        assert csp["frame-ancestors"] == "'none'" and csp["object-src"] == "'none'"
        assert headers["X-Frame-Options"] == "DENY"
        hsts = headers["Strict-Transport-Security"]
        assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= 31536000 and "includeSubDomains" in hsts
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
    cookies = pages["/account/login/"]["cookies"]
    assert cookies["sessionid"] == {"secure": True, "httponly": True, "samesite": "Lax"}
    assert cookies["csrftoken"]["secure"] is True
    assert pages["plain"] == {"status": 301, "location": "https://gloact.example.org/account/login/"}


# --- Sessions ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_session_ends_with_the_browser_and_after_eight_hours_at_the_latest(client):
    make_user("amina", "practitioner")
    response = log_in(client, "amina")
    cookie = response.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # a browser-session cookie
    session = Session.objects.get(session_key=cookie.value)
    assert abs(session.expire_date - (timezone.now() + timedelta(hours=8))) < timedelta(minutes=1)
    assert client.get(reverse("accounts:account")).status_code == 200

    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("accounts:account"))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


# --- Password reset ------------------------------------------------------------------------


def normalised(html: bytes) -> str:
    return re.sub(r'(csrfmiddlewaretoken" value=")[^"]+', r"\1", html.decode())


@pytest.mark.django_db
def test_password_reset_does_not_reveal_which_addresses_have_an_account(client, mailoutbox):
    make_user("amina", "practitioner", email="amina@example.org")
    url = reverse("accounts:password_reset")
    known = client.post(url, {"email": "amina@example.org"}, follow=True)
    unknown = client.post(url, {"email": "nobody@example.org"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain == [(reverse("accounts:password_reset_done"), 302)]
    assert normalised(known.content) == normalised(unknown.content)
    assert [m.to for m in mailoutbox] == [["amina@example.org"]]


@pytest.mark.django_db
def test_password_reset_link_sets_a_new_password_once(client, mailoutbox):
    make_user("amina", "practitioner", email="amina@example.org")
    assert "password-reset" in client.get(LOGIN).text  # the login page offers the reset
    client.post(reverse("accounts:password_reset"), {"email": "amina@example.org"})
    link = re.search(r"http://testserver(/account/password-reset/\S+/)", mailoutbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    new = "a-brand-new-passphrase-2026"
    done = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert done.status_code == 302 and done["Location"] == reverse("accounts:password_reset_complete")
    assert log_in(Client(), "amina", new).status_code == 302
    assert log_in(Client(), "amina", PASSWORD).status_code == 200  # the old one no longer works
    assert "invalid" in client.get(link, follow=True).text  # the link works once


@pytest.mark.django_db
def test_password_reset_refuses_a_forged_host_header(client, mailoutbox):
    # The link in the e-mail is built from the Host header: only the site's own names are accepted.
    make_user("amina", "practitioner", email="amina@example.org")
    response = client.post(reverse("accounts:password_reset"), {"email": "amina@example.org"}, HTTP_HOST="evil.example")
    assert response.status_code == 400 and mailoutbox == []


# --- Redirects -----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_login_does_not_redirect_to_another_site(client, target):
    make_user("amina", "practitioner")
    response = log_in(client, "amina", next_url=target)
    assert response.status_code == 302 and on_site(response["Location"]), response["Location"]
    assert "evil.example" not in response["Location"]


@pytest.mark.django_db
def test_login_follows_an_on_site_next():
    make_user("amina", "practitioner")
    response = log_in(Client(), "amina", next_url="/account/")
    assert response["Location"] == "/account/"


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_language_switch_does_not_redirect_to_another_site(client, target):
    response = client.post(reverse("set_language"), {"language": "fr", "next": target}, HTTP_REFERER=target)
    assert response.status_code == 302 and on_site(response["Location"]), response["Location"]
    assert "evil.example" not in response["Location"]
    on_site_next = client.post(reverse("set_language"), {"language": "fr", "next": "/account/"})
    assert on_site_next["Location"] == "/fr/account/"


# --- Uploaded files ------------------------------------------------------------------------

# A file an attacker might upload, hoping the site serves it inline from its own origin.
HOSTILE_NAME = "judgment.html"
HOSTILE_BYTES = b"<html><script src=/x.js></script></html>"


def assert_served_as_download(response):
    """An uploaded file must be a download: never rendered or sniffed by the browser."""
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment"), response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_uploaded_files_are_not_served_by_the_application(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "caselaw" / "sources").mkdir(parents=True)
    (tmp_path / "caselaw" / "sources" / HOSTILE_NAME).write_bytes(HOSTILE_BYTES)
    client.force_login(make_user("admin", "administrator", is_staff=True, is_superuser=True))
    assert client.get(settings.MEDIA_URL + "caselaw/sources/" + HOSTILE_NAME).status_code == 404


def original_decision_download(client, tmp_path):
    """The privacy office's download of an uploaded decision as filed."""
    from gloact.caselaw.models import Source
    from gloact.caselaw.tests.factories import make_case

    source = Source(case=make_case(), title="Judgment")
    source.file.save(HOSTILE_NAME, ContentFile(HOSTILE_BYTES), save=True)
    client.force_login(make_user("admin", "administrator", is_staff=True, is_superuser=True))
    return client.get(reverse("privacy:original_file", args=[source.pk]))


def suggested_decision_download(client, tmp_path):
    """An editor's download of the decision sent with a public case suggestion."""
    from gloact.caselaw.models import CaseSuggestion
    from gloact.caselaw.suggestions import save_suggestion
    from gloact.core.models import Country

    suggestion = CaseSuggestion(country=Country.objects.get(iso3="MLI"), court="Synthetic court", what_happened="x")
    suggestion.file.save(HOSTILE_NAME, ContentFile(HOSTILE_BYTES), save=False)
    save_suggestion(suggestion, ip_hash="0" * 64, file_type="html")
    client.force_login(make_user("editor", "editor"))
    return client.get(reverse("contribute:suggestion_file", args=[suggestion.pk]))


def monitoring_evidence_download(client, tmp_path):
    """A programme officer's download of evidence attached to a report."""
    from decimal import Decimal

    from django.core.files.uploadedfile import SimpleUploadedFile

    from gloact.monitoring.evidence import attach_evidence
    from gloact.monitoring.tests.factories import add_value, make_indicator, make_period, make_programme, make_report

    programme = make_programme()
    officer = make_user("officer", "programme_officer", ["MLI"])
    value = add_value(make_report(programme, make_period(programme), "MLI"), make_indicator(programme), Decimal(4))
    evidence = attach_evidence(value, SimpleUploadedFile("list.csv", b"name,total\nMopti,3\n"), officer)
    client.force_login(officer)
    return client.get(reverse("monitoring:evidence", args=[evidence.pk]))


# Each view that serves an uploaded file: a function (client, tmp_path) -> response.
FILE_DOWNLOADS = [original_decision_download, suggested_decision_download, monitoring_evidence_download]


@pytest.mark.django_db
@pytest.mark.parametrize("download", FILE_DOWNLOADS, ids=lambda f: f.__name__)
def test_views_serving_uploaded_files_send_them_as_downloads(client, settings, tmp_path, download):
    settings.MEDIA_ROOT = tmp_path
    assert_served_as_download(download(client, tmp_path))
