"""Readiness self-assessment: scoring, workflow, permissions and country scoping."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.countries import readiness
from gloact.countries.benchmarks import campaign_benchmark, priority_list
from gloact.countries.evidence import evidence_content_type
from gloact.countries.models import Answer, Assessment, Pillar, Question, QuestionChoice, Questionnaire
from gloact.countries.scoring import assessment_scores, readiness_level, scoring_rule_errors

from .factories import PDF, default_questionnaire, make_campaign

pytestmark = pytest.mark.django_db


def small_questionnaire():
    """Two pillars: a yes/no (4 points) and a number question; a scale and a choice question."""
    questionnaire = Questionnaire.objects.create(code="small", title="Small")
    legislation, children = Pillar.objects.get(code="legislation"), Pillar.objects.get(code="children")
    Question.objects.create(questionnaire=questionnaire, pillar=legislation, code="law", text="Law?",
                            answer_type="yes_no", scoring={"yes": 4, "no": 0})
    Question.objects.create(questionnaire=questionnaire, pillar=legislation, code="trained", text="How many?",
                            answer_type="number", scoring={"thresholds": [[1, 1], [50, 2], [200, 4]]})
    Question.objects.create(questionnaire=questionnaire, pillar=children, code="rooms", text="Rooms?",
                            answer_type="scale", scoring={str(n): n for n in range(5)})
    nrm = Question.objects.create(questionnaire=questionnaire, pillar=children, code="nrm", text="NRM?",
                                  answer_type="choice")
    QuestionChoice.objects.create(question=nrm, code="none", label="None", points=0)
    QuestionChoice.objects.create(question=nrm, code="operational", label="Operational", points=4)
    Question.objects.create(questionnaire=questionnaire, pillar=children, code="notes", text="Notes", answer_type="text")
    return questionnaire


def answer(assessment, code, **values):
    question = Question.objects.get(questionnaire=assessment.campaign.questionnaire, code=code)
    return Answer.objects.create(assessment=assessment, question=question, **values)


def test_pillar_scores_overall_score_and_level():
    _campaign, assessments = make_campaign(["MLI"], questionnaire=small_questionnaire())
    mali = assessments["MLI"]
    answer(mali, "law", value_bool=True)  # 4 of 4
    answer(mali, "trained", value_number=Decimal(60))  # 2 of 4
    answer(mali, "rooms", value_number=Decimal(1))  # 1 of 4
    answer(mali, "nrm", value_choice=QuestionChoice.objects.get(code="operational", question__code="nrm"))  # 4 of 4
    answer(mali, "notes", value_text="not scored")
    scores = assessment_scores(mali)
    assert {p.code: s for p, s in scores.by_pillar.items()} == {"legislation": 75.0, "children": 62.5}
    assert scores.overall == 68.8
    assert (scores.level.level, str(scores.level.label)) == (3, "established")


def test_unanswered_questions_count_as_zero_and_levels_follow_the_thresholds():
    _campaign, assessments = make_campaign(["MLI"], questionnaire=small_questionnaire())
    scores = assessment_scores(assessments["MLI"])
    assert scores.overall == 0 and scores.level.level == 1
    assert [readiness_level(s).level for s in (0, 39.9, 40, 59.9, 60, 80, 100)] == [1, 1, 2, 2, 3, 4, 4]


def test_scoring_rules_are_checked():
    assert scoring_rule_errors("yes_no", {"yes": 4, "no": 0}) == []
    assert scoring_rule_errors("yes_no", {"yes": 4}) != []
    assert scoring_rule_errors("number", {"thresholds": [[1, 2]]}) == []
    assert scoring_rule_errors("number", {"thresholds": "many"}) != []
    assert scoring_rule_errors("choice", {"a": 1}) != []
    question = Question(questionnaire=default_questionnaire(), pillar=Pillar.objects.first(), code="x", text="x",
                        answer_type="scale", scoring={"0": 0})
    with pytest.raises(ValidationError):
        question.full_clean()


def test_the_default_questionnaire_covers_every_pillar_in_six_languages():
    questionnaire = default_questionnaire()
    per_pillar = {p.code: p.questions.filter(questionnaire=questionnaire).count() for p in Pillar.objects.all()}
    assert set(per_pillar) == {"strategy", "legislation", "capacity", "cooperation", "protection", "children"}
    assert all(count >= 4 for count in per_pillar.values())
    for question in questionnaire.questions.all():
        assert set(question.texts) == {"fr", "es", "ru", "ar", "zh-hans"}
        assert scoring_rule_errors(question.answer_type, question.scoring) == []
    assert questionnaire.questions.get(code="strategy-tip-plan").localized_text("fr").startswith("Une stratégie")


def test_workflow_draft_submitted_returned_reviewed():
    focal = make_user("focal", "focal_point", ["MLI"])
    manager = make_user("manager", "programme_manager")
    _campaign, assessments = make_campaign(["MLI"])
    mali = assessments["MLI"]
    question = default_questionnaire().questions.get(code="strategy-tip-plan")

    readiness.save_answer(mali, question, focal, value_bool=True)
    readiness.submit_assessment(mali, focal)
    assert mali.status == Assessment.Status.SUBMITTED
    with pytest.raises(readiness.TransitionError):
        readiness.save_answer(mali, question, focal, value_bool=False)  # locked while in review

    with pytest.raises(readiness.TransitionError):
        readiness.review_assessment(mali, manager, accept=False, comment="")  # a return says why
    readiness.review_assessment(mali, manager, accept=False, comment="Add the action plan as evidence.")
    assert mali.status == Assessment.Status.RETURNED
    readiness.save_answer(mali, question, focal, value_bool=True)
    readiness.submit_assessment(mali, focal)
    readiness.review_assessment(mali, manager, accept=True)
    assert mali.status == Assessment.Status.REVIEWED
    assert list(mali.events.values_list("action", flat=True)) == ["submitted", "returned", "submitted", "reviewed"]
    with pytest.raises(readiness.TransitionError):
        readiness.review_assessment(mali, manager, accept=True)


def test_a_focal_point_answers_only_for_their_country_and_cannot_review():
    focal_mali = make_user("focal", "focal_point", ["MLI"])
    manager = make_user("manager", "programme_manager")
    _campaign, assessments = make_campaign(["MLI", "NER"])
    question = default_questionnaire().questions.get(code="strategy-tip-plan")

    with pytest.raises(PermissionDenied):
        readiness.save_answer(assessments["NER"], question, focal_mali, value_bool=True)
    with pytest.raises(PermissionDenied):
        readiness.submit_assessment(assessments["NER"], focal_mali)
    with pytest.raises(PermissionDenied):
        readiness.save_answer(assessments["MLI"], question, manager, value_bool=True)  # managers review only
    readiness.submit_assessment(assessments["MLI"], focal_mali)
    with pytest.raises(PermissionDenied):
        readiness.review_assessment(assessments["MLI"], focal_mali, accept=True)


def test_pages_follow_the_same_rules(client):
    focal_mali = make_user("focal", "focal_point", ["MLI"])
    _campaign, assessments = make_campaign(["MLI", "NER"])
    client.force_login(focal_mali)
    niger = reverse("countries:assessment", args=[assessments["NER"].pk])
    assert client.get(niger).status_code == 403
    assert client.post(niger, {"q-strategy-tip-plan": "yes"}).status_code == 403
    page = client.get(reverse("countries:readiness"))
    assert page.status_code == 200
    assert list(page.context["assessments"]) == [assessments["MLI"]]

    mali = reverse("countries:assessment", args=[assessments["MLI"].pk])
    evidence = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    response = client.post(mali, {"q-strategy-tip-plan": "yes", "e-strategy-tip-plan": evidence, "submit": "1"})
    assert response.status_code == 302
    assessments["MLI"].refresh_from_db()
    assert assessments["MLI"].status == Assessment.Status.SUBMITTED
    stored = Answer.objects.get(assessment=assessments["MLI"], question__code="strategy-tip-plan")
    assert stored.value_bool is True and stored.evidence.get().original_name == "plan.pdf"
    review = reverse("countries:assessment_review", args=[assessments["MLI"].pk])
    assert client.post(review, {"decision": "accept"}).status_code == 403

    download = client.get(reverse("countries:evidence", args=[stored.evidence.get().pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF-")
    client.force_login(make_user("focal-niger", "focal_point", ["NER"]))
    assert client.get(reverse("countries:evidence", args=[stored.evidence.get().pk])).status_code == 403
    client.logout()
    assert client.get(mali).status_code == 302  # to the login page


def test_evidence_type_and_size_are_checked():
    assert evidence_content_type(SimpleUploadedFile("a.pdf", PDF)) == "application/pdf"
    for name, content in [("a.exe", b"MZ"), ("a.pdf", b"<html>not a pdf"), ("a.docx", b"%PDF-1.4")]:
        with pytest.raises(ValidationError):
            evidence_content_type(SimpleUploadedFile(name, content))
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError, match="too large"):
        evidence_content_type(big)


def test_benchmark_and_priority_list_use_reviewed_assessments_only(client):
    manager = make_user("manager", "programme_manager")
    focal = make_user("focal", "focal_point", ["MLI"])
    questionnaire = small_questionnaire()
    earlier, before = make_campaign(["MLI", "NER"], title="2025", opened_on=date(2025, 1, 1), questionnaire=questionnaire)
    campaign, now = make_campaign(["MLI", "NER"], questionnaire=questionnaire)
    answer(before["MLI"], "law", value_bool=True)
    answer(now["MLI"], "law", value_bool=True)
    answer(now["MLI"], "rooms", value_number=Decimal(4))
    answer(now["NER"], "rooms", value_number=Decimal(2))
    Assessment.objects.filter(pk__in=[before["MLI"].pk, now["MLI"].pk, now["NER"].pk]).update(status="reviewed")
    Assessment.objects.filter(pk=before["NER"].pk).update(status="submitted")

    assert [s.assessment.country_id for s in campaign_benchmark(campaign)] == ["MLI", "NER"]
    assert [(s.assessment.country_id, s.assessment.campaign_id) for s in priority_list()] == [
        ("NER", campaign.pk), ("MLI", campaign.pk)
    ]
    client.force_login(manager)
    page = client.get(reverse("countries:benchmark", args=[campaign.pk]))
    assert page.status_code == 200 and "<svg" in page.content.decode() and "Niger" in page.content.decode()
    exported = client.get(reverse("countries:benchmark", args=[campaign.pk]) + "?format=csv").content.decode()
    assert exported.splitlines()[1].startswith("Mali,")
    assert client.get(reverse("countries:priorities")).status_code == 200

    client.force_login(focal)
    assert client.get(reverse("countries:priorities")).status_code == 403
    scoped = client.get(reverse("countries:benchmark", args=[campaign.pk])).content.decode()
    assert "Mali" in scoped and "Niger" not in scoped
