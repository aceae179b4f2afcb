"""Forms of the contributor workspace and the public "suggest a case" page.

The case form follows the full case template, split in SECTIONS; each section is a set of Case
fields or a formset of child records. `save_draft` saves whatever is valid and reports the rest,
so that a half-written draft is never lost (autosave and the "Save draft" button)."""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gloact.core.models import Country

from .models import Case, CaseSuggestion, Charge, Person, PersonIdentity, Proceeding, RouteCountry, Source, Term
from .privacy import pseudonyms
from .suggestions import refuse_known_file
from .uploads import ACCEPT, sha256_of, validate_decision_file
from .versions import TERM_FIELDS

TEXT_LIMIT = 3000  # characters of "what happened" in a suggestion


# --- Suggest a case (public) ----------------------------------------------------------------


class DecisionFileField(forms.FileField):
    """A decision upload checked by content (uploads.validate_decision_file)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault("help_text", _("PDF, DOCX, ODT, HTML or text, up to 20 MB."))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if uploaded and hasattr(uploaded, "content_type"):  # a new upload, not the stored file
            uploaded.detected_type = validate_decision_file(uploaded)
            uploaded.sha256 = sha256_of(uploaded)
        return uploaded


class SuggestionForm(forms.ModelForm):
    # Honeypot: hidden from people (and from assistive technology), filled in by bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    file = DecisionFileField(label=_("or upload the decision"), required=False)

    class Meta:
        model = CaseSuggestion
        fields = ["country", "court", "decision_date", "what_happened", "link", "file", "contact"]
        labels = {"link": _("Link to the decision")}
        widgets = {
            "decision_date": forms.DateInput(attrs={"type": "date"}),
            "what_happened": forms.Textarea(attrs={"rows": 5, "maxlength": TEXT_LIMIT}),
        }
        help_texts = {
            "what_happened": _("A few lines: who was accused of what, and what the court decided. "
                               "Please do not write the names of victims or witnesses."),
            "contact": _("Optional: an e-mail address or phone number if we may ask you questions."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.order_by("name")
        self.fields["what_happened"].max_length = TEXT_LIMIT
        self.fields["what_happened"].validators.append(forms.CharField(max_length=TEXT_LIMIT).validators[0])
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(self.add_prefix("website")))

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is not None and getattr(uploaded, "sha256", None):
            refuse_known_file(uploaded.sha256)
        return uploaded

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("link") and not cleaned.get("file") and "file" not in self.errors:
            raise forms.ValidationError(_("Give a link to the decision or upload it."))
        return cleaned


# --- The case form --------------------------------------------------------------------------


class NewCaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = ["jurisdiction", "title"]
        help_texts = {"title": _("A short neutral title, e.g. the court and the year. No names of victims.")}


class CaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = [
            "jurisdiction", "court_reference", "ecli", "title", "crime_types", "decision_languages",
            "original_language", "summary", "reasoning", "commentary", "why_included",
            "tip_acts", "tip_means", "tip_purposes", "exploitation_sectors", "tip_scope",
            "som_material_benefit", "som_offences", "som_aggravations", "som_modes",
            "legal_articles", "national_provisions", "protection_measures", "human_rights_aspects",
        ]
        widgets = {name: forms.CheckboxSelectMultiple for name in TERM_FIELDS if name != "decision_languages"}
        widgets.update({name: forms.Textarea(attrs={"rows": 6}) for name in ("summary", "reasoning", "commentary")})
        widgets.update({"why_included": forms.Textarea(attrs={"rows": 3}),
                        "national_provisions": forms.Textarea(attrs={"rows": 3})})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in TERM_FIELDS:  # inactive terms are no longer offered, but kept where chosen
            chosen = getattr(self.instance, name).values("pk") if self.instance.pk else Term.objects.none().values("pk")
            self.fields[name].queryset = self.fields[name].queryset.filter(Q(active=True) | Q(pk__in=chosen))


class ProceedingForm(forms.ModelForm):
    class Meta:
        model = Proceeding
        fields = ["order", "court_name", "court_level", "reference", "date", "outcome", "decision_text"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "decision_text": forms.Textarea(attrs={"rows": 2})}


class PersonForm(forms.ModelForm):
    """A person, with the restricted identity fields. Contributors may enter an identity but never
    read one back: for them the fields start empty, and empty means "leave as it is"."""

    real_name = forms.CharField(label=_("real name (restricted)"), required=False, max_length=300)
    aliases = forms.CharField(label=_("aliases (restricted)"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}), help_text=_("One per line."))
    identifying_details = forms.CharField(label=_("identifying details (restricted)"), required=False,
                                          widget=forms.Textarea(attrs={"rows": 2}))

    class Meta:
        model = Person
        fields = ["role", "kind", "role_detail", "sex", "age", "age_band", "is_child", "nationalities",
                  "display_style", "order"]
        widgets = {"nationalities": forms.SelectMultiple(attrs={"size": 4})}

    def __init__(self, *args, show_identity: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.show_identity = show_identity
        identity = self.instance.identity_or_none if self.instance.pk else None
        if show_identity and identity:
            for name in PersonIdentity.RESTRICTED_FIELDS:
                self.initial[name] = getattr(identity, name)
        elif not show_identity:
            for name in PersonIdentity.RESTRICTED_FIELDS:
                self.fields[name].help_text = _("Only editors can read this back. Leave empty to keep what "
                                                "was entered before.")

    def save_identity(self, person: Person) -> None:
        values = {name: self.cleaned_data.get(name, "") for name in PersonIdentity.RESTRICTED_FIELDS}
        if self.show_identity:  # editors see the values, so an emptied field means "erase"
            if any(values.values()):
                PersonIdentity.objects.update_or_create(person=person, defaults=values)
            else:
                PersonIdentity.objects.filter(person=person).delete()
        elif any(values.values()):
            PersonIdentity.objects.update_or_create(
                person=person, defaults={name: value for name, value in values.items() if value}
            )


class ChargeForm(forms.ModelForm):
    class Meta:
        model = Charge
        fields = ["defendant", "order", "legal_provision", "charge", "verdict", "imprisonment_months",
                  "fine_amount", "fine_currency", "confiscation", "confiscation_details", "compensation_amount",
                  "compensation_currency", "sentence_notes"]
        widgets = {"confiscation_details": forms.Textarea(attrs={"rows": 2}),
                   "sentence_notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, case: Case, labels: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        defendants = Person.objects.filter(case=case, role=Person.Role.DEFENDANT) if case.pk else Person.objects.none()
        self.fields["defendant"].queryset = defendants
        # Pseudonyms, never names: the contributor may not be allowed to see identities.
        self.fields["defendant"].label_from_instance = lambda person: labels.get(person.pk, "?")


class RouteCountryForm(forms.ModelForm):
    class Meta:
        model = RouteCountry
        fields = ["country", "role", "order"]


class SourceForm(forms.ModelForm):
    file = DecisionFileField(label=_("decision file"), required=False)

    class Meta:
        model = Source
        fields = ["kind", "title", "url", "file", "language"]

    def save(self, commit=True):
        uploaded = self.cleaned_data.get("file")
        if uploaded is not None and getattr(uploaded, "sha256", None):
            self.instance.sha256, self.instance.size = uploaded.sha256, uploaded.size
        return super().save(commit)


def _formset(model, form, **kwargs):
    return forms.inlineformset_factory(Case, model, form=form, extra=1, can_delete=True, **kwargs)


ProceedingFormSet = _formset(Proceeding, ProceedingForm)
PersonFormSet = _formset(Person, PersonForm)
ChargeFormSet = _formset(Charge, ChargeForm)
RouteFormSet = _formset(RouteCountry, RouteCountryForm)
SourceFormSet = _formset(Source, SourceForm)


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    fields: list[str] = field(default_factory=list)
    formsets: list[str] = field(default_factory=list)


SECTIONS = [
    Section("identity", _("Identity and jurisdiction"),
            ["jurisdiction", "title", "court_reference", "ecli", "crime_types", "decision_languages"]),
    Section("texts", _("Texts"), ["original_language", "summary", "reasoning", "commentary", "why_included"]),
    Section("proceedings", _("Proceedings"), formsets=["proceedings"]),
    Section("persons", _("Persons"), formsets=["persons"]),
    Section("charges", _("Charges"), formsets=["charges"]),
    Section("trafficking", _("Trafficking elements"),
            ["tip_acts", "tip_means", "tip_purposes", "exploitation_sectors", "tip_scope"]),
    Section("smuggling", _("Smuggling elements and route"),
            ["som_material_benefit", "som_offences", "som_aggravations", "som_modes"], formsets=["route"]),
    Section("legal", _("Legal references, protection measures and human rights"),
            ["legal_articles", "national_provisions", "protection_measures", "human_rights_aspects"]),
    Section("sources", _("Sources"), formsets=["sources"]),
]
FORMSET_SECTIONS = {name: section.slug for section in SECTIONS for name in section.formsets}
FIELD_SECTIONS = {name: section.slug for section in SECTIONS for name in section.fields}


class CaseEditor:
    """The case form and its formsets, bound together to one case."""

    def __init__(self, case: Case, user_may_see_identities: bool, data=None, files=None):
        self.case = case
        self.form = CaseForm(data, files, instance=case)
        labels = pseudonyms(case) if case.pk else {}  # never names, whoever is editing
        self.formsets = {
            "proceedings": ProceedingFormSet(data, files, instance=case, prefix="proceedings"),
            "persons": PersonFormSet(data, files, instance=case, prefix="persons",
                                     form_kwargs={"show_identity": user_may_see_identities}),
            "charges": ChargeFormSet(data, files, instance=case, prefix="charges",
                                     form_kwargs={"case": case, "labels": labels}),
            "route": RouteFormSet(data, files, instance=case, prefix="route"),
            "sources": SourceFormSet(data, files, instance=case, prefix="sources"),
        }
        for formset in self.formsets.values():
            formset.row_label = formset.model._meta.verbose_name  # templates cannot read _meta

    def sections(self):
        """[(section, [bound fields], [formsets])] in the order of the case template."""
        return [(s, [self.form[name] for name in s.fields], [(n, self.formsets[n]) for n in s.formsets])
                for s in SECTIONS]


@dataclass
class DraftResult:
    """What save_draft kept and what it could not: [(section slug, where, message)]."""

    errors: list[tuple[str, str, str]] = field(default_factory=list)
    new_ids: list[tuple[str, int, int]] = field(default_factory=list)  # (formset prefix, form index, pk)
    initial_counts: dict[str, int] = field(default_factory=dict)


def save_draft(editor: CaseEditor) -> DraftResult:
    """Save every valid field and row of a bound CaseEditor, without requiring the whole form to be
    valid. Invalid fields keep their stored value; invalid rows are not saved. Rows are added one
    at a time (one empty row per formset), which keeps formset indexes stable for autosave."""
    result = DraftResult()
    form, case = editor.form, editor.case
    # Validation puts every valid value on the instance (ModelForm._post_clean); invalid ones are
    # left as stored.
    form.is_valid()
    if NON_FIELD_ERRORS in form.errors:  # e.g. the court reference is already used in the jurisdiction
        stored = Case.objects.filter(pk=case.pk).values("jurisdiction_id", "court_reference").first() or {}
        for name, value in stored.items():
            setattr(case, name, value)
    case.save()
    for name in TERM_FIELDS:
        if name in form.cleaned_data and name not in form.errors:
            getattr(case, name).set(form.cleaned_data[name])
    for name, errors in form.errors.items():
        where = str(form.fields[name].label) if name in form.fields else ""
        result.errors += [(FIELD_SECTIONS.get(name, "identity"), where, str(e)) for e in errors]

    for prefix, formset in editor.formsets.items():
        if not formset.management_form.is_valid():
            continue
        section = FORMSET_SECTIONS[prefix]
        for index, row in enumerate(formset.forms):
            if not row.has_changed():
                continue
            valid = row.is_valid()
            if row.cleaned_data.get("DELETE"):
                if row.instance.pk:
                    row.instance.delete()
                continue
            if not valid:
                for field_name, errors in row.errors.items():
                    label = row.fields[field_name].label if field_name in row.fields else ""
                    where = f"{formset.model._meta.verbose_name} {index + 1}" + (f" – {label}" if label else "")
                    result.errors += [(section, where, str(e)) for e in errors]
                continue
            was_new = row.instance.pk is None
            obj = row.save(commit=False)
            obj.case = case
            obj.save()
            row.save_m2m()
            if isinstance(row, PersonForm):
                row.save_identity(obj)
            if was_new:
                result.new_ids.append((prefix, index, obj.pk))
        result.initial_counts[prefix] = formset.initial_form_count() + sum(
            1 for p, _i, _pk in result.new_ids if p == prefix
        )
    return result
