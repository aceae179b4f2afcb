"""Decision files are checked by content: type, size, emptiness and damage (uploads.py)."""

import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ..uploads import MAX_DECISION_FILE_BYTES, sha256_of, validate_decision_file

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document/>"})


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize("name,content,expected", [
    ("decision.pdf", PDF, "pdf"),
    ("decision.docx", DOCX, "docx"),
    ("decision.odt", ODT, "odt"),
    ("decision.html", b"<!DOCTYPE html><html><body><p>Judgment</p></body></html>", "html"),
    ("decision.txt", "Jugement du tribunal régional.\n".encode(), "text"),
])
def test_accepted_types_are_detected_by_content(name, content, expected):
    assert validate_decision_file(upload(name, content)) == expected


@pytest.mark.parametrize("name,content,message", [
    ("x.pdf", PNG, "PNG image"),
    ("x.pdf", b"Just some text pretending to be a PDF.", "content is plain text, not PDF"),
    ("x.pdf", PDF[: len(PDF) // 2], "damaged or incomplete"),
    ("x.pdf", b"", "empty"),
    ("x.docx", ODT, "content is OpenDocument (ODT), not Word (DOCX)"),
    ("x.docx", DOCX[:-30], "damaged"),
    ("x.docx", zipped({"readme.txt": b"hello"}), "ZIP archive"),
    ("x.exe", PDF, "are not accepted"),
    ("x.txt", b"\xff\xfe\x00binary\x00", "not recognised"),
])
def test_bad_files_are_refused_with_a_clear_message(name, content, message):
    with pytest.raises(ValidationError) as refused:
        validate_decision_file(upload(name, content))
    assert message in " ".join(refused.value.messages)


def test_oversized_files_are_refused():
    big = upload("big.pdf", PDF + b"0" * MAX_DECISION_FILE_BYTES)
    with pytest.raises(ValidationError, match="too large"):
        validate_decision_file(big)


def test_sha256_reads_the_whole_file_and_rewinds():
    file = upload("decision.pdf", PDF)
    assert sha256_of(file) == hashlib.sha256(PDF).hexdigest()
    assert file.read() == PDF
