"""E-mails about the editorial work: editors hear of submitted cases and of new suggestions from
the public, contributors of what happened to their cases. Each message is written in the
recipient's preferred language (Profile.language).

Entry points: `notify_transition(event)` and `notify_new_suggestion(suggestion)`, both run once the
transaction commits. Sent through Django's e-mail backend (the console by default, SMTP when
configured)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Case, CaseSuggestion, WorkflowEvent

S = Case.Status
TO_EDITORS = {S.SUBMITTED}
TO_CONTRIBUTOR = {S.IN_REVIEW, S.CHANGES_REQUESTED, S.PUBLISHED, S.WITHDRAWN, S.REMOVED}


def _language(user) -> str:
    profile = getattr(user, "profile", None)
    return (profile.language if profile else "") or settings.LANGUAGE_CODE


def editors():
    return get_user_model().objects.filter(is_active=True, groups__name="editor").exclude(email="").distinct()


def _site_url(path: str) -> str:
    return getattr(settings, "GLOACT_SITE_URL", "") + path


def _send(users, templates: str, context_for) -> int:
    """One e-mail per user from templates <templates>_subject.txt and _body.txt, rendered in the
    user's language with `context_for(user)` (called in that language, so labels translate)."""
    sent = 0
    for user in users:
        with translation.override(_language(user)):
            context = {"user": user, "site_name": settings.SITE_NAME, **context_for(user)}
            subject = render_to_string(f"{templates}_subject.txt", context).strip()
            body = render_to_string(f"{templates}_body.txt", context)
        sent += send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    return sent


def recipients(event: WorkflowEvent) -> list:
    case = event.case
    if event.to_status in TO_EDITORS:
        found = list(editors())
    elif event.to_status in TO_CONTRIBUTOR and case.created_by and case.created_by.email:
        found = [case.created_by]
    else:
        found = []
    return [user for user in found if user.is_active and user.pk != event.actor_id]


def notify_transition(event: WorkflowEvent) -> int:
    """Send one e-mail per recipient of `event`; returns how many were sent."""
    editor_page = event.to_status in TO_EDITORS
    path = reverse("contribute:review" if editor_page else "contribute:edit", args=[event.case.public_id])

    def context_for(user):
        return {
            "event": event, "case": event.case, "to_status": event.case.Status(event.to_status).label,
            "comments": event.case.field_comments.filter(resolved=False) if event.to_status == S.CHANGES_REQUESTED
            else [],
            "url": _site_url(path),
        }

    return _send(recipients(event), "caselaw/email/transition", context_for)


def notify_new_suggestion(suggestion: CaseSuggestion) -> int:
    """Tell every editor that the public suggested a case. The mail gives the receipt, country,
    court and date only: the visitor's account may name victims and the contact is personal
    data, so both stay behind the editors' login."""
    url = _site_url(reverse("contribute:suggestion_detail", args=[suggestion.pk]))
    return _send(editors(), "caselaw/email/suggestion", lambda user: {
        "suggestion": suggestion, "country": suggestion.country.localized_name(), "url": url,
    })
