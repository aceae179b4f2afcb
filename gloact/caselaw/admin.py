"""Back office for the case law database.

Restricted identities (PersonIdentity) have no admin page of their own. They appear only to users with the permission
caselaw.view_restricted_identity: as extra fields of the person forms on the case page and as an
inline on the person page. Every page that shows them writes a RestrictedAccessLog row.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.utils.translation import gettext_lazy as _

from gloact.accounts.scoping import scoped
from gloact.core.admin import ReadOnlyAdminMixin

from .models import (
    Case,
    CaseTranslation,
    Charge,
    Jurisdiction,
    Person,
    PersonIdentity,
    Proceeding,
    RestrictedAccessLog,
    RouteCountry,
    Source,
    Term,
    Vocabulary,
)
from .admin_privacy import hold_publication, original_file_link, privacy_check_link, release_publication, unpublish_now
from .privacy import log_restricted_access, may_view_identities

# --- Vocabularies ---------------------------------------------------------------------------


class TermInline(admin.TabularInline):
    model = Term
    fields = ["code", "label", "labels", "order", "active"]
    extra = 0


@admin.register(Vocabulary)
class VocabularyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "order"]
    search_fields = ["code", "name"]
    inlines = [TermInline]

    def get_readonly_fields(self, request, obj=None):
        return ["code"] if obj else []  # stable id


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "vocabulary", "order", "active"]
    list_filter = ["vocabulary", "active"]
    list_editable = ["order", "active"]
    search_fields = ["code", "label", "labels"]

    def get_readonly_fields(self, request, obj=None):
        return ["vocabulary", "code"] if obj else []  # stable id


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "country", "defendant_display"]
    list_filter = ["kind", "defendant_display"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["country"]

    def get_readonly_fields(self, request, obj=None):
        return ["code"] if obj else []  # prefixes the public ids of its cases


# --- Persons and their restricted identities --------------------------------------------------

PERSON_FIELDS = [
    "role", "kind", "role_detail", "sex", "age", "age_band", "is_child", "nationalities", "display_style", "order",
]


class PersonWithIdentityForm(forms.ModelForm):
    """A person form with the restricted identity fields; used only for permitted users."""

    real_name = forms.CharField(label=_("real name (restricted)"), required=False, max_length=300)
    aliases = forms.CharField(
        label=_("aliases (restricted)"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line."),
    )
    identifying_details = forms.CharField(
        label=_("identifying details (restricted)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = Person
        fields = PERSON_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        identity = self.instance.identity_or_none if self.instance.pk else None
        if identity:
            for name in PersonIdentity.RESTRICTED_FIELDS:
                self.initial.setdefault(name, getattr(identity, name))

    def save(self, commit=True):
        person = super().save(commit=commit)
        if commit:
            self._save_identity(person)
        else:
            save_m2m = self.save_m2m

            def save_m2m_and_identity():
                save_m2m()
                self._save_identity(self.instance)

            self.save_m2m = save_m2m_and_identity
        return person

    def _save_identity(self, person):
        values = {name: self.cleaned_data.get(name, "") for name in PersonIdentity.RESTRICTED_FIELDS}
        if any(values.values()):
            PersonIdentity.objects.update_or_create(person=person, defaults=values)
        else:
            PersonIdentity.objects.filter(person=person).delete()


class PersonInline(admin.StackedInline):
    model = Person
    extra = 0
    filter_horizontal = ["nationalities"]

    def get_fields(self, request, obj=None):
        if may_view_identities(request.user):
            return PERSON_FIELDS + list(PersonIdentity.RESTRICTED_FIELDS)
        return PERSON_FIELDS

    def get_formset(self, request, obj=None, **kwargs):
        if may_view_identities(request.user):
            kwargs["form"] = PersonWithIdentityForm
        return super().get_formset(request, obj, **kwargs)


class PersonIdentityInline(admin.StackedInline):
    model = PersonIdentity
    can_delete = True
    extra = 0
    max_num = 1

    def has_view_permission(self, request, obj=None):
        return may_view_identities(request.user)

    def has_add_permission(self, request, obj=None):
        return may_view_identities(request.user) and request.user.has_perm("caselaw.change_person")

    def has_change_permission(self, request, obj=None):
        return self.has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_add_permission(request, obj)


class ChargeInline(admin.StackedInline):
    model = Charge
    extra = 0
    fields = [
        "defendant", "order", "legal_provision", "charge", "verdict", "imprisonment_months",
        ("fine_amount", "fine_currency"), ("confiscation", "confiscation_details"),
        ("compensation_amount", "compensation_currency"), "sentence_notes",
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "defendant":
            # Only the defendants of the case being edited.
            case_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            queryset = Person.objects.filter(role=Person.Role.DEFENDANT)
            kwargs["queryset"] = queryset.filter(case_id=unquote(case_id)) if case_id else queryset.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PersonChargeInline(ChargeInline):
    fields = [f for f in ChargeInline.fields if f != "defendant"]
    fk_name = "defendant"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return admin.StackedInline.formfield_for_foreignkey(self, db_field, request, **kwargs)


class IdentityLoggingMixin:
    """Writes a RestrictedAccessLog row each time a change page shows restricted identities."""

    def case_with_identities(self, obj) -> Case | None:
        raise NotImplementedError

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if response.status_code == 200 and may_view_identities(request.user):
            obj = self.get_object(request, unquote(object_id))
            case, what = self.case_with_identities(obj) if obj else (None, "")
            if case is not None:
                log_restricted_access(request.user, case, what)
        return response


@admin.register(Person)
class PersonAdmin(IdentityLoggingMixin, admin.ModelAdmin):
    list_display = ["__str__", "role", "sex", "age", "is_child"]
    list_filter = ["role", "kind", "sex", "is_child"]
    search_fields = ["case__public_id", "case__title"]  # never the restricted identity
    list_select_related = ["case"]
    fields = ["case"] + PERSON_FIELDS
    raw_id_fields = ["case"]
    filter_horizontal = ["nationalities"]
    inlines = [PersonIdentityInline, PersonChargeInline]

    def get_queryset(self, request):
        return scoped(super().get_queryset(request), request.user, "case__jurisdiction__country")

    def case_with_identities(self, person):
        if person.identity_or_none is None:
            return None, ""
        return person.case, str(_("identity of %(person)s in the admin person page") % {"person": person})


# --- Cases ----------------------------------------------------------------------------------


class CaseTranslationInline(admin.StackedInline):
    model = CaseTranslation
    extra = 0


class ProceedingInline(admin.StackedInline):
    model = Proceeding
    extra = 0
    fields = ["order", "court_name", "court_level", "reference", "date", "outcome", "decision_text", "is_latest"]
    readonly_fields = ["is_latest"]


class RouteCountryInline(admin.TabularInline):
    model = RouteCountry
    extra = 0
    autocomplete_fields = ["country"]


class SourceInline(admin.StackedInline):
    model = Source
    extra = 0
    fields = [
        "kind", "title", "file", original_file_link, "file_is_public", "url", "language", "sha256", "size",
        "extracted_text", "redacted_text",
    ]
    readonly_fields = ["sha256", "size", original_file_link]


TERM_FIELDS = [
    "crime_types", "decision_languages", "tip_acts", "tip_means", "tip_purposes", "exploitation_sectors",
    "som_offences", "som_aggravations", "som_modes", "legal_articles", "protection_measures",
    "human_rights_aspects",
]


@admin.register(Case)
class CaseAdmin(IdentityLoggingMixin, admin.ModelAdmin):
    list_display = ["public_id", "title", "jurisdiction", "status", "is_landmark", "is_synthetic", "published_at"]
    list_filter = ["status", "is_landmark", "is_synthetic", "jurisdiction__kind", "crime_types", "original_language"]
    search_fields = ["public_id", "title", "court_reference", "ecli"]
    list_select_related = ["jurisdiction"]
    autocomplete_fields = ["jurisdiction"]
    readonly_fields = ["public_id", "published_at", "created_by", "created_at", "updated_at", privacy_check_link]
    actions = [unpublish_now]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": [
            "public_id", "jurisdiction", "court_reference", "ecli", "title", "crime_types", "decision_languages",
            "is_landmark", "is_synthetic",
        ]}),
        (_("Texts"), {"fields": ["original_language", "summary", "reasoning", "commentary", "why_included"]}),
        (_("Trafficking in persons"), {"fields": [
            "tip_acts", "tip_means", "tip_purposes", "exploitation_sectors", "tip_scope",
        ]}),
        (_("Smuggling of migrants"), {"fields": [
            "som_material_benefit", "som_offences", "som_aggravations", "som_modes",
        ]}),
        (_("Legal references and protection"), {"fields": [
            "legal_articles", "national_provisions", "protection_measures", "human_rights_aspects",
        ]}),
        (_("Publication"), {"fields": [
            "status", privacy_check_link, "published_at", "noindex", "created_by", "created_at", "updated_at",
        ]}),
    ]
    inlines = [
        CaseTranslationInline, ProceedingInline, PersonInline, ChargeInline, RouteCountryInline, SourceInline,
    ]

    def get_queryset(self, request):
        return scoped(super().get_queryset(request), request.user, "jurisdiction__country")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in TERM_FIELDS:
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        hold_publication(request, obj, form)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        release_publication(self, request, form.instance)  # publish only with a clear privacy check

    def case_with_identities(self, case):
        count = PersonIdentity.objects.filter(person__case=case).count()
        if not count:
            return None, ""
        return case, str(_("%(count)d identities in the admin case page") % {"count": count})


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "case", "kind", "language", "size", "file_is_public"]
    list_filter = ["kind", "file_is_public"]
    search_fields = ["title", "url", "sha256", "case__public_id"]
    raw_id_fields = ["case"]
    readonly_fields = ["sha256", "size"]

    def get_queryset(self, request):
        return scoped(super().get_queryset(request), request.user, "case__jurisdiction__country")


@admin.register(RestrictedAccessLog)
class RestrictedAccessLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the log is written by the application, never edited."""

    list_display = ["at", "username", "case_public_id", "what"]
    list_filter = ["at"]
    search_fields = ["username", "case_public_id"]
    date_hierarchy = "at"


from . import admin_quality  # noqa: E402,F401  (contributors, tasks, link checks, feedback)
from . import admin_editorial  # noqa: E402,F401  (suggestions, versions, workflow events, comments)
