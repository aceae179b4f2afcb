"""Decision documents: text extraction of each type, checksum, refusal of duplicate files."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gloact.caselaw import sources
from gloact.caselaw.models import Source
from gloact.caselaw.tasks_quality import extract_pending_sources, extract_source_text

from .documents import docx_with_paragraphs, odt_with_paragraphs, pdf_with_text
from .factories import make_case


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_pdf_text_is_extracted():
    assert sources.extract_text(pdf_with_text("The accused recruited workers by deception")) == (
        "The accused recruited workers by deception"
    )


def test_docx_paragraphs_are_extracted():
    data = docx_with_paragraphs("First paragraph.", "Second paragraph &amp; more.")
    assert sources.extract_text(data) == "First paragraph.\nSecond paragraph & more."


def test_odt_paragraphs_spaces_and_breaks_are_extracted():
    data = odt_with_paragraphs('Two<text:s text:c="2"/>spaces', "Line<text:line-break/>break", "<text:span>Span</text:span> end")
    assert sources.extract_text(data) == "Two  spaces\nLine\nbreak\nSpan end"


def test_html_text_without_scripts_and_styles():
    data = (b"<!doctype html><html><head><title>T</title><style>p{}</style></head><body>"
            b"<h1>Judgment</h1><p>The court <b>finds</b>&nbsp;the accused guilty.</p><script>x()</script></body></html>")
    assert sources.extract_text(data) == "Judgment\n\nThe court finds\xa0the accused guilty."


def test_text_in_utf8_and_latin1():
    assert sources.extract_text("Décision du tribunal".encode()) == "Décision du tribunal"
    assert sources.extract_text("Décision du tribunal".encode("latin-1"), "decision.txt") == "Décision du tribunal"


def test_xml_with_a_dtd_is_refused():
    bomb = docx_with_paragraphs("&a;", doctype="<!DOCTYPE w:document [<!ENTITY a 'aaaa'>]>")
    with pytest.raises(sources.ExtractionError, match="DTD"):
        sources.extract_text(bomb)


def test_unknown_binary_content_is_not_extracted():
    with pytest.raises(sources.ExtractionError):
        sources.extract_text(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "image.pdf")


@pytest.mark.django_db
def test_adding_a_decision_stores_checksum_and_extracts_text_in_the_background(django_capture_on_commit_callbacks):
    case = make_case(title="Extraction case")
    with django_capture_on_commit_callbacks(execute=True):
        source = sources.add_decision_source(
            case, SimpleUploadedFile("judgment.docx", docx_with_paragraphs("Synthetic judgment text.")))
    source.refresh_from_db()
    assert len(source.sha256) == 64 and source.size > 0
    assert source.extracted_text == "Synthetic judgment text."
    # The public derivative is rebuilt from the extracted text (privacy.build_redacted_text).
    assert source.redacted_text == "Synthetic judgment text."


@pytest.mark.django_db
def test_identical_file_is_refused_naming_the_case_that_has_it():
    first = make_case(title="First case")
    data = pdf_with_text("Same decision")
    sources.add_decision_source(first, SimpleUploadedFile("a.pdf", data))
    other = make_case(title="Second case")
    with pytest.raises(ValidationError) as refused:
        sources.add_decision_source(other, SimpleUploadedFile("renamed.pdf", data))
    assert refused.value.code == "duplicate"
    assert first.public_id in refused.value.messages[0]
    assert Source.objects.filter(case=other).count() == 0


@pytest.mark.django_db
def test_wrong_type_is_refused_before_storing():
    case = make_case()
    with pytest.raises(ValidationError):
        sources.add_decision_source(case, SimpleUploadedFile("judgment.pdf", b"plain text, not a PDF"))
    assert not Source.objects.filter(case=case).exists()


@pytest.mark.django_db
def test_extraction_task_and_catch_up_of_sources_added_elsewhere():
    case = make_case()
    source = Source.objects.create(case=case, file=SimpleUploadedFile("d.odt", odt_with_paragraphs("Odt text")))
    assert source.extracted_text == ""
    assert extract_pending_sources.call_local() == 1
    source.refresh_from_db()
    assert source.extracted_text == "Odt text"
    assert extract_source_text.call_local(source.pk) is True
    assert extract_source_text.call_local(0) is False


@pytest.mark.django_db
def test_unreadable_file_leaves_source_unchanged():
    case = make_case()
    source = Source.objects.create(case=case, file=SimpleUploadedFile("d.pdf", b"%PDF-1.4 broken obj %%EOF"))
    assert sources.extract_source_text(source) is False
    source.refresh_from_db()
    assert source.extracted_text == ""
