"""Requests from the public to take down or correct a published case."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import Case

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_receipt() -> str:
    return "TR-" + "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(10))


class TakedownRequest(models.Model):
    """A takedown or correction request, queued for editors. The requester keeps the receipt number."""

    class Kind(models.TextChoices):
        TAKEDOWN = "takedown", _("take the case down")
        CORRECTION = "correction", _("correct the case")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        RECEIVED = "received", _("received")
        IN_REVIEW = "in_review", _("in review")
        RESOLVED = "resolved", _("resolved")
        REJECTED = "rejected", _("rejected")

    receipt = models.CharField(_("receipt number"), max_length=20, unique=True, default=new_receipt, editable=False)
    case = models.ForeignKey(
        Case, models.SET_NULL, null=True, blank=True, related_name="takedown_requests", verbose_name=_("case")
    )
    case_reference = models.CharField(_("case as given"), max_length=500, help_text=_("Case id or address."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TAKEDOWN)
    description = models.TextField(_("what is wrong"))
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    outcome_notes = models.TextField(_("outcome"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("takedown or correction request")
        verbose_name_plural = _("takedown and correction requests")

    def __str__(self) -> str:
        return f"{self.receipt} ({self.get_kind_display()})"
