"""Uploaded files go back as private downloads (core/downloads.py)."""

import pytest
from django.core.files.base import ContentFile

from gloact.caselaw.models import Source
from gloact.caselaw.tests.factories import make_case
from gloact.core.downloads import private_download

pytestmark = pytest.mark.django_db


def test_a_private_download_is_an_uncached_attachment(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    source = Source(case=make_case(), title="Judgment")
    source.file.save("judgment.html", ContentFile(b"<html><body>Judgment</body></html>"), save=True)

    response = private_download(source.file)
    assert response["Content-Disposition"] == 'attachment; filename="judgment.html"'
    assert response["Cache-Control"] == "private, no-store" and response["Content-Type"] == "text/html"
    assert b"".join(response.streaming_content) == b"<html><body>Judgment</body></html>"

    named = private_download(source.file, "Décision.txt", "text/plain; charset=utf-8")
    assert "attachment" in named["Content-Disposition"] and "D%C3%A9cision.txt" in named["Content-Disposition"]
    assert named["Content-Type"] == "text/plain; charset=utf-8"
    named.close()
    response.close()
