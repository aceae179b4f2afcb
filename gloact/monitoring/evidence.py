"""Evidence files attached to reported values: checked on upload (size, type by name and by
content), stored under MEDIA_ROOT/monitoring/evidence with a random name, and handed out only
through a view that checks the user's country scope (never through MEDIA_URL)."""

from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from .models import EvidenceFile, IndicatorValue

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class FileKind:
    content_type: str
    magic: bytes | None  # first bytes of a genuine file; None for plain text


ALLOWED = {
    ".pdf": FileKind("application/pdf", b"%PDF-"),
    ".png": FileKind("image/png", b"\x89PNG\r\n\x1a\n"),
    ".jpg": FileKind("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": FileKind("image/jpeg", b"\xff\xd8\xff"),
    ".docx": FileKind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
    ".xlsx": FileKind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    ".csv": FileKind("text/csv", None),
    ".txt": FileKind("text/plain", None),
}


def check_upload(upload) -> FileKind:
    """The kind of an acceptable upload; ValidationError says why another is refused."""
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError(_("The file is larger than %(mb)d MB.") % {"mb": MAX_EVIDENCE_BYTES // (1024 * 1024)})
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    kind = ALLOWED.get(PurePath(upload.name).suffix.lower())
    if kind is None:
        raise ValidationError(_("Accepted file types: %(types)s.") % {"types": ", ".join(sorted(ALLOWED))})
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if kind.magic is not None and not head.startswith(kind.magic):
        raise ValidationError(_("The file's content does not match its type."))
    if kind.magic is None:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character may be cut at the end of the sample: only earlier errors count.
            if error.start < len(head) - 4 or b"\x00" in head:
                raise ValidationError(_("A text file must be UTF-8 text.")) from error
    return kind


def attach_evidence(value: IndicatorValue, upload, user, description: str = "") -> EvidenceFile:
    from .workflow import may_edit

    if not may_edit(user, value.report):
        raise PermissionDenied(_("This report cannot be edited."))
    kind = check_upload(upload)
    return EvidenceFile.objects.create(
        indicator_value=value, file=upload, original_name=PurePath(upload.name).name[:200],
        content_type=kind.content_type, size=upload.size, description=description, uploaded_by=user,
    )
