"""Certificates of completion: a PDF per person in their language, and one for a whole event."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from gloact.activities import certificates
from gloact.activities.models import Activity
from gloact.activities.tests.factories import make_activity, make_attendance, make_participant

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def activity():
    return make_activity(title="Investigating trafficking cases", status=Activity.Status.DELIVERED,
                         planned_start=date(2020, 3, 2), location="Sikasso")


def test_certificate_in_the_participants_language(activity):
    english = make_attendance(activity, make_participant("Awa", "Testone", language="en"))
    french = make_attendance(activity, make_participant("Aminata", "Testtwo", language="fr"))
    arabic = make_attendance(activity, make_participant("Layla", "Testthree", language="ar"))

    [text] = pdf_text(certificates.render_pdf([english], issued_on=date(2020, 3, 20)))
    assert "Awa Testone" in text and "Investigating trafficking cases" in text
    assert "March 2, 2020" in text and english.certificate_number in text

    [text] = pdf_text(certificates.render_pdf([french], issued_on=date(2020, 3, 20)))
    assert "Aminata Testtwo" in text and "Investigating trafficking cases" in text
    assert "2 mars 2020" in text  # dates (and the wording, once translated) follow the language

    [text] = pdf_text(certificates.render_pdf([arabic], issued_on=date(2020, 3, 20)))
    assert "Layla Testthree" in text and "Investigating trafficking cases" in text
    assert "مارس" in text  # the Arabic month name


def test_event_certificates_one_page_each_only_for_completed(activity):
    make_attendance(activity, make_participant("Awa", "Testone"))
    make_attendance(activity, make_participant("Moussa", "Testtwo", language="fr"))
    make_attendance(activity, make_participant("Left", "Early"), completed=False)
    attendances = certificates.eligible_attendances(activity)
    pages = pdf_text(certificates.render_pdf(attendances))
    assert len(pages) == 2
    assert "Awa Testone" in pages[0] and "Moussa Testtwo" in pages[1]


def test_no_certificate_before_delivery_or_without_completion(activity):
    not_completed = make_attendance(activity, completed=False)
    with pytest.raises(certificates.NotEligible):
        certificates.render_pdf([not_completed])
    planned = make_activity(activity.workplan, code="LATER")
    assert not certificates.eligible_attendances(planned)
    with pytest.raises(certificates.NotEligible):
        certificates.render_pdf([make_attendance(planned)])
