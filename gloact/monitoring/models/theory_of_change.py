"""Theories of change at programme, regional and national level, kept in numbered versions.

A theory of change is reviewed over time: each review is a new ToCVersion holding its own nodes
(impact, outcomes, intermediate outcomes, outputs), causal links, assumptions and risks. Nodes keep
a stable `key` across versions so that two versions can be compared (see ../toc.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TheoryOfChange(models.Model):
    class Scope(models.TextChoices):
        PROGRAMME = "programme", _("programme")
        REGIONAL = "regional", _("regional")
        NATIONAL = "national", _("national")

    programme = models.ForeignKey("monitoring.Programme", models.CASCADE, related_name="theories", verbose_name=_("programme"))
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices, default=Scope.PROGRAMME)
    country = models.ForeignKey("core.Country", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country"))
    region = models.ForeignKey("core.Region", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("region"))
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        ordering = ["programme", "scope", "title"]
        verbose_name = _("theory of change")
        verbose_name_plural = _("theories of change")

    def __str__(self) -> str:
        return self.title

    def current_version(self):
        return self.versions.filter(status=ToCVersion.Status.CURRENT).first() or self.versions.last()


class ToCVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        CURRENT = "current", _("current")
        SUPERSEDED = "superseded", _("superseded")

    theory = models.ForeignKey(TheoryOfChange, models.CASCADE, related_name="versions", verbose_name=_("theory of change"))
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    review_note = models.TextField(_("what changed and why"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["theory", "number"]
        constraints = [models.UniqueConstraint(fields=["theory", "number"], name="monitoring_tocversion_unique_number")]
        verbose_name = _("theory of change version")
        verbose_name_plural = _("theory of change versions")

    def __str__(self) -> str:
        return f"{self.theory} v{self.number}"


class ToCNode(models.Model):
    class Level(models.TextChoices):
        # Order matters: the diagram draws the levels top to bottom in this order.
        IMPACT = "impact", _("impact")
        OUTCOME = "outcome", pgettext_lazy("results chain level", "outcome")  # not a ruling's outcome
        INTERMEDIATE = "intermediate_outcome", _("intermediate outcome")
        OUTPUT = "output", _("output")

    version = models.ForeignKey(ToCVersion, models.CASCADE, related_name="nodes", verbose_name=_("version"))
    key = models.SlugField(_("key"), max_length=40, help_text=_("Stays the same across versions."))
    level = models.CharField(_("level"), max_length=30, choices=Level.choices)
    text = models.CharField(_("statement"), max_length=400)
    pillar = models.ForeignKey("monitoring.Pillar", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("pillar"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["version", "order", "key"]
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="monitoring_tocnode_unique_key")]
        verbose_name = _("theory of change node")
        verbose_name_plural = _("theory of change nodes")

    def __str__(self) -> str:
        return f"{self.key}: {self.text[:60]}"


class ToCLink(models.Model):
    """A causal link: achieving `source` contributes to `target` (drawn as an arrow)."""

    version = models.ForeignKey(ToCVersion, models.CASCADE, related_name="links", verbose_name=_("version"))
    source = models.ForeignKey(ToCNode, models.CASCADE, related_name="outgoing", verbose_name=_("from"))
    target = models.ForeignKey(ToCNode, models.CASCADE, related_name="incoming", verbose_name=_("to"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "target"], name="monitoring_toclink_unique")]
        verbose_name = _("causal link")
        verbose_name_plural = _("causal links")

    def __str__(self) -> str:
        return f"{self.source.key} → {self.target.key}"


class ToCAssumption(models.Model):
    class Kind(models.TextChoices):
        ASSUMPTION = "assumption", _("assumption")
        RISK = "risk", _("risk")

    version = models.ForeignKey(ToCVersion, models.CASCADE, related_name="assumptions", verbose_name=_("version"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("text"))
    link = models.ForeignKey(ToCLink, models.SET_NULL, null=True, blank=True, related_name="assumptions", verbose_name=_("causal link"))

    class Meta:
        ordering = ["version", "kind", "pk"]
        verbose_name = _("assumption or risk")
        verbose_name_plural = _("assumptions and risks")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"
