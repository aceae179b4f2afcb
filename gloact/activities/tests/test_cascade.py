"""The training-of-trainers cascade: the tree and its counts on a built example."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.activities.cascade import build_cascade, check_track
from gloact.activities.models import Activity, Attendance, TrainerTrack
from gloact.activities.tests.factories import make_activity, make_attendance, make_participant, make_workplan

pytestmark = pytest.mark.django_db
DELIVERED = Activity.Status.DELIVERED
TRAINER = Attendance.Role.TRAINER


@pytest.fixture
def tree():
    """ToT (Jan) trains A and B. A gives training T1 (3 people) and a ToT T2 (2 new trainers, one of
    whom, C, gives T3 to 2 people, one of them also in T1). B gives nothing. A training A gave
    before the ToT, and one that is only planned, do not count."""
    workplan = make_workplan()
    tot = make_activity(workplan, "TOT", kind=Activity.Kind.TRAINING_OF_TRAINERS, status=DELIVERED,
                        planned_start=date(2020, 1, 6), planned_end=date(2020, 1, 10))
    a, b, c, d = (make_participant(family_name=name) for name in ("Aa", "Bb", "Cc", "Dd"))
    for person in (a, b):
        make_attendance(tot, person)
    t1 = make_activity(workplan, "T1", status=DELIVERED, planned_start=date(2020, 2, 3))
    make_attendance(t1, a, TRAINER)
    shared = make_participant(family_name="Shared")
    for person in (make_participant(family_name="P1"), make_participant(family_name="P2"), shared):
        make_attendance(t1, person)
    t2 = make_activity(workplan, "T2", kind=Activity.Kind.TRAINING_OF_TRAINERS, status=DELIVERED,
                       planned_start=date(2020, 3, 2))
    make_attendance(t2, a, TRAINER)
    make_attendance(t2, c)
    make_attendance(t2, d)
    t3 = make_activity(workplan, "T3", status=DELIVERED, planned_start=date(2020, 4, 6))
    make_attendance(t3, c, TRAINER)
    make_attendance(t3, shared)
    make_attendance(t3, make_participant(family_name="P4"))
    before = make_activity(workplan, "OLD", status=DELIVERED, planned_start=date(2019, 12, 2))
    make_attendance(before, a, TRAINER)
    make_attendance(before, make_participant(family_name="Early"))
    planned = make_activity(workplan, "PLAN", planned_start=date(2020, 5, 4))
    make_attendance(planned, b, TRAINER)
    make_attendance(planned, make_participant(family_name="Future"))
    TrainerTrack.objects.create(participant=a, tot_activity=tot, presenting_skills_on=date(2020, 1, 8),
                                content_on=date(2020, 1, 9), first_training=t1, second_training=t2,
                                certified_on=date(2020, 3, 10))
    return tot, {"a": a, "b": b, "c": c, "t1": t1, "t2": t2, "t3": t3}


def test_counts(tree):
    tot, named = tree
    cascade = build_cascade(tot)
    assert cascade.reached_directly == 2
    # T1: P1, P2, Shared; T2: C, D; T3: Shared (again), P4
    assert cascade.reached_through_trainers == 6
    assert cascade.trainers_delivering == 1 and cascade.certified == 1
    a_node = next(node for node in cascade.trainers if node.participant == named["a"])
    assert [t.activity.code for t in a_node.trainings] == ["T1", "T2"]
    second_level = a_node.trainings[1].trainers
    assert [node.participant.family_name for node in second_level] == ["Cc", "Dd"]
    assert [t.activity.code for t in second_level[0].trainings] == ["T3"]


def test_certification_needs_four_steps(tree):
    tot, named = tree
    track = TrainerTrack(participant=named["b"], tot_activity=tot, presenting_skills_on=date(2020, 1, 8),
                         certified_on=date(2020, 2, 1))
    with pytest.raises(ValidationError) as error:
        check_track(track)
    assert "certified_on" in error.value.message_dict
    track = TrainerTrack(participant=named["b"], tot_activity=tot, first_training=named["t1"])
    with pytest.raises(ValidationError) as error:
        check_track(track)
    assert "first_training" in error.value.message_dict  # B was not a trainer of T1


def test_cascade_page_and_track_form(client, tree):
    tot, named = tree
    client.force_login(make_user("officer", "programme_officer", ["MLI"]))
    page = client.get(reverse("activities:cascade", args=[tot.pk])).content.decode()
    assert page.count("<ul") >= 4 and "T3" in page and "P4" in page
    assert "<dd>2</dd>" in page and "<dd>6</dd>" in page
    url = reverse("activities:trainer_track", args=[tot.pk, named["b"].pk])
    response = client.post(url, {"presenting_skills_on": "2020-01-08", "certified_on": "2020-02-01"})
    assert "Certification comes after all four steps" in response.content.decode()
    assert client.post(url, {"presenting_skills_on": "2020-01-08"}).status_code == 302
    assert TrainerTrack.objects.get(participant=named["b"]).steps_done == 1
    client.force_login(make_user("other", "programme_officer", ["NER"]))
    assert client.get(reverse("activities:cascade", args=[tot.pk])).status_code == 404


def test_a_training_in_another_country_counts_but_names_nobody(client, tree):
    """A trained in Mali gives a training in Niger: Mali's officer sees its country, date and head
    count, not its title nor its people; the trainer's progress form does not offer it."""
    tot, named = tree
    niger = make_activity(make_workplan("NER"), "NER-T", title="Niger confidential training", status=DELIVERED,
                          planned_start=date(2020, 6, 1))
    make_attendance(niger, named["a"], TRAINER)
    make_attendance(niger, make_participant(family_name="Nigerperson", country="NER"))
    assert build_cascade(tot, {"MLI"}).reached_through_trainers == build_cascade(tot).reached_through_trainers == 7
    client.force_login(make_user("officer", "programme_officer", ["MLI"]))
    page = client.get(reverse("activities:cascade", args=[tot.pk])).content.decode()
    assert "<dd>7</dd>" in page and "A training in Niger" in page
    assert "Niger confidential training" not in page and "Nigerperson" not in page and "NER-T" not in page
    form = client.get(reverse("activities:trainer_track", args=[tot.pk, named["a"].pk])).content.decode()
    assert "T1" in form and "NER-T" not in form
    client.force_login(make_user("manager", "programme_manager"))
    page = client.get(reverse("activities:cascade", args=[tot.pk])).content.decode()
    assert "Niger confidential training" in page and "Nigerperson" in page
