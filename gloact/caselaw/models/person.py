"""Persons in a case (defendants, victims, witnesses, smuggled migrants, plaintiffs), their
restricted identities and the charges against defendants.

Nothing that identifies a person lives on Person: real names, aliases and identifying details are
in PersonIdentity, which no public page, export or API serialises. Public pages show
Person.public_label() instead (see privacy.py for the rules)."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gloact.core.choices import Sex

from .case import Case

CURRENCY_HELP = _("ISO 4217 code, e.g. EUR, XOF, BRL.")


class Person(models.Model):
    class Role(models.TextChoices):
        DEFENDANT = "defendant", _("defendant")
        VICTIM = "victim", _("victim")
        WITNESS = "witness", _("witness")
        SMUGGLED_MIGRANT = "smuggled_migrant", _("smuggled migrant")
        PLAINTIFF = "plaintiff", _("plaintiff")

    class Kind(models.TextChoices):
        NATURAL = "natural", _("natural person")
        LEGAL = "legal", _("legal person (company, organisation)")

    Sex = Sex  # gloact.core.choices, shared with case law persons and activities participants

    class AgeBand(models.TextChoices):
        UNDER_12 = "0-11", _("under 12")
        FROM_12_TO_17 = "12-17", _("12 to 17")
        FROM_18_TO_24 = "18-24", _("18 to 24")
        FROM_25_TO_34 = "25-34", _("25 to 34")
        FROM_35_TO_49 = "35-49", _("35 to 49")
        FROM_50 = "50+", _("50 or older")

    CHILD_AGE_BANDS = {AgeBand.UNDER_12, AgeBand.FROM_12_TO_17}

    class DisplayStyle(models.TextChoices):
        AUTO = "auto", _("by the rules (pseudonym; adult defendants as the jurisdiction allows)")
        PSEUDONYM = "pseudonym", _("pseudonym")
        INITIALS = "initials", _("initials")

    case = models.ForeignKey(Case, models.CASCADE, related_name="persons", verbose_name=_("case"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    kind = models.CharField(_("natural or legal person"), max_length=10, choices=Kind.choices, default=Kind.NATURAL)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True, help_text=_("At the time of the facts."))
    age_band = models.CharField(_("age band"), max_length=5, choices=AgeBand.choices, blank=True)
    is_child = models.BooleanField(
        _("child"), default=False, help_text=_("Under 18 at the time of the facts. Children are always pseudonymous.")
    )
    nationalities = models.ManyToManyField(
        "core.Country", blank=True, related_name="+", verbose_name=_("nationalities")
    )
    role_detail = models.CharField(
        _("role in the facts"), max_length=200, blank=True,
        help_text=_("Public and non-identifying, e.g. recruiter, driver, boat captain."),
    )
    display_style = models.CharField(
        _("public display"), max_length=10, choices=DisplayStyle.choices, default=DisplayStyle.AUTO,
        help_text=_("Initials may be chosen for adult victims and witnesses; never for children."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Numbering within the role."))

    class Meta:
        ordering = ["case", "role", "order", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self) -> str:
        # Never the name: this string ends up in admin lists, logs and the audit trail.
        from ..privacy import pseudonym

        return f"{self.case.public_id} {pseudonym(self)}"

    def save(self, *args, **kwargs):
        if (self.age is not None and self.age < 18) or self.age_band in self.CHILD_AGE_BANDS:
            self.is_child = True
        super().save(*args, **kwargs)

    def public_label(self) -> str:
        """How public pages name this person: "V1", "D2", initials, or (adult defendants where the
        jurisdiction allows it) the name."""
        return self.case.person_labels()[self.pk]

    @property
    def identity_or_none(self):
        try:
            return self.identity
        except ObjectDoesNotExist:
            return None


class PersonIdentity(models.Model):
    """RESTRICTED: who a person really is. Shown only to users with the permission
    caselaw.view_restricted_identity, and each showing is written to RestrictedAccessLog."""

    person = models.OneToOneField(
        Person, models.CASCADE, primary_key=True, related_name="identity", verbose_name=_("person")
    )
    real_name = models.CharField(_("real name"), max_length=300, blank=True)
    aliases = models.TextField(_("aliases"), blank=True, help_text=_("One per line."))
    identifying_details = models.TextField(
        _("identifying details"), blank=True, help_text=_("Address, documents, relatives: anything that identifies.")
    )

    RESTRICTED_FIELDS = ("real_name", "aliases", "identifying_details")

    class Meta:
        verbose_name = _("restricted identity")
        verbose_name_plural = _("restricted identities")
        permissions = [("view_restricted_identity", _("Can view the restricted identities of persons"))]

    def __str__(self) -> str:
        return _("Identity of %(person)s") % {"person": self.person}

    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class Charge(models.Model):
    """One charge against a defendant, with its verdict and sentence."""

    class Verdict(models.TextChoices):
        CONVICTED = "convicted", _("convicted")
        ACQUITTED = "acquitted", _("acquitted")
        DISMISSED = "dismissed", _("dismissed")
        PENDING = "pending", _("pending")
        OTHER = "other", _("other")

    case = models.ForeignKey(Case, models.CASCADE, related_name="charges", verbose_name=_("case"))
    defendant = models.ForeignKey(
        Person, models.CASCADE, related_name="charges", verbose_name=_("defendant"),
        limit_choices_to={"role": Person.Role.DEFENDANT},
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    legal_provision = models.CharField(_("legal provision"), max_length=300, blank=True)
    charge = models.CharField(_("charge"), max_length=500)
    verdict = models.CharField(_("verdict"), max_length=20, choices=Verdict.choices, default=Verdict.PENDING)
    imprisonment_months = models.PositiveIntegerField(_("imprisonment (months)"), null=True, blank=True)
    fine_amount = models.DecimalField(_("fine"), max_digits=16, decimal_places=2, null=True, blank=True)
    fine_currency = models.CharField(_("fine currency"), max_length=3, blank=True, help_text=CURRENCY_HELP)
    confiscation = models.BooleanField(_("confiscation ordered"), default=False)
    confiscation_details = models.TextField(_("what was confiscated"), blank=True)
    compensation_amount = models.DecimalField(
        _("compensation to victims"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    compensation_currency = models.CharField(
        _("compensation currency"), max_length=3, blank=True, help_text=CURRENCY_HELP
    )
    sentence_notes = models.TextField(
        _("other elements of the sentence"), blank=True, help_text=_("E.g. suspended, life imprisonment, deportation.")
    )

    class Meta:
        ordering = ["case", "defendant", "order", "pk"]
        verbose_name = _("charge")
        verbose_name_plural = _("charges")

    def __str__(self) -> str:
        return f"{self.defendant}: {self.charge}"

    def clean(self):
        if self.defendant_id:
            if self.defendant.role != Person.Role.DEFENDANT:
                raise ValidationError({"defendant": _("Charges are brought against defendants only.")})
            if self.case_id and self.defendant.case_id != self.case_id:
                raise ValidationError({"defendant": _("The defendant belongs to another case.")})

    def save(self, *args, **kwargs):
        if not self.case_id and self.defendant_id:
            self.case_id = self.defendant.case_id
        super().save(*args, **kwargs)
