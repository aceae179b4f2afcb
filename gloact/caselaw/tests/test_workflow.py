"""The editorial workflow as plain functions: every state, who may make each transition, what
publication needs, versions and their differences, notifications."""

import datetime

import pytest
from django.core import mail

from gloact.accounts.tests.factories import make_user

from .. import workflow
from ..models import Case, CaseVersion, FieldComment, Source, WorkflowEvent
from ..versions import diff_versions
from .factories import make_case, make_person, make_proceeding, term

pytestmark = pytest.mark.django_db
S = Case.Status


@pytest.fixture
def contributor():
    return make_user("carla", "contributor", email="carla@example.org")


@pytest.fixture
def editor():
    return make_user("edgar", "editor", email="edgar@example.org")


def complete(case: Case) -> Case:
    """Add what publication needs to `case`."""
    case.crime_types.add(term("crime.trafficking_in_persons"))
    make_proceeding(case, date=datetime.date(2023, 5, 12))
    Source.objects.create(case=case, kind=Source.Kind.EXTERNAL_URL, url="https://example.org/decision")
    return case


def test_a_case_walks_through_every_state(contributor, editor):
    case = make_case(created_by=contributor, summary="Two adults were recruited with false job offers.")
    complete(case)

    workflow.submit(case, contributor)
    assert case.status == S.SUBMITTED
    workflow.start_review(case, editor)
    assert case.status == S.IN_REVIEW
    workflow.request_changes(case, editor, [("summary", "Say what the court decided."), ("", "Add the date.")])
    assert case.status == S.CHANGES_REQUESTED
    assert set(FieldComment.objects.filter(case=case).values_list("field_path", flat=True)) == {"summary", ""}
    workflow.submit(case, contributor)  # again, with the changes
    workflow.start_review(case, editor)
    workflow.publish(case, editor)
    case.refresh_from_db()
    assert case.status == S.PUBLISHED and case.published_at is not None
    workflow.withdraw(case, editor, "The judgment was overturned on appeal.")
    case.refresh_from_db()
    assert case.status == S.WITHDRAWN
    assert case.withdrawal_reason() == "The judgment was overturned on appeal."
    workflow.remove(case, editor, "Duplicate of another case.")
    assert Case.objects.get(pk=case.pk).status == S.REMOVED
    assert Case.objects.get(pk=case.pk).withdrawal_reason() == ""

    path = list(WorkflowEvent.objects.filter(case=case).order_by("at", "pk").values_list("to_status", flat=True))
    assert path == [S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED, S.SUBMITTED, S.IN_REVIEW, S.PUBLISHED,
                    S.WITHDRAWN, S.REMOVED]
    # Every version is kept: one per transition.
    assert list(case.versions.order_by("number").values_list("status", flat=True)) == path


def test_publication_is_refused_with_each_missing_requirement(editor):
    case = make_case(status=S.IN_REVIEW, summary="")
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.publish(case, editor)
    problems = " | ".join(refused.value.problems)
    for missing in ("crime type", "proceeding with its court and the date", "summary of the facts", "source"):
        assert missing in problems
    assert Case.objects.get(pk=case.pk).status == S.IN_REVIEW
    assert not WorkflowEvent.objects.filter(case=case).exists()

    # A proceeding without a date does not count.
    make_proceeding(case, date=None)
    assert any("proceeding" in p for p in workflow.publication_problems(case))


def test_publication_waits_for_a_clean_privacy_check(editor):
    case = complete(make_case(status=S.IN_REVIEW, summary="The victim V1 was recruited by D1."))
    make_person(case, real_name="Synthetic Amaranta Quillfeather")
    assert workflow.publication_problems(case) == []
    case.summary = "Amaranta Quillfeather was recruited by D1."
    case.save()
    problems = workflow.publication_problems(case)
    assert len(problems) == 1 and "privacy" in problems[0]
    with pytest.raises(workflow.TransitionRefused):
        workflow.publish(case, editor)


@pytest.mark.parametrize("role", ["contributor", "practitioner", None])
def test_only_editors_publish_withdraw_and_remove(role, contributor):
    user = make_user("someone", role)
    case = complete(make_case(status=S.IN_REVIEW, created_by=user))
    for attempt in (
        lambda: workflow.publish(case, user),
        lambda: workflow.start_review(case, user),
        lambda: workflow.request_changes(case, user, "Fix it."),
        lambda: workflow.withdraw(case, user, "reason"),
        lambda: workflow.remove(case, user, "reason"),
    ):
        with pytest.raises(workflow.TransitionRefused, match="Only editors"):
            attempt()
    assert Case.objects.get(pk=case.pk).status == S.IN_REVIEW


