"""Back office for privacy: the queue of takedown and correction requests, the "Unpublish now"
action, the link from a case to its privacy check, and the guard that keeps a case with
unresolved privacy findings from being published (or staying published) through the admin."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Case, TakedownRequest
from .privacy import unresolved_findings
from .privacy.takedown import close_request, unpublish_case, unpublish_for_request
from .workflow import TransitionRefused


@admin.action(description=_("Unpublish now (privacy)"), permissions=["change"])
def unpublish_now(modeladmin, request, queryset):
    """Case action: take the selected published cases off the public site at once."""
    done = 0
    for case in queryset:
        try:
            done += unpublish_case(case, request.user, str(_("Unpublished at once for privacy from the back office.")))
        except TransitionRefused as error:
            modeladmin.message_user(request, f"{case.public_id}: {error}", messages.ERROR)
    modeladmin.message_user(request, ngettext("%d case unpublished.", "%d cases unpublished.", done) % done)


def privacy_check_link(case: Case) -> str:
    """Read-only field of the case page: the link to the privacy check and its count."""
    if case is None or not case.pk:
        return "-"
    count = len(unresolved_findings(case))
    return format_html(
        '<a href="{}">{}</a>', reverse("privacy:check", args=[case.public_id]),
        ngettext("%d unresolved finding: review", "%d unresolved findings: review", count) % count
        if count else _("no finding: view the privacy check"),
    )


privacy_check_link.short_description = _("privacy check")


def original_file_link(source) -> str:
    """Read-only field of a source: uploaded files are not served from /media/; staff with the
    restricted identity permission download them through a logged view."""
    if not (source and source.pk and source.file):
        return "-"
    return format_html('<a href="{}">{}</a>', reverse("privacy:original_file", args=[source.pk]),
                       _("download the original (restricted, logged)"))


original_file_link.short_description = _("original file")


def hold_publication(request, case: Case, form) -> None:
    """Before the case is saved: a case being published is saved at its previous status first;
    release_publication publishes it once the inlines are saved and the privacy check is clear."""
    previous = form.initial.get("status") or Case.Status.DRAFT
    request._privacy_publish = case.status == Case.Status.PUBLISHED and previous != Case.Status.PUBLISHED
    if request._privacy_publish:
        case.status = previous


def release_publication(modeladmin, request, case: Case) -> None:
    """After the case and its inlines are saved. A published case that now has unresolved findings
    goes back to review rather than stay public showing a name."""
    publishing = getattr(request, "_privacy_publish", False)
    if not publishing and case.status != Case.Status.PUBLISHED:
        return
    count = len(unresolved_findings(case))
    if not count:
        if publishing:
            case.status = Case.Status.PUBLISHED
            case.save(update_fields=["status", "published_at", "updated_at"])
        return
    if not publishing:
        case.status = Case.Status.IN_REVIEW
        case.save(update_fields=["status", "updated_at"])
    modeladmin.message_user(request, format_html(
        "{} <a href=\"{}\">{}</a>",
        ngettext(
            "Not public: %d privacy finding is unresolved.", "Not public: %d privacy findings are unresolved.",
            count,
        ) % count,
        reverse("privacy:check", args=[case.public_id]), _("Open the privacy check"),
    ), messages.ERROR)


@admin.register(TakedownRequest)
class TakedownRequestAdmin(admin.ModelAdmin):
    list_display = ["receipt", "kind", "case", "status", "created_at", "handled_by", "handled_at"]
    list_filter = ["status", "kind"]
    search_fields = ["receipt", "case__public_id", "case_reference"]
    date_hierarchy = "created_at"
    raw_id_fields = ["case"]
    fields = [
        "receipt", "created_at", "kind", "case_reference", "case", "description", "contact_email", "status",
        "outcome_notes", "handled_by", "handled_at",
    ]
    readonly_fields = [
        "receipt", "created_at", "kind", "case_reference", "description", "contact_email", "handled_by", "handled_at",
    ]
    actions = ["unpublish_case_now", "mark_in_review", "reject"]

    def has_add_permission(self, request):
        return False  # requests come from the public form

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data and obj.status in (obj.Status.RESOLVED, obj.Status.REJECTED):
            obj.handled_by, obj.handled_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Unpublish the case now and resolve"), permissions=["change"])
    def unpublish_case_now(self, request, queryset):
        done = 0
        for takedown in queryset.select_related("case"):
            try:
                done += unpublish_for_request(takedown, request.user)
            except TransitionRefused as error:
                self.message_user(request, f"{takedown.receipt}: {error}", messages.ERROR)
        self.message_user(request, ngettext("%d case unpublished.", "%d cases unpublished.", done) % done)

    @admin.action(description=_("Mark as in review"), permissions=["change"])
    def mark_in_review(self, request, queryset):
        count = queryset.filter(status=TakedownRequest.Status.RECEIVED).update(status=TakedownRequest.Status.IN_REVIEW)
        self.message_user(request, ngettext("%d request in review.", "%d requests in review.", count) % count)

    @admin.action(description=_("Reject"), permissions=["change"])
    def reject(self, request, queryset):
        for takedown in queryset:
            close_request(takedown, request.user, TakedownRequest.Status.REJECTED, str(_("Rejected.")))
        self.message_user(request, ngettext("%d request rejected.", "%d requests rejected.", queryset.count())
                          % queryset.count())
