"""The readiness self-assessment workflow: campaigns open one assessment per country; a focal
point of that country answers and submits; a programme manager reviews it or returns it.

    draft --submit--> submitted --review--> reviewed
                               \\--return--> returned --submit--> submitted ...
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import access
from .models import Answer, Assessment, AssessmentEvent, Campaign, Question


class TransitionError(Exception):
    """The assessment is not in a state that allows this step."""


def open_campaign(campaign: Campaign) -> list[Assessment]:
    """One assessment per country of the campaign (existing ones are kept)."""
    return [
        Assessment.objects.get_or_create(campaign=campaign, country=country)[0]
        for country in campaign.countries.all()
    ]


def _check_answerable(assessment: Assessment, user) -> None:
    if not access.may_answer(user, assessment):
        raise PermissionDenied(_("Only a focal point of this country may answer."))
    if not assessment.is_editable:
        raise TransitionError(_("This self-assessment cannot be changed now."))


def save_answer(assessment: Assessment, question: Question, user, **values) -> Answer:
    """Record the answer to one question; `values` are the Answer value fields."""
    _check_answerable(assessment, user)
    if question.questionnaire_id != assessment.campaign.questionnaire_id:
        raise ValueError("question of another questionnaire")
    answer, _created = Answer.objects.update_or_create(
        assessment=assessment, question=question, defaults={**values, "answered_by": user}
    )
    return answer


@transaction.atomic
def submit_assessment(assessment: Assessment, user) -> Assessment:
    _check_answerable(assessment, user)
    assessment.status = Assessment.Status.SUBMITTED
    assessment.submitted_at = timezone.now()
    assessment.save(update_fields=["status", "submitted_at"])
    AssessmentEvent.objects.create(assessment=assessment, action=AssessmentEvent.Action.SUBMITTED, actor=user)
    return assessment


@transaction.atomic
def review_assessment(assessment: Assessment, user, accept: bool, comment: str = "") -> Assessment:
    """Accept a submitted assessment (its scores then count) or return it for changes."""
    if not access.may_review(user, assessment):
        raise PermissionDenied(_("Only a programme manager may review."))
    if assessment.status != Assessment.Status.SUBMITTED:
        raise TransitionError(_("Only a submitted self-assessment can be reviewed."))
    if not accept and not comment.strip():
        raise TransitionError(_("Say what should be changed."))
    assessment.status = Assessment.Status.REVIEWED if accept else Assessment.Status.RETURNED
    assessment.reviewed_at = timezone.now()
    assessment.review_comment = comment
    assessment.save(update_fields=["status", "reviewed_at", "review_comment"])
    action = AssessmentEvent.Action.REVIEWED if accept else AssessmentEvent.Action.RETURNED
    AssessmentEvent.objects.create(assessment=assessment, action=action, actor=user, comment=comment)
    return assessment
