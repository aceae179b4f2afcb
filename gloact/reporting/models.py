"""Report templates (which sections a donor report has, in which order) and the narrative that
country teams and managers write per period. Figures are never stored here: reports compute them
from approved monitoring values, activities and published cases when they are generated."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

REPORT_LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español"), ("ru", "Русский")]


class NarrativeHeading(models.TextChoices):
    CONTEXT = "context", _("Context")
    ACHIEVEMENTS = "achievements", _("Achievements")
    CHALLENGES = "challenges", _("Challenges and delays")
    LESSONS = "lessons", _("Lessons learned")
    NEXT_STEPS = "next_steps", _("Next steps")
    HUMAN_RIGHTS_GENDER = "human_rights_gender", _("Human rights and gender")


class ReportTemplate(models.Model):
    class Kind(models.TextChoices):
        SEMI_ANNUAL = "semi_annual", _("semi-annual")
        ANNUAL = "annual", _("annual")
        CUSTOM = "custom", _("custom")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CUSTOM)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        permissions = [("generate_report", "Can generate progress reports")]
        verbose_name = _("report template")
        verbose_name_plural = _("report templates")

    def __str__(self) -> str:
        return self.name


class TemplateSection(models.Model):
    """One section of a template; the builder computes its content from the section's kind."""

    class Kind(models.TextChoices):
        COVER = "cover", _("cover")
        RESULTS = "results", _("results table")
        ACTIVITIES = "activities", _("activities planned and delivered")
        TRAININGS = "trainings", _("trainings and people reached by sex")
        NARRATIVE = "narrative", _("narrative")
        CASE_LAW = "case_law", _("case law highlights")
        ANNEXES = "annexes", _("annexes")

    template = models.ForeignKey(ReportTemplate, models.CASCADE, related_name="sections", verbose_name=_("template"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    heading = models.CharField(_("narrative heading"), max_length=30, choices=NarrativeHeading.choices, blank=True,
                               help_text=_("For narrative sections: which narrative the section shows."))
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("Leave empty for the usual title."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["template", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="narrative") & ~models.Q(heading="")) | (~models.Q(kind="narrative") & models.Q(heading="")),
                name="reporting_section_heading_only_for_narrative",
            ),
        ]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.title or str(self.get_heading_display() if self.heading else self.get_kind_display())


class NarrativeEntry(models.Model):
    """Narrative text for one heading of one period, for the programme (no component) or for a
    country component, in one language; several languages of the same text may coexist."""

    programme = models.ForeignKey("monitoring.Programme", models.CASCADE, related_name="narratives", verbose_name=_("programme"))
    component = models.ForeignKey("monitoring.Component", models.CASCADE, null=True, blank=True, related_name="narratives",
                                  verbose_name=_("component"), help_text=_("Empty for the programme as a whole."))
    # Copied from the component on save so that country scoping filters entries directly.
    country = models.ForeignKey("core.Country", models.PROTECT, null=True, blank=True, editable=False, related_name="+",
                                verbose_name=_("country"))
    period = models.ForeignKey("monitoring.ReportingPeriod", models.CASCADE, related_name="narratives", verbose_name=_("period"))
    heading = models.CharField(_("heading"), max_length=30, choices=NarrativeHeading.choices)
    language = models.CharField(_("language"), max_length=10, choices=REPORT_LANGUAGES, default="en")
    text = models.TextField(_("text"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
                               verbose_name=_("author"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["programme", "period__start", "component", "heading", "language"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "component", "period", "heading", "language"],
                                    name="reporting_narrative_unique"),
            models.UniqueConstraint(fields=["programme", "period", "heading", "language"], condition=models.Q(component__isnull=True),
                                    name="reporting_narrative_unique_programme_level"),
        ]
        verbose_name = _("narrative entry")
        verbose_name_plural = _("narrative entries")

    def __str__(self) -> str:
        return f"{self.period} – {self.get_heading_display()} ({self.language})"

    def save(self, *args, **kwargs):
        self.country_id = self.component.country_id if self.component_id else None
        super().save(*args, **kwargs)
