"""Learning pages: an event's tests and results, the satisfaction form and its summary, follow-up
surveys (answered through personal links, without login) and their response rates, and the
training-of-trainers cascade. Staff pages check the permission and the user's countries; the two
public forms show nothing about participants."""


from django.contrib import messages
from django.core import signing
from django.db.models import Avg, Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from gloact.accounts.decorators import staff_permission
from gloact.accounts.scoping import country_scope, may_access, scoped

from . import cascade, followup, scoring
from .forms_learning import (
    AnswersForm,
    BuildTestForm,
    FollowUpAnswerForm,
    PaperScoresForm,
    SatisfactionForm,
    TrainerTrackForm,
)
from .models import Activity, FollowUpSurvey, KnowledgeTest, Participant, SatisfactionResponse, TrainerTrack

FEEDBACK_SALT = "gloact.activities.feedback"


def _activity(request, pk) -> Activity:
    activity = get_object_or_404(Activity.objects.select_related("workplan", "country"), pk=pk)
    if not may_access(request.user, activity):
        raise Http404  # other countries' activities are not revealed
    return activity


def feedback_token(activity: Activity) -> str:
    # Without a timestamp: the event's link stays the same, to be printed on handouts.
    return signing.Signer(salt=FEEDBACK_SALT).sign_object(activity.pk)


@require_safe
@staff_permission("activities.view_testresult")
def learning(request, pk):
    activity = _activity(request, pk)
    gains = scoring.participant_gains(activity)
    satisfaction = activity.satisfaction.aggregate(
        count=Count("pk"), overall=Avg("overall"), relevance=Avg("relevance"), organisation=Avg("organisation"))
    return render(request, "activities/learning/activity.html", {
        "activity": activity, "tests": {t.kind: t for t in activity.tests.annotate(size=Count("questions"))},
        "gains": gains, "event": scoring.event_gain(gains), "satisfaction": satisfaction,
        "satisfaction_labels": {name: SatisfactionResponse._meta.get_field(name).verbose_name
                                for name in ("overall", "relevance", "organisation")},
        "feedback_url": request.build_absolute_uri(reverse("activities:feedback", args=[feedback_token(activity)])),
        "followup_questions": activity.followup_questions.all(),
        "may_edit": request.user.has_perms(["activities.add_testresult", "activities.change_testresult"]),
    })


@require_http_methods(["GET", "HEAD", "POST"])
@staff_permission("activities.add_knowledgetest", "activities.change_knowledgetest")
def build_test(request, pk, kind):
    activity = _activity(request, pk)
    if kind not in KnowledgeTest.Kind.values:
        raise Http404
    test = activity.tests.filter(kind=kind).first()
    form = BuildTestForm(activity, request.POST or None, initial={"questions": test.questions.all() if test else []})
    if request.method == "POST" and form.is_valid():
        scoring.build_test(activity, kind, form.cleaned_data["questions"])
        messages.success(request, _("The test has been saved."))
        return redirect("activities:learning", activity.pk)
    return render(request, "activities/learning/build_test.html", {
        "activity": activity, "form": form, "kind_label": KnowledgeTest.Kind(kind).label,
    })


