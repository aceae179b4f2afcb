"""The editor's review of findings: dismissing false positives, and what still blocks publication."""

from ..models import Case, PrivacyFindingDismissal
from .detection import Finding, scan_case


def dismissed_keys(case: Case) -> set[str]:
    return set(PrivacyFindingDismissal.objects.filter(case=case).values_list("key", flat=True))


def unresolved_findings(case: Case) -> list[Finding]:
    """Findings an editor has neither redacted nor dismissed: publication waits until none is left."""
    dismissed = dismissed_keys(case)
    return [finding for finding in scan_case(case) if finding.key not in dismissed]


def dismiss_finding(case: Case, finding: Finding, editor) -> PrivacyFindingDismissal:
    """Record that `finding` is not personal data (it covers the same text in the same field)."""
    dismissal, _created = PrivacyFindingDismissal.objects.get_or_create(
        case=case, key=finding.key,
        defaults={"field": finding.field[:100], "kind": finding.kind, "dismissed_by": editor},
    )
    return dismissal
