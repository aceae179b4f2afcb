"""Forms: answering a self-assessment, reviewing it, and uploading national statistics."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .evidence import evidence_content_type
from .models import Answer, Question
from .national_statistics import ACCEPTED_EXTENSIONS

T = Question.AnswerType
YES_NO_CHOICES = [("yes", _("Yes")), ("no", _("No"))]
SCALE_CHOICES = [(str(n), str(n)) for n in range(5)]


def _field(question: Question, language: str) -> forms.Field:
    label = question.localized_text(language)
    help_text = question.localized_guidance(language)
    common = {"label": label, "help_text": help_text, "required": False}
    if question.answer_type == T.YES_NO:
        return forms.ChoiceField(choices=YES_NO_CHOICES, widget=forms.RadioSelect, **common)
    if question.answer_type == T.SCALE:
        return forms.ChoiceField(choices=SCALE_CHOICES, widget=forms.RadioSelect, **common)
    if question.answer_type == T.NUMBER:
        return forms.DecimalField(min_value=0, max_digits=14, decimal_places=2, **common)
    if question.answer_type == T.CHOICE:
        choices = [(c.code, c.localized_label(language)) for c in question.choices.all()]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, **common)


def initial_value(question: Question, answer: Answer | None):
    if answer is None:
        return None
    if question.answer_type == T.YES_NO:
        return None if answer.value_bool is None else ("yes" if answer.value_bool else "no")
    if question.answer_type == T.SCALE:
        return None if answer.value_number is None else str(int(answer.value_number))
    if question.answer_type == T.NUMBER:
        return answer.value_number
    if question.answer_type == T.CHOICE:
        return answer.value_choice.code if answer.value_choice_id else None
    return answer.value_text


def answer_values(question: Question, value) -> dict:
    """The Answer fields for a cleaned form value."""
    values = {"value_bool": None, "value_number": None, "value_text": "", "value_choice": None}
    if value in (None, ""):
        return values
    if question.answer_type == T.YES_NO:
        values["value_bool"] = value == "yes"
    elif question.answer_type in (T.SCALE, T.NUMBER):
        values["value_number"] = value
    elif question.answer_type == T.CHOICE:
        values["value_choice"] = question.choices.get(code=value)
    else:
        values["value_text"] = value
    return values


class EvidenceField(forms.FileField):
    def validate(self, value):
        super().validate(value)
        if value:
            evidence_content_type(value)


class AssessmentForm(forms.Form):
    """One field per question ("q-<code>"), and an evidence upload ("e-<code>") where asked."""

    def __init__(self, *args, questions, answers: dict, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.answers = answers
        for question in self.questions:
            self.fields[f"q-{question.code}"] = _field(question, language)
            self.initial[f"q-{question.code}"] = initial_value(question, answers.get(question.pk))
            if question.asks_evidence:
                self.fields[f"e-{question.code}"] = EvidenceField(
                    label=_("Evidence (PDF, image or office document, up to 10 MB)"), required=False
                )

    def grouped(self):
        """[(pillar, [(question, field, evidence field or None, saved answer or None)])] in
        questionnaire order."""
        groups = []
        for question in self.questions:
            if not groups or groups[-1][0] != question.pillar:
                groups.append((question.pillar, []))
            evidence = self[f"e-{question.code}"] if question.asks_evidence else None
            groups[-1][1].append((question, self[f"q-{question.code}"], evidence, self.answers.get(question.pk)))
        return groups


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), widget=forms.RadioSelect,
        choices=[("accept", _("Accept: the scores count")), ("return", _("Return for changes"))],
    )
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class StatisticsUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_("Columns: indicator, dimension, category, sex, age, year, value. Counts under 5 are stored as <5."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(ACCEPTED_EXTENSIONS):
            raise forms.ValidationError(_("Upload a CSV or XLSX file."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
