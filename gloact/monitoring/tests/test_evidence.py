"""Evidence files: checked on upload, stored under MEDIA_ROOT/monitoring/evidence, served only to
users who may see the report."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.monitoring.evidence import MAX_EVIDENCE_BYTES, attach_evidence, check_upload
from gloact.monitoring.models import EvidenceFile

from .factories import add_value, make_indicator, make_period, make_programme, make_report

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_uploads_are_checked_by_size_name_and_content():
    assert check_upload(SimpleUploadedFile("minutes.pdf", PDF)).content_type == "application/pdf"
    assert check_upload(SimpleUploadedFile("list.csv", "name,total\nMopti,3\n".encode())).content_type == "text/csv"
    for bad in [
        SimpleUploadedFile("tool.exe", b"MZ..."),
        SimpleUploadedFile("fake.pdf", b"<html>not a pdf</html>"),
        SimpleUploadedFile("empty.pdf", b""),
        SimpleUploadedFile("big.pdf", PDF + b"0" * MAX_EVIDENCE_BYTES),
    ]:
        with pytest.raises(ValidationError):
            check_upload(bad)


def test_evidence_is_stored_privately_and_served_to_permitted_users_only(client, settings, tmp_path):
    programme = make_programme()
    period = make_period(programme)
    indicator = make_indicator(programme)
    officer = make_user("officer", "programme_officer", ["MLI"])
    value = add_value(make_report(programme, period, "MLI"), indicator, Decimal(4))
    evidence = attach_evidence(value, SimpleUploadedFile("Attendance list.pdf", PDF), officer)
    assert evidence.file.name.startswith("monitoring/evidence/") and "Attendance" not in evidence.file.name
    assert (tmp_path / evidence.file.name).read_bytes() == PDF
    assert evidence.country_id == "MLI"

    url = reverse("monitoring:evidence", args=[evidence.pk])
    client.force_login(officer)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "Attendance list.pdf" in response["Content-Disposition"]
    client.force_login(make_user("other", "programme_officer", ["NER"]))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_evidence_uploaded_with_the_entry_form(client):
    programme = make_programme()
    report = make_report(programme, make_period(programme), "MLI")
    indicator = make_indicator(programme)
    client.force_login(make_user("officer", "programme_officer", ["MLI"]))
    url = reverse("monitoring:enter_value", args=[report.pk, indicator.pk])
    bad = client.post(url, {"value": "4", "evidence": SimpleUploadedFile("x.exe", b"MZ")})
    assert bad.status_code == 200 and "Accepted file types" in bad.content.decode()
    assert not EvidenceFile.objects.exists()
    client.post(url, {"value": "4", "evidence": SimpleUploadedFile("minutes.pdf", PDF), "evidence_description": "Minutes"})
    assert EvidenceFile.objects.get().description == "Minutes"
