"""Scores of readiness self-assessments: points per answer, pillar scores from 0 to 100 and the
readiness level that programme managers use to prioritise countries.

A pillar's score is the points obtained over the points obtainable on its scored questions
(text questions are not scored); the overall score is the mean of the pillar scores, so that a
pillar with many questions does not outweigh the others. Unanswered questions count as 0.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from gloact.core.lists import join_list

from .models import Answer, Assessment, Pillar, Question

# (minimum overall score, level, label): shown to users next to every level.
READINESS_LEVELS = [
    (0, 1, _("initial")),
    (40, 2, _("developing")),
    (60, 3, _("established")),
    (80, 4, _("advanced")),
]


@dataclass(frozen=True)
class ReadinessLevel:
    level: int
    label: str
    minimum: int


def readiness_level(score: float | None) -> ReadinessLevel | None:
    if score is None:
        return None
    found = None
    for minimum, level, label in READINESS_LEVELS:
        if score >= minimum:
            found = ReadinessLevel(level, label, minimum)
    return found


def level_thresholds() -> list[ReadinessLevel]:
    return [ReadinessLevel(level, label, minimum) for minimum, level, label in READINESS_LEVELS]


def scoring_rule_errors(answer_type: str, rule: dict) -> list[str]:
    """What is wrong with a question's scoring rule (empty when it is valid)."""
    T = Question.AnswerType
    if not isinstance(rule, dict):
        return [_("The scoring rule must be an object.")]
    expected = {T.YES_NO: {"yes", "no"}, T.SCALE: {str(n) for n in range(5)}}.get(answer_type)
    if expected is not None:
        if set(rule) != expected:
            return [_("Give points for exactly these answers: %s.") % join_list(sorted(expected))]
        if not all(isinstance(v, int | float) for v in rule.values()):
            return [_("Points must be numbers.")]
    elif answer_type == T.NUMBER:
        thresholds = rule.get("thresholds")
        if set(rule) != {"thresholds"} or not isinstance(thresholds, list) or not all(
            isinstance(t, list) and len(t) == 2 and all(isinstance(x, int | float) for x in t) for t in thresholds
        ):
            return [_('Use {"thresholds": [[minimum, points], ...]}.')]
    elif rule:
        return [_("This answer type takes no scoring rule (choices carry their points).")]
    return []


def max_points(question: Question) -> Decimal:
    T = Question.AnswerType
    if question.answer_type in (T.YES_NO, T.SCALE):
        return Decimal(str(max(question.scoring.values(), default=0)))
    if question.answer_type == T.NUMBER:
        return Decimal(str(max((p for _m, p in question.scoring.get("thresholds", [])), default=0)))
    if question.answer_type == T.CHOICE:
        return max((c.points for c in question.choices.all()), default=Decimal(0))
    return Decimal(0)


def points_for(question: Question, answer: Answer | None) -> Decimal:
    """Points of `answer` to `question` (0 when unanswered or not scored)."""
    if answer is None:
        return Decimal(0)
    T = Question.AnswerType
    if question.answer_type == T.YES_NO and answer.value_bool is not None:
        return Decimal(str(question.scoring["yes" if answer.value_bool else "no"]))
    if question.answer_type == T.SCALE and answer.value_number is not None:
        return Decimal(str(question.scoring.get(str(int(answer.value_number)), 0)))
    if question.answer_type == T.NUMBER and answer.value_number is not None:
        reached = [p for minimum, p in question.scoring.get("thresholds", []) if answer.value_number >= Decimal(str(minimum))]
        return Decimal(str(max(reached, default=0)))
    if question.answer_type == T.CHOICE and answer.value_choice_id:
        return answer.value_choice.points
    return Decimal(0)


@dataclass(frozen=True)
class AssessmentScores:
    by_pillar: dict[Pillar, float]  # pillar -> 0..100, only pillars with scored questions
    overall: float | None
    level: ReadinessLevel | None


def assessment_scores(assessment: Assessment) -> AssessmentScores:
    questions = (
        assessment.campaign.questionnaire.questions.select_related("pillar").prefetch_related("choices")
    )
    answers = {a.question_id: a for a in assessment.answers.select_related("value_choice")}
    obtained: dict[Pillar, Decimal] = {}
    obtainable: dict[Pillar, Decimal] = {}
    for question in questions:
        maximum = max_points(question)
        if maximum <= 0:
            continue
        obtained[question.pillar] = obtained.get(question.pillar, Decimal(0)) + points_for(
            question, answers.get(question.pk)
        )
        obtainable[question.pillar] = obtainable.get(question.pillar, Decimal(0)) + maximum
    by_pillar = {
        pillar: round(float(obtained[pillar] / obtainable[pillar] * 100), 1)
        for pillar in sorted(obtainable, key=lambda p: (p.order, p.code))
    }
    overall = round(sum(by_pillar.values()) / len(by_pillar), 1) if by_pillar else None
    return AssessmentScores(by_pillar, overall, readiness_level(overall))
