"""The editorial workflow of a case, as plain functions:

    draft -> submitted -> in review -> changes requested -> submitted ... -> published
    published -> withdrawn (public reason); any state -> removed

`submit`, `start_review`, `request_changes`, `publish`, `withdraw` and `remove` each check who may
make the transition, record a WorkflowEvent and a CaseVersion, and notify the people concerned
once the transaction commits. They raise TransitionRefused (a PermissionDenied) with a
translated reason otherwise. `publication_problems(case)` says what is missing for publication.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gloact.accounts.roles import user_roles

from .models import Case, FieldComment, WorkflowEvent
from .versions import record_version

S = Case.Status
PUBLISH_PERMISSION = "caselaw.publish_case"
EDITABLE_BY_CONTRIBUTOR = (S.DRAFT, S.CHANGES_REQUESTED)


class TransitionRefused(PermissionDenied):
    """A transition that the user may not make, or not from the case's current status."""

    def __init__(self, message, problems: Iterable[str] = ()):
        super().__init__(message)
        self.message = message
        self.problems = list(problems)

    def __str__(self) -> str:
        return str(self.message)


# --- Who may do what --------------------------------------------------------------------------


def _has_role(user, code: str) -> bool:
    return any(role.code == code for role in user_roles(user))


def is_editor(user) -> bool:
    return bool(
        user and user.is_authenticated and user.is_active
        and (_has_role(user, "editor") or user.has_perm(PUBLISH_PERMISSION))
    )


def is_contributor(user) -> bool:
    """Contributors and editors may write cases in the contributor workspace."""
    return bool(user and user.is_authenticated and user.is_active and (_has_role(user, "contributor") or is_editor(user)))


def may_edit(user, case: Case) -> bool:
    """Contributors edit their own cases while in draft or changes requested; editors edit any
    case that is not published, withdrawn or removed."""
    if is_editor(user):
        return case.status in (*EDITABLE_BY_CONTRIBUTOR, S.SUBMITTED, S.IN_REVIEW)
    return is_contributor(user) and case.created_by_id == user.pk and case.status in EDITABLE_BY_CONTRIBUTOR


def _require_editor(user) -> None:
    if not is_editor(user):
        raise TransitionRefused(_("Only editors may do this."))


def _require_status(case: Case, allowed, action) -> None:
    if case.status not in allowed:
        raise TransitionRefused(
            _("A case that is %(status)s cannot be %(action)s.") % {"status": case.get_status_display(), "action": action}
        )


# --- What publication needs ------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One missing requirement and the section of the case form where it is fixed."""

    message: str
    section: str


def publication_requirements(case: Case, privacy: bool = True) -> list[Problem]:
    """What `case` still lacks for publication; without `privacy`, what it lacks for submission
    (the privacy check is the editors' to settle)."""
    problems = []
    if not case.jurisdiction_id:
        problems.append(Problem(_("Choose the jurisdiction."), "identity"))
    if not case.crime_types.exists():
        problems.append(Problem(_("Choose the crime type (trafficking in persons, smuggling of migrants or both)."),
                                "identity"))
    if not case.proceedings.exclude(court_name="").filter(date__isnull=False).exists():
        problems.append(Problem(_("Add at least one proceeding with its court and the date of the decision."),
                                "proceedings"))
    if not case.summary.strip():
        problems.append(Problem(_("Write the summary of the facts."), "texts"))
    if not case.sources.exists():
        problems.append(Problem(_("Add at least one source (the decision or a link to it)."), "sources"))
    if not privacy:
        return problems
    from .privacy import unresolved_findings  # written beside this module; imported late on purpose

    findings = list(unresolved_findings(case))
    if findings:
        problems.append(Problem(
            _("Resolve the privacy check: %(count)d finding(s) may identify a person.") % {"count": len(findings)},
            "persons",
        ))
    return problems


def submission_problems(case: Case) -> list[str]:
    return [str(problem.message) for problem in publication_requirements(case, privacy=False)]