def test_anonymous_cannot_publish():
    from django.contrib.auth.models import AnonymousUser

    case = complete(make_case(status=S.IN_REVIEW))
    with pytest.raises(workflow.TransitionRefused):
        workflow.publish(case, AnonymousUser())


def test_contributors_submit_only_their_own_complete_drafts(contributor):
    other = make_user("olga", "contributor")
    case = complete(make_case(created_by=contributor))
    with pytest.raises(workflow.TransitionRefused, match="Only the contributor"):
        workflow.submit(case, other)
    with pytest.raises(workflow.TransitionRefused, match="Only the contributor"):
        workflow.submit(case, make_user("pia", "practitioner"))

    incomplete = make_case(created_by=contributor, summary="")
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.submit(incomplete, contributor)
    assert any("summary" in p for p in refused.value.problems)

    workflow.submit(case, contributor)
    with pytest.raises(workflow.TransitionRefused, match="cannot be submitted"):
        workflow.submit(case, contributor)  # already submitted


def test_transitions_out_of_order_are_refused(editor):
    case = complete(make_case(status=S.DRAFT))
    with pytest.raises(workflow.TransitionRefused, match="cannot be published"):
        workflow.publish(case, editor)
    with pytest.raises(workflow.TransitionRefused, match="cannot be withdrawn"):
        workflow.withdraw(case, editor, "reason")
    case.status = S.PUBLISHED
    case.save()
    with pytest.raises(workflow.TransitionRefused, match="public reason"):
        workflow.withdraw(case, editor, "  ")


def test_contributors_edit_own_cases_only_while_draft_or_changes_requested(contributor, editor):
    case = make_case(created_by=contributor)
    assert workflow.may_edit(contributor, case)
    assert not workflow.may_edit(make_user("olga", "contributor"), case)
    for status in (S.SUBMITTED, S.IN_REVIEW, S.PUBLISHED):
        case.status = status
        assert not workflow.may_edit(contributor, case)
    case.status = S.CHANGES_REQUESTED
    assert workflow.may_edit(contributor, case)
    case.status = S.IN_REVIEW
    assert workflow.may_edit(editor, case)


def test_versions_keep_every_state_and_the_diff_shows_a_changed_summary(contributor, editor):
    case = complete(make_case(created_by=contributor, summary="The court <b>convicted</b> D1."))
    person = make_person(case, real_name="Synthetic Hidden Name")
    workflow.submit(case, contributor)
    workflow.start_review(case, editor)
    workflow.request_changes(case, editor, "Explain the sentence.")
    case.summary = "The court convicted D1 to eight years."
    case.save()
    identity = person.identity
    identity.real_name = "Synthetic Other Name"
    identity.save()
    workflow.submit(case, contributor)

    first, last = CaseVersion.objects.get(case=case, number=1), case.versions.first()
    assert last.number == 4
    changes = {change.path: change for change in diff_versions(first, last)}
    assert changes["summary"].before == "The court <b>convicted</b> D1."
    assert changes["summary"].after == "The court convicted D1 to eight years."
    html = changes["summary"].inline_html()
    assert "&lt;b&gt;convicted&lt;/b&gt;" in html and "<ins>" in html and "<b>" not in html
    assert "status" not in changes  # the snapshot holds content; status is kept on the version
    # The identity changed; no version holds its values.
    assert changes[f"persons.{person.pk}.identity"].is_identity
    for version in CaseVersion.objects.filter(case=case):
        assert "Hidden Name" not in str(version.snapshot) and "Other Name" not in str(version.snapshot)


def test_notifications_go_to_editors_and_contributors_in_their_language(
    contributor, editor, django_capture_on_commit_callbacks
):
    contributor.profile.language = "fr"
    contributor.profile.save()
    case = complete(make_case(created_by=contributor, title="Affaire synthétique"))
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(case, contributor)
    assert [m.to for m in mail.outbox] == [["edgar@example.org"]]
    assert case.public_id in mail.outbox[0].subject

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.start_review(case, editor)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.request_changes(case, editor, [("summary", "Add the sentence.")])
    assert [m.to for m in mail.outbox] == [["carla@example.org"], ["carla@example.org"]]
    assert "Add the sentence." in mail.outbox[1].body
    assert "modifications demandées" in mail.outbox[1].subject + mail.outbox[1].body  # the status, in French
    assert "changes requested" not in mail.outbox[1].body
