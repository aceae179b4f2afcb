"""Versions of a case: a JSON snapshot of the case and its child records, flattened to field
paths ("summary", "proceedings.12.date") so that two versions can be compared field by field.

Restricted identities never enter a snapshot. A person carries only `identity`: a fingerprint
keyed with the site's secret, which changes when the identity changes and reveals nothing else.
"""

import difflib
import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Case, CaseVersion, PersonIdentity

CASE_FIELDS = [
    "public_id", "jurisdiction", "court_reference", "ecli", "title", "is_landmark", "is_synthetic",
    "original_language", "summary", "reasoning", "commentary", "why_included", "tip_scope",
    "som_material_benefit", "national_provisions", "noindex",
]
TERM_FIELDS = [
    "crime_types", "decision_languages", "tip_acts", "tip_means", "tip_purposes", "exploitation_sectors",
    "som_offences", "som_aggravations", "som_modes", "legal_articles", "protection_measures",
    "human_rights_aspects",
]
CHILDREN = {
    "proceedings": ["order", "court_name", "court_level", "reference", "date", "decision_text", "outcome"],
    "persons": ["role", "kind", "sex", "age", "age_band", "is_child", "role_detail", "display_style", "order"],
    "charges": [
        "defendant_id", "order", "legal_provision", "charge", "verdict", "imprisonment_months", "fine_amount",
        "fine_currency", "confiscation", "confiscation_details", "compensation_amount", "compensation_currency",
        "sentence_notes",
    ],
    "route": ["country_id", "role", "order"],
    "sources": ["kind", "title", "file", "file_is_public", "sha256", "url", "language", "redacted_text"],
    "translations": ["language", "title", "summary", "reasoning", "commentary", "why_included"],
}
IDENTITY_PATH_SUFFIX = ".identity"


def _plain(value):
    if value is None or isinstance(value, bool | int | str):
        return value
    if hasattr(value, "name") and hasattr(value, "storage"):  # a FieldFile
        return value.name or ""
    return str(value)


def identity_fingerprint(identity: PersonIdentity | None) -> str:
    if identity is None:
        return ""
    values = "\x1f".join(getattr(identity, name) for name in PersonIdentity.RESTRICTED_FIELDS)
    if not values.strip("\x1f"):
        return ""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, b"identity:" + values.encode(), hashlib.sha256).hexdigest()[:16]


def snapshot(case: Case) -> dict:
    """The case as editors see it, as plain JSON (identities as fingerprints only)."""
    data = {name: _plain(getattr(case, name)) for name in CASE_FIELDS}
    data["jurisdiction"] = case.jurisdiction.code
    for name in TERM_FIELDS:
        data[name] = sorted(getattr(case, name).values_list("code", flat=True))
    for relation, fields in CHILDREN.items():
        rows = {}
        for row in getattr(case, relation).all():
            rows[str(row.pk)] = {name: _plain(getattr(row, name)) for name in fields}
            if relation == "persons":
                rows[str(row.pk)]["nationalities"] = sorted(row.nationalities.values_list("iso3", flat=True))
                rows[str(row.pk)]["identity"] = identity_fingerprint(row.identity_or_none)
        data[relation] = rows
    return data


@transaction.atomic
def record_version(case: Case, user, note: str = "") -> CaseVersion:
    """Keep the current state of `case` as its next version."""
    Case.objects.select_for_update().filter(pk=case.pk).first()  # one numbering at a time per case
    last = case.versions.aggregate(last=Max("number"))["last"] or 0
    return CaseVersion.objects.create(
        case=case, number=last + 1, snapshot=snapshot(case), status=case.status, note=note[:500],
        created_by=user if user and user.is_authenticated else None,
    )


def flatten(data, prefix: str = "") -> dict[str, str]:
    """{"proceedings.12.date": "2024-03-01", "tip_acts": "act.recruitment, act.transfer", ...}"""
    flat: dict[str, str] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            flat.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(data, list):
        flat[prefix] = ", ".join(str(item) for item in data)
    else:
        flat[prefix] = "" if data is None else str(data)
    return flat


@dataclass(frozen=True)
class FieldChange:
    path: str
    before: str
    after: str

    @property
    def is_identity(self) -> bool:
        return self.path.endswith(IDENTITY_PATH_SUFFIX)

    def inline_html(self) -> SafeString:
        """Word-level difference, escaped, with <del> and <ins> around what changed."""
        old, new = self.before.split(" "), self.after.split(" ")
        parts = []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
            if tag == "equal":
                parts.append(escape(" ".join(old[i1:i2])))
                continue
            if i2 > i1:
                parts.append(f"<del>{escape(' '.join(old[i1:i2]))}</del>")
            if j2 > j1:
                parts.append(f"<ins>{escape(' '.join(new[j1:j2]))}</ins>")
        return mark_safe(" ".join(parts))  # nosec B308 B703 # every piece is escaped above


def diff_snapshots(before: dict, after: dict) -> list[FieldChange]:
    """The fields that differ between two snapshots, in path order."""
    old, new = flatten(before), flatten(after)
    old_lines = [f"{path}\x00{value}" for path, value in sorted(old.items())]
    new_lines = [f"{path}\x00{value}" for path, value in sorted(new.items())]
    changed: set[str] = set()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changed.update(line.split("\x00", 1)[0] for line in old_lines[i1:i2] + new_lines[j1:j2])
    return [FieldChange(path, old.get(path, ""), new.get(path, "")) for path in sorted(changed)]


def diff_versions(before: CaseVersion, after: CaseVersion) -> list[FieldChange]:
    return diff_snapshots(before.snapshot, after.snapshot)
