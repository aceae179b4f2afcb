"""Back office of the country profiles. Country-owned records go through CountryScopedAdmin, so a
focal point edits only their countries; the questionnaire builder and campaigns are for
programme managers."""

from django import forms
from django.contrib import admin

from gloact.accounts.scoping import CountryScopedAdmin, country_scope

from .evidence import evidence_content_type
from .models import (
    Assessment,
    AssessmentEvent,
    AssistanceRequest,
    AssistanceService,
    Campaign,
    CoordinatingBody,
    CountryFocalPoint,
    NationalLaw,
    NationalProvision,
    NationalStrategy,
    Pillar,
    Population,
    Question,
    QuestionChoice,
    Questionnaire,
    ReferralMechanism,
    StakeholderProfile,
    StatisticsDataset,
    TreatyStatus,
)
from .readiness import open_campaign


def _scoped_organisations(request, queryset):
    scope = country_scope(request.user)
    return queryset if scope is None else queryset.filter(country__in=scope)


# --- Legal and institutional framework ------------------------------------------------------


@admin.register(TreatyStatus)
class TreatyStatusAdmin(CountryScopedAdmin):
    list_display = ["country", "instrument", "signed_on", "consent_action", "consent_on"]
    list_filter = ["instrument"]
    search_fields = ["country__name"]


class NationalProvisionInline(admin.StackedInline):
    model = NationalProvision
    extra = 0
    autocomplete_fields = ["protocol_articles"]


@admin.register(NationalLaw)
class NationalLawAdmin(CountryScopedAdmin):
    list_display = ["title", "country", "kind", "scope", "adopted_on", "in_force"]
    list_filter = ["kind", "scope", "in_force"]
    search_fields = ["title", "country__name"]
    inlines = [NationalProvisionInline]


@admin.register(NationalStrategy)
class NationalStrategyAdmin(CountryScopedAdmin):
    list_display = ["title", "country", "kind", "start_year", "end_year"]
    list_filter = ["kind"]
    search_fields = ["title", "country__name"]


@admin.register(CoordinatingBody)
class CoordinatingBodyAdmin(CountryScopedAdmin):
    list_display = ["name", "country", "kind", "established_on"]
    search_fields = ["name", "country__name"]


@admin.register(ReferralMechanism)
class ReferralMechanismAdmin(CountryScopedAdmin):
    list_display = ["country", "status", "adopted_on"]
    list_filter = ["status"]


@admin.register(CountryFocalPoint)
class CountryFocalPointAdmin(CountryScopedAdmin):
    list_display = ["country", "function", "organisation"]
    search_fields = ["function", "country__name"]
    raw_id_fields = ["user"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation":
            kwargs["queryset"] = _scoped_organisations(request, db_field.related_model.objects.all())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(StakeholderProfile)
class StakeholderProfileAdmin(CountryScopedAdmin):
    list_display = ["organisation", "country", "relationship", "is_synthetic"]
    list_filter = ["relationship", "organisation__kind"]
    search_fields = ["organisation__name"]
    filter_horizontal = ["partners"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation":
            kwargs["queryset"] = _scoped_organisations(request, db_field.related_model.objects.all())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# --- Requests for assistance ----------------------------------------------------------------


class AssistanceRequestForm(forms.ModelForm):
    class Meta:
        model = AssistanceRequest
        exclude = ["created_by"]

    def clean_agreement_file(self):
        upload = self.cleaned_data.get("agreement_file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            evidence_content_type(upload)
        return upload


@admin.register(AssistanceRequest)
class AssistanceRequestAdmin(CountryScopedAdmin):
    form = AssistanceRequestForm
    list_display = ["subject", "country", "received_on", "decision", "agreement_signed_on"]
    list_filter = ["decision", "services"]
    search_fields = ["subject", "country__name"]
    filter_horizontal = ["services"]
    date_hierarchy = "received_on"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "requested_by":
            kwargs["queryset"] = _scoped_organisations(request, db_field.related_model.objects.all())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(AssistanceService)
class AssistanceServiceAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "order"]


# --- Questionnaire builder and campaigns ----------------------------------------------------


@admin.register(Pillar)
class PillarAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "order"]


class QuestionChoiceInline(admin.TabularInline):
    model = QuestionChoice
    extra = 0
    fields = ["code", "label", "labels", "points", "order"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["code", "questionnaire", "pillar", "answer_type", "asks_evidence", "order"]
    list_filter = ["questionnaire", "pillar", "answer_type"]
    search_fields = ["code", "text"]
    inlines = [QuestionChoiceInline]
    fields = [
        "questionnaire", "pillar", "code", "order", "text", "texts", "guidance", "guidances", "answer_type",
        "scoring", "asks_evidence",
    ]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ["code", "pillar", "answer_type", "order"]
    show_change_link = True


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "is_active"]
    inlines = [QuestionInline]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["title", "questionnaire", "opened_on", "deadline", "is_closed"]
    filter_horizontal = ["countries"]
    exclude = ["created_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        open_campaign(form.instance)  # one self-assessment per country of the campaign


class AssessmentEventInline(admin.TabularInline):
    model = AssessmentEvent
    extra = 0
    can_delete = False
    readonly_fields = ["action", "actor", "at", "comment"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Assessment)
class AssessmentAdmin(CountryScopedAdmin):
    """Answers are given and reviewed on the site (with the workflow's checks), not here."""

    list_display = ["campaign", "country", "status", "submitted_at", "reviewed_at"]
    list_filter = ["status", "campaign"]
    readonly_fields = ["campaign", "country", "status", "submitted_at", "reviewed_at", "review_comment"]
    inlines = [AssessmentEventInline]

    def has_add_permission(self, request):
        return False


# --- Statistics -----------------------------------------------------------------------------


@admin.register(StatisticsDataset)
class StatisticsDatasetAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "country", "row_count", "imported_at"]
    list_filter = ["kind"]
    readonly_fields = ["code", "kind", "country", "source_file", "imported_at", "imported_by", "row_count"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        scope = country_scope(request.user)
        if scope is None:
            return queryset
        return queryset.filter(country__in=scope) | queryset.filter(kind=StatisticsDataset.Kind.GLOBAL_REPORT)

    def has_add_permission(self, request):
        return False  # datasets come from imports


@admin.register(Population)
class PopulationAdmin(admin.ModelAdmin):
    list_display = ["country", "year", "population", "source"]
    list_filter = ["year"]
    search_fields = ["country__name"]

