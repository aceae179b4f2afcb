"""Back office of learning records: the question bank takes one answer per line and checks the
correct one; event records are limited to the user's countries."""

import pytest
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.activities.models import FollowUpQuestion, Question
from gloact.activities.tests.factories import make_activity

pytestmark = pytest.mark.django_db


def test_manager_adds_a_bank_question_with_answers_per_line(client):
    client.force_login(make_user("manager", "programme_manager"))
    url = reverse("admin:activities_question_add")
    data = {"topic": "definitions", "text": "Which element is irrelevant for child victims?", "choices": "act\nmeans\n\npurpose",
            "language": "en", "crime_scope": "tip", "active": "on"}
    response = client.post(url, {**data, "correct_choice": "3"})
    assert "There is no answer number 3." in response.content.decode()
    assert client.post(url, {**data, "correct_choice": "1"}).status_code == 302
    assert Question.objects.get().choices == ["act", "means", "purpose"]


def test_officer_sees_only_their_countries_follow_up_questions(client):
    mali = FollowUpQuestion.objects.create(activity=make_activity(), text="Shared the material (Mali)?")
    niger = FollowUpQuestion.objects.create(activity=make_activity(country_id="NER", code="N1"), text="Shared (Niger)?")
    client.force_login(make_user("officer", "programme_officer", ["NER"]))
    listing = client.get(reverse("admin:activities_followupquestion_changelist")).content.decode()
    assert niger.text in listing and mali.text not in listing
    assert client.get(reverse("admin:activities_followupquestion_change", args=[mali.pk])).status_code in (302, 403, 404)
    assert client.get(reverse("admin:activities_question_add")).status_code == 403  # the bank is the managers'
