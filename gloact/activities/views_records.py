"""Records pages: workplans, activities, planned versus delivered, the participants registry with
de-duplication, attendance (entered or imported) and certificates.

Every view requires a logged-in user with the model permission it needs, and finds records only
among those of the user's countries (gloact.accounts.scoping): another country's record is a 404.
Participants' contact details appear only here, in the back office.
"""


from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from gloact.accounts.decorators import staff_permission
from gloact.accounts.scoping import scoped
from gloact.monitoring.models import Programme

from . import attendance_import, certificates, planning, registry
from .forms_records import (
    ActivityForm,
    AttendanceForm,
    AttendanceImportForm,
    MergeForm,
    ParticipantForm,
    ParticipantSearchForm,
    WorkplanFilterForm,
    WorkplanForm,
)
from .models import Activity, Attendance, Participant, Workplan

PARTICIPANTS_PER_PAGE = 50
FORM_METHODS = ["GET", "HEAD", "POST"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workplans(user):
    return scoped(Workplan.objects.select_related("programme", "component", "country"), user)


def _activities(user):
    return scoped(Activity.objects.select_related("workplan__programme", "country"), user)


def _participants(user):
    return scoped(Participant.objects.select_related("country"), user)


def _private(response):
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@staff_permission("activities.view_activity")
def index(request):
    return render(request, "activities/records/index.html", {
        "programmes": Programme.objects.filter(workplans__in=_workplans(request.user)).distinct(),
        "workplan_count": _workplans(request.user).count(),
        "activity_count": _activities(request.user).count(),
        "participant_count": _participants(request.user).filter(merged_into__isnull=True).count(),
    })


# --- Workplans --------------------------------------------------------------------------------

@require_safe
@staff_permission("activities.view_workplan")
def workplan_list(request):
    form = WorkplanFilterForm(request.user, request.GET or None)
    workplans = _workplans(request.user).annotate(activity_count=Count("activities"))
    if form.is_valid():
        for name in ("programme", "country", "component"):
            if form.cleaned_data[name]:
                workplans = workplans.filter(**{name: form.cleaned_data[name]})
    return render(request, "activities/records/workplan_list.html", {"form": form, "workplans": workplans})


@require_safe
@staff_permission("activities.view_workplan")
def workplan_detail(request, pk):
    workplan = get_object_or_404(_workplans(request.user), pk=pk)
    activities = _activities(request.user).filter(workplan=workplan)
    rows, total = planning.planned_versus_delivered(workplan.programme, activities)
    return render(request, "activities/records/workplan_detail.html", {
        "workplan": workplan, "activities": activities, "rows": rows, "total": total,
    })


@require_http_methods(FORM_METHODS)
@staff_permission("activities.add_workplan")
def workplan_create(request):
    form = WorkplanForm(request.user, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        form.instance.created_by = request.user
        workplan = form.save()
        messages.success(request, _("Workplan saved."))
        return redirect("activities:workplan", pk=workplan.pk)
    return render(request, "activities/records/form.html", {"form": form, "title": _("New workplan"), "multipart": True})


@require_http_methods(FORM_METHODS)
@staff_permission("activities.change_workplan")
def workplan_edit(request, pk):
    workplan = get_object_or_404(_workplans(request.user), pk=pk)
    form = WorkplanForm(request.user, request.POST or None, request.FILES or None, instance=workplan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Workplan saved."))
        return redirect("activities:workplan", pk=workplan.pk)
    return render(request, "activities/records/form.html", {
        "form": form, "title": _("Edit workplan"), "multipart": True,
        "cancel_url": reverse("activities:workplan", args=[workplan.pk]),
    })


@require_safe
@staff_permission("activities.view_workplan")
def workplan_signed_copy(request, pk):
    workplan = get_object_or_404(_workplans(request.user), pk=pk)
    if not workplan.signed_copy:
        raise Http404
    return _private(FileResponse(workplan.signed_copy.open("rb"), as_attachment=True,
                                 filename=workplan.signed_copy_name or "workplan.pdf", content_type="application/pdf"))


@require_safe
@staff_permission("activities.view_activity")
def planned_vs_delivered(request, code):
    programme = get_object_or_404(Programme, code=code)
    form = WorkplanFilterForm(request.user, request.GET or None)
    del form.fields["programme"]  # the page is the programme's
    form.fields["component"].queryset = form.fields["component"].queryset.filter(programme=programme)
    activities = _activities(request.user).filter(workplan__programme=programme)
    if form.is_valid():
        if form.cleaned_data["country"]:
            activities = activities.filter(country=form.cleaned_data["country"])
        if form.cleaned_data["component"]:
            activities = activities.filter(workplan__component=form.cleaned_data["component"])
    rows, total = planning.planned_versus_delivered(programme, activities)
    return render(request, "activities/records/plan.html", {"programme": programme, "form": form, "rows": rows,
                                                            "total": total})


# --- Activities -------------------------------------------------------------------------------

@require_http_methods(FORM_METHODS)
@staff_permission("activities.add_activity")
def activity_create(request, pk):
    workplan = get_object_or_404(_workplans(request.user), pk=pk)
    form = ActivityForm(request.user, workplan, request.POST or None)
    if request.method == "POST" and form.is_valid():
        activity = form.save()
        messages.success(request, _("Activity saved."))
        return redirect("activities:activity", pk=activity.pk)
    return render(request, "activities/records/form.html", {
        "form": form, "title": _("New activity in %(workplan)s") % {"workplan": workplan},
        "cancel_url": reverse("activities:workplan", args=[workplan.pk]),
    })


@require_http_methods(FORM_METHODS)
@staff_permission("activities.change_activity")
def activity_edit(request, pk):
    activity = get_object_or_404(_activities(request.user), pk=pk)
    form = ActivityForm(request.user, activity.workplan, request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Activity saved."))
        return redirect("activities:activity", pk=activity.pk)
    return render(request, "activities/records/form.html", {
        "form": form, "title": _("Edit activity %(code)s") % {"code": activity.code},
        "cancel_url": reverse("activities:activity", args=[activity.pk]),
    })


def _activity_page(request, activity, attendance_form=None, status=200):
    attendances = activity.attendances.select_related("participant").order_by("participant__family_name")
    return render(request, "activities/records/activity_detail.html", {
        "activity": activity,
        "attendances": attendances,
        "by_sex": attendances.values("participant__sex").annotate(n=Count("pk")).order_by("participant__sex"),
        "certificates_ready": activity.status == Activity.Status.DELIVERED,
        "attendance_form": attendance_form or AttendanceForm(_participants(request.user), activity),
    }, status=status)


@require_safe
@staff_permission("activities.view_activity")
def activity_detail(request, pk):
    return _activity_page(request, get_object_or_404(_activities(request.user), pk=pk))


@require_POST
@staff_permission("activities.add_attendance")
def attendance_add(request, pk):
    activity = get_object_or_404(_activities(request.user), pk=pk)
    form = AttendanceForm(_participants(request.user), activity, request.POST)
    if not form.is_valid():
        return _activity_page(request, activity, form, status=400)
    form.save()
    messages.success(request, _("Attendance recorded."))
    return redirect("activities:activity", pk=activity.pk)


@require_POST
@staff_permission("activities.delete_attendance")
def attendance_remove(request, pk, attendance_pk):
    activity = get_object_or_404(_activities(request.user), pk=pk)
    attendance = get_object_or_404(activity.attendances, pk=attendance_pk)
    attendance.delete()
    messages.success(request, _("Attendance removed."))
    return redirect("activities:activity", pk=activity.pk)


@require_http_methods(FORM_METHODS)
@staff_permission("activities.add_attendance")
def attendance_import_view(request, pk):
    activity = get_object_or_404(_activities(request.user), pk=pk)
    if not request.user.has_perm("activities.add_participant"):
        raise PermissionDenied
    form = AttendanceImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = attendance_import.import_attendance(activity, form.cleaned_data["file"], request.user)
        if result.ok:
            messages.success(request, _(
                "%(added)d attendances added: %(new)d new participants, %(matched)d matched in the registry."
            ) % {"added": result.attendances_added, "new": result.new, "matched": result.matched})
            return redirect("activities:activity", pk=activity.pk)
    return render(request, "activities/records/import.html", {
        "activity": activity, "form": form, "result": result, "columns": attendance_import.COLUMNS,
    }, status=400 if result and not result.ok else 200)


@require_safe
@staff_permission("activities.view_attendance")
def attendance_template(request):
    response = HttpResponse(attendance_import.template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="attendance-template.xlsx"'
    return response


@require_safe
@staff_permission("activities.view_attendance")
def certificate(request, pk):
    attendance = get_object_or_404(
        Attendance.objects.select_related("participant", "activity__workplan__programme", "activity__country")
        .filter(activity__in=_activities(request.user)), pk=pk)
    if not certificates.is_eligible(attendance):
        raise Http404
    pdf = certificates.render_pdf([attendance])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificates.certificate_filename(attendance)}"'
    return _private(response)


@require_safe
@staff_permission("activities.view_attendance")
def event_certificates(request, pk):
    activity = get_object_or_404(_activities(request.user), pk=pk)
    attendances = certificates.eligible_attendances(activity)
    if not attendances:
        raise Http404
    response = HttpResponse(certificates.render_pdf(attendances), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificates-{activity.code}.pdf"'
    return _private(response)


# --- Participants -----------------------------------------------------------------------------

@require_safe
@staff_permission("activities.view_participant")
def participant_list(request):
    form = ParticipantSearchForm(request.user, request.GET or None)
    participants = _participants(request.user).filter(merged_into__isnull=True).annotate(
        event_count=Count("attendances")).order_by("family_name", "given_name", "pk")
    if form.is_valid():
        participants = registry.search_participants(participants, form.cleaned_data["q"])
        if form.cleaned_data["country"]:
            participants = participants.filter(country=form.cleaned_data["country"])
        if form.cleaned_data["institution_type"]:
            participants = participants.filter(institution_type=form.cleaned_data["institution_type"])
    page = Paginator(participants, PARTICIPANTS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "activities/records/participant_list.html", {"form": form, "page": page,
                                                                        "query": query.urlencode()})


@require_safe
@staff_permission("activities.view_participant")
def participant_detail(request, pk):
    participant = get_object_or_404(_participants(request.user), pk=pk)
    if participant.merged_into_id:
        return redirect("activities:participant", pk=registry.resolve_merged(participant).pk)
    history = registry.training_history(participant)
    visible = set(_activities(request.user).filter(
        pk__in=[a.activity_id for a in history.attendances]).values_list("pk", flat=True))
    return render(request, "activities/records/participant_detail.html", {
        "participant": participant, "history": history, "visible_activities": visible,
    })


@require_http_methods(FORM_METHODS)
@staff_permission("activities.add_participant")
def participant_create(request):
    form = ParticipantForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.created_by = request.user
        participant = form.save()
        messages.success(request, _("Participant saved."))
        return redirect("activities:participant", pk=participant.pk)
    return render(request, "activities/records/form.html", {"form": form, "title": _("New participant")})


@require_http_methods(FORM_METHODS)
@staff_permission("activities.change_participant")
def participant_edit(request, pk):
    participant = get_object_or_404(_participants(request.user).filter(merged_into__isnull=True), pk=pk)
    form = ParticipantForm(request.user, request.POST or None, instance=participant)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Participant saved."))
        return redirect("activities:participant", pk=participant.pk)
    return render(request, "activities/records/form.html", {
        "form": form, "title": _("Edit participant"),
        "cancel_url": reverse("activities:participant", args=[participant.pk]),
    })


@require_safe
@staff_permission("activities.change_participant")
def duplicates(request):
    return render(request, "activities/records/duplicates.html", {
        "candidates": registry.find_duplicates(_participants(request.user)),
    })


@require_http_methods(FORM_METHODS)
@staff_permission("activities.change_participant")
def merge(request, kept, merged):
    if not request.user.has_perm("activities.add_participantmerge"):
        raise PermissionDenied
    pool = _participants(request.user).filter(merged_into__isnull=True)
    kept, merged = get_object_or_404(pool, pk=kept), get_object_or_404(pool, pk=merged)
    if kept.pk == merged.pk:
        raise Http404
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        registry.merge(kept, merged, request.user)
        messages.success(request, _("The two entries were merged; the history of both is now on this page."))
        return redirect("activities:participant", pk=kept.pk)
    return render(request, "activities/records/merge.html", {
        "form": form, "kept": kept, "merged": merged,
        "kept_history": registry.training_history(kept), "merged_history": registry.training_history(merged),
    })
