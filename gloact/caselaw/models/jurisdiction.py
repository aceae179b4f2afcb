"""Jurisdictions (a country's courts, or an international or regional court) and the counter
that numbers their cases."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

PUBLIC_ID_RE = re.compile(r"^(?P<code>[A-Z]{3})(?P<number>\d{3,})$")


class JurisdictionQuerySet(models.QuerySet):
    def for_country(self, country) -> "Jurisdiction":
        """The national jurisdiction of `country`, created on first use."""
        jurisdiction, _created = self.get_or_create(
            code=country.iso3, defaults={"name": country.name, "kind": Jurisdiction.Kind.NATIONAL, "country": country}
        )
        return jurisdiction


class Jurisdiction(models.Model):
    """Where a case was decided. `code` prefixes the public ids of its cases: the ISO 3166 alpha-3
    code for a country ("MLI"), a short code for an international or regional court ("ICC")."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("national")
        INTERNATIONAL = "international", _("international")
        REGIONAL = "regional", _("regional")

    class DefendantDisplay(models.TextChoices):
        PSEUDONYM = "pseudonym", _("pseudonym (D1, D2, ...)")
        INITIALS = "initials", _("initials")
        NAME = "name", _("full name")

    code = models.CharField(
        _("code"), max_length=3, unique=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", _("Three capital letters."))],
        help_text=_("ISO 3166 alpha-3 code of the country, or a three-letter code for an international court."),
    )
    name = models.CharField(_("name"), max_length=200)
    names = models.JSONField(_("translated names"), default=dict, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NATIONAL)
    country = models.ForeignKey(
        "core.Country", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country"),
        help_text=_("For a national jurisdiction; empty for international and regional courts."),
    )
    defendant_display = models.CharField(
        _("how adult defendants are shown"), max_length=20, choices=DefendantDisplay.choices,
        default=DefendantDisplay.PSEUDONYM,
        help_text=_("What the law of this jurisdiction allows to publish about adult defendants. "
                    "Victims, witnesses, smuggled migrants and children are always pseudonymous."),
    )

    objects = JurisdictionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")
        constraints = [
            models.UniqueConstraint(
                fields=["country"], condition=models.Q(kind="national"), name="caselaw_one_national_jurisdiction"
            ),
        ]

    def clean(self):
        if self.kind == self.Kind.NATIONAL and not self.country_id:
            raise ValidationError({"country": _("A national jurisdiction needs its country.")})
        if self.kind != self.Kind.NATIONAL:
            from gloact.core.models import Country

            if Country.objects.filter(iso3=self.code).exists():
                raise ValidationError({"code": _("This code is a country's ISO code: choose another one.")})

    def localized_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "en").lower()
        if self.names.get(language) or self.names.get(language.split("-")[0]):
            return self.names.get(language) or self.names[language.split("-")[0]]
        if self.country_id and self.kind == self.Kind.NATIONAL:
            return self.country.localized_name(language)
        return self.name

    def __str__(self) -> str:
        return self.localized_name()


class CaseSequence(models.Model):
    """The last case number given in a jurisdiction. Numbers only go up, so a public id is never
    given twice, even after its case was deleted."""

    jurisdiction = models.OneToOneField(
        Jurisdiction, models.CASCADE, primary_key=True, related_name="case_sequence", verbose_name=_("jurisdiction")
    )
    last_number = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("case number sequence")
        verbose_name_plural = _("case number sequences")

    def __str__(self) -> str:
        return f"{self.jurisdiction.code}: {self.last_number}"


def format_public_id(code: str, number: int) -> str:
    return f"{code}{number:03d}"


def next_public_id(jurisdiction: Jurisdiction) -> str:
    """Take the next number of `jurisdiction` and return the public id, e.g. "MLI007"."""
    with transaction.atomic():
        CaseSequence.objects.get_or_create(jurisdiction=jurisdiction)
        sequence = CaseSequence.objects.select_for_update().get(jurisdiction=jurisdiction)
        sequence.last_number += 1
        sequence.save(update_fields=["last_number"])
        return format_public_id(jurisdiction.code, sequence.last_number)


def reserve_public_id(public_id: str) -> None:
    """Record that `public_id` is taken (a case imported with its id), so it is never given again."""
    match = PUBLIC_ID_RE.match(public_id)
    if not match:
        return
    jurisdiction = Jurisdiction.objects.filter(code=match["code"]).first()
    if jurisdiction is None:
        return
    with transaction.atomic():
        CaseSequence.objects.get_or_create(jurisdiction=jurisdiction)
        sequence = CaseSequence.objects.select_for_update().get(jurisdiction=jurisdiction)
        if int(match["number"]) > sequence.last_number:
            sequence.last_number = int(match["number"])
            sequence.save(update_fields=["last_number"])
