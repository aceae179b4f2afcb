"""Back office for the editorial side: the moderation queue of suggestions from the public, and
read-only views of versions, workflow events and field comments."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gloact.core.admin import ReadOnlyAdminMixin

from .models import CaseSuggestion, CaseVersion, FieldComment, WorkflowEvent
from .suggestions import convert_suggestion, reject_suggestion
from .workflow import TransitionRefused


@admin.register(CaseSuggestion)
class CaseSuggestionAdmin(admin.ModelAdmin):
    list_display = ["receipt", "country", "court", "decision_date", "status", "created_at", "case"]
    list_filter = ["status", "country"]
    search_fields = ["receipt", "court", "what_happened"]
    date_hierarchy = "created_at"
    readonly_fields = ["receipt", "file_type", "sha256", "created_at", "case"]
    exclude = ["ip_hash"]
    actions = ["convert", "reject"]

    def has_add_permission(self, request):
        return False  # suggestions come from the public form

    def _moderate(self, request, queryset, moderate) -> int:
        """Apply `moderate(suggestion, editor)` to each suggestion; those it refuses are named."""
        done = 0
        for suggestion in queryset:
            try:
                moderate(suggestion, request.user)
                done += 1
            except TransitionRefused as error:
                self.message_user(request, f"{suggestion.receipt}: {error}", messages.WARNING)
        return done

    @admin.action(description=_("Convert into draft cases"), permissions=["change"])
    def convert(self, request, queryset):
        done = self._moderate(request, queryset, convert_suggestion)
        self.message_user(request, ngettext("%d draft case created.", "%d draft cases created.", done) % done)

    @admin.action(description=_("Reject"), permissions=["change"])
    def reject(self, request, queryset):
        done = self._moderate(request, queryset, reject_suggestion)
        self.message_user(request, ngettext("%d suggestion rejected.", "%d suggestions rejected.", done) % done)


class ReadOnlyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Written by the workflow functions only."""


@admin.register(WorkflowEvent)
class WorkflowEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "case", "from_status", "to_status", "actor"]
    list_filter = ["to_status"]
    search_fields = ["case__public_id"]
    date_hierarchy = "at"


@admin.register(CaseVersion)
class CaseVersionAdmin(ReadOnlyAdmin):
    list_display = ["case", "number", "status", "created_by", "created_at", "note"]
    search_fields = ["case__public_id"]


@admin.register(FieldComment)
class FieldCommentAdmin(admin.ModelAdmin):
    list_display = ["case", "field_path", "author", "resolved", "created_at"]
    list_filter = ["resolved"]
    search_fields = ["case__public_id", "text"]
    raw_id_fields = ["case", "version"]
    readonly_fields = ["author"]
