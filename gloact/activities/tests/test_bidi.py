"""Right-to-left public forms of an event (feedback, follow-up survey): the event's Latin title is
isolated (<bdi>) in the sentences around it, as on the case law pages, and the event's own
follow-up questions by Unicode's isolate marks."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from gloact.activities.followup import hash_token
from gloact.activities.models import Activity, FollowUpQuestion, FollowUpSurvey
from gloact.activities.tests.factories import make_activity, make_attendance, make_participant
from gloact.activities.views_learning import feedback_token
from gloact.core.tests.html_runs import arabic_page, assert_isolated

pytestmark = pytest.mark.django_db

TITLE = "Joint investigations (Art. 3(a))."


@pytest.fixture
def training():
    return make_activity(status=Activity.Status.DELIVERED, planned_start=date(2024, 3, 4), title=TITLE)


def arabic_url(name, token):
    with translation.override("ar"):
        return reverse(name, args=[token])


def test_arabic_feedback_form_and_its_thanks_isolate_the_title(client, training):
    url = arabic_url("activities:feedback", feedback_token(training))
    assert_isolated(arabic_page(client, url), TITLE)
    with translation.override(translation.get_language()):
        response = client.post(url, {"overall": 4, "relevance": 3, "organisation": 4})
    thanks = response.content.decode()
    assert response.status_code == 200 and 'id="thanks"' in thanks
    assert_isolated(thanks, TITLE)


def test_arabic_follow_up_survey_isolates_the_title(client, training):
    attendance = make_attendance(training, make_participant(given_name="Synthetic", family_name="Participant"))
    now = timezone.now()
    FollowUpSurvey.objects.create(attendance=attendance, wave=6, due_on=date(2024, 9, 8), token_hash=hash_token("syn-1"),
                                  sent_at=now, expires_at=now + timedelta(days=30))
    question = FollowUpQuestion.objects.create(activity=training, text="Shared the material (Art. 3)?")
    html = arabic_page(client, arabic_url("activities:followup_answer", "syn-1"))
    assert_isolated(html, TITLE)
    # The event's own question is a form label, made in Python: isolated by Unicode's marks.
    assert f'<label for="id_extra_{question.pk}">\u2068Shared the material (Art. 3)?\u2069</label>' in html