@require_http_methods(["GET", "HEAD", "POST"])
@staff_permission("activities.add_testresult", "activities.change_testresult")
def paper_scores(request, pk):
    activity = _activity(request, pk)
    attendances = scoring.tested_attendances(activity)
    initial = {}
    for gain in scoring.participant_gains(activity):
        initial |= {f"pre_{gain.participant.pk}": gain.pre, f"post_{gain.participant.pk}": gain.post}
    form = PaperScoresForm(attendances, request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            written = scoring.save_paper_scores(activity, form.scores())
            messages.success(request, _("%(count)d scores saved.") % {"count": written})
            return redirect("activities:learning", activity.pk)
        messages.error(request, _("Nothing was saved: correct the scores marked below (each between 0 and 100)."))
    return render(request, "activities/learning/paper_scores.html", {"activity": activity, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@staff_permission("activities.add_testresult", "activities.change_testresult")
def record_answers(request, pk, kind, participant_pk):
    activity = _activity(request, pk)
    test = get_object_or_404(KnowledgeTest, activity=activity, kind=kind)
    participant = get_object_or_404(Participant, pk=participant_pk, attendances__activity=activity)
    existing = test.results.filter(participant=participant).first()
    initial = {f"q_{key}": value for key, value in (existing.answers if existing else {}).items()}
    form = AnswersForm(test, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        result = scoring.record_answers(test, participant, form.answers())
        messages.success(request, _("Answers saved: score %(score)s%%.") % {"score": result.score})
        return redirect("activities:learning", activity.pk)
    return render(request, "activities/learning/answers.html", {
        "activity": activity, "test": test, "participant": participant, "form": form,
    })


@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request, token):
    """The end-of-event satisfaction form: public, anonymous, reached through the event's link."""
    try:
        activity = Activity.objects.exclude(status=Activity.Status.CANCELLED).get(
            pk=signing.Signer(salt=FEEDBACK_SALT).unsign_object(token))
    except (signing.BadSignature, Activity.DoesNotExist):
        raise Http404 from None
    form = SatisfactionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.activity = activity
        form.save()
        return render(request, "activities/learning/thanks.html", {"activity": activity})
    return render(request, "activities/learning/feedback.html", {"activity": activity, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def followup_answer(request, token):
    """A follow-up survey through its personal link: it works once and until it expires."""
    try:
        survey = followup.survey_for_token(token)
    except FollowUpSurvey.DoesNotExist:
        raise Http404 from None
    except followup.AlreadyAnswered:
        return render(request, "activities/learning/followup_closed.html", {"answered": True})
    except followup.LinkExpired:
        return render(request, "activities/learning/followup_closed.html", {"answered": False}, status=410)
    activity = survey.attendance.activity
    form = FollowUpAnswerForm(activity.followup_questions.all(), request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            followup.record_response(survey, form.cleaned_data["use"], form.cleaned_data["use_description"],
                                     form.cleaned_data["example"], form.extra_answers())
        except followup.AlreadyAnswered:
            return render(request, "activities/learning/followup_closed.html", {"answered": True})
        return render(request, "activities/learning/thanks.html", {"activity": activity})
    return render(request, "activities/learning/followup_answer.html", {"activity": activity, "survey": survey, "form": form})


@require_safe
@staff_permission("activities.view_followupsurvey")
def followup_rates(request):
    surveys = scoped(FollowUpSurvey.objects.all(), request.user, "attendance__activity__country")
    per_event, per_country = followup.response_rates(surveys)
    return render(request, "activities/learning/followup_rates.html", {
        "per_event": per_event, "per_country": per_country,
        "scheduled": surveys.filter(sent_at__isnull=True, responded_at__isnull=True).count(),
    })


@require_safe
@staff_permission("activities.view_trainertrack", "activities.view_attendance")
def cascade_tree(request, pk):
    activity = _activity(request, pk)
    if activity.kind != Activity.Kind.TRAINING_OF_TRAINERS:
        raise Http404
    return render(request, "activities/learning/cascade.html", {
        "activity": activity, "cascade": cascade.build_cascade(activity, country_scope(request.user)),
        "may_edit": request.user.has_perms(["activities.add_trainertrack", "activities.change_trainertrack"]),
    })


@require_http_methods(["GET", "HEAD", "POST"])
@staff_permission("activities.add_trainertrack", "activities.change_trainertrack")
def trainer_track(request, pk, participant_pk):
    activity = _activity(request, pk)
    if activity.kind != Activity.Kind.TRAINING_OF_TRAINERS:
        raise Http404
    participant = get_object_or_404(Participant, pk=participant_pk)
    if participant not in cascade.trained_as_trainers(activity):
        raise Http404
    track = TrainerTrack.objects.filter(tot_activity=activity, participant=participant).first() or TrainerTrack(
        tot_activity=activity, participant=participant)
    form = TrainerTrackForm(request.user, request.POST or None, instance=track)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The trainer's progress has been saved."))
        return redirect("activities:cascade", activity.pk)
    return render(request, "activities/learning/trainer_track.html", {
        "activity": activity, "participant": participant, "form": form,
    })
