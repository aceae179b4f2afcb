"""Pages of the country profiles. Each view checks who may see it, calls one function and
renders; the logic lives in selectors.py, readiness.py, stat_tables.py and benchmarks.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from gloact.core.downloads import private_download
from gloact.core.models import Country, Region

from . import access, benchmarks, readiness, selectors, stat_tables
from .charts import bar_chart, chart_from_cells
from .evidence import attach_evidence
from .exports import csv_response
from .forms import AssessmentForm, ReviewForm, StatisticsUploadForm, answer_values
from .models import Assessment, AssistanceRequest, Campaign, Evidence, StatisticsDataset
from .models.statistics import Indicator
from .national_statistics import FileFormatError, import_national_statistics
from .scoring import level_thresholds


@require_safe
def country_index(request):
    countries = Country.objects.select_related("region").order_by("region__name", "name")
    return render(request, "countries/index.html", {"countries": countries})


@require_safe
def country_profile(request, iso3):
    country = get_object_or_404(Country, iso3=iso3.upper())
    profile = selectors.country_profile(country, request.user)
    return render(request, "countries/profile.html", {
        "profile": profile, "country": country, "levels": level_thresholds(),
        "may_enter_statistics": access.may_enter_statistics(request.user, country),
    })


@login_required
@require_safe
def agreement_file(request, pk):
    """The signed workplan or letter of intent of a request: restricted like the request."""
    assistance = get_object_or_404(AssistanceRequest, pk=pk)
    if not access.may_view_restricted_profile(request.user, assistance.country_id):
        raise PermissionDenied
    if not assistance.agreement_file:
        raise Http404
    return private_download(assistance.agreement_file)


# --- Statistics -----------------------------------------------------------------------------


def _dataset(request, country) -> StatisticsDataset | None:
    available = stat_tables.datasets_for(country)
    wanted = request.GET.get("dataset")
    return next((d for d in available if d.code == wanted), available[0] if available else None)


def _year(request, tables) -> int | None:
    try:
        wanted = int(request.GET.get("year", ""))
    except ValueError:
        wanted = None
    return wanted if wanted in tables.years else (tables.years[0] if tables.years else None)


def _totals_chart(table):
    """Bars of a breakdown's row totals (e.g. victims by sex), as protected in the table."""
    if table is None or table.row_totals is None:
        return None
    return chart_from_cells(table.title, table.row_labels, table.row_totals)


@require_safe
def country_statistics(request, iso3):
    country = get_object_or_404(Country, iso3=iso3.upper())
    dataset = _dataset(request, country)
    tables = stat_tables.country_tables(country, dataset)
    year = _year(request, tables)
    rate, population_loaded = stat_tables.rate_table(tables)
    sex_age = tables.by_sex_and_age.get(year)
    form_sex = tables.by_form_and_sex.get(year)
    trend_chart = None
    if tables.trend is not None:
        trend_chart = chart_from_cells(tables.trend.row_labels[0], tables.trend.column_labels, tables.trend.cells[0])
    return render(request, "countries/statistics.html", {
        "country": country, "dataset": dataset, "datasets": stat_tables.datasets_for(country), "year": year,
        "tables": tables, "trend_chart": trend_chart, "rate": rate, "population_loaded": population_loaded,
        "sex_age": sex_age, "form_sex": form_sex,
        "sex_chart": _totals_chart(sex_age),
        "form_chart": _totals_chart(form_sex),
        "may_enter_statistics": access.may_enter_statistics(request.user, country),
    })


@require_safe
def country_statistics_csv(request, iso3, table):
    country = get_object_or_404(Country, iso3=iso3.upper())
    dataset = _dataset(request, country)
    tables = stat_tables.country_tables(country, dataset)
    year = _year(request, tables)
    chosen = {
        "trend": lambda: tables.trend,
        "sex-age": lambda: tables.by_sex_and_age.get(year),
        "form-sex": lambda: tables.by_form_and_sex.get(year),
        "rate": lambda: stat_tables.rate_table(tables)[0],
    }.get(table, lambda: None)()
    if chosen is None:
        raise Http404
    suffix = f"-{year}" if table in ("sex-age", "form-sex") else ""
    return csv_response(chosen, f"{country.iso3}-{table}{suffix}-{dataset.code}")


@login_required
@require_http_methods(["GET", "POST"])
def statistics_upload(request, iso3):
    country = get_object_or_404(Country, iso3=iso3.upper())
    if not access.may_enter_statistics(request.user, country):
        raise PermissionDenied
    form = StatisticsUploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = import_national_statistics(country, form.cleaned_data["file"], request.user)
        except FileFormatError as error:
            form.add_error("file", _("This file cannot be read: %(reason)s") % {"reason": error})
        else:
            messages.success(request, _("%(count)s rows loaded.") % {"count": report.loaded})
    return render(request, "countries/statistics_upload.html", {"country": country, "form": form, "report": report})


def _region_indicator(request) -> str:
    wanted = request.GET.get("indicator", "")
    return wanted if wanted in Indicator.values else Indicator.DETECTED_VICTIMS


@require_safe
def region_statistics(request, code):
    region = get_object_or_404(Region, code=code, level=Region.Level.SUBREGION)
    indicator = _region_indicator(request)
    table = stat_tables.region_comparison(region, indicator, stat_tables.default_dataset())
    chart = None
    if table is not None:
        latest = [row[-1] for row in table.cells]
        chart = chart_from_cells(f"{table.title}, {table.column_labels[-1]}", table.row_labels, latest)
    return render(request, "countries/region.html", {
        "region": region, "indicator": indicator, "indicators": Indicator.choices, "table": table, "chart": chart,
    })


