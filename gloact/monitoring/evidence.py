"""Evidence files attached to reported values: checked on upload (size, type by name and by
content), stored under MEDIA_ROOT/monitoring/evidence with a random name, and handed out only
through a view that checks the user's country scope (never through MEDIA_URL)."""

from pathlib import PurePath

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from gloact.core.uploads import CSV, DOCX, JPEG, PDF, PNG, TEXT, XLSX, FileType, validate_upload

from .models import EvidenceFile, IndicatorValue

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
EVIDENCE_TYPES = (PDF, PNG, JPEG, DOCX, XLSX, CSV, TEXT)


def check_upload(upload) -> FileType:
    """The type of an acceptable evidence file (checked by content, gloact.core.uploads);
    ValidationError says why another is refused."""
    return validate_upload(upload, EVIDENCE_TYPES, MAX_EVIDENCE_BYTES)


def attach_evidence(value: IndicatorValue, upload, user, description: str = "") -> EvidenceFile:
    from .workflow import may_edit

    if not may_edit(user, value.report):
        raise PermissionDenied(_("This report cannot be edited."))
    kind = check_upload(upload)
    return EvidenceFile.objects.create(
        indicator_value=value, file=upload, original_name=PurePath(upload.name).name[:200],
        content_type=kind.content_type, size=upload.size, description=description, uploaded_by=user,
    )
