"""Privacy pages: the editors' privacy check of a case, the download of an original decision file
(restricted, logged), and the public takedown and correction form."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from gloact.accounts.scoping import scoped
from gloact.core.downloads import private_download

from .models import Case, CaseTranslation, Charge, Person, Proceeding, Source, TakedownRequest
from .privacy import (
    dismiss_finding,
    log_restricted_access,
    may_view_identities,
    redact_case,
    unresolved_findings,
)
from .privacy.detection import ALIAS, DETAIL, NAME
from .privacy.takedown import submit_request

CHECK_PERMISSION = "caselaw.change_case"


def _editable_case(request, public_id: str) -> Case:
    user = request.user
    if not (user.is_active and user.is_staff and user.has_perm(CHECK_PERMISSION)):
        raise PermissionDenied
    return get_object_or_404(scoped(Case.objects.all(), user, "jurisdiction__country"), public_id=public_id)


def describe_field(field: str) -> str:
    """ "translation:fr:summary" -> "summary of the facts (fr translation)", for the editor."""
    parts = field.split(":")
    name = parts[-1]
    models = {"translation": CaseTranslation, "proceeding": Proceeding, "charge": Charge, "person": Person,
              "source": Source}
    model = models.get(parts[0], Case) if len(parts) == 3 else Case
    label = str(model._meta.get_field(name).verbose_name)
    if len(parts) == 3:
        return _("%(text)s (%(what)s %(which)s)") % {
            "text": label, "what": model._meta.verbose_name, "which": parts[1],
        }
    return label


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def privacy_check(request, public_id: str):
    """The findings of the privacy check, with one-click redaction and dismissal."""
    case = _editable_case(request, public_id)
    findings = unresolved_findings(case)
    if request.method == "POST":
        action, key = request.POST.get("action"), request.POST.get("key", "")
        chosen = findings if action == "redact_all" else [f for f in findings if f.key == key]
        if action in ("redact", "redact_all") and chosen:
            count = redact_case(case, chosen, request.user)
            messages.success(request, _("%(count)d passage(s) redacted.") % {"count": count})
        elif action == "dismiss" and chosen:
            dismiss_finding(case, chosen[0], request.user)
            messages.success(request, _("Marked as not personal data."))
        else:
            messages.error(request, _("That finding is no longer there; the list is up to date."))
        return redirect("privacy:check", public_id=case.public_id)
    if any(f.kind in (NAME, ALIAS, DETAIL) for f in findings):
        # The list reveals which words are names of the case's persons.
        log_restricted_access(request.user, case, _("privacy check findings"))
    return render(request, "caselaw/privacy/check.html", {
        "case": case, "rows": [(describe_field(f.field), f) for f in findings],
        "admin_url": reverse("admin:caselaw_case_change", args=[case.pk]),
    })


@login_required
@never_cache
@require_safe
def original_file(request, pk: int):
    """The uploaded decision as filed (it may name victims): for staff with the restricted
    identity permission only, and logged."""
    user = request.user
    if not (user.is_staff and may_view_identities(user)):
        raise PermissionDenied
    sources = scoped(Source.objects.select_related("case"), user, "case__jurisdiction__country")
    source = get_object_or_404(sources, pk=pk)
    if not source.file:
        raise Http404
    log_restricted_access(user, source.case, _("original file of source %(pk)d") % {"pk": source.pk})
    return private_download(source.file)


class TakedownForm(forms.Form):
    case_reference = forms.CharField(
        label=gettext_lazy("Case id or address of the case page"), max_length=500,
        help_text=gettext_lazy("For example MLI007, or the address copied from your browser."),
    )
    kind = forms.ChoiceField(label=gettext_lazy("What do you ask for?"), choices=TakedownRequest.Kind.choices)
    description = forms.CharField(
        label=gettext_lazy("What is wrong"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Say which passage identifies a person or is wrong. At most 5000 characters."),
    )
    contact_email = forms.EmailField(
        label=gettext_lazy("Your e-mail address (optional)"), required=False, max_length=254,
        help_text=gettext_lazy("Only if you want an answer; editors alone see it."),
    )
    # Filled by robots only: people never see it (the wrapper is hidden).
    website = forms.CharField(label=gettext_lazy("Leave this field empty"), required=False, max_length=200)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def takedown(request):
    """The public takedown and correction form; the requester gets a receipt number."""
    form = TakedownForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not data["website"]:
            receipt = submit_request(
                data["case_reference"], data["kind"], data["description"], data["contact_email"]
            ).receipt
            request.session["takedown_receipt"] = receipt
        return redirect("privacy:takedown_received")
    return render(request, "caselaw/privacy/takedown.html", {"form": form})


@never_cache
@require_safe
def takedown_received(request):
    return render(request, "caselaw/privacy/takedown_received.html", {
        "receipt": request.session.get("takedown_receipt", ""),
    })
