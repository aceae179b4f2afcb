"""Re-checks the external URLs of sources and records whether they still answer.

Each URL gets a HEAD request, then a GET when HEAD fails (many servers refuse HEAD); a status
below 400 is reachable. The result (status, error, time, failures in a row) is kept in
LinkCheck; editors see the broken ones. Uses only the standard library. Entry points:
`check_url(url)`, `check_source_link(source)`, `sources_to_check()`.
"""

import http.client
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from .models import LinkCheck, Source

TIMEOUT_SECONDS = 15
USER_AGENT = f"{settings.SITE_NAME}-linkcheck/1.0"


@dataclass(frozen=True)
class LinkResult:
    ok: bool
    status_code: int | None = None
    error: str = ""


def _request(url: str, method: str, timeout: float) -> LinkResult:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        # check_url lets only http(s) URLs through (and urllib follows redirects to http(s) or ftp only).
        with urllib.request.urlopen(request, timeout=timeout) as response:  # nosec B310
            if method == "GET":
                response.read(1024)
            return LinkResult(ok=response.status < 400, status_code=response.status)
    except urllib.error.HTTPError as error:
        return LinkResult(ok=False, status_code=error.code, error=str(error.reason)[:300])
    except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, http.client.HTTPException,
            ValueError) as error:
        reason = getattr(error, "reason", error)
        return LinkResult(ok=False, error=(str(reason) or type(reason).__name__)[:300])


def check_url(url: str, timeout: float = TIMEOUT_SECONDS) -> LinkResult:
    """HEAD `url`, then GET it if HEAD did not succeed."""
    if not url.lower().startswith(("http://", "https://")):
        return LinkResult(ok=False, error="not an http(s) URL")
    result = _request(url, "HEAD", timeout)
    return result if result.ok else _request(url, "GET", timeout)


def check_source_link(source: Source, timeout: float = TIMEOUT_SECONDS) -> LinkCheck:
    """Check the URL of `source` and record the result."""
    result = check_url(source.url, timeout)
    previous = LinkCheck.objects.filter(source=source).first()
    failures = 0 if result.ok else (previous.consecutive_failures if previous and previous.url == source.url else 0) + 1
    check, _created = LinkCheck.objects.update_or_create(
        source=source,
        defaults={"url": source.url, "ok": result.ok, "status_code": result.status_code, "error": result.error,
                  "checked_at": timezone.now(), "consecutive_failures": failures},
    )
    return check


def sources_to_check():
    """Sources with a URL, those never checked first, then the longest unchecked."""
    return Source.objects.exclude(url="").order_by(F("link_check__checked_at").asc(nulls_first=True), "pk")


def broken_links():
    return LinkCheck.objects.broken().select_related("source__case").order_by("-consecutive_failures", "url")
