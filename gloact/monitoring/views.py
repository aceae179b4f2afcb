"""Results pages: dashboards, indicator sheets, reports and their workflow, imports, theories of
change. Each view checks permissions, calls one function of the app and renders."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from gloact.accounts.scoping import country_scope, scoped
from gloact.activities.feeds import refresh_report as refresh_fed_values
from gloact.core.downloads import private_download

from . import dashboard, selectors, status, toc, workflow
from .diagram import toc_svg
from .evidence import attach_evidence
from .forms import CommentForm, ImportForm, OpenReportForm, ValueForm
from .importing import import_values
from .models import EvidenceFile, Indicator, IndicatorValue, PeriodReport, Programme, Result, ToCVersion


def monitoring_access(view):
    """Logged-in users with the monitoring view permission only (country officers, focal points,
    managers, administrators); others are sent to log in or refused."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not workflow.may_view(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@require_safe
@monitoring_access
def index(request):
    return render(request, "monitoring/index.html", {"programmes": Programme.objects.all()})


@require_safe
@monitoring_access
def programme_dashboard(request, code):
    programme = get_object_or_404(Programme, code=code)
    overview = dashboard.programme_overview(programme)
    return render(request, "monitoring/dashboard.html", {
        "programme": programme,
        "overview": overview,
        "attention": dashboard.needs_attention(programme, request.user, overview),
        "theories": programme.theories.all(),
        "scope": country_scope(request.user),
    })


@require_safe
@monitoring_access
def indicator_detail(request, code, pk):
    indicator = get_object_or_404(Indicator.objects.select_related("programme", "result"), programme__code=code, pk=pk)
    scope = country_scope(request.user)
    countries = [c for c in selectors.programme_country_codes(indicator.programme) if scope is None or c in scope]
    names = dashboard.country_names(countries)
    country_statuses = [(names.get(c, c), status.indicator_status(indicator, c)) for c in countries]
    charts = [dashboard.over_time_chart(indicator), dashboard.by_country_chart(indicator, request.user)]
    return render(request, "monitoring/indicator.html", {
        "programme": indicator.programme,
        "indicator": indicator,
        "status": status.indicator_status(indicator),
        "country_statuses": [(name, s) for name, s in country_statuses if s.status != status.Status.NO_DATA],
        "rules": status.rules_in_words(),
        "charts": [c for c in charts if c.categories],
        "disaggregation_charts": dashboard.disaggregation_charts(indicator, request.user),
        "targets": indicator.targets.filter(country_id__in=[None, *countries]).select_related("period", "category", "country"),
        "baselines": indicator.baselines.filter(country_id__in=[None, *countries]).select_related("category", "country"),
        "values": scoped(selectors.approved_values(indicator).select_related("country"), request.user)
        .order_by("report__period__start", "country__name"),
    })


@require_safe
@monitoring_access
def logframe(request, code):
    programme = get_object_or_404(Programme, code=code)
    results = programme.results.select_related("toc_node", "pillar").prefetch_related("indicators")
    return render(request, "monitoring/logframe.html", {"programme": programme, "results": results, "Level": Result.Level})


@require_safe
@monitoring_access
def gender_view(request, code):
    programme = get_object_or_404(Programme, code=code)
    overall, by_country, by_indicator, not_set_up = dashboard.gender_completeness(programme, request.user)
    return render(request, "monitoring/gender.html", {
        "programme": programme, "overall": overall, "by_country": by_country, "by_indicator": by_indicator,
        "not_set_up": not_set_up,
    })


