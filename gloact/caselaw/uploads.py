"""Checks on uploaded decision files, shared by every upload form (suggestions, contributions,
source imports).

The type is decided by the file's content, never by its name or the browser's claim: a PNG
renamed to .pdf is refused. Entry points: `validate_decision_file(uploaded) -> type` (raises
ValidationError with a message saying exactly what is wrong) and `sha256_of(file)`.
"""

import hashlib
import io
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_DECISION_FILE_BYTES = 20 * 1024 * 1024

PDF, DOCX, ODT, HTML, TEXT = "pdf", "docx", "odt", "html", "text"
TYPE_LABELS = {PDF: "PDF", DOCX: "Word (DOCX)", ODT: "OpenDocument (ODT)", HTML: "HTML", TEXT: _("plain text")}
EXTENSIONS = {".pdf": PDF, ".docx": DOCX, ".odt": ODT, ".html": HTML, ".htm": HTML, ".txt": TEXT}
ACCEPT = ",".join(EXTENSIONS)  # for <input type="file" accept="...">
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

# Common formats that are not decisions, named in the error so the sender knows what happened.
OTHER_SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", _("a PNG image")),
    (b"\xff\xd8\xff", _("a JPEG image")),
    (b"GIF8", _("a GIF image")),
    (b"MZ", _("a Windows program")),
    (b"\x7fELF", _("a program")),
    (b"Rar!", _("a RAR archive")),
    (b"\x1f\x8b", _("a compressed (gzip) file")),
    (b"\xd0\xcf\x11\xe0", _("an old Microsoft Office file: save it as DOCX or PDF")),
]
PDF_TAIL_BYTES = 2048
CHUNK = 64 * 1024


def _read_all(uploaded) -> bytes:
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    return data


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if archive.testzip() is not None:
                raise zipfile.BadZipFile
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return ODT
            if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
                return DOCX
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
        raise ValidationError(
            _("The file is damaged: it looks like a Word or OpenDocument file but cannot be opened."),
            code="corrupted",
        ) from error
    raise ValidationError(
        _("The file is a ZIP archive, not a decision document: upload a PDF, DOCX, ODT, HTML or text file."),
        code="type",
    )


def _check_pdf(data: bytes) -> str:
    if b"%%EOF" not in data[-PDF_TAIL_BYTES:] or b"obj" not in data:
        raise ValidationError(
            _("The PDF file is damaged or incomplete (it may have been cut off during download)."), code="corrupted"
        )
    return PDF


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html")) or ("<html" in head and "<body" in text[:8192].lower())


def detect_type(data: bytes) -> str:
    """The decision file type of `data`, or ValidationError saying why it is not one."""
    if data.startswith(b"%PDF-"):
        return _check_pdf(data)
    if data.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    for signature, label in OTHER_SIGNATURES:
        if data.startswith(signature):
            raise ValidationError(
                _("The file is %(what)s, not a decision document: upload a PDF, DOCX, ODT, HTML or text file."),
                code="type", params={"what": label},
            )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("The file type is not recognised: upload a PDF, DOCX, ODT, HTML or UTF-8 text file."), code="type"
        ) from error
    if "\x00" in text or any(ord(c) < 32 and c not in "\t\r\n\f" for c in text[:8192]):
        raise ValidationError(
            _("The file type is not recognised: upload a PDF, DOCX, ODT, HTML or UTF-8 text file."), code="type"
        )
    if not text.strip():
        raise ValidationError(_("The file is empty."), code="empty")
    return HTML if _looks_like_html(text) else TEXT


def validate_decision_file(uploaded, max_bytes: int = MAX_DECISION_FILE_BYTES) -> str:
    """Check an uploaded decision file and return its type ("pdf", "docx", "odt", "html", "text").

    Refused, with a message saying why: an empty file, one over `max_bytes`, a name without a
    supported extension, content of another type than the name says, a damaged PDF or archive."""
    size = uploaded.size
    if not size:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s."), code="size",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
        )
    extension = PurePath(uploaded.name or "").suffix.lower()
    if extension not in EXTENSIONS:
        raise ValidationError(
            _("Files ending in “%(extension)s” are not accepted: upload a PDF, DOCX, ODT, HTML or text file."),
            code="extension", params={"extension": extension or _("(no extension)")},
        )
    detected = detect_type(_read_all(uploaded))
    expected = EXTENSIONS[extension]
    # An HTML page saved as .txt is harmless text; any other mismatch hides what the file is.
    if detected != expected and not (expected == TEXT and detected == HTML):
        raise ValidationError(
            _("The file is named “%(name)s” but its content is %(actual)s, not %(expected)s."), code="mismatch",
            params={"name": PurePath(uploaded.name).name, "actual": TYPE_LABELS[detected],
                    "expected": TYPE_LABELS[expected]},
        )
    return detected


def sha256_of(file) -> str:
    """Hex SHA-256 of a file-like object, read in chunks; the position is reset afterwards."""
    digest = hashlib.sha256()
    file.seek(0)
    chunks = file.chunks(CHUNK) if hasattr(file, "chunks") else iter(lambda: file.read(CHUNK), b"")
    for chunk in chunks:
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()
