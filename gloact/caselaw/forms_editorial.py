"""Forms of the editors' quality pages and of the public feedback on case pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import quality
from .models import Case, CaseFeedback, CollectionTask, Jurisdiction


class QualityFilterForm(forms.Form):
    """Filters of the list of cases by quality score (GET)."""

    SORT_CHOICES = [
        ("score", _("lowest score first")),
        ("-score", _("highest score first")),
        ("public_id", _("case id")),
        ("-updated", _("last updated first")),
    ]

    min_score = forms.IntegerField(label=_("Score from"), min_value=0, max_value=100, required=False)
    max_score = forms.IntegerField(label=_("Score to"), min_value=0, max_value=100, required=False)
    jurisdiction = forms.ModelChoiceField(
        label=_("Jurisdiction"), queryset=Jurisdiction.objects.filter(cases__isnull=False).distinct(),
        required=False, to_field_name="code", empty_label=_("all"),
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("all"))] + Case.Status.choices, required=False)
    sort = forms.ChoiceField(label=_("Sort"), choices=SORT_CHOICES, required=False)

    def filtered_rows(self, cases) -> list:
        """Rows (case, quality) of `cases` that pass the valid filters, sorted."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("jurisdiction"):
            cases = cases.filter(jurisdiction=data["jurisdiction"])
        if data.get("status"):
            cases = cases.filter(status=data["status"])
        rows = quality.quality_rows(quality.quality_queryset(cases))
        rows = quality.filter_rows(rows, data.get("min_score"), data.get("max_score"))
        return quality.sort_rows(rows, data.get("sort") or "score")


class CollectionTaskForm(forms.ModelForm):
    class Meta:
        model = CollectionTask
        fields = ["title", "contributor", "jurisdiction", "deadline", "description"]
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"}), "description": forms.Textarea(attrs={"rows": 3})}


class FeedbackForm(forms.Form):
    useful = forms.ChoiceField(label=_("Was this case useful?"), choices=[("yes", _("Yes")), ("no", _("No"))])
    audience = forms.ChoiceField(
        label=_("I am a"), choices=[("", _("(prefer not to say)"))] + CaseFeedback.Audience.choices, required=False
    )
