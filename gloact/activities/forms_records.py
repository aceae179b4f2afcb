"""Forms of the records pages (workplans, activities, participants, attendance). They parse input
and limit choices to the user's countries; the work is done in planning.py, registry.py,
attendance_import.py and certificates.py."""

from pathlib import PurePath

from django import forms
from django.utils.translation import gettext_lazy as _

from gloact.accounts.scoping import country_scope
from gloact.core.models import Country
from gloact.core.uploads import PDF, accept_attribute, validate_upload
from gloact.monitoring.models import Component, Indicator, Pillar, Programme, Result

from .models import Activity, Attendance, Participant, Workplan

MAX_SIGNED_COPY_BYTES = 10 * 1024 * 1024
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def scoped_countries(user):
    scope = country_scope(user)
    countries = Country.objects.order_by("name")
    return countries if scope is None else countries.filter(iso3__in=scope)


class ScopedCountryMixin:
    """Limits the country field to the user's countries; a country-scoped user must pick one."""

    def limit_country(self, user, required_for_scoped=True):
        field = self.fields["country"]
        field.queryset = scoped_countries(user)
        if required_for_scoped and country_scope(user) is not None:
            field.required = True


class WorkplanForm(ScopedCountryMixin, forms.ModelForm):
    class Meta:
        model = Workplan
        fields = ["programme", "component", "country", "kind", "title", "start", "end", "signed_copy", "signed_on",
                  "signed_by"]
        widgets = {"start": DATE, "end": DATE, "signed_on": DATE}
        help_texts = {"signed_copy": _("The national counterpart's signed copy, as PDF (at most 10 MB).")}

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_country(user)
        scope = country_scope(user)
        components = Component.objects.select_related("programme", "country")
        self.fields["component"].queryset = components if scope is None else components.filter(country__in=scope)
        # A plain file input: the clearable one links to MEDIA_URL, and signed copies are served
        # only through the records view, to permitted users.
        self.fields["signed_copy"].widget = forms.FileInput(attrs={"accept": accept_attribute([PDF])})

    def clean_signed_copy(self):
        upload = self.cleaned_data.get("signed_copy")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the file already stored
            validate_upload(upload, [PDF], MAX_SIGNED_COPY_BYTES)
        return upload

    def clean(self):
        data = super().clean()
        component, programme = data.get("component"), data.get("programme")
        if component and programme and component.programme_id != programme.pk:
            self.add_error("component", _("This component belongs to another programme."))
        if component and data.get("country") and component.country_id and component.country_id != data["country"].pk:
            self.add_error("country", _("The component is in another country."))
        return data

    def save(self, commit=True):
        upload = self.cleaned_data.get("signed_copy")
        if upload and hasattr(upload, "content_type"):
            self.instance.signed_copy_name = PurePath(upload.name).name[:200]
        elif not upload:
            self.instance.signed_copy_name = ""
        return super().save(commit)


class ActivityForm(ScopedCountryMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["code", "title", "description", "kind", "crime_scope", "pillar", "outputs", "indicators", "country",
                  "location", "in_capital", "planned_start", "planned_end", "actual_start", "actual_end", "status",
                  "cancellation_reason", "partners", "planned_cost", "actual_cost", "currency", "language"]
        widgets = {
            "planned_start": DATE, "planned_end": DATE, "actual_start": DATE, "actual_end": DATE,
            "description": forms.Textarea(attrs={"rows": 4}), "cancellation_reason": forms.Textarea(attrs={"rows": 2}),
            "outputs": forms.CheckboxSelectMultiple, "indicators": forms.CheckboxSelectMultiple,
        }

    def __init__(self, user, workplan: Workplan, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.workplan = self.instance.workplan = workplan
        self.limit_country(user, required_for_scoped=False)
        programme = workplan.programme
        self.fields["pillar"].queryset = Pillar.objects.filter(programme=programme)
        self.fields["outputs"].queryset = Result.objects.filter(programme=programme, level=Result.Level.OUTPUT)
        self.fields["indicators"].queryset = Indicator.objects.filter(programme=programme)
        self.fields["in_capital"].widget = forms.NullBooleanSelect()
        self.scope = country_scope(user)

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        clash = Activity.objects.filter(workplan=self.workplan, code=code).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Another activity of this workplan has this code."))
        return code

    def clean_country(self):
        country = self.cleaned_data.get("country")
        if country is None and self.scope is not None and self.workplan.country_id not in self.scope:
            raise forms.ValidationError(_("Choose one of your countries."))
        return country


class ParticipantForm(ScopedCountryMixin, forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["given_name", "family_name", "other_names", "sex", "age_band", "institution", "institution_type",
                  "country", "email", "phone", "language", "consent_to_contact", "consent_recorded_on"]
        widgets = {"consent_recorded_on": DATE}

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_country(user)


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["participant", "role", "completed"]

    def __init__(self, participants, activity: Activity, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity = self.instance.activity = activity
        self.fields["participant"].queryset = participants.filter(merged_into__isnull=True).exclude(
            attendances__activity=activity)


class AttendanceImportForm(forms.Form):
    file = forms.FileField(label=_("Attendance sheet (XLSX or CSV)"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}))


class ParticipantSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, help_text=_("Name, e-mail or institution."))
    country = forms.ModelChoiceField(label=_("Country"), required=False, queryset=Country.objects.none(),
                                     to_field_name="iso3")
    institution_type = forms.ChoiceField(label=_("Institution type"), required=False,
                                         choices=[("", _("all"))] + list(Participant.InstitutionType.choices))

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = scoped_countries(user)


class WorkplanFilterForm(forms.Form):
    programme = forms.ModelChoiceField(label=_("Programme"), required=False, queryset=Programme.objects.all(),
                                       to_field_name="code")
    country = forms.ModelChoiceField(label=_("Country"), required=False, queryset=Country.objects.none(),
                                     to_field_name="iso3")
    component = forms.ModelChoiceField(label=_("Component"), required=False, queryset=Component.objects.none())

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = scoped_countries(user)
        scope = country_scope(user)
        components = Component.objects.select_related("programme", "country")
        self.fields["component"].queryset = components if scope is None else components.filter(country__in=scope)


class MergeForm(forms.Form):
    confirm = forms.BooleanField(label=_("I have checked that these two entries are the same person."))
