"""Forms of the learning pages: building tests, entering scores and answers, the satisfaction
form, follow-up survey answers and trainer tracks. They parse input; rules live in the modules."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gloact.accounts.scoping import scoped
from gloact.core.bidi import isolate

from .cascade import check_track, trainings_delivered
from .models import Activity, FollowUpSurvey, Question, SatisfactionResponse, TrainerTrack
from .scoring import bank_questions


class QuestionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, question: Question) -> str:
        return f"[{question.topic}] {question.text}"


class BuildTestForm(forms.Form):
    questions = QuestionChoiceField(label=_("Questions of the bank"), queryset=Question.objects.none(),
                                    widget=forms.CheckboxSelectMultiple)

    def __init__(self, activity: Activity, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["questions"].queryset = bank_questions(activity)


class PaperScoresForm(forms.Form):
    """A pre and a post score per tested participant, one submit for the whole table."""

    def __init__(self, attendances, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for attendance in attendances:
            person = attendance.participant
            names = []
            for kind, label in (("pre", _("Pre-test score of %(name)s")), ("post", _("Post-test score of %(name)s"))):
                name = f"{kind}_{person.pk}"
                self.fields[name] = forms.DecimalField(
                    label=label % {"name": person}, required=False, min_value=0, max_value=100, max_digits=5, decimal_places=2,
                    widget=forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "100", "inputmode": "decimal"}),
                )
                names.append(name)
            self.rows.append((person, self[names[0]], self[names[1]]))

    def scores(self) -> dict[int, dict]:
        return {person.pk: {"pre": self.cleaned_data[pre.name], "post": self.cleaned_data[post.name]}
                for person, pre, post in self.rows}


class AnswersForm(forms.Form):
    """One participant's answers to a test, question by question."""

    def __init__(self, test, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, question in enumerate(test.questions.all(), 1):
            self.fields[f"q_{question.pk}"] = forms.TypedChoiceField(
                label=f"{number}. {question.text}", required=False, coerce=int, empty_value=None,
                choices=list(enumerate(question.choices)), widget=forms.RadioSelect,
            )

    def answers(self) -> dict[str, int]:
        return {name[2:]: value for name, value in self.cleaned_data.items() if value is not None}


class SatisfactionForm(forms.ModelForm):
    class Meta:
        model = SatisfactionResponse
        fields = ["overall", "relevance", "organisation", "comments"]
        widgets = {name: forms.RadioSelect for name in ("overall", "relevance", "organisation")}
        help_texts = {"overall": _("1 = very poor, 5 = excellent")}


class FollowUpAnswerForm(forms.Form):
    use = forms.ChoiceField(label=_("How do you use what you learned in your daily work?"),
                            choices=FollowUpSurvey.Use.choices, widget=forms.RadioSelect)
    use_description = forms.CharField(label=_("Tell us how you use it"), required=False, max_length=4000,
                                      widget=forms.Textarea(attrs={"rows": 4}))
    example = forms.CharField(label=_("A concrete example from your work"), required=False, max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Please leave out the names of victims, migrants or other people."))

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            # The event's own question, perhaps in another script than the page's: isolated, and
            # without the colon Django would add after the closing mark (its test would see the mark).
            self.fields[f"extra_{question.pk}"] = forms.CharField(
                label=isolate(question.text), label_suffix="", required=False, max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}))

    def extra_answers(self) -> dict[str, str]:
        return {str(q.pk): self.cleaned_data[f"extra_{q.pk}"] for q in self.questions if self.cleaned_data[f"extra_{q.pk}"]}


class TrainerTrackForm(forms.ModelForm):
    class Meta:
        model = TrainerTrack
        fields = ["presenting_skills_on", "content_on", "first_training", "second_training", "certified_on"]
        widgets = {name: forms.DateInput(attrs={"type": "date"}) for name in ("presenting_skills_on", "content_on", "certified_on")}

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only trainings the user may see: another country's are not named to them.
        delivered = scoped(trainings_delivered(self.instance.participant, self.instance.tot_activity), user)
        for name in ("first_training", "second_training"):
            self.fields[name].queryset = delivered
            self.fields[name].help_text = _("Trainings this person gave as trainer after the training of trainers.")

    def clean(self):
        cleaned = super().clean()
        track = TrainerTrack(participant=self.instance.participant, tot_activity=self.instance.tot_activity,
                             **{name: cleaned.get(name) for name in self.Meta.fields})
        try:
            check_track(track)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                if name in self.fields and name not in self.errors:
                    self.add_error(name, messages)
        return cleaned
