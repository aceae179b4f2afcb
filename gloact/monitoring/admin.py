"""Back office for results monitoring. Country-owned records (components, reports, values,
evidence) use CountryScopedAdmin, so a country officer sees only their countries' records there;
values of approved reports are read-only."""

from django.contrib import admin

from gloact.accounts.scoping import CountryScopedAdmin
from gloact.core.admin import ReadOnlyAdminMixin

from .models import (
    Baseline,
    Component,
    Dimension,
    DimensionCategory,
    DisaggregatedValue,
    EvidenceFile,
    Indicator,
    IndicatorValue,
    PeriodReport,
    Pillar,
    Programme,
    ReportingPeriod,
    Result,
    ReviewEvent,
    StandardIndicator,
    Target,
    TheoryOfChange,
    ToCAssumption,
    ToCLink,
    ToCNode,
    ToCVersion,
)


class PillarInline(admin.TabularInline):
    model = Pillar
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["short_title", "code", "start_date", "end_date", "donor"]
    search_fields = ["title", "short_title", "code"]
    filter_horizontal = ["countries"]
    inlines = [PillarInline]


@admin.register(Pillar)
class PillarAdmin(admin.ModelAdmin):
    list_display = ["__str__", "programme"]
    list_filter = ["programme"]


@admin.register(Component)
class ComponentAdmin(CountryScopedAdmin):
    list_display = ["programme", "country", "implementing_partner"]
    list_filter = ["programme", "implementing_partner"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ["label", "programme", "kind", "start", "end", "due_date"]
    list_filter = ["programme", "kind"]


class CategoryInline(admin.TabularInline):
    model = DimensionCategory
    extra = 0


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "controlled", "programme"]
    inlines = [CategoryInline]

    def has_change_permission(self, request, obj=None):
        # Controlled dimensions keep their fixed codes so results stay comparable across programmes.
        return super().has_change_permission(request, obj) and not (obj and obj.controlled)

    has_delete_permission = has_change_permission


@admin.register(DimensionCategory)
class DimensionCategoryAdmin(admin.ModelAdmin):
    list_display = ["dimension", "code", "label", "order"]
    list_filter = ["dimension"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.dimension.controlled)

    has_delete_permission = has_change_permission


class ToCNodeInline(admin.TabularInline):
    model = ToCNode
    extra = 0


class ToCAssumptionInline(admin.TabularInline):
    model = ToCAssumption
    extra = 0


@admin.register(TheoryOfChange)
class TheoryOfChangeAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "scope", "country"]
    list_filter = ["programme", "scope"]


@admin.register(ToCVersion)
class ToCVersionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "created_at"]
    list_filter = ["theory__programme", "status"]
    inlines = [ToCNodeInline, ToCAssumptionInline]


@admin.register(ToCNode)
class ToCNodeAdmin(admin.ModelAdmin):
    list_display = ["key", "level", "version", "text"]
    list_filter = ["level", "version__theory"]


@admin.register(ToCLink)
class ToCLinkAdmin(admin.ModelAdmin):
    list_display = ["__str__", "version"]
    list_filter = ["version__theory"]


@admin.register(ToCAssumption)
class ToCAssumptionAdmin(admin.ModelAdmin):
    list_display = ["kind", "text", "version"]
    list_filter = ["kind"]


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    list_display = ["code", "level", "title", "programme", "pillar"]
    list_filter = ["programme", "level", "pillar"]
    search_fields = ["code", "title"]


@admin.register(StandardIndicator)
class StandardIndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "framework", "title"]
    list_filter = ["framework"]


class BaselineInline(admin.TabularInline):
    model = Baseline
    extra = 0


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "level", "measure", "aggregation", "programme"]
    list_filter = ["programme", "level", "measure", "gender_sensitive", "human_rights"]
    search_fields = ["code", "title", "definition"]
    filter_horizontal = ["dimensions", "standard_indicators"]
    inlines = [BaselineInline, TargetInline]


@admin.register(Baseline)
class BaselineAdmin(CountryScopedAdmin):
    list_display = ["indicator", "country", "category", "year", "value"]


@admin.register(Target)
class TargetAdmin(CountryScopedAdmin):
    list_display = ["indicator", "country", "period", "category", "value"]


class EnteredOnResultsPagesAdmin(ReadOnlyAdminMixin, CountryScopedAdmin):
    """Values, disaggregations and evidence are entered on the results pages, which validate them
    and follow the workflow (and lock approved reports); the back office only shows them."""


class ReviewEventInline(admin.TabularInline):
    model = ReviewEvent
    extra = 0
    readonly_fields = ["action", "comment", "actor", "at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # events are written by the workflow only


@admin.register(PeriodReport)
class PeriodReportAdmin(CountryScopedAdmin):
    list_display = ["programme", "country", "period", "status"]
    list_filter = ["programme", "status", "period"]
    readonly_fields = ["status", "submitted_at", "approved_at", "created_by"]  # changed only through the workflow
    inlines = [ReviewEventInline]

    def has_add_permission(self, request):
        return False  # reports are opened on the results pages, which check the country and period


@admin.register(ReviewEvent)
class ReviewEventAdmin(CountryScopedAdmin):
    country_field = "report__country"
    list_display = ["report", "action", "actor", "at"]
    readonly_fields = ["report", "action", "comment", "actor", "at"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        # may_access() reads a direct country field: check the report's instead.
        return admin.ModelAdmin.has_view_permission(self, request, obj) and (
            obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()
        )


class DisaggregatedValueInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = DisaggregatedValue
    extra = 0


@admin.register(IndicatorValue)
class IndicatorValueAdmin(EnteredOnResultsPagesAdmin):
    list_display = ["indicator", "report", "country", "value", "assessment"]
    list_filter = ["report__programme", "report__status", "report__period"]
    search_fields = ["indicator__code", "indicator__title"]
    inlines = [DisaggregatedValueInline]


@admin.register(DisaggregatedValue)
class DisaggregatedValueAdmin(EnteredOnResultsPagesAdmin):
    country_field = "indicator_value__country"
    list_display = ["indicator_value", "category", "value"]

    def has_view_permission(self, request, obj=None):
        # may_access() reads a direct country field: check through the scoped queryset instead.
        return admin.ModelAdmin.has_view_permission(self, request, obj) and (
            obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()
        )


@admin.register(EvidenceFile)
class EvidenceFileAdmin(EnteredOnResultsPagesAdmin):
    # No file field: files are served only by the permission-checked download view.
    fields = ["indicator_value", "original_name", "content_type", "size", "description", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    list_display = ["original_name", "indicator_value", "country", "size", "uploaded_at"]
