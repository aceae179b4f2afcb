"""Checks on uploaded files, for every app that takes them (decisions, evidence, agreements).

The type is decided by the file's content, never by its name or the browser's claim: a PNG renamed
to .pdf is refused, and so is a PDF cut off during download or a damaged Word file. Each app says
which types it accepts and how large a file may be; the checks and their messages live here.

Entry points: `validate_upload(uploaded, accepted, max_bytes) -> FileType` (raises
ValidationError with messages saying exactly what is wrong), `detect_type(data) -> FileType`,
`type_for_name(name)`, `accept_attribute(accepted)` and `sha256_of(file)`.
"""

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .lists import join_list


@dataclass(frozen=True, eq=False)  # compared by identity: one constant per type, labels are lazy
class FileType:
    code: str  # stored with a file, e.g. CaseSuggestion.file_type
    label: str
    content_type: str
    extensions: tuple[str, ...]


PDF = FileType("pdf", "PDF", "application/pdf", (".pdf",))
DOCX = FileType("docx", "Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                (".docx",))
XLSX = FileType("xlsx", "Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                (".xlsx",))
ODT = FileType("odt", "OpenDocument (ODT)", "application/vnd.oasis.opendocument.text", (".odt",))
PNG = FileType("png", _("PNG image"), "image/png", (".png",))
JPEG = FileType("jpeg", _("JPEG image"), "image/jpeg", (".jpg", ".jpeg"))
HTML = FileType("html", "HTML", "text/html", (".html", ".htm"))
TEXT = FileType("text", _("plain text"), "text/plain", (".txt",))
CSV = FileType("csv", "CSV", "text/csv", (".csv",))
ALL_TYPES = (PDF, DOCX, XLSX, ODT, PNG, JPEG, HTML, TEXT, CSV)

# Plain-text types hold whatever text they are given: an HTML page saved as .txt or .csv is
# harmless text; any other mismatch between name and content hides what the file is.
PLAIN_TEXT_TYPES = {TEXT, CSV}

IMAGE_SIGNATURES = [(b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG)]
# Common formats that no app accepts, named in the error so the sender knows what happened.
OTHER_SIGNATURES = [
    (b"GIF8", _("a GIF image")),
    (b"MZ", _("a Windows program")),
    (b"\x7fELF", _("a program")),
    (b"Rar!", _("a RAR archive")),
    (b"\x1f\x8b", _("a compressed (gzip) file")),
    (b"\xd0\xcf\x11\xe0", _("an old Microsoft Office file: save it as DOCX or PDF")),
]
ZIP_SIGNATURE = b"PK\x03\x04"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
PDF_TAIL_BYTES = 2048
TEXT_SAMPLE_CHARS = 8192
CHUNK = 64 * 1024


def type_for_name(name: str) -> FileType | None:
    """The type a file name claims by its extension."""
    extension = PurePath(name or "").suffix.lower()
    return next((t for t in ALL_TYPES if extension in t.extensions), None)


def accept_attribute(accepted) -> str:
    """For <input type="file" accept="...">."""
    return ",".join(extension for t in accepted for extension in t.extensions)


def accepted_types_message(accepted):
    return format_lazy(_("Accepted file types: {types}."), types=join_list(t.label for t in accepted))


def _sniff_zip(data: bytes) -> FileType:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if archive.testzip() is not None:
                raise zipfile.BadZipFile
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return ODT
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return DOCX
                if any(n.startswith("xl/") for n in names):
                    return XLSX
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
        raise ValidationError(
            _("The file is damaged: it looks like an Office or OpenDocument file but cannot be opened."),
            code="corrupted",
        ) from error
    raise ValidationError(_("The file is a ZIP archive, not a document."), code="type")


def _check_pdf(data: bytes) -> FileType:
    if b"%%EOF" not in data[-PDF_TAIL_BYTES:] or b"obj" not in data:
        raise ValidationError(
            _("The PDF file is damaged or incomplete (it may have been cut off during download)."), code="corrupted"
        )
    return PDF


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html")) or ("<html" in head and "<body" in text[:8192].lower())


def detect_type(data: bytes) -> FileType:
    """The type of `data` by its content, or ValidationError saying why it is none we know
    (code "type": another format; "corrupted": damaged; "empty")."""
    if data.startswith(b"%PDF-"):
        return _check_pdf(data)
    if data.startswith(ZIP_SIGNATURE):
        return _sniff_zip(data)
    for signature, file_type in IMAGE_SIGNATURES:
        if data.startswith(signature):
            return file_type
    for signature, label in OTHER_SIGNATURES:
        if data.startswith(signature):
            raise ValidationError(_("The file is %(what)s."), code="type", params={"what": label})
    unknown = ValidationError(_("The file type is not recognised (a text file must be UTF-8 text)."), code="type")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise unknown from error
    if "\x00" in text or any(ord(c) < 32 and c not in "\t\r\n\f" for c in text[:TEXT_SAMPLE_CHARS]):
        raise unknown
    if not text.strip():
        raise ValidationError(_("The file is empty."), code="empty")
    return HTML if _looks_like_html(text) else TEXT


def _read_all(uploaded) -> bytes:
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    return data


def validate_upload(uploaded, accepted, max_bytes: int) -> FileType:
    """Check an upload against the `accepted` types and return its type (the one its name says,
    which its content has been checked to match).

    Refused, with a message saying why: an empty file, one over `max_bytes`, a name without an
    accepted extension, content of another type than the name says, a damaged PDF or archive."""
    size = uploaded.size
    if not size:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s."), code="size",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
        )
    expected = type_for_name(uploaded.name)
    if expected not in accepted:
        extension = PurePath(uploaded.name or "").suffix.lower()
        raise ValidationError([
            ValidationError(_("Files ending in “%(extension)s” are not accepted."), code="extension",
                            params={"extension": extension or _("(no extension)")}),
            ValidationError(accepted_types_message(accepted), code="extension"),
        ])
    try:
        detected = detect_type(_read_all(uploaded))
    except ValidationError as error:
        if error.code != "type":
            raise
        raise ValidationError([error, ValidationError(accepted_types_message(accepted), code="type")]) from error
    if detected != expected and not (expected in PLAIN_TEXT_TYPES and detected in (TEXT, HTML)):
        raise ValidationError(
            _("The file is named “%(name)s” but its content is %(actual)s, not %(expected)s."), code="mismatch",
            params={"name": PurePath(uploaded.name).name, "actual": detected.label, "expected": expected.label},
        )
    return expected


def sha256_of(file) -> str:
    """Hex SHA-256 of a file-like object, read in chunks; the position is reset afterwards."""
    digest = hashlib.sha256()
    file.seek(0)
    chunks = file.chunks(CHUNK) if hasattr(file, "chunks") else iter(lambda: file.read(CHUNK), b"")
    for chunk in chunks:
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()