@require_safe
def region_statistics_csv(request, code):
    region = get_object_or_404(Region, code=code, level=Region.Level.SUBREGION)
    table = stat_tables.region_comparison(region, _region_indicator(request), stat_tables.default_dataset())
    if table is None:
        raise Http404
    return csv_response(table, f"{region.code}-{_region_indicator(request)}")


# --- Readiness self-assessment --------------------------------------------------------------


def _visible_assessments(user):
    from gloact.accounts.scoping import scoped

    return scoped(Assessment.objects.select_related("campaign", "country"), user)


@login_required
@require_safe
def readiness_home(request):
    if not (request.user.has_perm("countries.answer_assessment") or request.user.has_perm("countries.review_assessment")):
        raise PermissionDenied
    assessments = _visible_assessments(request.user).order_by("-campaign__opened_on", "country__name")
    return render(request, "countries/readiness.html", {
        "assessments": assessments, "campaigns": Campaign.objects.all(), "levels": level_thresholds(),
        "may_prioritise": access.may_prioritise(request.user),
    })


@login_required
@require_safe
def priorities(request):
    if not access.may_prioritise(request.user):
        raise PermissionDenied
    scored = benchmarks.priority_list()
    table = benchmarks.scores_table(_("Countries by readiness"), scored, lambda a: a.country.localized_name())
    if request.GET.get("format") == "csv":
        return csv_response(table, "readiness-priorities")
    return render(request, "countries/priorities.html", {"scored": scored, "table": table, "levels": level_thresholds()})


@login_required
@require_safe
def benchmark(request, pk):
    campaign = get_object_or_404(Campaign, pk=pk)
    if not (request.user.has_perm("countries.review_assessment") or request.user.has_perm("countries.answer_assessment")):
        raise PermissionDenied
    # Country-scoped users see the scores of their own countries only.
    scored = [s for s in benchmarks.campaign_benchmark(campaign) if access.in_scope(request.user, s.assessment.country_id)]
    table = benchmarks.scores_table(campaign.localized_title(), scored, lambda a: a.country.localized_name())
    if request.GET.get("format") == "csv":
        return csv_response(table, f"benchmark-{campaign.pk}")
    chart = bar_chart(
        _("Overall readiness score (0 to 100)"),
        [(s.assessment.country.localized_name(), s.scores.overall, f"{s.scores.overall:.1f}") for s in scored
         if s.scores.overall is not None],
        maximum=100,
    )
    return render(request, "countries/benchmark.html", {
        "campaign": campaign, "scored": scored, "table": table, "chart": chart, "levels": level_thresholds(),
    })


@login_required
@require_http_methods(["GET", "POST"])
def assessment_detail(request, pk):
    assessment = get_object_or_404(Assessment.objects.select_related("campaign__questionnaire", "country"), pk=pk)
    if not access.may_view_assessment(request.user, assessment):
        raise PermissionDenied
    questions = assessment.campaign.questionnaire.questions.select_related("pillar").prefetch_related("choices")
    answers = {a.question_id: a for a in assessment.answers.select_related("value_choice").prefetch_related("evidence")}
    can_answer = access.may_answer(request.user, assessment) and assessment.is_editable
    form = AssessmentForm(
        request.POST or None, request.FILES or None, questions=questions, answers=answers, language=get_language()
    )
    if request.method == "POST":
        if not can_answer:
            raise PermissionDenied
        if form.is_valid():
            _save_form(assessment, form, request.user)
            if "submit" in request.POST:
                readiness.submit_assessment(assessment, request.user)
                messages.success(request, _("The self-assessment was submitted for review."))
            else:
                messages.success(request, _("Your answers were saved."))
            return redirect("countries:assessment", pk=assessment.pk)
    from .scoring import assessment_scores

    return render(request, "countries/assessment.html", {
        "assessment": assessment, "form": form, "can_answer": can_answer, "answers": answers,
        "can_review": access.may_review(request.user, assessment) and assessment.status == Assessment.Status.SUBMITTED,
        "review_form": ReviewForm(), "scores": assessment_scores(assessment), "levels": level_thresholds(),
        "events": assessment.events.select_related("actor"),
    })


def _save_form(assessment, form, user):
    for question in form.questions:
        answer = readiness.save_answer(
            assessment, question, user, **answer_values(question, form.cleaned_data.get(f"q-{question.code}"))
        )
        upload = form.cleaned_data.get(f"e-{question.code}")
        if upload:
            attach_evidence(answer, upload, user)


@login_required
@require_POST
def assessment_review(request, pk):
    assessment = get_object_or_404(Assessment, pk=pk)
    form = ReviewForm(request.POST)
    if not access.may_review(request.user, assessment):
        raise PermissionDenied
    if form.is_valid():
        try:
            readiness.review_assessment(
                assessment, request.user, form.cleaned_data["decision"] == "accept", form.cleaned_data["comment"]
            )
        except readiness.TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The review was recorded."))
    return redirect("countries:assessment", pk=assessment.pk)


@login_required
@require_safe
def evidence_file(request, pk):
    evidence = get_object_or_404(Evidence.objects.select_related("answer__assessment"), pk=pk)
    if not access.may_view_assessment(request.user, evidence.answer.assessment):
        raise PermissionDenied
    return private_download(evidence.file, evidence.original_name, evidence.content_type)
