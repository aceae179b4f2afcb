"""Cases suggested by the public: receipt numbers, the rate limit per address, the refusal of a
file the database already holds, the editors' e-mail about a new suggestion, and what editors do
with a suggestion (convert it into a draft case, or reject it).

The rate limit counts in Django's cache under a salted hash of the address; the address itself
is never stored."""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Case, CaseSuggestion, Jurisdiction, Proceeding, Source
from .notifications import notify_new_suggestion
from .sources import find_duplicate_source
from .versions import record_version
from .workflow import TransitionRefused, is_editor

RATE_LIMIT = 5  # suggestions per address
RATE_WINDOW_SECONDS = 60 * 60
RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def address_hash(remote_addr: str) -> str:
    salted = f"gloact-suggestion:{settings.SECRET_KEY}:{remote_addr or ''}"
    return hashlib.sha256(salted.encode()).hexdigest()


def _rate_key(ip_hash: str) -> str:
    return f"caselaw:suggest:{ip_hash}"


def rate_limited(ip_hash: str) -> bool:
    """True when this address has already sent RATE_LIMIT suggestions in the current window."""
    return (cache.get(_rate_key(ip_hash)) or 0) >= RATE_LIMIT


def count_attempt(ip_hash: str) -> None:
    key = _rate_key(ip_hash)
    if cache.add(key, 1, RATE_WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, RATE_WINDOW_SECONDS)


def new_receipt() -> str:
    """e.g. "S-2026-K7QX4M": easy to read out on the phone."""
    while True:
        receipt = f"S-{timezone.now():%Y}-" + "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(6))
        if not CaseSuggestion.objects.filter(receipt=receipt).exists():
            return receipt


def refuse_known_file(sha256: str) -> None:
    """ValidationError when a source already holds the identical file (the check that
    sources.add_decision_source makes). A visitor learns which case only when it is published:
    a draft's number and title are not public."""
    existing = find_duplicate_source(sha256)
    if existing is None:
        return
    if existing.case.status == Case.Status.PUBLISHED:
        raise ValidationError(
            _("This decision is already in the database as case %(case)s (“%(title)s”). Thank you!"),
            code="duplicate", params={"case": existing.case.public_id, "title": existing.case.title},
        )
    raise ValidationError(
        _("The editors already have this decision; there is no need to send it again. Thank you!"),
        code="duplicate",
    )


def save_suggestion(suggestion: CaseSuggestion, ip_hash: str, file_type: str = "", sha256: str = "") -> CaseSuggestion:
    """Store a checked suggestion (its file already validated) and count it against the address."""
    suggestion.receipt = new_receipt()
    suggestion.ip_hash = ip_hash
    suggestion.file_type = file_type
    suggestion.sha256 = sha256
    suggestion.save()
    count_attempt(ip_hash)
    transaction.on_commit(lambda: notify_new_suggestion(suggestion))
    return suggestion


def _require_open(suggestion: CaseSuggestion, editor) -> None:
    if not is_editor(editor):
        raise TransitionRefused(_("Only editors may moderate suggestions."))
    if suggestion.status in (CaseSuggestion.Status.CONVERTED, CaseSuggestion.Status.REJECTED):
        raise TransitionRefused(_("This suggestion has already been handled."))


@transaction.atomic
def convert_suggestion(suggestion: CaseSuggestion, editor) -> Case:
    """A draft case pre-filled from the suggestion (jurisdiction, court and date, the visitor's
    account as a starting summary, the link or file as a source), owned by `editor`."""
    _require_open(suggestion, editor)
    jurisdiction = Jurisdiction.objects.for_country(suggestion.country)
    title = _("%(court)s, decision of %(date)s") % {
        "court": suggestion.court, "date": suggestion.decision_date or _("unknown date"),
    }
    case = Case.objects.create(
        jurisdiction=jurisdiction, title=title[:500], summary=suggestion.what_happened, created_by=editor,
    )
    Proceeding.objects.create(
        case=case, court_name=suggestion.court, court_level=Proceeding.CourtLevel.OTHER, date=suggestion.decision_date,
    )
    if suggestion.link:
        Source.objects.create(case=case, kind=Source.Kind.EXTERNAL_URL, url=suggestion.link,
                              title=_("Link given with suggestion %(receipt)s") % {"receipt": suggestion.receipt})
    if suggestion.file:
        with suggestion.file.open("rb") as handle:
            content = ContentFile(handle.read(), name=suggestion.file.name.rsplit("/", 1)[-1])
        Source.objects.create(case=case, kind=Source.Kind.DECISION, file=content,
                              title=_("Decision sent with suggestion %(receipt)s") % {"receipt": suggestion.receipt})
    suggestion.status = CaseSuggestion.Status.CONVERTED
    suggestion.case = case
    suggestion.save(update_fields=["status", "case"])
    record_version(case, editor, note=f"created from suggestion {suggestion.receipt}")
    return case


def reject_suggestion(suggestion: CaseSuggestion, editor, note: str = "") -> CaseSuggestion:
    _require_open(suggestion, editor)
    suggestion.status = CaseSuggestion.Status.REJECTED
    suggestion.moderator_note = note
    suggestion.save(update_fields=["status", "moderator_note"])
    return suggestion
