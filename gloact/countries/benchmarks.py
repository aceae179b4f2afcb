"""Readiness benchmarks: scores of the countries of a campaign, a country over time, and the
list of countries by readiness that programme managers use to prioritise."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import Assessment, Pillar
from .scoring import AssessmentScores, assessment_scores
from .suppression import Table, TextCell


@dataclass
class ScoredAssessment:
    assessment: Assessment
    scores: AssessmentScores


def _reviewed(queryset) -> list[ScoredAssessment]:
    queryset = queryset.filter(status=Assessment.Status.REVIEWED).select_related("country", "campaign__questionnaire")
    return [ScoredAssessment(a, assessment_scores(a)) for a in queryset]


def campaign_benchmark(campaign) -> list[ScoredAssessment]:
    """Reviewed assessments of a campaign, best first."""
    return sorted(_reviewed(campaign.assessments.all()), key=lambda s: -(s.scores.overall or 0))


def priority_list() -> list[ScoredAssessment]:
    """Each country's latest reviewed assessment, least ready first (lowest level, then score)."""
    latest: dict[str, ScoredAssessment] = {}
    for scored in _reviewed(Assessment.objects.order_by("campaign__opened_on", "reviewed_at")):
        latest[scored.assessment.country_id] = scored
    return sorted(latest.values(), key=lambda s: (s.scores.overall is None, s.scores.overall or 0))


def _score(value) -> str:
    return "" if value is None else f"{value:.1f}"


def scores_table(title: str, scored: list[ScoredAssessment], row_label) -> Table:
    """Rows of scored assessments, a column per pillar, the overall score and the level."""
    pillars = list(Pillar.objects.filter(questions__isnull=False).distinct())
    return Table(
        title=title,
        row_header=_("Country"),
        row_labels=[row_label(s.assessment) for s in scored],
        column_labels=[p.localized_label() for p in pillars] + [_("Overall score"), _("Readiness level")],
        cells=[
            [TextCell(_score(s.scores.by_pillar.get(p))) for p in pillars]
            + [TextCell(_score(s.scores.overall)),
               TextCell(f"{s.scores.level.level} {s.scores.level.label}" if s.scores.level else "")]
            for s in scored
        ],
    )
