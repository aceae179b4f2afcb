"""Uploaded files are checked by content: type, size, emptiness and damage (core/uploads.py)."""

import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from gloact.core.uploads import (
    ALL_TYPES, CSV, DOCX, HTML, JPEG, ODT, PDF, PNG, TEXT, XLSX, accept_attribute, detect_type, sha256_of,
    type_for_name, validate_upload,
)

PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 64
LIMIT = 1024 * 1024


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX_BYTES = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX_BYTES = zipped({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT_BYTES = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document/>"})
HTML_BYTES = b"<!DOCTYPE html><html><body><p>Judgment</p></body></html>"


def check(name: str, content: bytes, accepted=ALL_TYPES, max_bytes: int = LIMIT):
    return validate_upload(SimpleUploadedFile(name, content), accepted, max_bytes)


def refusal(name: str, content: bytes, accepted=ALL_TYPES, max_bytes: int = LIMIT) -> str:
    with pytest.raises(ValidationError) as refused:
        check(name, content, accepted, max_bytes)
    return " ".join(refused.value.messages)


@pytest.mark.parametrize("name,content,expected", [
    ("decision.pdf", PDF_BYTES, PDF),
    ("decision.docx", DOCX_BYTES, DOCX),
    ("figures.xlsx", XLSX_BYTES, XLSX),
    ("decision.odt", ODT_BYTES, ODT),
    ("photo.png", PNG_BYTES, PNG),
    ("photo.JPG", JPEG_BYTES, JPEG),
    ("decision.html", HTML_BYTES, HTML),
    ("decision.txt", "Jugement du tribunal régional.\n".encode(), TEXT),
    ("list.csv", "name,total\nMopti,3\n".encode(), CSV),
])
def test_accepted_types_are_detected_by_content(name, content, expected):
    assert check(name, content) is expected
    assert check(name, content).content_type == expected.content_type


def test_an_html_page_saved_as_text_is_plain_text_but_not_the_other_way_round():
    assert check("page.txt", HTML_BYTES) is TEXT
    assert check("page.csv", HTML_BYTES) is CSV
    assert "content is plain text, not HTML" in refusal("page.html", b"Just text.")


@pytest.mark.parametrize("name,content,message", [
    ("x.pdf", PNG_BYTES, "content is PNG image, not PDF"),
    ("x.png", PDF_BYTES, "content is PDF, not PNG image"),
    ("x.pdf", b"Just some text pretending to be a PDF.", "content is plain text, not PDF"),
    ("x.pdf", PDF_BYTES[: len(PDF_BYTES) // 2], "damaged or incomplete"),
    ("x.pdf", b"", "empty"),
    ("x.txt", b"  \n\t", "empty"),
    ("x.docx", ODT_BYTES, "content is OpenDocument (ODT), not Word (DOCX)"),
    ("x.xlsx", DOCX_BYTES, "content is Word (DOCX), not Excel (XLSX)"),
    ("x.docx", DOCX_BYTES[:-30], "damaged"),
    ("x.docx", zipped({"readme.txt": b"hello"}), "ZIP archive"),
    ("x.pdf", b"MZ\x90\x00", "Windows program"),
    ("x.exe", PDF_BYTES, "Files ending in “.exe” are not accepted"),
    ("README", PDF_BYTES, "(no extension)"),
    ("x.txt", b"\xff\xfe\x00binary\x00", "not recognised"),
    ("x.csv", "Décision".encode("latin-1"), "must be UTF-8"),
])
def test_bad_files_are_refused_with_a_clear_message(name, content, message):
    assert message in refusal(name, content)


def test_refusals_for_the_wrong_kind_of_file_name_the_accepted_types():
    accepted = (PDF, DOCX)
    assert "Accepted file types: PDF, Word (DOCX)." in refusal("photo.png", PNG_BYTES, accepted)
    assert "Accepted file types: PDF, Word (DOCX)." in refusal("tool.pdf", b"MZ\x90\x00", accepted)
    assert accept_attribute((PDF, JPEG)) == ".pdf,.jpg,.jpeg"


def test_oversized_files_are_refused_with_size_and_limit():
    message = refusal("big.pdf", PDF_BYTES + b"0" * 2 * LIMIT)
    assert message == "The file is too large (2.0\xa0MB); the limit is 1.0\xa0MB."


def test_types_match_whatever_language_is_active():
    # The labels are translated lazily; the types must still compare equal in another language.
    with translation.override("fr"):
        assert check("list.csv", HTML_BYTES) is CSV
        assert type_for_name("A.PDF") is PDF


def test_detect_type_reads_content_only():
    assert detect_type(DOCX_BYTES) is DOCX
    with pytest.raises(ValidationError) as refused:
        detect_type(b"GIF89a")
    assert refused.value.code == "type" and "GIF image" in refused.value.messages[0]


def test_sha256_reads_the_whole_file_and_rewinds():
    file = SimpleUploadedFile("decision.pdf", PDF_BYTES)
    assert sha256_of(file) == hashlib.sha256(PDF_BYTES).hexdigest()
    assert file.read() == PDF_BYTES
    assert sha256_of(io.BytesIO(PDF_BYTES)) == hashlib.sha256(PDF_BYTES).hexdigest()
