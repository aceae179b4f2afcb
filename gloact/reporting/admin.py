"""Back office for reports: administrators edit templates (sections, their order and titles);
narrative entries are country-scoped like the records they describe."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied

from gloact.accounts.scoping import CountryScopedAdmin, country_scope

from .models import NarrativeEntry, ReportTemplate, TemplateSection


class TemplateSectionInline(admin.TabularInline):
    model = TemplateSection
    extra = 1
    fields = ["order", "kind", "heading", "title"]


@admin.register(ReportTemplate)
class ReportTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    inlines = [TemplateSectionInline]


@admin.register(NarrativeEntry)
class NarrativeEntryAdmin(CountryScopedAdmin):
    list_display = ["programme", "period", "component", "heading", "language", "updated_at"]
    list_filter = ["programme", "heading", "language"]
    search_fields = ["text"]
    readonly_fields = ["author"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        scope = country_scope(request.user)
        if db_field.name == "component" and scope is not None:
            kwargs["queryset"] = db_field.related_model.objects.filter(country_id__in=scope)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if obj.component_id is None and country_scope(request.user) is not None:
            raise PermissionDenied  # programme-level narrative belongs to managers
        obj.author = request.user
        super().save_model(request, obj, form, change)
