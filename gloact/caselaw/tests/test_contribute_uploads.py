"""Which decision files case law accepts (uploads.py); the checks themselves are tested with
gloact.core.uploads in core/tests/test_uploads.py."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gloact.core.tests.test_uploads import DOCX_BYTES, HTML_BYTES, ODT_BYTES, PDF_BYTES, PNG_BYTES, XLSX_BYTES

from ..uploads import ACCEPT, MAX_DECISION_FILE_BYTES, validate_decision_file

PDF, PNG = PDF_BYTES, PNG_BYTES  # used by the suggestion tests


@pytest.mark.parametrize("name,content,expected", [
    ("decision.pdf", PDF, "pdf"),
    ("decision.docx", DOCX_BYTES, "docx"),
    ("decision.odt", ODT_BYTES, "odt"),
    ("decision.html", HTML_BYTES, "html"),
    ("decision.txt", "Jugement du tribunal régional.\n".encode(), "text"),
])
def test_decision_types_are_accepted_with_their_code(name, content, expected):
    assert validate_decision_file(SimpleUploadedFile(name, content)) == expected


@pytest.mark.parametrize("name,content", [("scan.png", PNG), ("figures.xlsx", XLSX_BYTES), ("list.csv", b"a,b\n")])
def test_images_and_spreadsheets_are_not_decisions(name, content):
    with pytest.raises(ValidationError, match="are not accepted"):
        validate_decision_file(SimpleUploadedFile(name, content))
    assert name.rsplit(".", 1)[-1] not in ACCEPT


def test_decisions_may_be_up_to_20_mb():
    padding = b"%" + b"0" * (MAX_DECISION_FILE_BYTES - len(PDF) - 2) + b"\n"  # a PDF comment line
    largest = PDF[:9] + padding + PDF[9:]
    assert len(largest) == MAX_DECISION_FILE_BYTES
    assert validate_decision_file(SimpleUploadedFile("big.pdf", largest)) == "pdf"
    with pytest.raises(ValidationError, match="too large"):
        validate_decision_file(SimpleUploadedFile("big.pdf", PDF + b"0" * MAX_DECISION_FILE_BYTES))
