"""Knowledge tests: building pre- and post-tests from the question bank, scoring answers, recording
paper scores, and the knowledge gain per participant and per event.

A score is the share of correct answers, 0-100. The gain of a participant is post minus pre; an
event's figures count only participants with both a pre- and a post-test result.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from .models import Activity, Attendance, KnowledgeTest, Participant, Question, TestResult

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def build_test(activity: Activity, kind: str, questions) -> KnowledgeTest:
    """The activity's pre- or post-test, made of `questions` (replacing any earlier choice)."""
    test, _created = KnowledgeTest.objects.get_or_create(activity=activity, kind=kind)
    test.questions.set(questions)
    return test


def score_answers(questions, answers: dict) -> Decimal:
    """Share of `questions` answered correctly, 0-100. `answers` maps a question id (int or str, as
    JSON keeps it) to the index of the chosen answer; an unanswered question counts as wrong."""
    questions = list(questions)
    if not questions:
        return Decimal(0)
    given = {str(key): value for key, value in answers.items()}
    correct = sum(1 for q in questions if given.get(str(q.pk)) is not None and int(given[str(q.pk)]) == q.correct_choice)
    return (HUNDRED * correct / len(questions)).quantize(CENT, ROUND_HALF_UP)


def record_answers(test: KnowledgeTest, participant: Participant, answers: dict) -> TestResult:
    """Save a participant's answers to `test`, scored automatically."""
    score = score_answers(test.questions.all(), answers)
    result, _created = TestResult.objects.update_or_create(
        test=test, participant=participant,
        defaults={"answers": {str(k): int(v) for k, v in answers.items() if v is not None}, "score": score},
    )
    return result


def tested_attendances(activity: Activity):
    """The event's participants who sit its tests (role participant), in list order."""
    return activity.attendances.filter(role=Attendance.Role.PARTICIPANT).select_related("participant").order_by(
        "participant__family_name", "participant__given_name", "participant__pk")


@transaction.atomic
def save_paper_scores(activity: Activity, scores: dict[int, dict[str, Decimal | None]]) -> int:
    """Scores marked by hand: {participant id: {"pre": score or None, "post": ...}}. An empty score
    removes a paper result (one entered with answers is kept). Returns how many results were written."""
    written = 0
    for kind in (KnowledgeTest.Kind.PRE, KnowledgeTest.Kind.POST):
        if not any(kind in row for row in scores.values()):
            continue
        test, _created = KnowledgeTest.objects.get_or_create(activity=activity, kind=kind)
        for participant_id, row in scores.items():
            if kind not in row:
                continue
            if row[kind] is None:
                existing = TestResult.objects.filter(test=test, participant_id=participant_id).first()
                if existing and not existing.answers:
                    existing.delete()
                continue
            TestResult.objects.update_or_create(test=test, participant_id=participant_id, defaults={"score": row[kind]})
            written += 1
    return written


@dataclass
class ParticipantGain:
    participant: Participant
    pre: Decimal | None
    post: Decimal | None

    @property
    def gain(self) -> Decimal | None:
        return None if self.pre is None or self.post is None else self.post - self.pre


@dataclass
class EventGain:
    tested: int  # participants with both a pre- and a post-test
    with_gain: int
    mean_gain: Decimal | None

    @property
    def share_with_gain(self) -> Decimal | None:
        return None if not self.tested else (HUNDRED * self.with_gain / self.tested).quantize(CENT, ROUND_HALF_UP)


def participant_gains(activity: Activity) -> list[ParticipantGain]:
    """Each tested participant of the event with their pre and post scores and gain."""
    scores: dict[int, dict[str, Decimal]] = {}
    for result in TestResult.objects.filter(test__activity=activity).select_related("test"):
        scores.setdefault(result.participant_id, {})[result.test.kind] = result.score
    return [
        ParticipantGain(a.participant, scores.get(a.participant_id, {}).get("pre"), scores.get(a.participant_id, {}).get("post"))
        for a in tested_attendances(activity)
    ]


def event_gain(gains: list[ParticipantGain]) -> EventGain:
    measured = [g.gain for g in gains if g.gain is not None]
    mean = (sum(measured) / len(measured)).quantize(CENT, ROUND_HALF_UP) if measured else None
    return EventGain(tested=len(measured), with_gain=sum(1 for gain in measured if gain > 0), mean_gain=mean)


def bank_questions(activity: Activity):
    """Questions of the bank that fit the event: in use and of its crime scope (or both)."""
    scopes = {"both", activity.crime_scope} if activity.crime_scope != "both" else {"tip", "som", "both"}
    return Question.objects.filter(active=True, crime_scope__in=scopes)
