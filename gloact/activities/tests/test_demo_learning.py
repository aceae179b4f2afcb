"""The demo learning records load once, on top of the demo activities, and feed draft reports."""

from datetime import date

import pytest

from gloact.activities import demo_learning
from gloact.activities.cascade import build_cascade
from gloact.activities.models import Activity, FollowUpSurvey, IndicatorFeed, TestResult, TrainerTrack
from gloact.activities.tests.factories import make_activity, make_attendance, make_participant, make_workplan
from gloact.monitoring import demo as monitoring_demo
from gloact.monitoring.models import IndicatorValue, PeriodReport, Programme

pytestmark = pytest.mark.django_db


def test_loads_once_and_feeds_draft_reports():
    monitoring_demo.load()
    programme = Programme.objects.get(code=monitoring_demo.CODE)
    workplan = make_workplan(programme=programme, start=date(2017, 1, 1), end=date(2017, 12, 31))
    trainings = [make_activity(workplan, f"T{n}", status=Activity.Status.DELIVERED, planned_start=date(2017, n * 2, 6),
                               in_capital=n % 2 == 0) for n in range(1, 5)]
    for n, training in enumerate(trainings):
        for k in range(4):
            make_attendance(training, make_participant(family_name=f"Demo{n}{k}", sex="female" if k % 2 else "male",
                                                       consent_to_contact=True, email=f"d{n}{k}@example.org"))
    assert demo_learning.load_learning() > 0
    assert demo_learning.load_learning() == 0
    assert TestResult.objects.count() == 2 * 16 and FollowUpSurvey.objects.count() == 2 * 16
    tot = Activity.objects.get(kind=Activity.Kind.TRAINING_OF_TRAINERS)
    assert TrainerTrack.objects.filter(tot_activity=tot).count() == 3
    assert build_cascade(tot).reached_through_trainers > 0
    fed = IndicatorFeed.objects.get(indicator__code="ACT.1").indicator
    values = IndicatorValue.objects.filter(indicator=fed, report__status=PeriodReport.Status.DRAFT)
    # Each participant once per half-year: 16 in the trainings, and 3 of them again in the ToT an earlier half-year.
    assert sum(v.value for v in values) == 16 + 3
