"""The link checker, against a small HTTP server on the loopback interface only."""

import http.server
import io
import socket
import threading

import pytest
from django.core.management import call_command
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.caselaw import linkcheck
from gloact.caselaw.models import LinkCheck, Source
from gloact.caselaw.tasks_quality import check_links

from .factories import make_case


class Handler(http.server.BaseHTTPRequestHandler):
    """/ok answers 200, /no-head refuses HEAD (405) but answers GET, anything else is 404."""

    def _answer(self, with_body: bool):
        if self.path == "/no-head" and self.command == "HEAD":
            status = 405
        else:
            status = 200 if self.path in ("/ok", "/no-head") else 404
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self.server.methods.append(("HEAD", self.path))
        self._answer(False)

    def do_GET(self):
        self.server.methods.append(("GET", self.path))
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.methods = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def closed_port_url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/gone"  # nothing listens there any more


def test_reachable_url_is_checked_with_head(server):
    httpd, base = server
    assert linkcheck.check_url(f"{base}/ok", timeout=5) == linkcheck.LinkResult(ok=True, status_code=200)
    assert httpd.methods == [("HEAD", "/ok")]


def test_get_is_tried_when_head_fails(server):
    httpd, base = server
    assert linkcheck.check_url(f"{base}/no-head", timeout=5).ok
    assert httpd.methods == [("HEAD", "/no-head"), ("GET", "/no-head")]


def test_missing_page_is_broken(server):
    _httpd, base = server
    result = linkcheck.check_url(f"{base}/missing", timeout=5)
    assert not result.ok and result.status_code == 404


def test_connection_error_is_broken(closed_port_url):
    result = linkcheck.check_url(closed_port_url, timeout=5)
    assert not result.ok and result.status_code is None and result.error


def test_other_schemes_are_not_fetched():
    assert linkcheck.check_url("file:///etc/passwd").error == "not an http(s) URL"


@pytest.mark.django_db
def test_results_are_stored_with_consecutive_failures(server, closed_port_url):
    _httpd, base = server
    case = make_case()
    good = Source.objects.create(case=case, kind=Source.Kind.EXTERNAL_URL, url=f"{base}/ok")
    missing = Source.objects.create(case=case, kind=Source.Kind.EXTERNAL_URL, url=f"{base}/missing")
    down = Source.objects.create(case=case, kind=Source.Kind.EXTERNAL_URL, url=closed_port_url)
    assert check_links.call_local() == 2
    assert check_links.call_local() == 2
    checks = {check.source_id: check for check in LinkCheck.objects.all()}
    assert checks[good.pk].ok and checks[good.pk].consecutive_failures == 0
    assert checks[missing.pk].status_code == 404 and checks[missing.pk].consecutive_failures == 2
    assert checks[down.pk].error and checks[down.pk].consecutive_failures == 2
    # Fixed URL: the failure count starts again.
    Source.objects.filter(pk=missing.pk).update(url=f"{base}/ok")
    assert linkcheck.check_source_link(Source.objects.get(pk=missing.pk), timeout=5).consecutive_failures == 0


@pytest.mark.django_db
def test_command_and_editor_page_list_broken_links(server, client):
    _httpd, base = server
    case = make_case()
    Source.objects.create(case=case, kind=Source.Kind.EXTERNAL_URL, url=f"{base}/ok")
    Source.objects.create(case=case, kind=Source.Kind.EXTERNAL_URL, url=f"{base}/missing")
    out = io.StringIO()
    call_command("check_links", "--no-progress", "--timeout", "5", stdout=out)
    assert "2 URLs checked, 1 broken." in out.getvalue()

    url = reverse("editorial:broken_links")
    client.force_login(make_user("reader", "practitioner"))
    assert client.get(url).status_code == 403
    client.force_login(make_user("editor", "editor"))
    page = client.get(url).content.decode()
    assert f"{base}/missing" in page and f"{base}/ok<" not in page and "404" in page
