"""The participants registry: practitioners who attend activities, recognised across events.

Participants are professionals, not victims; their contact details are still personal data and
stay in the back office (country-scoped), never on a public page or export.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gloact.core.choices import Sex


class Participant(models.Model):
    Sex = Sex  # gloact.core.choices, shared with case law persons and activities participants

    class AgeBand(models.TextChoices):
        UNDER_18 = "under_18", _("under 18")
        AGE_18_29 = "18_29", _("18 to 29")
        AGE_30_44 = "30_44", _("30 to 44")
        AGE_45_59 = "45_59", _("45 to 59")
        AGE_60_PLUS = "60_plus", _("60 and over")
        UNKNOWN = "unknown", _("unknown")

    class InstitutionType(models.TextChoices):
        POLICE = "police", _("police")
        PROSECUTION = "prosecution", _("prosecution")
        JUDICIARY = "judiciary", _("judiciary")
        LABOUR_INSPECTION = "labour_inspection", _("labour inspection")
        BORDER = "border", _("border / immigration")
        SOCIAL_SERVICES = "social_services", _("social services")
        CHILD_PROTECTION = "child_protection", _("child protection")
        CSO = "cso", _("civil society organisation")
        ACADEMIA = "academia", _("academia")
        MEDIA = "media", _("media")
        OTHER = "other", _("other")

    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    other_names = models.CharField(_("other spellings"), max_length=300, blank=True,
                                   help_text=_("Other spellings or transliterations, separated by commas."))
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices, default=AgeBand.UNKNOWN)
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    institution_type = models.CharField(_("institution type"), max_length=20, choices=InstitutionType.choices,
                                        default=InstitutionType.OTHER)
    country = models.ForeignKey("core.Country", models.PROTECT, related_name="+", verbose_name=_("country"))
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en")
    consent_to_contact = models.BooleanField(_("agrees to be contacted"), default=False,
                                             help_text=_("Only consenting participants receive follow-up surveys."))
    consent_recorded_on = models.DateField(_("consent recorded on"), null=True, blank=True)
    # A participant merged into another is kept (with its history) but no longer listed.
    merged_into = models.ForeignKey("self", models.PROTECT, null=True, blank=True, related_name="merged_records",
                                    verbose_name=_("merged into"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["family_name", "given_name", "pk"]
        indexes = [models.Index(fields=["email"]), models.Index(fields=["family_name", "given_name"])]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def age_category(self) -> str:
        """Code of the controlled "age" dimension in monitoring (child, adult, unknown)."""
        if self.age_band == self.AgeBand.UNKNOWN:
            return "unknown"
        return "child" if self.age_band == self.AgeBand.UNDER_18 else "adult"


class ParticipantMerge(models.Model):
    """A record of two participant entries found to be one person: who merged them, when, and what
    the merged entry held, so a wrong merge can be understood and undone by hand."""

    kept = models.ForeignKey(Participant, models.PROTECT, related_name="merges", verbose_name=_("kept"))
    merged = models.ForeignKey(Participant, models.PROTECT, related_name="+", verbose_name=_("merged"))
    snapshot = models.JSONField(_("merged entry as it was"), default=dict)
    moved_attendances = models.PositiveIntegerField(_("attendances moved"), default=0)
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
                                  verbose_name=_("by"))
    merged_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-merged_at"]
        verbose_name = _("participant merge")
        verbose_name_plural = _("participant merges")

    def __str__(self) -> str:
        return f"{self.merged_id} -> {self.kept_id}"
