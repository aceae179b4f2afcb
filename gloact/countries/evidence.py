"""Evidence files attached to self-assessment answers: only a few document types, checked by
their content (not only their name), and a size limit."""

import os

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Evidence

MAX_SIZE = 10 * 1024 * 1024
# extension -> (content type, how the file must start)
ALLOWED = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    ".odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
}


def evidence_content_type(upload) -> str:
    """The content type of an acceptable upload; ValidationError otherwise."""
    extension = os.path.splitext(upload.name)[1].lower()
    if extension not in ALLOWED:
        raise ValidationError(
            _("Upload a PDF, PNG, JPEG, DOCX, XLSX or ODT file."), code="type"
        )
    if upload.size > MAX_SIZE:
        raise ValidationError(_("The file is larger than 10 MB."), code="size")
    content_type, signatures = ALLOWED[extension]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(_("The file's content does not match its type."), code="content")
    return content_type


def attach_evidence(answer, upload, user) -> Evidence:
    content_type = evidence_content_type(upload)
    name = os.path.basename(upload.name)[:255]
    return Evidence.objects.create(
        answer=answer, file=upload, original_name=name, content_type=content_type, size=upload.size, uploaded_by=user
    )
