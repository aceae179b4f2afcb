"""Which decision files case law accepts (PDF, DOCX, ODT, HTML, text) and how large, for every
upload form (suggestions, contributions, source imports). The checks by content and their
messages are gloact.core.uploads; `validate_decision_file(uploaded) -> type code` applies them."""

from gloact.core.uploads import DOCX, HTML, ODT, PDF, TEXT, accept_attribute, sha256_of, validate_upload

MAX_DECISION_FILE_BYTES = 20 * 1024 * 1024
DECISION_TYPES = (PDF, DOCX, ODT, HTML, TEXT)
ACCEPT = accept_attribute(DECISION_TYPES)  # for <input type="file" accept="...">

__all__ = ["ACCEPT", "DECISION_TYPES", "MAX_DECISION_FILE_BYTES", "sha256_of", "validate_decision_file"]


def validate_decision_file(uploaded, max_bytes: int = MAX_DECISION_FILE_BYTES) -> str:
    """The type code ("pdf", "docx", "odt", "html", "text") of an acceptable decision file;
    ValidationError saying what is wrong with another."""
    return validate_upload(uploaded, DECISION_TYPES, max_bytes).code
