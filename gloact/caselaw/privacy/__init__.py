"""Privacy of the case law database.

- pseudonyms: how persons are named in public (V1, W2, initials, defendants per jurisdiction) and
  the log of every showing of restricted identities.
- detection: `scan_case(case)` finds names, aliases and identifying details of the case's persons,
  and generic identifiers (e-mail, phone, passport or ID numbers, birth dates, street addresses),
  in every public text of a case.
- redaction: `redact(text, findings)`, `redact_case(case, findings, editor)` and
  `build_redacted_text(source)` (the public derivative of a decision's extracted text).
- review: `unresolved_findings(case)` (what blocks publication) and editors' dismissals of false
  positives.
- takedown: takedown and correction requests, and unpublishing a case at once.
"""

from .detection import Finding, scan_case, scan_text
from .pseudonyms import (
    INITIALS,
    NAME,
    PERMISSION,
    PREFIXES,
    PSEUDONYM,
    display_style,
    initials,
    is_minor,
    log_restricted_access,
    may_view_identities,
    pseudonym,
    pseudonyms,
    public_labels,
)
from .redaction import REDACTED, build_redacted_text, redact, redact_case
from .review import dismiss_finding, unresolved_findings

__all__ = [
    "INITIALS", "NAME", "PERMISSION", "PREFIXES", "PSEUDONYM", "REDACTED", "Finding", "build_redacted_text",
    "dismiss_finding", "display_style", "initials", "is_minor", "log_restricted_access", "may_view_identities",
    "pseudonym", "pseudonyms", "public_labels", "redact", "redact_case", "scan_case", "scan_text",
    "unresolved_findings",
]
