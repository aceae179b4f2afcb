"""Back office for the contributor network, collection tasks, link checks and reader feedback
(imported by admin.py)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import CaseContribution, CaseFeedback, CollectionTask, Contributor, LinkCheck


class CaseContributionInline(admin.TabularInline):
    model = CaseContribution
    autocomplete_fields = ["case"]
    extra = 0


@admin.register(Contributor)
class ContributorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "organisation", "last_contact"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "email"]
    autocomplete_fields = ["organisation", "user", "country"]
    inlines = [CaseContributionInline]


@admin.register(CollectionTask)
class CollectionTaskAdmin(admin.ModelAdmin):
    list_display = ["title", "contributor", "jurisdiction", "deadline", "status", "overdue"]
    list_filter = ["status", "jurisdiction"]
    search_fields = ["title", "contributor__name"]
    autocomplete_fields = ["contributor", "jurisdiction"]
    readonly_fields = ["assigned_by", "created_at"]

    @admin.display(boolean=True, description=_("overdue"))
    def overdue(self, task):
        return task.is_overdue()

    def save_model(self, request, obj, form, change):
        if not obj.assigned_by_id:
            obj.assigned_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(LinkCheck)
class LinkCheckAdmin(admin.ModelAdmin):
    list_display = ["url", "ok", "status_code", "error", "checked_at", "consecutive_failures"]
    list_filter = ["ok"]
    search_fields = ["url"]

    def has_add_permission(self, request):
        return False  # written by the link checker only

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CaseFeedback)
class CaseFeedbackAdmin(admin.ModelAdmin):
    list_display = ["case", "useful", "audience", "day"]
    list_filter = ["useful", "audience"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
