"""Reference data: ISO 3166 countries in their UN M49 regions, and organisations."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TranslatedNameMixin:
    """`names` holds {language code: name}; `name` is the English fallback."""

    def localized_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "en").lower()
        return self.names.get(language) or self.names.get(language.split("-")[0]) or self.name

    def __str__(self) -> str:
        return self.localized_name()


class Region(TranslatedNameMixin, models.Model):
    """A UN M49 geographical region (e.g. 002 Africa), sub-region or intermediate region."""

    class Level(models.IntegerChoices):
        REGION = 1, _("region")
        SUBREGION = 2, _("sub-region")
        INTERMEDIATE = 3, _("intermediate region")

    code = models.CharField(_("M49 code"), max_length=3, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    names = models.JSONField(_("translated names"), default=dict, blank=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey("self", models.PROTECT, null=True, blank=True, related_name="children")

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Country(TranslatedNameMixin, models.Model):
    """An ISO 3166-1 country or area with its UN M49 code and regions."""

    iso3 = models.CharField(_("ISO 3166 alpha-3"), max_length=3, primary_key=True)
    iso2 = models.CharField(_("ISO 3166 alpha-2"), max_length=2, unique=True)
    m49 = models.CharField(_("M49 code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100)
    names = models.JSONField(_("translated names"), default=dict, blank=True)
    region = models.ForeignKey(Region, models.PROTECT, related_name="+", verbose_name=_("region"))
    subregion = models.ForeignKey(Region, models.PROTECT, related_name="+", verbose_name=_("sub-region"))
    intermediate_region = models.ForeignKey(
        Region, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("intermediate region")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class Organisation(models.Model):
    """An institution or organisation working in a country (partner, contributor, counterpart)."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("government")
        JUDICIARY = "judiciary", _("judiciary")
        PROSECUTION = "prosecution", _("prosecution")
        LAW_ENFORCEMENT = "law_enforcement", _("law enforcement")
        SOCIAL_SERVICES = "social_services", _("social services")
        CSO = "cso", _("civil society organisation")
        INTERNATIONAL = "international", _("international organisation")
        ACADEMIA = "academia", _("academia")
        PRIVATE_SECTOR = "private_sector", _("private sector")
        DONOR = "donor", _("donor")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    country = models.ForeignKey(Country, models.PROTECT, related_name="organisations", verbose_name=_("country"))
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name
