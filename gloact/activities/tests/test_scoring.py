"""Knowledge tests are scored automatically and knowledge gain is counted per participant and event."""

from decimal import Decimal

import pytest
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.activities import scoring
from gloact.activities.models import KnowledgeTest, Question, TestResult
from gloact.activities.tests.factories import make_activity, make_attendance, make_participant

pytestmark = pytest.mark.django_db


def make_question(text="Which act?", correct=1, **fields):
    return Question.objects.create(topic=fields.pop("topic", "definitions"), text=text,
                                   choices=["harbouring", "recruitment", "none"], correct_choice=correct, **fields)


def test_score_is_share_of_correct_answers():
    questions = [make_question(correct=1), make_question(correct=0), make_question(correct=2)]
    assert scoring.score_answers(questions, {questions[0].pk: 1, str(questions[1].pk): 0, questions[2].pk: 1}) == Decimal("66.67")
    assert scoring.score_answers(questions, {}) == 0  # unanswered counts as wrong
    assert scoring.score_answers([], {}) == 0


def test_recorded_answers_are_scored_and_gain_computed():
    activity = make_activity()
    questions = [make_question(correct=1), make_question(correct=0)]
    pre = scoring.build_test(activity, KnowledgeTest.Kind.PRE, questions)
    post = scoring.build_test(activity, KnowledgeTest.Kind.POST, questions)
    learner, other, untested = (make_attendance(activity, make_participant(family_name=n)).participant for n in "ABC")
    scoring.record_answers(pre, learner, {questions[0].pk: 0, questions[1].pk: 0})
    scoring.record_answers(post, learner, {questions[0].pk: 1, questions[1].pk: 0})
    scoring.record_answers(pre, other, {questions[0].pk: 1, questions[1].pk: 0})
    scoring.record_answers(post, other, {questions[0].pk: 1})
    gains = {g.participant: g for g in scoring.participant_gains(activity)}
    assert gains[learner].gain == Decimal(50) and gains[other].gain == Decimal(-50)
    assert gains[untested].gain is None
    event = scoring.event_gain(list(gains.values()))
    assert (event.tested, event.with_gain, event.mean_gain, event.share_with_gain) == (2, 1, Decimal(0), Decimal(50))


def test_paper_scores_all_or_nothing(client):
    activity = make_activity()
    first, second = (make_attendance(activity, make_participant(family_name=n)).participant for n in "AB")
    client.force_login(make_user("officer", "programme_officer", ["MLI"]))
    url = reverse("activities:paper_scores", args=[activity.pk])
    page = client.post(url, {f"pre_{first.pk}": "40", f"post_{first.pk}": "80", f"pre_{second.pk}": "30",
                             f"post_{second.pk}": "130"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Nothing was saved" in text and "less than or equal to 100" in text
    assert not TestResult.objects.exists()
    response = client.post(url, {f"pre_{first.pk}": "40", f"post_{first.pk}": "80", f"pre_{second.pk}": "30",
                                 f"post_{second.pk}": ""})
    assert response.status_code == 302
    assert TestResult.objects.count() == 3
    learning = client.get(reverse("activities:learning", args=[activity.pk])).content.decode()
    assert "40.00" in learning and "80.00" in learning and "100.00% (1/1)" in learning


def test_learning_pages_are_country_scoped(client):
    activity = make_activity()  # in Mali
    client.force_login(make_user("officer", "programme_officer", ["NER"]))
    assert client.get(reverse("activities:learning", args=[activity.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("activities:learning", args=[activity.pk])).status_code == 302  # to log in


def test_build_test_and_enter_answers(client):
    activity = make_activity(crime_scope="tip")
    tip, som = make_question(crime_scope="tip"), make_question(text="Smuggling?", crime_scope="som")
    participant = make_attendance(activity).participant
    client.force_login(make_user("officer", "programme_officer", ["MLI"]))
    form = client.get(reverse("activities:build_test", args=[activity.pk, "post"])).content.decode()
    assert tip.text in form and som.text not in form
    client.post(reverse("activities:build_test", args=[activity.pk, "post"]), {"questions": [tip.pk]})
    test = activity.tests.get(kind="post")
    assert list(test.questions.all()) == [tip]
    client.post(reverse("activities:record_answers", args=[activity.pk, "post", participant.pk]), {f"q_{tip.pk}": "1"})
    assert TestResult.objects.get(test=test, participant=participant).score == 100


def test_satisfaction_form_is_public_anonymous_and_summarised(client):
    from gloact.activities.views_learning import feedback_token

    activity = make_activity(title="Joint investigation teams")
    make_attendance(activity, make_participant(given_name="Kadiatou", family_name="Privateperson"))
    url = reverse("activities:feedback", args=[feedback_token(activity)])
    page = client.get(url).content.decode()
    assert "Joint investigation teams" in page and "Privateperson" not in page and 'content="noindex' in page
    for overall in (4, 5):
        response = client.post(url, {"overall": overall, "relevance": 3, "organisation": 4, "comments": "Useful"})
        assert "have been recorded" in response.content.decode()
    assert client.post(url, {"overall": 9, "relevance": 3, "organisation": 4}).status_code == 200
    assert activity.satisfaction.count() == 2
    assert client.get(reverse("activities:feedback", args=["forged"])).status_code == 404
    client.force_login(make_user("officer", "programme_officer", ["MLI"]))
    summary = client.get(reverse("activities:learning", args=[activity.pk])).content.decode()
    assert "Mean of 2 answers" in summary and "4.5" in summary and url in summary
