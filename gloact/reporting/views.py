"""Report pages: the builder (preview, PDF and DOCX downloads), narrative entry, and the public
results page of a programme with its CSV and XLSX data. Each view checks permissions, calls one
function and renders."""

import tempfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from gloact.accounts.decorators import staff_permission
from gloact.accounts.scoping import may_access, scoped
from gloact.monitoring.models import Programme

from . import public, render as output
from .build import build_report
from .forms import NarrativeForm, ReportForm
from .map import countries_map
from .models import NarrativeEntry
from .scope import may_report_on

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_safe
@staff_permission("reporting.generate_report")
def builder(request):
    form = ReportForm(request.user, request.GET if "template" in request.GET else None)
    if not form.is_bound or not form.is_valid():
        return render(request, "reporting/builder.html", {"form": form})
    scope = form.cleaned_data["scope"]
    if not may_report_on(request.user, scope):
        raise PermissionDenied
    report = build_report(form.cleaned_data["template"], scope, form.report_period(), form.cleaned_data["language"])
    file_format = form.cleaned_data["format"]
    if file_format == "html":
        query = request.GET.copy()
        downloads = {}
        for name in ("pdf", "docx"):
            query["format"] = name
            downloads[name] = query.urlencode()
        return render(request, "reporting/preview.html", {"form": form, "report": report, "downloads": downloads})
    name = f"{scope.programme.code}-{scope.token.replace(':', '-')}-{report.language}.{file_format}"
    return FileResponse(output.report_file(report, file_format), as_attachment=True, filename=name,
                        content_type=output.CONTENT_TYPES[file_format])


@require_safe
@staff_permission("reporting.view_narrativeentry")
def narrative_list(request):
    entries = scoped(NarrativeEntry.objects.select_related("programme", "component__country", "period"), request.user)
    return render(request, "reporting/narratives.html", {
        "entries": entries.order_by("programme", "-period__start", "component", "heading", "language"),
        "may_add": request.user.has_perm("reporting.add_narrativeentry"),
    })


@require_http_methods(["GET", "HEAD", "POST"])
@staff_permission("reporting.add_narrativeentry")
def narrative_add(request):
    return _narrative_form(request, None)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_permission("reporting.change_narrativeentry")
def narrative_edit(request, pk):
    entry = get_object_or_404(NarrativeEntry, pk=pk)
    if not may_access(request.user, entry):  # programme-level entries (no country) belong to managers
        raise PermissionDenied
    return _narrative_form(request, entry)


def _narrative_form(request, entry):
    form = NarrativeForm(request.user, request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.author = request.user
        saved.save()
        messages.success(request, _("Narrative saved."))
        return redirect("reporting:narratives")
    return render(request, "reporting/narrative_form.html", {"form": form, "entry": entry})


@require_safe
def programme_results(request, code):
    programme = get_object_or_404(Programme, code=code)
    rows = public.result_rows(programme)
    countries = sorted(programme.countries.all(), key=lambda c: c.localized_name())
    return render(request, "reporting/programme_results.html", {
        "programme": programme, "rows": rows, "headline": public.headline(rows), "charts": public.charts(programme, rows),
        "countries": countries, "map": countries_map(countries),
    })


@require_safe
def programme_results_csv(request, code):
    programme = get_object_or_404(Programme, code=code)
    response = HttpResponse(public.results_csv(public.result_rows(programme)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{programme.code}-results.csv"'
    return response


@require_safe
def programme_results_xlsx(request, code):
    programme = get_object_or_404(Programme, code=code)
    workbook = tempfile.TemporaryFile()
    public.results_xlsx(public.result_rows(programme), workbook)
    workbook.seek(0)
    return FileResponse(workbook, as_attachment=True, filename=f"{programme.code}-results.xlsx", content_type=XLSX)
