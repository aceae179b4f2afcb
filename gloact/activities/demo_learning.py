"""Demo learning records on top of the demo activities (demo.py): a small question bank, pre- and
post-tests with scores, satisfaction answers, follow-up surveys (some answered), a training of
trainers with its cascade, and three results indicators fed by the activity records, computed
into draft reports. All synthetic: the scores and answers are drawn from a fixed seed.

`load_learning()` is idempotent: it does nothing once the demo question bank exists.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from gloact.monitoring import demo as monitoring_demo
from gloact.monitoring.models import Dimension, Indicator, PeriodReport, Programme, ReportingPeriod
from gloact.monitoring.periods import create_periods

from . import feeds
from .followup import activity_end, add_months
from .models import (
    Activity,
    Attendance,
    FollowUpQuestion,
    FollowUpSurvey,
    IndicatorFeed,
    KnowledgeTest,
    Question,
    SatisfactionResponse,
    TestResult,
    TrainerTrack,
)
from .scoring import build_test, tested_attendances

TOPIC = "Demo: definitions"
QUESTIONS = [
    ("tip", "Under the Trafficking in Persons Protocol, which three elements define trafficking of an adult?",
     ["Act, means and purpose of exploitation", "Border crossing, payment and false documents", "Act and consent only"], 0),
    ("tip", "Does the consent of an adult victim matter once deception was used?",
     ["Yes, consent excludes trafficking", "No, consent is irrelevant when one of the means was used", "Only in court"], 1),
    ("tip", "For a child victim, which element need not be proven?",
     ["The act", "The purpose of exploitation", "The means"], 2),
    ("som", "What distinguishes the smuggling of migrants under the Smuggling Protocol?",
     ["Exploitation at destination", "Procuring illegal entry for a financial or other material benefit", "Crossing by sea"], 1),
    ("som", "May smuggled migrants be prosecuted for having been smuggled, under the Protocol?",
     ["Yes, always", "No, not for the fact of having been smuggled", "Only adults"], 1),
    ("both", "Which of these is a victim-centred practice in an interview?",
     ["Repeating the interview several times", "Offering an interpreter and support before questioning",
      "Confronting the victim with the suspect"], 1),
    ("both", "Which evidence reduces reliance on a victim's testimony?",
     ["Financial records and communications", "Anonymous rumours", "Media reports alone"], 0),
    ("both", "Who should be informed when a presumed victim is a child?",
     ["No one until trial", "The child protection authority", "The embassy only"], 1),
]
EXAMPLES = [
    "I now open a financial investigation alongside every trafficking case.",
    "We used the interview checklist with two presumed victims and referred both to shelter services.",
    "I trained three colleagues of my unit with the course material.",
    "Our office now contacts the labour inspectorate when we suspect forced labour.",
]
USES = ["daily", "sometimes", "sometimes", "not_yet", "daily", "no"]
FED_INDICATORS = [
    ("ACT.1", "Practitioners trained (computed from activity records)", IndicatorFeed.Metric.PRACTITIONERS_TRAINED,
     {"measure": Indicator.Measure.NUMBER, "unit": "persons", "gender_sensitive": True,
      "disaggregation_rule": Indicator.DisaggregationRule.MUST_ADD_UP}, ["sex", "age"]),
    ("ACT.2", "Share of tested participants whose knowledge rose (computed from activity records)",
     IndicatorFeed.Metric.KNOWLEDGE_GAIN_SHARE, {"measure": Indicator.Measure.PERCENTAGE, "aggregation": Indicator.Aggregation.AVERAGE}, []),
    ("ACT.3", "Activities delivered outside capitals (computed from activity records)", IndicatorFeed.Metric.OUTSIDE_CAPITAL,
     {"measure": Indicator.Measure.NUMBER, "unit": "activities"}, []),
]


def load_learning() -> int:
    programme = Programme.objects.filter(code=monitoring_demo.CODE).first()
    if programme is None or Question.objects.filter(topic=TOPIC).exists():
        return 0
    with transaction.atomic():
        return _load(programme)


def _aware(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _load(programme: Programme) -> int:
    rng = random.Random(2026)  # nosec B311 # seeded generator for reproducible synthetic demo data
    questions = [Question.objects.create(topic=TOPIC, text=text, choices=choices, correct_choice=correct, crime_scope=scope)
                 for scope, text, choices, correct in QUESTIONS]
    created = len(questions)
    trainings = list(Activity.objects.filter(
        workplan__programme=programme, status=Activity.Status.DELIVERED, kind__in=Activity.TRAINING_KINDS,
    ).order_by("planned_start", "code"))
    for activity in trainings:
        created += _tests_and_satisfaction(activity, questions, rng)
        created += _followup(activity, rng)
    if trainings:
        FollowUpQuestion.objects.create(activity=trainings[0], text="Have you shared the training material with colleagues?")
        created += 1 + _cascade(trainings)
    created += _fed_indicators(programme)
    return created


def _tests_and_satisfaction(activity: Activity, questions, rng: random.Random) -> int:
    fitting = [q for q in questions if q.crime_scope in ("both", activity.crime_scope) or activity.crime_scope == "both"][:5]
    tests = {kind: build_test(activity, kind, fitting) for kind in (KnowledgeTest.Kind.PRE, KnowledgeTest.Kind.POST)}
    created = 2
    for attendance in tested_attendances(activity).filter(completed=True):
        pre = Decimal(rng.choice([20, 40, 40, 60, 60, 80]))
        post = min(Decimal(100), pre + rng.choice([-20, 0, 20, 20, 40]))
        for kind, score in ((KnowledgeTest.Kind.PRE, pre), (KnowledgeTest.Kind.POST, post)):
            TestResult.objects.create(test=tests[kind], participant=attendance.participant, score=score)
            created += 1
    for _n in range(rng.randint(4, 8)):
        SatisfactionResponse.objects.create(activity=activity, overall=rng.choice([3, 4, 4, 5, 5]),
                                            relevance=rng.choice([3, 4, 5, 5]), organisation=rng.choice([2, 3, 4, 4, 5]))
        created += 1
    return created


def _followup(activity: Activity, rng: random.Random) -> int:
    """Surveys as if sent when due (without links: the demo sends no e-mail); about half answered."""
    created = 0
    attendances = activity.attendances.filter(role=Attendance.Role.PARTICIPANT, completed=True,
                                              participant__consent_to_contact=True).exclude(participant__email="")
    for attendance in attendances:
        for wave in (FollowUpSurvey.Wave.SIX_MONTHS, FollowUpSurvey.Wave.TWELVE_MONTHS):
            due = add_months(activity_end(activity), wave)
            sent = _aware(due)
            survey = FollowUpSurvey(attendance=attendance, wave=wave, due_on=due, sent_at=sent, expires_at=sent + timedelta(days=60))
            if rng.random() < 0.5:
                survey.responded_at = sent + timedelta(days=rng.randint(1, 20))
                survey.use = rng.choice(USES)
                survey.example = rng.choice(EXAMPLES) if survey.use in ("daily", "sometimes") else ""
            else:
                survey.reminders_sent, survey.last_reminder_at = 2, sent + timedelta(days=28)
            survey.save()
            created += 1
    return created


def _cascade(trainings: list[Activity]) -> int:
    """The first ToT of the demo (or, without one, a ToT added before the first trainings) with
    trainer tracks, and later trainings in its country given by two of its trainers."""
    tot = next((a for a in trainings if a.kind == Activity.Kind.TRAINING_OF_TRAINERS), None)
    created = 0
    if tot is None:
        first = trainings[0]
        start = first.held_on - timedelta(days=60)
        tot = Activity.objects.create(
            workplan=first.workplan, country=first.country, code=f"{first.code}-TOT"[:30], kind=Activity.Kind.TRAINING_OF_TRAINERS,
            title="Training of trainers: investigating trafficking cases (demo)", crime_scope=Activity.CrimeScope.TIP,
            status=Activity.Status.DELIVERED, planned_start=start, planned_end=start + timedelta(days=4),
            actual_start=start, actual_end=start + timedelta(days=4), in_capital=True, language=first.language,
        )
        trainees = [a.participant for a in first.attendances.filter(role=Attendance.Role.PARTICIPANT)[:3]]
        for person in trainees:
            Attendance.objects.create(activity=tot, participant=person)
        created += 1 + len(trainees)
    later = [a for a in trainings if a.country_id == tot.country_id and a.held_on > activity_end(tot) and a.pk != tot.pk]
    trainers = [a.participant for a in tot.attendances.filter(role=Attendance.Role.PARTICIPANT)]
    for step, person in enumerate(trainers):
        delivered = []
        for training in later[step:step + 2] if step < 2 else []:
            attendance, made = Attendance.objects.get_or_create(activity=training, participant=person,
                                                                defaults={"role": Attendance.Role.TRAINER})
            if attendance.role == Attendance.Role.TRAINER:
                delivered.append(training)
                created += made
        end = activity_end(tot)
        TrainerTrack.objects.create(
            participant=person, tot_activity=tot, presenting_skills_on=end, content_on=end + timedelta(days=14) if step < 2 else None,
            first_training=delivered[0] if delivered else None, second_training=delivered[1] if len(delivered) > 1 else None,
            certified_on=activity_end(delivered[1]) + timedelta(days=30) if len(delivered) > 1 else None,
        )
        created += 1
    return created


def _fed_indicators(programme: Programme) -> int:
    """Three indicators computed from the records, and draft reports of the half-years with
    delivered activities, whose fed values are computed at once (as opening them would)."""
    created = 0
    for order, (code, title, metric, fields, dimensions) in enumerate(FED_INDICATORS, 200):
        indicator, made = Indicator.objects.get_or_create(programme=programme, code=code, defaults={
            "title": title, "level": Indicator.Level.OUTPUT, "order": order, "data_source": "Activity records (attendance, tests)",
            **fields,
        })
        if made:
            indicator.dimensions.set(Dimension.objects.filter(code__in=dimensions))
            IndicatorFeed.objects.create(indicator=indicator, metric=metric)
            created += 2
    periods = create_periods(programme, ReportingPeriod.Kind.SEMI_ANNUAL)
    delivered = Activity.objects.filter(workplan__programme=programme, status=Activity.Status.DELIVERED).exclude(country=None)
    for period in periods:
        countries = {a.country_id for a in delivered if period.start <= a.held_on <= period.end}
        for country in sorted(countries & set(programme.countries.values_list("iso3", flat=True))):
            report, made = PeriodReport.objects.get_or_create(programme=programme, country_id=country, period=period)
            created += made
            if report.is_editable:
                created += feeds.refresh_report(report)
    return created
