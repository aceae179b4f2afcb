"""Editors' quality pages (case quality, likely duplicates, broken links, contributors and
collection tasks, coverage detail, usage insight) and two public pages: the coverage summary and
the feedback form of case pages.

Views parse the request, call quality, duplicates, linkcheck, network, coverage or usage, and
render. Every editor page requires an editor (workflow.is_editor); cases are country-scoped.
"""

import datetime
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from gloact.accounts.scoping import scoped
from gloact.core.charts import bar_chart

from . import coverage as coverage_stats
from . import duplicates, linkcheck, network, quality, usage
from .forms_editorial import CollectionTaskForm, FeedbackForm, QualityFilterForm
from .models import Case, CollectionTask, DailyCount
from .workflow import is_editor

PAGE_SIZE = 50
INSIGHT_DAYS = 30


def editor_required(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_editor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _cases(user):
    return scoped(Case.objects.all(), user, "jurisdiction__country")


# --- Editor pages -------------------------------------------------------------------------------


@require_safe
@editor_required
def quality_list(request):
    form = QualityFilterForm(request.GET or None)
    rows = form.filtered_rows(_cases(request.user).exclude(status=Case.Status.REMOVED))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "caselaw/editorial/quality_list.html",
                  {"form": form, "page": page, "count": len(rows), "query": query.urlencode()})


@require_safe
@editor_required
def quality_by_jurisdiction(request):
    cases = quality.quality_queryset(_cases(request.user).exclude(status=Case.Status.REMOVED))
    return render(request, "caselaw/editorial/quality_jurisdictions.html",
                  {"rows": quality.jurisdiction_summary(quality.quality_rows(cases))})


@require_safe
@editor_required
def case_quality(request, public_id):
    case = get_object_or_404(quality.quality_queryset(_cases(request.user)), public_id=public_id)
    sources = case.sources.select_related("link_check")
    return render(request, "caselaw/editorial/case_quality.html", {
        "case": case, "quality": quality.case_quality(case), "duplicates": duplicates.likely_duplicates(case),
        "sources": sources,
    })


@require_safe
@editor_required
def broken_links(request):
    checks = linkcheck.broken_links().filter(source__case__in=_cases(request.user))
    return render(request, "caselaw/editorial/broken_links.html", {"checks": checks})


@require_safe
@editor_required
def contributors(request):
    return render(request, "caselaw/editorial/contributors.html", {"rows": network.contributor_rows()})


@require_http_methods(["GET", "POST"])
@editor_required
def tasks(request):
    form = CollectionTaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        task = form.save(commit=False)
        task.assigned_by = request.user
        task.save()
        messages.success(request, _("Task assigned to %(contributor)s.") % {"contributor": task.contributor})
        return redirect("editorial:tasks")
    task_list = CollectionTask.objects.select_related("contributor", "jurisdiction")
    return render(request, "caselaw/editorial/tasks.html",
                  {"tasks": task_list, "form": form, "today": timezone.localdate()})


@require_safe
@editor_required
def coverage_detail(request):
    cases = coverage_stats.editorial_cases().filter(pk__in=_cases(request.user).values("pk"))
    context = _coverage_context(coverage_stats.coverage(cases))
    context["statuses"] = coverage_stats.status_per_jurisdiction(cases)
    context["status_labels"] = Case.Status.labels
    return render(request, "caselaw/editorial/coverage_detail.html", context)


@require_safe
@editor_required
def insight(request):
    since = timezone.localdate() - datetime.timedelta(days=INSIGHT_DAYS - 1)
    days = usage.daily_counts(since)
    labels = dict(DailyCount.Kind.choices)
    totals = usage.totals(since)
    return render(request, "caselaw/insight/insight.html", {
        "days": days, "since": since, "totals": totals,
        "totals_chart": bar_chart(_("Use in the last %(days)d days") % {"days": INSIGHT_DAYS},
                                  [(labels[kind], count) for kind, count in totals.items()]),
        "downloads": usage.downloads_by_kind(since),
        "top_queries": usage.top_queries(), "zero_queries": usage.zero_result_queries(),
        "most_viewed": usage.most_viewed_cases(), "feedback": usage.feedback_summary(),
    })


# --- Public pages (no login) ------------------------------------------------------------------------


def _coverage_context(figures) -> dict:
    crime_labels = {
        "trafficking_only": _("trafficking only"), "smuggling_only": _("smuggling only"),
        "both": _("trafficking and smuggling"), "neither": _("crime type not given"),
    }
    crime_rows = [(crime_labels[key], count) for key, count in figures.crime_types.items()]
    purpose_rows = [(term.localized_label(), count) for term, count in figures.purposes]
    jurisdiction_rows = [(row["jurisdiction"], row["cases"]) for row in figures.per_jurisdiction]
    return {
        "figures": figures, "crime_rows": crime_rows, "purpose_rows": purpose_rows,
        "jurisdiction_chart": bar_chart(_("Cases per jurisdiction"), jurisdiction_rows),
        "crime_chart": bar_chart(_("Trafficking and smuggling"), crime_rows),
        "purpose_chart": bar_chart(_("Purposes of exploitation"), purpose_rows),
    }


@require_safe
def coverage_public(request):
    """Aggregates of published cases only."""
    return render(request, "caselaw/insight/coverage.html", _coverage_context(coverage_stats.public_coverage()))


@require_POST
def feedback(request, public_id):
    """One anonymous answer to "Was this case useful?" (CSRF-protected; htmx swaps the form)."""
    case = get_object_or_404(Case.objects.published(), public_id=public_id)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose yes or no."))
    usage.record_feedback(case, form.cleaned_data["useful"] == "yes", form.cleaned_data["audience"])
    if request.htmx:
        return render(request, "caselaw/insight/_feedback_thanks.html", {"case": case})
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
        back = ""
    return render(request, "caselaw/insight/feedback_thanks.html", {"case": case, "back": back})
