"""Usage counters and reader feedback. Nothing here identifies a reader: no IP address, user,
cookie or exact time is stored, only daily counts, normalised query texts and anonymous answers."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import Case


class DailyCount(models.Model):
    """How often something happened on one day: searches, case views, downloads (by `detail`,
    e.g. the export format)."""

    class Kind(models.TextChoices):
        SEARCH = "search", _("searches")
        CASE_VIEW = "case_view", _("case views")
        DOWNLOAD = "download", _("downloads")

    day = models.DateField(_("day"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    detail = models.CharField(_("detail"), max_length=40, blank=True)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        ordering = ["-day", "kind", "detail"]
        verbose_name = _("daily count")
        verbose_name_plural = _("daily counts")
        constraints = [
            models.UniqueConstraint(fields=["day", "kind", "detail"], name="caselaw_dailycount_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.kind} {self.detail}: {self.count}"


class CaseViewCount(models.Model):
    """How often the public page of a case was viewed."""

    case = models.OneToOneField(Case, models.CASCADE, primary_key=True, related_name="view_count")
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("case view count")
        verbose_name_plural = _("case view counts")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.views}"


class SearchQuery(models.Model):
    """A normalised search text (lower-cased, trimmed, at most 200 characters), how often it was
    searched and how often it found nothing."""

    query = models.CharField(_("query"), max_length=200, unique=True)
    count = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_count = models.PositiveIntegerField(_("searches without result"), default=0)
    last_searched = models.DateField(_("last searched"))

    class Meta:
        ordering = ["-count", "query"]
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")

    def __str__(self) -> str:
        return self.query


class CaseFeedback(models.Model):
    """One anonymous answer to "Was this case useful?" on a case page."""

    class Audience(models.TextChoices):
        JUDGE = "judge", _("judge")
        PROSECUTOR = "prosecutor", _("prosecutor")
        INVESTIGATOR = "investigator", _("investigator")
        LAWYER = "lawyer", _("lawyer")
        NGO = "ngo", _("NGO")
        RESEARCHER = "researcher", _("researcher")
        STUDENT = "student", _("student")
        OTHER = "other", _("other")

    case = models.ForeignKey(Case, models.CASCADE, related_name="feedback", verbose_name=_("case"))
    useful = models.BooleanField(_("useful"))
    audience = models.CharField(_("I am a"), max_length=20, choices=Audience.choices, blank=True)
    day = models.DateField(_("day"))  # a day, not a time: nothing to match against server logs

    class Meta:
        ordering = ["-day", "-pk"]
        verbose_name = _("case feedback")
        verbose_name_plural = _("case feedback")

    def __str__(self) -> str:
        return f"{self.case_id} {self.useful}"
