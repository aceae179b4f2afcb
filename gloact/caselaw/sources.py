"""Decision documents: adding one to a case (type check, checksum, refusal of a file another
source already holds) and extracting its text for search.

Entry points: `add_decision_source(case, uploaded, **fields)`, `find_duplicate_source(sha256)`,
`extract_text(data)` and `extract_source_text(source)` (run in the background by
tasks_quality.extract_source_text). The extracted text is internal (it may name victims); the
public derivative is built from it by privacy.build_redacted_text when it is saved.
"""

import io
import re
import zipfile
from html.parser import HTMLParser
from xml.etree import ElementTree  # nosec B405: only parsed after refusing DTDs (_zip_part)

import structlog
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gloact.core.uploads import DOCX, HTML, ODT, PDF, TEXT, FileType, detect_type, sha256_of, type_for_name

from .models import Source
from .uploads import validate_decision_file

log = structlog.get_logger(__name__)

# A document part larger than this once decompressed is not read (protection against zip bombs).
MAX_XML_BYTES = 50 * 1024 * 1024
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class ExtractionError(Exception):
    """The document cannot be read (damaged, encrypted, unknown type)."""


# --- Duplicates ------------------------------------------------------------------------------


def find_duplicate_source(sha256: str, exclude_pk=None) -> Source | None:
    """Another source holding the file with checksum `sha256`, if any."""
    if not sha256:
        return None
    return Source.objects.filter(sha256=sha256).exclude(pk=exclude_pk).select_related("case").first()


def refuse_duplicate(sha256: str, exclude_pk=None) -> None:
    """ValidationError naming the case that already holds the identical file."""
    existing = find_duplicate_source(sha256, exclude_pk)
    if existing is not None:
        raise ValidationError(
            _("This file is already attached to case %(case)s (“%(title)s”)."), code="duplicate",
            params={"case": existing.case.public_id, "title": existing.case.title},
        )


def add_decision_source(case, uploaded, **fields) -> Source:
    """Attach an uploaded decision to `case` after checking its type and size, refusing a file
    that another source already holds; its text is extracted in the background."""
    validate_decision_file(uploaded)
    digest = sha256_of(uploaded)
    refuse_duplicate(digest)
    source = Source(case=case, kind=Source.Kind.DECISION, **fields)
    source.file.save(uploaded.name, uploaded, save=False)
    source.save()
    from .tasks_quality import extract_source_text as extract_task

    transaction.on_commit(lambda: extract_task(source.pk))
    return source


# --- Text extraction ---------------------------------------------------------------------------


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError("encrypted PDF")
        return "\n\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError) as error:
        raise ExtractionError(f"unreadable PDF: {error}") from error


def _zip_part(data: bytes, name: str) -> ElementTree.Element:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(name)
            if info.file_size > MAX_XML_BYTES:
                raise ExtractionError(f"{name} is too large")
            xml = archive.read(info)
    except (KeyError, zipfile.BadZipFile) as error:
        raise ExtractionError(f"unreadable {name}: {error}") from error
    # Office documents are UTF-8 XML without a DTD; refusing a DTD (and other encodings, where
    # it could hide) rules out entity expansion attacks.
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml or b"\x00" in xml:
        raise ExtractionError(f"{name} declares a DTD or is not UTF-8")
    try:
        return ElementTree.fromstring(xml)  # nosec B314: no DTD, hence no entities (checked above)
    except ElementTree.ParseError as error:
        raise ExtractionError(f"unreadable {name}: {error}") from error


def _docx_text(data: bytes) -> str:
    paragraphs = []
    for paragraph in _zip_part(data, "word/document.xml").iter(f"{W}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{W}t":
                parts.append(node.text or "")
            elif node.tag == f"{W}tab":
                parts.append("\t")
            elif node.tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def _odf_inline(node) -> str:
    """Text of an ODF paragraph, with its spaces, tabs and line breaks."""
    parts = [node.text or ""]
    for child in node:
        if child.tag == f"{TEXT_NS}s":
            parts.append(" " * int(child.get(f"{TEXT_NS}c", "1")))
        elif child.tag == f"{TEXT_NS}tab":
            parts.append("\t")
        elif child.tag == f"{TEXT_NS}line-break":
            parts.append("\n")
        elif child.tag not in (f"{TEXT_NS}note", f"{TEXT_NS}p", f"{TEXT_NS}h"):
            parts.append(_odf_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_text(data: bytes) -> str:
    root = _zip_part(data, "content.xml")
    return "\n".join(_odf_inline(node) for node in root.iter() if node.tag in (f"{TEXT_NS}p", f"{TEXT_NS}h"))


class _HTMLText(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table",
              "blockquote", "pre", "dd", "dt"}
    SKIPPED = {"script", "style", "head", "template", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def _html_text(data: bytes) -> str:
    parser = _HTMLText()
    parser.feed(_decode(data))
    parser.close()
    return "\n".join(line.strip() for line in "".join(parser.parts).split("\n"))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


EXTRACTORS = {PDF: _pdf_text, DOCX: _docx_text, ODT: _odt_text, HTML: _html_text, TEXT: _decode}


def document_type(data: bytes, name: str = "") -> FileType:
    """The type by content; for content the upload check refuses (e.g. Latin-1 text stored by an
    import) the type the file name says."""
    try:
        detected = detect_type(data)
    except ValidationError as error:
        named = type_for_name(name)
        if named in (TEXT, HTML) and not data.startswith((b"%PDF", b"PK\x03\x04")):
            return named
        raise ExtractionError(f"unknown document type: {error.messages[0]}") from error
    if detected not in EXTRACTORS:  # an image or a spreadsheet
        raise ExtractionError(f"not a decision document: {detected.code}")
    return detected


def extract_text(data: bytes, name: str = "") -> str:
    """The plain text of a decision document (PDF, DOCX, ODT, HTML or text)."""
    return _tidy(EXTRACTORS[document_type(data, name)](data))


def extract_source_text(source: Source) -> bool:
    """Store the text of `source`'s file in `extracted_text`. Saving it rebuilds the public
    redacted derivative (privacy.signals calls privacy.build_redacted_text) and the search index.
    False (and nothing changed) when the file cannot be read."""
    if not source.file:
        return False
    try:
        with source.file.open("rb") as handle:
            data = handle.read()
        text = extract_text(data, source.file.name)
    except (ExtractionError, OSError) as error:
        log.warning("source_text_not_extracted", source=source.pk, error=str(error))
        return False
    source.extracted_text = text
    source.save(update_fields=["extracted_text"])
    return True
