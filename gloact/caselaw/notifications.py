"""E-mails about the editorial workflow: editors hear of submitted cases, contributors of what
happened to theirs. Each message is written in the recipient's preferred language (Profile.language).

Sent through Django's e-mail backend (the console by default, SMTP when configured)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Case, WorkflowEvent

S = Case.Status
TO_EDITORS = {S.SUBMITTED}
TO_CONTRIBUTOR = {S.IN_REVIEW, S.CHANGES_REQUESTED, S.PUBLISHED, S.WITHDRAWN, S.REMOVED}


def _language(user) -> str:
    profile = getattr(user, "profile", None)
    return (profile.language if profile else "") or settings.LANGUAGE_CODE


def editors():
    return get_user_model().objects.filter(is_active=True, groups__name="editor").exclude(email="").distinct()


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
    sent = 0
    for user in recipients(event):
        with translation.override(_language(user)):
            editor_page = event.to_status in TO_EDITORS
            path = reverse("contribute:review" if editor_page else "contribute:edit", args=[event.case.public_id])
            context = {
                "user": user, "event": event, "case": event.case,
                "to_status": event.case.Status(event.to_status).label,
                "comments": event.case.field_comments.filter(resolved=False) if event.to_status == S.CHANGES_REQUESTED
                else [],
                "url": getattr(settings, "GLOACT_SITE_URL", "") + path,
                "site_name": settings.SITE_NAME,
            }
            subject = render_to_string("caselaw/email/transition_subject.txt", context).strip()
            body = render_to_string("caselaw/email/transition_body.txt", context)
        sent += send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    return sent
