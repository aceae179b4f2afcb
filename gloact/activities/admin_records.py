"""Back office for workplans, activities and the participants registry. Country-owned records use
CountryScopedAdmin, so a focal point sees only their countries' records. The signed copy of a
workplan is uploaded through the workplan form (which checks it is a PDF) and handed out only by
the records view, never through MEDIA_URL."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from gloact.accounts.scoping import CountryScopedAdmin, may_access, scoped

from .models import Activity, Attendance, Participant, ParticipantMerge, Workplan


class ActivityInline(admin.TabularInline):
    model = Activity
    fields = ["code", "title", "kind", "status", "planned_start", "planned_end"]
    extra = 0
    show_change_link = True


@admin.register(Workplan)
class WorkplanAdmin(CountryScopedAdmin):
    list_display = ["title", "programme", "country", "kind", "start", "end"]
    list_filter = ["programme", "kind", "country"]
    search_fields = ["title"]
    exclude = ["signed_copy", "signed_copy_name"]
    readonly_fields = ["signed_copy_link"]
    inlines = [ActivityInline]

    @admin.display(description=_("signed copy"))
    def signed_copy_link(self, obj):
        if not obj.pk or not obj.signed_copy:
            return "–"
        return format_html('<a href="{}">{}</a>', reverse("activities:workplan_signed_copy", args=[obj.pk]),
                           obj.signed_copy_name or _("download"))


class AttendanceInline(admin.TabularInline):
    model = Attendance
    fields = ["participant", "role", "completed"]
    autocomplete_fields = ["participant"]
    extra = 0


@admin.register(Activity)
class ActivityAdmin(CountryScopedAdmin):
    list_display = ["code", "title", "kind", "country", "status", "planned_start", "in_capital"]
    list_filter = ["status", "kind", "crime_scope", "in_capital", "country"]
    search_fields = ["code", "title", "location"]
    autocomplete_fields = ["workplan"]
    filter_horizontal = ["outputs", "indicators"]
    inlines = [AttendanceInline]


@admin.register(Participant)
class ParticipantAdmin(CountryScopedAdmin):
    list_display = ["family_name", "given_name", "institution", "institution_type", "country", "sex", "merged_into"]
    list_filter = ["institution_type", "sex", "country", "consent_to_contact"]
    search_fields = ["given_name", "family_name", "other_names", "email", "institution"]
    readonly_fields = ["merged_into", "created_by", "created_at"]


@admin.register(ParticipantMerge)
class ParticipantMergeAdmin(admin.ModelAdmin):
    """Merges are made on the duplicates page; here they are only read, within the user's countries."""

    list_display = ["merged", "kept", "moved_attendances", "merged_by", "merged_at"]
    readonly_fields = ["kept", "merged", "snapshot", "moved_attendances", "merged_by", "merged_at"]

    def get_queryset(self, request):
        return scoped(super().get_queryset(request), request.user, "kept__country")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or may_access(request.user, obj.kept))
