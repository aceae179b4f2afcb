"""What the programme knows about an institution as a counterpart: its role against trafficking and
smuggling, our relationship with it, and who else works with it (so that partners coordinate
instead of competing for the same counterparts)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StakeholderProfile(models.Model):
    RESTRICTED_FIELDS = ("contacts",)

    class Relationship(models.TextChoices):
        MOU = "mou", _("memorandum of understanding")
        INFORMAL = "informal", _("informal cooperation")
        NONE = "none", _("none yet")

    organisation = models.OneToOneField(
        "core.Organisation", models.CASCADE, related_name="stakeholder_profile", verbose_name=_("institution")
    )
    # Copied from the organisation on save, so that country scoping works as for other records.
    country = models.ForeignKey("core.Country", models.PROTECT, related_name="+", editable=False)
    role_tip = models.TextField(_("role against trafficking in persons"), blank=True)
    role_som = models.TextField(_("role against smuggling of migrants"), blank=True)
    relationship = models.CharField(
        _("relationship with the programme"), max_length=10, choices=Relationship.choices, default=Relationship.NONE
    )
    relationship_since = models.DateField(_("since"), null=True, blank=True)
    partners = models.ManyToManyField(
        "core.Organisation", blank=True, related_name="+", verbose_name=_("also working with them"),
        help_text=_("Implementing partners and other organisations that support this institution."),
    )
    contacts = models.TextField(_("contacts"), blank=True, help_text=_("Restricted to programme staff."))
    is_synthetic = models.BooleanField(_("synthetic demo data"), default=False)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")

    def save(self, *args, **kwargs):
        self.country_id = self.organisation.country_id
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return str(self.organisation)
