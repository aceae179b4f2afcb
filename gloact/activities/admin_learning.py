"""Back office for learning records: the question bank and the indicator feeds (programme managers),
events' follow-up questions, trainer tracks and follow-up surveys (country-scoped through their
activity's country). Survey answers are read-only here: only the participant gives them."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from gloact.accounts.scoping import country_scope, scoped

from .models import Activity, FollowUpQuestion, FollowUpSurvey, IndicatorFeed, Question, TrainerTrack


class QuestionForm(forms.ModelForm):
    choices = forms.CharField(label=_("answers"), widget=forms.Textarea(attrs={"rows": 5}),
                              help_text=_("One answer per line, in order; the first line is answer number 0."))

    class Meta:
        model = Question
        fields = ["topic", "text", "choices", "correct_choice", "language", "crime_scope", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["choices"] = "\n".join(self.instance.choices)

    def clean_choices(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]
        if len(lines) < 2:
            raise forms.ValidationError(_("Give at least two answers."))
        return lines

    def clean(self):
        cleaned = super().clean()
        choices, correct = cleaned.get("choices"), cleaned.get("correct_choice")
        if choices and correct is not None and correct >= len(choices):
            self.add_error("correct_choice", _("There is no answer number %(number)d.") % {"number": correct})
        return cleaned


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    form = QuestionForm
    list_display = ["__str__", "topic", "crime_scope", "language", "active"]
    list_filter = ["active", "crime_scope", "language", "topic"]
    search_fields = ["text", "topic"]


@admin.register(IndicatorFeed)
class IndicatorFeedAdmin(admin.ModelAdmin):
    list_display = ["indicator", "metric"]
    list_filter = ["metric", "indicator__programme"]
    autocomplete_fields = ["indicator"]


class ScopedByActivityAdmin(admin.ModelAdmin):
    """Records owned through an activity: the user's countries only, and activities to pick from
    limited to theirs."""

    activity_field = "activity"

    def get_queryset(self, request):
        return scoped(super().get_queryset(request), request.user, f"{self.activity_field}__country")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Activity:
            kwargs["queryset"] = scoped(Activity.objects.all(), request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _covers(self, request, obj) -> bool:
        scope = country_scope(request.user)
        return obj is None or scope is None or getattr(obj, self.activity_field).country_id in scope

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._covers(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._covers(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._covers(request, obj)


@admin.register(FollowUpQuestion)
class FollowUpQuestionAdmin(ScopedByActivityAdmin):
    list_display = ["text", "activity", "order"]
    search_fields = ["text", "activity__code"]
    raw_id_fields = ["activity"]


@admin.register(TrainerTrack)
class TrainerTrackAdmin(ScopedByActivityAdmin):
    activity_field = "tot_activity"
    list_display = ["participant", "tot_activity", "certified_on"]
    list_filter = ["certified_on"]
    raw_id_fields = ["participant", "tot_activity", "first_training", "second_training"]


@admin.register(FollowUpSurvey)
class FollowUpSurveyAdmin(ScopedByActivityAdmin):
    activity_field = "attendance__activity"
    list_display = ["attendance", "wave", "due_on", "sent_at", "reminders_sent", "responded_at"]
    list_filter = ["wave", "responded_at"]
    list_select_related = ["attendance__participant", "attendance__activity"]
    readonly_fields = ["attendance", "wave", "due_on", "sent_at", "reminders_sent", "last_reminder_at", "expires_at",
                       "responded_at", "use", "use_description", "example", "extra_answers"]

    def has_add_permission(self, request):
        return False

    def _covers(self, request, obj) -> bool:
        scope = country_scope(request.user)
        return obj is None or scope is None or obj.attendance.activity.country_id in scope
