"""Takedown and correction requests from the public, and unpublishing a case at once."""

import re

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Case, TakedownRequest

_PUBLIC_ID = re.compile(r"(?<![A-Za-z])([A-Za-z]{3}\d{3,})(?!\d)")


def find_case(reference: str) -> Case | None:
    """The case named by a public id or by the address of its page ("MLI007", ".../cases/MLI007/")."""
    for candidate in _PUBLIC_ID.findall(reference or ""):
        case = Case.objects.filter(public_id=candidate.upper()).first()
        if case is not None:
            return case
    return None


def submit_request(case_reference: str, kind: str, description: str, contact_email: str = "") -> TakedownRequest:
    """Queue a request for the editors; the caller shows the requester its receipt number."""
    return TakedownRequest.objects.create(
        case=find_case(case_reference), case_reference=case_reference.strip(), kind=kind,
        description=description.strip(), contact_email=contact_email.strip(),
    )


def unpublish_case(case: Case, editor, reason: str) -> bool:
    """Take `case` off every public page, list, feed, sitemap and search result at once (the
    workflow's removal, with its event and version). False when it was not public anyway."""
    from ..workflow import remove

    if case.status != Case.Status.PUBLISHED:
        return False
    remove(case, editor, reason)
    return True


def unpublish_for_request(request: TakedownRequest, editor, note: str = "") -> bool:
    """Unpublish the case of a takedown request and close the request as resolved."""
    unpublished = False
    if request.case is not None:
        unpublished = unpublish_case(request.case, editor, _("Takedown request %(receipt)s") % {
            "receipt": request.receipt,
        })
    outcome = note or (_("The case was unpublished.") if unpublished else _("The case was not public."))
    close_request(request, editor, TakedownRequest.Status.RESOLVED, outcome)
    return unpublished


def close_request(request: TakedownRequest, editor, status: str, outcome: str) -> None:
    request.status = status
    request.outcome_notes = "\n".join(filter(None, [request.outcome_notes, outcome]))
    request.handled_by = editor
    request.handled_at = timezone.now()
    request.save(update_fields=["status", "outcome_notes", "handled_by", "handled_at"])
