"""Forms of the results pages; they only parse input. Checks on the figures live in validation.py."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from gloact.accounts.scoping import country_scope

from .evidence import check_upload
from .models import Assessment, Indicator, ReportingPeriod, Result
from .workflow import Entry

PROGRAMME_LEVEL = "-"


class OpenReportForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"))
    period = forms.ModelChoiceField(label=_("Reporting period"), queryset=ReportingPeriod.objects.none())

    def __init__(self, programme, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope = country_scope(user)
        countries = [c for c in programme.countries.order_by("name") if scope is None or c.iso3 in scope]
        choices = [(c.iso3, c.localized_name()) for c in countries]
        if scope is None:
            choices.insert(0, (PROGRAMME_LEVEL, _("Programme level (reported by the programme team)")))
        self.fields["country"].choices = choices
        self.fields["period"].queryset = programme.periods.order_by("start", "-end")

    def country_id(self) -> str | None:
        code = self.cleaned_data["country"]
        return None if code == PROGRAMME_LEVEL else code


class ValueForm(forms.Form):
    """One indicator's value in one report: total, disaggregations, narrative, evidence."""

    value = forms.DecimalField(label=_("Total"), required=False, max_digits=14, decimal_places=2)
    numerator = forms.DecimalField(label=_("Numerator"), required=False, max_digits=14, decimal_places=2)
    denominator = forms.DecimalField(label=_("Denominator"), required=False, max_digits=14, decimal_places=2)
    text_value = forms.CharField(label=_("Qualitative result"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    assessment = forms.ChoiceField(
        label=_("Assessment"), required=False, choices=[("", _("(none)"))] + list(Assessment.choices),
        help_text=_("Your judgement; it decides the status only when the indicator has no numeric target."),
    )
    narrative = forms.CharField(label=_("Narrative"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    note = forms.CharField(label=_("Data note"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("Where the figure comes from and its limits."))
    activities = forms.ModelMultipleChoiceField(label=_("Activities"), required=False, queryset=Result.objects.none(),
                                                widget=forms.CheckboxSelectMultiple)
    evidence = forms.FileField(label=_("Evidence file"), required=False,
                               help_text=_("PDF, image, Word, Excel, CSV or text; at most 10 MB."))
    evidence_description = forms.CharField(label=_("Description of the evidence"), required=False, max_length=300)

    def __init__(self, indicator: Indicator, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        measure = indicator.measure
        if measure == Indicator.Measure.YES_NO:
            self.fields["value"] = forms.TypedChoiceField(
                label=_("Answer"), required=False, coerce=int, empty_value=None,
                choices=[("", _("(not reported)")), (1, _("yes")), (0, _("no"))],
            )
        elif measure == Indicator.Measure.ORDINAL:
            self.fields["value"] = forms.TypedChoiceField(
                label=_("Level"), required=False, coerce=int, empty_value=None,
                choices=[("", _("(not reported)"))] + [(i, f"{i}. {label}") for i, label in enumerate(indicator.ordinal_scale, 1)],
            )
        elif measure == Indicator.Measure.PERCENTAGE:
            self.fields["value"].label = _("Percentage")
            self.fields["value"].help_text = _("Leave empty to compute it from numerator and denominator.")
        elif measure == Indicator.Measure.QUALITATIVE:
            del self.fields["value"]
        if measure != Indicator.Measure.PERCENTAGE:
            del self.fields["numerator"], self.fields["denominator"]
        if measure != Indicator.Measure.QUALITATIVE:
            del self.fields["text_value"]
        activities = indicator.programme.results.filter(level=Result.Level.ACTIVITY)
        if activities.exists():
            self.fields["activities"].queryset = activities
        else:
            del self.fields["activities"]
        self.categories = {}
        self.groups = []
        for dimension in indicator.dimensions.prefetch_related("categories").order_by("order"):
            names = []
            for category in dimension.categories.all():
                name = f"category_{category.pk}"
                self.fields[name] = forms.DecimalField(label=category.display_label, required=False, max_digits=14, decimal_places=2)
                self.categories[name] = category
                names.append(name)
            self.groups.append((dimension, names))
        # Figures fed by activity records (gloact.activities.feeds) are computed, not typed: the
        # form shows them and keeps them as they are; narrative and evidence stay editable.
        self.computed = hasattr(indicator, "feed")
        if self.computed:
            for name in ("value", "numerator", "denominator", "note", *self.categories):
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = _("Computed from the activity records.")

    def total_fields(self):
        return [self[n] for n in ("value", "numerator", "denominator", "text_value", "assessment") if n in self.fields]

    def detail_fields(self):
        return [self[n] for n in ("narrative", "note", "activities", "evidence", "evidence_description") if n in self.fields]

    def dimension_groups(self):
        return [(dimension, [self[name] for name in names]) for dimension, names in self.groups]

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload:
            check_upload(upload)
        return upload

    def entry(self) -> Entry:
        data = self.cleaned_data
        value = data.get("value")
        return Entry(
            value=None if value is None else Decimal(value),
            numerator=data.get("numerator"), denominator=data.get("denominator"), text_value=data.get("text_value", ""),
            assessment=data.get("assessment", ""), narrative=data.get("narrative", ""), note=data.get("note", ""),
            breakdown={category: data.get(name) for name, category in self.categories.items() if data.get(name) is not None},
            activities=list(data["activities"]) if "activities" in self.fields else None,
        )

    @classmethod
    def initial_for(cls, value) -> dict:
        if value is None:
            return {}
        initial = {f: getattr(value, f) for f in ("value", "numerator", "denominator", "text_value", "assessment", "narrative", "note")}
        if value.indicator.measure in (Indicator.Measure.YES_NO, Indicator.Measure.ORDINAL) and value.value is not None:
            initial["value"] = int(value.value)
        initial["activities"] = list(value.activities.all())
        for item in value.disaggregations.all():
            initial[f"category_{item.category_id}"] = item.value
        return initial


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (.xlsx or .csv)"))
