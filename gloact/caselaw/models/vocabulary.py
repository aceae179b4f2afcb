"""Controlled vocabularies (thesauri): terms with stable ids and translated labels."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _localized(default: str, translations: dict, language: str | None) -> str:
    language = (language or get_language() or "en").lower()
    return translations.get(language) or translations.get(language.split("-")[0]) or default


class Vocabulary(models.Model):
    """A thesaurus such as "tip_means"; its code is referenced by code (see vocabularies.py)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    names = models.JSONField(_("translated names"), default=dict, blank=True, help_text=_("{language code: name}"))
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("vocabulary")
        verbose_name_plural = _("vocabularies")

    def localized_name(self, language: str | None = None) -> str:
        return _localized(self.name, self.names, language)

    def __str__(self) -> str:
        return self.localized_name()


class TermQuerySet(models.QuerySet):
    def of(self, vocabulary_code: str):
        return self.filter(vocabulary__code=vocabulary_code)

    def active(self):
        return self.filter(active=True)


class Term(models.Model):
    """One entry of a vocabulary. `code` is the stable id (e.g. "means.deception"): never change it
    once used; change the labels instead, or set `active` off to stop offering the term."""

    vocabulary = models.ForeignKey(
        Vocabulary, models.PROTECT, related_name="terms", verbose_name=_("vocabulary")
    )
    code = models.CharField(_("stable id"), max_length=100)
    label = models.CharField(_("label (English)"), max_length=300)
    labels = models.JSONField(
        _("translated labels"), default=dict, blank=True, help_text=_("{language code: label}, e.g. fr, es, ru, ar, zh-hans")
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True, help_text=_("Inactive terms are no longer offered."))

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["vocabulary__order", "order", "code"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [models.UniqueConstraint(fields=["vocabulary", "code"], name="caselaw_term_unique_code")]

    def localized_label(self, language: str | None = None) -> str:
        return _localized(self.label, self.labels, language)

    def __str__(self) -> str:
        return self.localized_label()


def term_field(vocabulary_code: str, verbose_name, related_name: str, help_text="") -> models.ManyToManyField:
    """A classification field: several terms of one vocabulary."""
    return models.ManyToManyField(
        Term,
        blank=True,
        limit_choices_to={"vocabulary__code": vocabulary_code},
        related_name=related_name,
        verbose_name=verbose_name,
        help_text=help_text,
    )
