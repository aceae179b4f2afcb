"""The editorial side of the case law database: every version of a case, reviewers' comments on
its fields, the history of its status, and cases suggested by the public.

Transitions are made by the plain functions of caselaw/workflow.py, never by setting
Case.status directly, so that each one is recorded here."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import Case


class CaseVersion(models.Model):
    """A snapshot of a case with its proceedings, persons, charges, route and sources, as editors
    see them. Restricted identities are never copied here: a person's snapshot holds only a keyed
    fingerprint that changes when its identity changes (see versions.snapshot)."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="versions", verbose_name=_("case"))
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("snapshot"))
    status = models.CharField(_("status at the time"), max_length=20, choices=Case.Status.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["case", "-number"]
        verbose_name = _("case version")
        verbose_name_plural = _("case versions")
        constraints = [models.UniqueConstraint(fields=["case", "number"], name="caselaw_one_version_number")]

    def __str__(self) -> str:
        return f"{self.case.public_id} v{self.number}"


class FieldComment(models.Model):
    """A reviewer's comment on one field of a case (`field_path`, e.g. "summary" or
    "proceedings"), shown next to that field in the contributor's form until resolved."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="field_comments", verbose_name=_("case"))
    version = models.ForeignKey(
        CaseVersion, models.SET_NULL, null=True, blank=True, related_name="comments", verbose_name=_("version")
    )
    field_path = models.CharField(_("field"), max_length=200, blank=True, help_text=_("Empty for the whole case."))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("author")
    )
    text = models.TextField(_("comment"))
    resolved = models.BooleanField(_("resolved"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["case", "field_path", "created_at"]
        verbose_name = _("field comment")
        verbose_name_plural = _("field comments")

    def __str__(self) -> str:
        return f"{self.case.public_id} {self.field_path or '*'}: {self.text[:60]}"


class WorkflowEvent(models.Model):
    """One change of a case's status, by whom and why. The reason of a withdrawal is public."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="workflow_events", verbose_name=_("case"))
    from_status = models.CharField(_("from"), max_length=20, choices=Case.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Case.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["case", "-at", "-pk"]
        verbose_name = _("workflow event")
        verbose_name_plural = _("workflow events")
        permissions = [("publish_case", _("Can publish, withdraw and remove cases"))]

    def __str__(self) -> str:
        return f"{self.case.public_id}: {self.from_status} -> {self.to_status}"


class CaseSuggestion(models.Model):
    """A case suggested by a visitor without an account, waiting in the moderation queue.

    Only a salted hash of the sender's address is kept (for rate limiting), never the address."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        CONVERTED = "converted", _("converted into a case")

    receipt = models.CharField(_("receipt number"), max_length=20, unique=True, editable=False)
    country = models.ForeignKey("core.Country", models.PROTECT, related_name="+", verbose_name=_("country"))
    court = models.CharField(_("court"), max_length=300)
    decision_date = models.DateField(_("date of the decision"), null=True, blank=True)
    what_happened = models.TextField(_("what happened"))
    link = models.URLField(_("link to the decision"), max_length=1000, blank=True)
    file = models.FileField(_("decision file"), upload_to="caselaw/suggestions/", blank=True)
    file_type = models.CharField(_("file type"), max_length=10, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, editable=False)
    contact = models.CharField(_("contact"), max_length=300, blank=True)
    ip_hash = models.CharField(_("address hash"), max_length=64, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    case = models.ForeignKey(
        Case, models.SET_NULL, null=True, blank=True, related_name="suggestions", verbose_name=_("case created")
    )
    moderator_note = models.TextField(_("moderator's note"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("case suggestion")
        verbose_name_plural = _("case suggestions")

    def __str__(self) -> str:
        return f"{self.receipt} {self.court}"
