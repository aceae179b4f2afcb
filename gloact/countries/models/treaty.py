"""Where a country stands with the Organized Crime Convention and its two Protocols."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Instrument(models.TextChoices):
    UNTOC = "untoc", _("UN Convention against Transnational Organized Crime")
    TIP_PROTOCOL = "tip_protocol", _("Trafficking in Persons Protocol")
    SOM_PROTOCOL = "som_protocol", _("Smuggling of Migrants Protocol")


class TreatyStatus(models.Model):
    """Signature and ratification (or accession, acceptance, approval, succession) of one
    instrument by one country. Dates are left empty when they are not recorded: never guessed."""

    class Action(models.TextChoices):
        RATIFICATION = "ratification", _("ratification")
        ACCESSION = "accession", _("accession")
        ACCEPTANCE = "acceptance", _("acceptance")
        APPROVAL = "approval", _("approval")
        SUCCESSION = "succession", _("succession")

    country = models.ForeignKey("core.Country", models.CASCADE, related_name="+", verbose_name=_("country"))
    instrument = models.CharField(_("instrument"), max_length=20, choices=Instrument.choices)
    signed_on = models.DateField(_("signature"), null=True, blank=True)
    consent_action = models.CharField(
        _("consent to be bound by"), max_length=20, choices=Action.choices, blank=True,
    )
    consent_on = models.DateField(_("date of ratification or accession"), null=True, blank=True)
    reservations = models.TextField(_("reservations and declarations"), blank=True)
    source_url = models.URLField(_("source"), blank=True, help_text=_("Where the dates were checked."))

    class Meta:
        ordering = ["country", "instrument"]
        verbose_name = _("ratification status")
        verbose_name_plural = _("ratification statuses")
        constraints = [
            models.UniqueConstraint(fields=["country", "instrument"], name="countries_one_status_per_instrument"),
        ]

    def clean(self):
        if self.consent_on and not self.consent_action:
            raise ValidationError({"consent_action": _("Say whether the date is a ratification, an accession, ...")})
        if self.signed_on and self.consent_on and self.consent_on < self.signed_on:
            raise ValidationError({"consent_on": _("Ratification cannot precede signature.")})

    @property
    def is_party(self) -> bool:
        return self.consent_on is not None

    def __str__(self) -> str:
        return f"{self.country_id}: {self.get_instrument_display()}"
