"""Requests for assistance received from a country, matched to the programme's services."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .translated import localized


class AssistanceService(models.Model):
    """A kind of support the programme offers (legislative assistance, training, ...)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    label = models.CharField(_("label (English)"), max_length=200)
    labels = models.JSONField(_("translated labels"), default=dict, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("assistance service")
        verbose_name_plural = _("assistance services")

    def localized_label(self, language: str | None = None) -> str:
        return localized(self.label, self.labels, language)

    def __str__(self) -> str:
        return self.localized_label()


class AssistanceRequest(models.Model):
    class Decision(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        REFERRED = "referred", _("referred to another partner")

    class AgreementKind(models.TextChoices):
        WORKPLAN = "workplan", _("signed workplan")
        LETTER_OF_INTENT = "letter_of_intent", _("letter of intent")

    country = models.ForeignKey("core.Country", models.CASCADE, related_name="+", verbose_name=_("country"))
    received_on = models.DateField(_("received"))
    requested_by = models.ForeignKey(
        "core.Organisation", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("requested by"),
    )
    subject = models.CharField(_("subject"), max_length=300)
    description = models.TextField(_("request"), blank=True)
    services = models.ManyToManyField(AssistanceService, blank=True, related_name="+", verbose_name=_("matching services"))
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_on = models.DateField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("reasons"), blank=True)
    agreement_kind = models.CharField(_("agreement"), max_length=20, choices=AgreementKind.choices, blank=True)
    agreement_file = models.FileField(_("agreement file"), upload_to="countries/agreements/%Y/", blank=True)
    agreement_signed_on = models.DateField(_("agreement signed"), null=True, blank=True)
    linked_activities = models.TextField(_("linked activities"), blank=True)
    is_synthetic = models.BooleanField(_("synthetic demo data"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )

    class Meta:
        ordering = ["country", "-received_on"]
        verbose_name = _("request for assistance")
        verbose_name_plural = _("requests for assistance")

    def __str__(self) -> str:
        return self.subject