def publication_problems(case: Case) -> list[str]:
    """Each requirement for publication that `case` does not meet yet; empty when it may be published."""
    return [str(problem.message) for problem in publication_requirements(case)]


# --- Transitions ----------------------------------------------------------------------------


def _transition(case: Case, actor, to_status: str, reason: str = "") -> WorkflowEvent:
    from .notifications import notify_transition

    with transaction.atomic():
        from_status = case.status
        case.status = to_status
        fields = ["status", "updated_at"]
        if to_status == S.PUBLISHED and case.published_at is None:
            fields.append("published_at")  # set by Case.save; kept when a withdrawn case returns
        case.save(update_fields=fields)
        event = WorkflowEvent.objects.create(
            case=case, from_status=from_status, to_status=to_status, actor=actor, reason=reason
        )
        record_version(case, actor, note=f"{from_status} -> {to_status}")
        transaction.on_commit(lambda: notify_transition(event))
    return event


def submit(case: Case, user) -> WorkflowEvent:
    """A contributor sends their draft (or the version with the requested changes) to the editors."""
    _require_status(case, EDITABLE_BY_CONTRIBUTOR, _("submitted"))
    if not (is_editor(user) or (is_contributor(user) and case.created_by_id == user.pk)):
        raise TransitionRefused(_("Only the contributor who wrote this case, or an editor, may submit it."))
    problems = submission_problems(case)
    if problems:
        raise TransitionRefused(_("The case cannot be submitted yet."), problems)
    return _transition(case, user, S.SUBMITTED)


def start_review(case: Case, editor) -> WorkflowEvent:
    _require_editor(editor)
    _require_status(case, (S.SUBMITTED,), _("taken into review"))
    return _transition(case, editor, S.IN_REVIEW)


def request_changes(case: Case, editor, comments) -> WorkflowEvent:
    """Send the case back to its contributor. `comments` is a text for the whole case, or pairs of
    (field path, text); each becomes a FieldComment shown next to its field."""
    _require_editor(editor)
    _require_status(case, (S.SUBMITTED, S.IN_REVIEW), _("sent back for changes"))
    pairs = [("", comments)] if isinstance(comments, str) else list(comments)
    pairs = [(path, text.strip()) for path, text in pairs if text and text.strip()]
    if not pairs and not case.field_comments.filter(resolved=False).exists():
        raise TransitionRefused(_("Say what needs to change: write at least one comment."))
    with transaction.atomic():
        event = _transition(case, editor, S.CHANGES_REQUESTED, reason="\n".join(text for _path, text in pairs))
        version = case.versions.first()
        FieldComment.objects.bulk_create(
            FieldComment(case=case, version=version, field_path=path, author=editor, text=text) for path, text in pairs
        )
    return event


def publish(case: Case, editor) -> WorkflowEvent:
    """Publish a reviewed case; refused with the list of problems while requirements are missing."""
    _require_editor(editor)
    _require_status(case, (S.SUBMITTED, S.IN_REVIEW, S.WITHDRAWN), _("published"))
    problems = publication_problems(case)
    if problems:
        raise TransitionRefused(_("The case cannot be published yet."), problems)
    return _transition(case, editor, S.PUBLISHED)


def withdraw(case: Case, editor, public_reason: str) -> WorkflowEvent:
    """Take a published case off the public list; its page stays and shows `public_reason`."""
    _require_editor(editor)
    _require_status(case, (S.PUBLISHED,), _("withdrawn"))
    if not (public_reason or "").strip():
        raise TransitionRefused(_("Give the public reason for the withdrawal."))
    return _transition(case, editor, S.WITHDRAWN, reason=public_reason.strip())


def remove(case: Case, editor, reason: str) -> WorkflowEvent:
    """Remove a case from every public and editorial list (kept in the database with its history)."""
    _require_editor(editor)
    _require_status(case, [s for s in S if s != S.REMOVED], _("removed"))
    if not (reason or "").strip():
        raise TransitionRefused(_("Give the reason for the removal."))
    return _transition(case, editor, S.REMOVED, reason=reason.strip())
