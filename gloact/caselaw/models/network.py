"""The contributor network: organisations and people who send cases, the cases each one
contributed (CaseContribution) and the case collection tasks editors assign to them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .case import Case


class Contributor(models.Model):
    """An organisation (university, law firm, NGO, member state, field office) or an individual
    who contributes cases. `user` links the account that submits cases on its behalf."""

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("university")
        LAW_FIRM = "law_firm", _("law firm")
        NGO = "ngo", _("NGO or civil society organisation")
        MEMBER_STATE = "member_state", _("member state")
        FIELD_OFFICE = "field_office", _("field office")
        INDIVIDUAL = "individual", _("individual")

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.ForeignKey(
        "core.Country", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country")
    )
    organisation = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="members", verbose_name=_("organisation"),
        limit_choices_to=~models.Q(kind="individual"), help_text=_("For an individual: the organisation they work for."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="contributor",
        verbose_name=_("user account"), help_text=_("Cases this account creates are counted for this contributor."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    last_contact = models.DateField(_("last contact"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    cases = models.ManyToManyField(
        Case, through="CaseContribution", related_name="contributors", verbose_name=_("cases")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")

    def __str__(self) -> str:
        return self.name


class CaseContribution(models.Model):
    """`contributor` sent `case` (a case may have several contributors)."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="contributions", verbose_name=_("case"))
    contributor = models.ForeignKey(
        Contributor, models.CASCADE, related_name="contributions", verbose_name=_("contributor")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["case", "contributor"]
        verbose_name = _("case contribution")
        verbose_name_plural = _("case contributions")
        constraints = [
            models.UniqueConstraint(fields=["case", "contributor"], name="caselaw_contribution_once_per_case")
        ]

    def __str__(self) -> str:
        return f"{self.case.public_id}: {self.contributor}"


class CollectionTaskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=CollectionTask.Status.OPEN)

    def overdue(self, today=None):
        return self.open().filter(deadline__lt=today or timezone.localdate())


class CollectionTask(models.Model):
    """An editor asks a contributor to collect cases (e.g. "the 2024 appeal decisions of Mali")
    by a deadline."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    title = models.CharField(_("task"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    contributor = models.ForeignKey(
        Contributor, models.CASCADE, related_name="tasks", verbose_name=_("assigned to")
    )
    jurisdiction = models.ForeignKey(
        "caselaw.Jurisdiction", models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("jurisdiction"),
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("assigned by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CollectionTaskQuerySet.as_manager()

    class Meta:
        ordering = ["status", "deadline", "pk"]
        verbose_name = _("case collection task")
        verbose_name_plural = _("case collection tasks")

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today=None) -> bool:
        return self.status == self.Status.OPEN and self.deadline < (today or timezone.localdate())
