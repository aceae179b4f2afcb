"""Views of the contributor workspace, the editorial review and the public "suggest a case" page.

Thin: they check who is asking, call forms_contribute, workflow or suggestions, and render."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gloact.core.downloads import private_download

from . import suggestions, workflow
from .forms_contribute import SECTIONS, CaseEditor, NewCaseForm, SuggestionForm, save_draft
from .model_case import model_case_sections
from .models import Case, CaseSuggestion, FieldComment, Jurisdiction, PersonIdentity
from .privacy import log_restricted_access, may_view_identities
from .versions import diff_versions, record_version
from .workflow import S, TransitionRefused

QUEUE_STATUSES = [S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED]
FILE_CONTENT_TYPES = {
    "pdf": "application/pdf", "html": "text/plain; charset=utf-8", "text": "text/plain; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


def contributor_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not workflow.is_contributor(request.user):
            raise PermissionDenied(_("Only contributors and editors may use the workspace."))
        return view(request, *args, **kwargs)

    return wrapper


def editor_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not workflow.is_editor(request.user):
            raise PermissionDenied(_("Only editors may do this."))
        return view(request, *args, **kwargs)

    return wrapper


def _refused(request, error: TransitionRefused) -> None:
    messages.error(request, error.message)
    for problem in error.problems:
        messages.error(request, problem)


# --- Contributor workspace ------------------------------------------------------------------


@require_GET
@contributor_required
def workspace(request):
    cases = Case.objects.filter(created_by=request.user).exclude(status=S.REMOVED).select_related("jurisdiction")
    context = {"cases": cases.order_by("-updated_at"), "is_editor": workflow.is_editor(request.user)}
    if context["is_editor"]:
        context["queue_count"] = Case.objects.filter(status__in=QUEUE_STATUSES).count()
        context["suggestion_count"] = CaseSuggestion.objects.filter(status=CaseSuggestion.Status.NEW).count()
    return render(request, "caselaw/contribute/workspace.html", context)


@require_http_methods(["GET", "POST"])
@contributor_required
def new_case(request):
    form = NewCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = form.save(commit=False)
        case.created_by = request.user
        case.status = S.DRAFT
        case.save()
        record_version(case, request.user, note="created")
        messages.success(request, _("Draft %(id)s created. Fill in the sections below.") % {"id": case.public_id})
        return redirect("contribute:edit", case.public_id)
    return render(request, "caselaw/contribute/new.html", {"form": form})


def _editable_case(request, public_id: str) -> Case:
    case = get_object_or_404(Case.objects.select_related("jurisdiction"), public_id=public_id)
    if not workflow.is_editor(request.user) and case.created_by_id != request.user.pk:
        raise Http404  # other people's drafts are not even confirmed to exist
    if not workflow.may_edit(request.user, case):
        raise PermissionDenied(_("This case cannot be edited while it is %(status)s.")
                               % {"status": case.get_status_display()})
    return case


def _comments_by_field(case: Case) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for comment in case.field_comments.filter(resolved=False).select_related("author"):
        grouped.setdefault(comment.field_path, []).append(comment)
    return grouped


def _report_draft_errors(request, result) -> None:
    for _section, where, message in result.errors:
        messages.warning(request, f"{where}: {message}" if where else message)


@require_http_methods(["GET", "POST"])
@contributor_required
def edit_case(request, public_id):
    case = _editable_case(request, public_id)
    sees_identities = may_view_identities(request.user)
    if request.method == "POST":
        result = save_draft(CaseEditor(case, sees_identities, request.POST, request.FILES))
        time = timezone.localtime().strftime("%H:%M")
        if result.errors:
            messages.warning(request, _("Draft saved at %(time)s, except what is listed below.") % {"time": time})
            _report_draft_errors(request, result)
        else:
            messages.success(request, _("Draft saved at %(time)s.") % {"time": time})
        if request.POST.get("action") == "submit" and not result.errors:
            try:
                workflow.submit(case, request.user)
            except TransitionRefused as error:
                _refused(request, error)
            else:
                messages.success(request, _("Case %(id)s submitted to the editors.") % {"id": case.public_id})
                return redirect("contribute:workspace")
        return redirect("contribute:edit", case.public_id)

    editor = CaseEditor(case, sees_identities)
    if sees_identities and PersonIdentity.objects.filter(person__case=case).exists():
        log_restricted_access(request.user, case, _("identities in the contributor case form"))
    comments = _comments_by_field(case)
    sections = [
        (section, [(f, comments.get(f.name, [])) for f in fields],
         [(name, formset, comments.get(name, [])) for name, formset in formsets])
        for section, fields, formsets in editor.sections()
    ]
    context = {
        "case": case, "sections": sections, "general_comments": comments.get("", []),
        "checklist": workflow.publication_requirements(case, privacy=False),
    }
    return render(request, "caselaw/contribute/edit.html", context)


@require_POST
@contributor_required
def autosave(request, public_id):
    """htmx: save what is valid, answer "Saved at HH:MM", and give the new rows their ids."""
    case = _editable_case(request, public_id)
    # Files are sent with the "Save draft" button only: autosave fires on every change and would
    # upload the same file again each time.
    result = save_draft(CaseEditor(case, may_view_identities(request.user), request.POST))
    if not request.htmx:
        _report_draft_errors(request, result)
        return redirect("contribute:edit", case.public_id)
    return render(request, "caselaw/contribute/_autosave.html", {
        "time": timezone.localtime().strftime("%H:%M"), "result": result,
    })


@require_POST
@contributor_required
def resolve_comment(request, pk):
    comment = get_object_or_404(FieldComment.objects.select_related("case"), pk=pk)
    case = comment.case
    if not (workflow.is_editor(request.user) or case.created_by_id == request.user.pk):
        raise Http404
    comment.resolved = True
    comment.save(update_fields=["resolved"])
    target = "contribute:review" if workflow.is_editor(request.user) else "contribute:edit"
    return redirect(target, case.public_id)


@require_GET
def model_case(request):
    return render(request, "caselaw/contribute/model_case.html", {"sections": model_case_sections()})


# --- Editorial review -----------------------------------------------------------------------


@require_GET
@editor_required
def review_queue(request):
    statuses = [s for s in request.GET.getlist("status") if s in QUEUE_STATUSES] or QUEUE_STATUSES
    cases = Case.objects.filter(status__in=statuses).select_related("jurisdiction", "created_by")
    jurisdiction = request.GET.get("jurisdiction", "")
    if jurisdiction:
        cases = cases.filter(jurisdiction__code=jurisdiction)
    query = request.GET.get("q", "").strip()
    if query:
        cases = cases.filter(Q(public_id__icontains=query) | Q(title__icontains=query))
    return render(request, "caselaw/contribute/review_queue.html", {
        "cases": cases.order_by("updated_at"), "statuses": statuses, "query": query, "jurisdiction": jurisdiction,
        "status_choices": [(s.value, s.label) for s in QUEUE_STATUSES],
        "jurisdictions": Jurisdiction.objects.filter(cases__status__in=QUEUE_STATUSES).distinct(),
    })


def _comment_targets():
    """(field path, label) pairs an editor may comment on: the case fields and the child sections."""
    from .forms_contribute import CaseForm

    fields = CaseForm.base_fields
    targets = [("", _("the whole case"))]
    for section in SECTIONS:
        targets += [(name, f"{section.title} – {fields[name].label}") for name in section.fields]
        targets += [(name, f"{section.title}") for name in section.formsets]
    return targets


@require_GET
@editor_required
def review(request, public_id):
    case = get_object_or_404(Case.objects.select_related("jurisdiction", "created_by"), public_id=public_id)
    versions = list(case.versions.select_related("created_by"))
    problems = workflow.publication_problems(case) if case.status != S.REMOVED else []
    labels = case.person_labels()
    return render(request, "caselaw/contribute/review.html", {
        "case": case, "versions": versions, "problems": problems, "comments": _comments_by_field(case),
        "all_comments": case.field_comments.select_related("author").order_by("-created_at"),
        "comment_targets": _comment_targets(), "events": case.workflow_events.select_related("actor"),
        "persons": [(labels.get(person.pk, "?"), person) for person in case.persons.all()],
        "may_edit": workflow.may_edit(request.user, case),
    })


@require_POST
@editor_required
def add_comment(request, public_id):
    case = get_object_or_404(Case, public_id=public_id)
    path, text = request.POST.get("field_path", ""), request.POST.get("text", "").strip()
    if path not in dict(_comment_targets()) or not text:
        messages.error(request, _("Choose a field and write the comment."))
    else:
        FieldComment.objects.create(case=case, version=case.versions.first(), field_path=path,
                                    author=request.user, text=text[:5000])
        messages.success(request, _("Comment added."))
    return redirect(reverse("contribute:review", args=[case.public_id]) + "#comments")


TRANSITIONS = {
    "start_review": lambda case, user, text: workflow.start_review(case, user),
    "request_changes": lambda case, user, text: workflow.request_changes(case, user, text),
    "publish": lambda case, user, text: workflow.publish(case, user),
    "withdraw": lambda case, user, text: workflow.withdraw(case, user, text),
    "remove": lambda case, user, text: workflow.remove(case, user, text),
}


@require_POST
@editor_required
def transition(request, public_id):
    case = get_object_or_404(Case, public_id=public_id)
    action = request.POST.get("action", "")
    if action not in TRANSITIONS:
        raise Http404
    try:
        TRANSITIONS[action](case, request.user, request.POST.get("text", ""))
    except TransitionRefused as error:
        _refused(request, error)
    else:
        messages.success(request, _("Case %(id)s is now %(status)s.")
                         % {"id": case.public_id, "status": case.get_status_display()})
    return redirect("contribute:review", case.public_id)


@require_GET
@editor_required
def diff(request, public_id):
    case = get_object_or_404(Case, public_id=public_id)
    versions = {v.number: v for v in case.versions.all()}
    try:
        before, after = versions[int(request.GET.get("a", ""))], versions[int(request.GET.get("b", ""))]
    except (KeyError, ValueError):
        raise Http404 from None
    return render(request, "caselaw/contribute/diff.html", {
        "case": case, "before": before, "after": after, "changes": diff_versions(before, after),
    })


# --- Suggest a case (public) and the moderation queue -------------------------------------


@require_http_methods(["GET", "POST"])
def suggest(request):
    form = SuggestionForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        ip_hash = suggestions.address_hash(request.META.get("REMOTE_ADDR", ""))
        if suggestions.rate_limited(ip_hash):
            form.add_error(None, _("Too many suggestions from your connection in the last hour. Please try again "
                                   "later."))
            return render(request, "caselaw/contribute/suggest.html", {"form": form}, status=429)
        if form.is_spam:
            suggestions.count_attempt(ip_hash)
            return render(request, "caselaw/contribute/suggest_refused.html", status=400)
        if form.is_valid():
            uploaded = form.cleaned_data.get("file")
            suggestion = suggestions.save_suggestion(
                form.save(commit=False), ip_hash,
                file_type=getattr(uploaded, "detected_type", ""), sha256=getattr(uploaded, "sha256", ""),
            )
            request.session["suggestion_receipt"] = suggestion.receipt
            return redirect("contribute:suggestion_received")
    return render(request, "caselaw/contribute/suggest.html", {"form": form})


@require_GET
def suggestion_received(request):
    receipt = request.session.get("suggestion_receipt")
    if not receipt:
        return redirect("contribute:suggest")
    return render(request, "caselaw/contribute/suggestion_received.html", {"receipt": receipt})


@require_GET
@editor_required
def suggestion_queue(request):
    status = request.GET.get("status") or CaseSuggestion.Status.NEW
    items = CaseSuggestion.objects.select_related("country", "case")
    if status != "all":
        items = items.filter(status=status)
    return render(request, "caselaw/contribute/suggestion_queue.html", {
        "suggestions": items, "status": status, "status_choices": CaseSuggestion.Status.choices,
    })


@require_http_methods(["GET", "POST"])
@editor_required
def suggestion_detail(request, pk):
    suggestion = get_object_or_404(CaseSuggestion.objects.select_related("country", "case"), pk=pk)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "convert":
                case = suggestions.convert_suggestion(suggestion, request.user)
                messages.success(request, _("Draft %(id)s created from the suggestion.") % {"id": case.public_id})
                return redirect("contribute:edit", case.public_id)
            if request.POST.get("action") == "reject":
                suggestions.reject_suggestion(suggestion, request.user, request.POST.get("note", "")[:2000])
                messages.success(request, _("Suggestion %(receipt)s rejected.") % {"receipt": suggestion.receipt})
                return redirect("contribute:suggestion_queue")
        except TransitionRefused as error:
            _refused(request, error)
        return redirect("contribute:suggestion_detail", suggestion.pk)
    return render(request, "caselaw/contribute/suggestion_detail.html", {"suggestion": suggestion})


@require_GET
@editor_required
def suggestion_file(request, pk):
    """The uploaded decision, to editors only, always as a download (it may name victims)."""
    suggestion = get_object_or_404(CaseSuggestion, pk=pk)
    if not suggestion.file:
        raise Http404
    return private_download(
        suggestion.file, content_type=FILE_CONTENT_TYPES.get(suggestion.file_type, "application/octet-stream")
    )
