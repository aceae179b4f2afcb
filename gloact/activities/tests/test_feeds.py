"""Indicators fed by activity records equal the sums of the records, reach editable reports when
they are opened, and never change approved reports."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.activities import feeds, scoring
from gloact.activities.models import Activity, Attendance, FollowUpSurvey, IndicatorFeed, KnowledgeTest, TrainerTrack
from gloact.activities.tests.factories import make_activity, make_attendance, make_participant, make_workplan
from gloact.monitoring.models import Indicator, IndicatorValue, PeriodReport
from gloact.monitoring.tests.factories import make_indicator, make_period, make_programme, make_report

pytestmark = pytest.mark.django_db
DELIVERED = Activity.Status.DELIVERED
Metric = IndicatorFeed.Metric


@pytest.fixture
def setup():
    programme = make_programme(start=date(2020, 1, 1), end=date(2021, 12, 31))
    period = make_period(programme)  # 2020 H1
    workplan = make_workplan(programme=programme)
    in_period = make_activity(workplan, "IN", status=DELIVERED, planned_start=date(2020, 3, 2), in_capital=False)
    other = make_activity(workplan, "IN2", status=DELIVERED, planned_start=date(2020, 5, 4), in_capital=True)
    late = make_activity(workplan, "LATE", status=DELIVERED, planned_start=date(2020, 7, 6), in_capital=False)
    planned = make_activity(workplan, "PLAN", planned_start=date(2020, 4, 6), in_capital=False)
    women = [make_participant(family_name=f"W{i}", sex="female", age_band="30_44") for i in range(3)]
    men = [make_participant(family_name=f"M{i}", sex="male", age_band="18_29") for i in range(2)]
    child = make_participant(family_name="Young", sex="female", age_band="under_18")
    for person in (*women, men[0]):
        make_attendance(in_period, person)
    for person in (women[0], men[1], child):  # women[0] attends twice: counted once
        make_attendance(other, person)
    make_attendance(other, make_participant(family_name="Dropout", sex="male"), completed=False)
    make_attendance(other, make_participant(family_name="Trainer", sex="male"), role=Attendance.Role.TRAINER)
    make_attendance(late, make_participant(family_name="Late", sex="male"))
    make_attendance(planned, make_participant(family_name="Planned", sex="male"))
    return programme, period, {"in": in_period, "other": other, "late": late, "women": women, "men": men}


def feed(programme, metric, code, **fields):
    indicator = make_indicator(programme, code, **fields)
    return IndicatorFeed.objects.create(indicator=indicator, metric=metric)


def test_practitioners_trained_equals_records(setup):
    programme, period, _ = setup
    trained = feed(programme, Metric.PRACTITIONERS_TRAINED, "TR", dimensions=["sex", "age"])
    computed = feeds.compute(trained, "MLI", period)
    assert computed.value == 6  # 3 women + 2 men + the child; drop-outs, trainers, late and planned ones excluded
    assert computed.breakdown == {("sex", "female"): 4, ("sex", "male"): 2, ("age", "adult"): 5, ("age", "child"): 1}
    assert computed.records == 7  # attendances counted (one person twice)
    assert feeds.compute(trained, "NER", period).value == 0


def test_knowledge_gain_share(setup):
    programme, period, named = setup
    activity = named["in"]
    for person, pre, post in [(named["women"][0], 40, 70), (named["women"][1], 60, 60), (named["men"][0], 50, 90)]:
        for kind, score in (("pre", pre), ("post", post)):
            scoring.save_paper_scores(activity, {person.pk: {kind: Decimal(score)}})
    scoring.save_paper_scores(activity, {named["women"][2].pk: {"pre": Decimal(10)}})  # no post-test: not counted
    computed = feeds.compute(feed(programme, Metric.KNOWLEDGE_GAIN_SHARE, "KG", measure=Indicator.Measure.PERCENTAGE), None, period)
    assert (computed.numerator, computed.denominator, computed.value) == (2, 3, Decimal("66.67"))
    assert KnowledgeTest.objects.count() == 2


def test_applying_share_counts_twelve_month_answers_of_the_period(setup):
    programme, period, named = setup
    answers = [("daily", date(2020, 2, 1)), ("sometimes", date(2020, 3, 1)), ("not_yet", date(2020, 4, 1)),
               ("daily", date(2020, 8, 1))]
    attendances = list(named["in"].attendances.all())
    for attendance, (use, day) in zip(attendances, answers, strict=True):
        FollowUpSurvey.objects.create(attendance=attendance, wave=12, due_on=day, use=use, responded_at=f"{day}T10:00Z")
    FollowUpSurvey.objects.create(attendance=attendances[0], wave=6, due_on=date(2020, 2, 1), use="no",
                                  responded_at="2020-02-01T10:00Z")
    computed = feeds.compute(feed(programme, Metric.APPLYING_SHARE, "AP", measure=Indicator.Measure.PERCENTAGE), "MLI", period)
    assert (computed.numerator, computed.denominator) == (2, 3)


def test_activity_counts(setup):
    programme, period, named = setup
    national = make_participant(family_name="National")
    make_attendance(named["in"], national, role=Attendance.Role.TRAINER)
    tot = make_activity(named["in"].workplan, "TOT", kind=Activity.Kind.TRAINING_OF_TRAINERS, status=DELIVERED,
                        planned_start=date(2019, 11, 4))
    TrainerTrack.objects.create(participant=national, tot_activity=tot)
    assert feeds.compute(feed(programme, Metric.NATIONAL_TRAINER_TRAININGS, "NT"), "MLI", period).value == 1
    assert feeds.compute(feed(programme, Metric.OUTSIDE_CAPITAL, "OC"), "MLI", period).value == 1  # not LATE nor PLAN


def test_refresh_writes_editable_reports_only(setup, client):
    programme, period, named = setup
    trained = feed(programme, Metric.PRACTITIONERS_TRAINED, "TR", dimensions=["sex"],
                   disaggregation_rule=Indicator.DisaggregationRule.MUST_ADD_UP)
    draft = make_report(programme, period)
    assert feeds.refresh_report(draft) == 1
    assert feeds.refresh_report(draft) == 0  # unchanged: nothing rewritten
    value = IndicatorValue.objects.get(report=draft, indicator=trained.indicator)
    assert value.value == 6 and "Computed from 7 activity records" in value.note
    assert {d.category.code: d.value for d in value.disaggregations.all()} == {"female": 4, "male": 2}

    approved_period = make_period(programme, label="2020 H2", start=date(2020, 7, 1), end=date(2020, 12, 31))
    approved = make_report(programme, approved_period)
    IndicatorValue.objects.create(report=approved, indicator=trained.indicator, value=Decimal(9), note="typed")
    approved.status = PeriodReport.Status.APPROVED
    approved.save()
    assert feeds.refresh_report(approved) == 0
    assert IndicatorValue.objects.get(report=approved).value == 9

    # Opening the report page shows the new figure after an attendance is added.
    make_attendance(named["in"], make_participant(family_name="New", sex="male"))
    client.force_login(make_user("officer", "programme_officer", ["MLI"]))
    page = client.get(reverse("monitoring:report", args=[draft.pk])).content.decode()
    assert "computed from activities" in page
    value.refresh_from_db()
    assert value.value == 7
    assert client.get(reverse("monitoring:report", args=[approved.pk])).status_code == 200
    assert IndicatorValue.objects.get(report=approved).value == 9

    # The entry form does not take typed figures for fed indicators.
    url = reverse("monitoring:enter_value", args=[draft.pk, trained.indicator.pk])
    assert "cannot be typed here" in client.get(url).content.decode()
    client.post(url, {"value": "100", "narrative": "Trainings in Mopti and Gao."})
    value.refresh_from_db()
    assert value.value == 7 and value.narrative == "Trainings in Mopti and Gao."
