"""Forms of the report builder and of narrative entry."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gloact.accounts.scoping import country_scope
from gloact.monitoring.models import Component, Programme, ReportingPeriod

from .models import REPORT_LANGUAGES, NarrativeEntry, ReportTemplate
from .scope import Period, parse_scope, scopes_for

FORMATS = [("html", _("Web page (preview)")), ("pdf", _("PDF")), ("docx", _("Word document (DOCX)"))]


class PeriodChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.programme.short_title}: {obj.label} ({obj.start.isoformat()} – {obj.end.isoformat()})"


class ReportForm(forms.Form):
    template = forms.ModelChoiceField(ReportTemplate.objects.all(), label=_("Template"))
    # A plain text value shown as a list: the view refuses, rather than the form hides, a scope
    # the user may not report on.
    scope = forms.CharField(label=_("Report on"), widget=forms.Select)
    period = PeriodChoiceField(ReportingPeriod.objects.none(), label=_("Reporting period"), required=False,
                               help_text=_("Or give start and end dates below."))
    start = forms.DateField(label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    language = forms.ChoiceField(label=_("Report language"), choices=REPORT_LANGUAGES)
    format = forms.ChoiceField(label=_("Format"), choices=FORMATS, initial="html", widget=forms.RadioSelect)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scopes = scopes_for(user)
        self.fields["scope"].widget.choices = [(s.token, f"{s.programme.short_title}: {s.label()}") for s in scopes]
        programmes = {s.programme.pk for s in scopes}
        self.fields["period"].queryset = ReportingPeriod.objects.filter(programme__in=programmes).select_related("programme")

    def clean_scope(self):
        scope = parse_scope(self.cleaned_data["scope"])
        if scope is None:
            raise forms.ValidationError(_("Choose what the report covers."))
        return scope

    def clean(self):
        data = super().clean()
        scope, period, start, end = data.get("scope"), data.get("period"), data.get("start"), data.get("end")
        if period is None and not (start and end):
            raise forms.ValidationError(_("Choose a reporting period, or give both a start and an end date."))
        if period is None and end < start:
            raise forms.ValidationError(_("The end date is before the start date."))
        if period is not None and scope is not None and period.programme_id != scope.programme.pk:
            self.add_error("period", _("This period belongs to another programme."))
        return data

    def report_period(self) -> Period | ReportingPeriod:
        data = self.cleaned_data
        if data["period"] is not None:
            return data["period"]
        return Period(f"{data['start'].isoformat()} – {data['end'].isoformat()}", data["start"], data["end"])


class NarrativeForm(forms.ModelForm):
    class Meta:
        model = NarrativeEntry
        fields = ["programme", "component", "period", "heading", "language", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 12})}
        field_classes = {"period": PeriodChoiceField}

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = country_scope(user)
        components = Component.objects.select_related("programme", "country")
        if self.scope is not None:
            components = components.filter(country_id__in=self.scope)
            self.fields["component"].required = True
            self.fields["programme"].queryset = Programme.objects.filter(components__in=components).distinct()
        self.fields["component"].queryset = components
        programmes = self.fields["programme"].queryset
        self.fields["period"].queryset = ReportingPeriod.objects.filter(programme__in=programmes).select_related("programme")

    def clean(self):
        data = super().clean()
        programme, component, period = data.get("programme"), data.get("component"), data.get("period")
        if programme and component and component.programme_id != programme.pk:
            self.add_error("component", _("This component belongs to another programme."))
        if programme and period and period.programme_id != programme.pk:
            self.add_error("period", _("This period belongs to another programme."))
        return data
