"""Evidence files attached to self-assessment answers: only a few document types, checked by
their content (not only their name), and a size limit."""

import os

from gloact.core.uploads import DOCX, JPEG, ODT, PDF, PNG, XLSX, validate_upload

from .models import Evidence

MAX_SIZE = 10 * 1024 * 1024
EVIDENCE_TYPES = (PDF, PNG, JPEG, DOCX, XLSX, ODT)


def evidence_content_type(upload) -> str:
    """The content type of an acceptable upload (checked by content, gloact.core.uploads);
    ValidationError otherwise."""
    return validate_upload(upload, EVIDENCE_TYPES, MAX_SIZE).content_type


def attach_evidence(answer, upload, user) -> Evidence:
    content_type = evidence_content_type(upload)
    name = os.path.basename(upload.name)[:255]
    return Evidence.objects.create(
        answer=answer, file=upload, original_name=name, content_type=content_type, size=upload.size, uploaded_by=user
    )
