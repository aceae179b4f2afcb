"""Applying findings: names become the person's public label, other identifiers "[redacted]".

`build_redacted_text(source)` makes the public derivative of a decision's extracted text; it runs
whenever the extracted text changes (see signals.py) and may be run again by hand."""

from contextlib import nullcontext

from auditlog.context import set_actor
from django.db import transaction

from ..models import Case, Source
from .detection import Finding, person_terms, resolve_field, scan_text

REDACTED = "[redacted]"


def redact(text: str, findings: list[Finding]) -> str:
    """`text` with each finding replaced. Findings that no longer match the text (it changed since
    the scan) or that overlap an earlier one are left out."""
    parts, position = [], 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < position or text[finding.start:finding.end] != finding.text:
            continue
        parts += [text[position:finding.start], finding.replacement]
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)


def redact_case(case: Case, findings: list[Finding], editor) -> int:
    """Apply `findings` to the texts of `case` they were found in and save them (one click in the
    privacy check). Returns how many replacements were made."""
    by_field: dict[str, list[Finding]] = {}
    for finding in findings:
        by_field.setdefault(finding.field, []).append(finding)
    done = 0
    with transaction.atomic(), set_actor(editor) if editor else nullcontext():
        for field, found in by_field.items():
            obj, attribute = resolve_field(case, field)
            if obj is None:
                continue
            before = getattr(obj, attribute)
            after = redact(before, found)
            if after != before:
                setattr(obj, attribute, after)
                obj.save(update_fields=[attribute])
                done += sum(1 for f in found if before[f.start:f.end] == f.text)
    return done


def redacted_version(source: Source) -> str:
    """The extracted text of `source` with every finding redacted (dismissed false positives of
    its redacted text stay as they are)."""
    from .review import dismissed_keys

    field = f"source:{source.pk}:redacted_text"
    case = source.case
    findings = scan_text(source.extracted_text, field, person_terms(case), (case.court_reference, case.ecli))
    dismissed = dismissed_keys(case) if source.pk else set()
    return redact(source.extracted_text, [f for f in findings if f.key not in dismissed])


def build_redacted_text(source: Source) -> str:
    """Rebuild and save the public `redacted_text` of `source` from its internal extracted text."""
    source.redacted_text = redacted_version(source)
    if source.pk:
        source.save(update_fields=["redacted_text"])
    return source.redacted_text