@require_http_methods(["GET", "HEAD", "POST"])
@monitoring_access
def report_list(request, code):
    programme = get_object_or_404(Programme, code=code)
    form = OpenReportForm(programme, request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = workflow.open_report(programme, form.country_id(), form.cleaned_data["period"], request.user)
        return redirect("monitoring:report", report.pk)
    return render(request, "monitoring/reports.html", {
        "programme": programme, "reports": selectors.visible_reports(request.user, programme), "form": form,
        "may_open": request.user.has_perm("monitoring.add_periodreport"),
    })


def _visible_report(request, pk) -> PeriodReport:
    report = get_object_or_404(PeriodReport.objects.select_related("programme", "period", "country"), pk=pk)
    if not workflow.may_see_report(request.user, report):
        raise Http404  # do not reveal other countries' reports
    return report


@require_safe
@monitoring_access
def report_detail(request, pk):
    report = _visible_report(request, pk)
    refresh_fed_values(report)  # indicators computed from activity records; editable reports only
    values = {v.indicator_id: v for v in report.values.prefetch_related("disaggregations__category__dimension", "evidence")}
    rows = [(indicator, values.get(indicator.pk))
            for indicator in report.programme.indicators.select_related("feed").order_by("order", "code")]
    return render(request, "monitoring/report.html", {
        "report": report, "programme": report.programme, "rows": rows,
        "events": report.events.select_related("actor"),
        "may_edit": workflow.may_edit(request.user, report),
        "may_submit": workflow.may_submit(request.user, report),
        "may_review": workflow.may_review(request.user, report),
        "comment_form": CommentForm(),
    })


@require_http_methods(["GET", "HEAD", "POST"])
@monitoring_access
def enter_value(request, pk, indicator_pk):
    report = _visible_report(request, pk)
    indicator = get_object_or_404(Indicator, pk=indicator_pk, programme=report.programme)
    if not workflow.may_edit(request.user, report):
        raise PermissionDenied
    existing = IndicatorValue.objects.filter(report=report, indicator=indicator).first()
    form = ValueForm(indicator, request.POST or None, request.FILES or None, initial=ValueForm.initial_for(existing))
    checked = None
    if request.method == "POST" and form.is_valid():
        entry = form.entry()
        checked = workflow.check_entry(report, indicator, entry)
        for issue in checked.errors:
            form.add_error(issue.field if issue.field in form.fields else None, issue.message)
        if checked.ok:
            value, _result = workflow.save_entry(report, indicator, entry, request.user, checked=checked)
            if form.cleaned_data.get("evidence"):
                attach_evidence(value, form.cleaned_data["evidence"], request.user, form.cleaned_data["evidence_description"])
            messages.success(request, _("%(code)s saved.") % {"code": indicator.code})
            for issue in checked.warnings:
                messages.warning(request, _("Check %(code)s: %(message)s") % {"code": indicator.code, "message": issue.message})
            return redirect("monitoring:report", report.pk)
    return render(request, "monitoring/enter_value.html", {
        "report": report, "programme": report.programme, "indicator": indicator, "form": form, "existing": existing,
        "warnings": checked.warnings if checked else [],
    })


def _comment(request) -> str:
    form = CommentForm(request.POST)
    form.is_valid()
    return form.cleaned_data.get("comment", "")


@require_POST
@monitoring_access
def submit(request, pk):
    report = _visible_report(request, pk)
    workflow.submit_report(report, request.user, _comment(request))
    messages.success(request, _("Report submitted for review."))
    return redirect("monitoring:report", report.pk)


@require_POST
@monitoring_access
def review(request, pk):
    report = _visible_report(request, pk)
    comment = _comment(request)
    if request.POST.get("decision") == "approve":
        workflow.approve_report(report, request.user, comment)
        messages.success(request, _("Report approved; its values are now locked."))
    elif request.POST.get("decision") == "return":
        try:
            workflow.return_report(report, request.user, comment)
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Report returned with your comments."))
    return redirect("monitoring:report", report.pk)


@require_safe
@monitoring_access
def evidence_download(request, pk):
    evidence = get_object_or_404(EvidenceFile.objects.select_related("indicator_value__report"), pk=pk)
    if not workflow.may_see_report(request.user, evidence.indicator_value.report):
        raise Http404
    return private_download(evidence.file, evidence.original_name, evidence.content_type)


@require_http_methods(["GET", "HEAD", "POST"])
@monitoring_access
def import_view(request, code):
    programme = get_object_or_404(Programme, code=code)
    if not request.user.has_perm("monitoring.change_indicatorvalue"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = import_values(programme, request.user, form.cleaned_data["file"])
        if result.ok:
            messages.success(request, _("%(count)d values imported.") % {"count": result.written})
    return render(request, "monitoring/import.html", {"programme": programme, "form": form, "result": result})


def _version(pk) -> ToCVersion:
    return get_object_or_404(ToCVersion.objects.select_related("theory__programme"), pk=pk)


@require_safe
@monitoring_access
def toc_detail(request, pk):
    version = _version(pk)
    return render(request, "monitoring/toc.html", {
        "version": version, "programme": version.theory.programme, "theory": version.theory,
        "versions": version.theory.versions.all(),
        "nodes": version.nodes.select_related("pillar").prefetch_related("outgoing__target"),
        "assumptions": version.assumptions.select_related("link__source", "link__target"),
    })


@require_safe
@monitoring_access
def toc_diagram(request, pk):
    response = HttpResponse(toc_svg(_version(pk)), content_type="image/svg+xml; charset=utf-8")
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="theory-of-change-v{_version(pk).number}.svg"'
    return response


@require_safe
@monitoring_access
def toc_json(request, pk):
    version = _version(pk)
    response = JsonResponse(toc.version_as_data(version), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="theory-of-change-v{version.number}.json"'
    return response


@require_safe
@monitoring_access
def toc_compare(request, pk, other):
    older, newer = _version(pk), _version(other)
    if older.theory_id != newer.theory_id:
        raise Http404
    if older.number > newer.number:
        older, newer = newer, older
    return render(request, "monitoring/toc_compare.html", {
        "older": older, "newer": newer, "comparison": toc.compare_versions(older, newer),
        "programme": older.theory.programme, "theory": older.theory,
    })
