"""Reporting workflow: open a report, enter values, submit, return with comments, approve.

Who may do what:
- country officers and focal points (monitoring.submit_periodreport, country-scoped) open,
  fill in and submit the reports of their own countries;
- programme managers (monitoring.review_periodreport, all countries) return or approve submitted
  reports, and fill in programme-level reports;
- an approved report is locked: no one edits its values any more (the models refuse it too).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gloact.accounts.scoping import country_scope

from . import selectors
from .models import (
    DimensionCategory,
    DisaggregatedValue,
    Indicator,
    IndicatorValue,
    PeriodReport,
    ReportingPeriod,
    ReviewEvent,
)
from .validation import ValidationResult, percentage_from, validate_value


def may_view(user) -> bool:
    return user.is_authenticated and user.has_perm("monitoring.view_programme")


def covers_country(user, country_id: str | None) -> bool:
    """Country-scoped users cover their countries only; programme-level reports (no country)
    belong to users with every country."""
    scope = country_scope(user)
    return scope is None or (country_id is not None and country_id in scope)


def may_see_report(user, report: PeriodReport) -> bool:
    return may_view(user) and covers_country(user, report.country_id)


def may_edit(user, report: PeriodReport) -> bool:
    return report.is_editable and user.has_perm("monitoring.change_indicatorvalue") and covers_country(user, report.country_id)


def may_submit(user, report: PeriodReport) -> bool:
    return report.is_editable and user.has_perm("monitoring.submit_periodreport") and covers_country(user, report.country_id)


def may_review(user, report: PeriodReport) -> bool:
    return (
        report.status == PeriodReport.Status.SUBMITTED
        and user.has_perm("monitoring.review_periodreport")
        and country_scope(user) is None
    )


def open_report(programme, country_id: str | None, period: ReportingPeriod, user) -> PeriodReport:
    """The report of `country_id` (None: programme level) for `period`, created if needed."""
    if not (user.has_perm("monitoring.add_periodreport") and covers_country(user, country_id)):
        raise PermissionDenied(_("You may not open reports for this country."))
    if period.programme_id != programme.pk:
        raise PermissionDenied(_("This period belongs to another programme."))
    if country_id is not None and not programme.countries.filter(pk=country_id).exists():
        raise PermissionDenied(_("This country is not part of the programme."))
    report, _created = PeriodReport.objects.get_or_create(
        programme=programme, country_id=country_id, period=period, defaults={"created_by": user},
    )
    return report


def _move(report: PeriodReport, user, status: str, action: str, comment: str, stamp: str = "") -> None:
    """Set the report's status (and the time field `stamp`) and record the step as a ReviewEvent."""
    report.status = status
    fields = ["status"]
    if stamp:
        setattr(report, stamp, timezone.now())
        fields.append(stamp)
    report.save(update_fields=fields)
    ReviewEvent.objects.create(report=report, action=action, comment=comment, actor=user)


@transaction.atomic
def submit_report(report: PeriodReport, user, comment: str = "") -> None:
    if not may_submit(user, report):
        raise PermissionDenied(_("You may not submit this report."))
    _move(report, user, PeriodReport.Status.SUBMITTED, ReviewEvent.Action.SUBMITTED, comment, stamp="submitted_at")


@transaction.atomic
def return_report(report: PeriodReport, user, comment: str) -> None:
    if not may_review(user, report):
        raise PermissionDenied(_("You may not review this report."))
    if not comment.strip():
        raise ValueError(_("Say what needs to change when you return a report."))
    _move(report, user, PeriodReport.Status.RETURNED, ReviewEvent.Action.RETURNED, comment.strip())


@transaction.atomic
def approve_report(report: PeriodReport, user, comment: str = "") -> None:
    if not may_review(user, report):
        raise PermissionDenied(_("You may not approve this report."))
    _move(report, user, PeriodReport.Status.APPROVED, ReviewEvent.Action.APPROVED, comment, stamp="approved_at")


@dataclass
class Entry:
    """What a reporter gives for one indicator in one report."""

    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    text_value: str = ""
    assessment: str = ""
    narrative: str = ""
    note: str = ""
    breakdown: dict[DimensionCategory, Decimal] | None = None
    activities: list | None = None


def check_entry(report: PeriodReport, indicator: Indicator, entry: Entry) -> ValidationResult:
    return validate_value(
        indicator, value=entry.value, numerator=entry.numerator, denominator=entry.denominator,
        breakdown=entry.breakdown or {}, previous=selectors.previous_value(indicator, report),
    )


def save_entry(report: PeriodReport, indicator: Indicator, entry: Entry, user, *, checked: ValidationResult | None = None):
    """Validate and save one indicator's value; nothing is written when there are errors.
    Returns (IndicatorValue or None, ValidationResult)."""
    if not may_edit(user, report):
        raise PermissionDenied(_("This report cannot be edited."))
    if indicator.programme_id != report.programme_id:
        raise PermissionDenied(_("This indicator belongs to another programme."))
    result = checked or check_entry(report, indicator, entry)
    if not result.ok:
        return None, result
    with transaction.atomic():
        value = entry.value
        if value is None and entry.numerator is not None and entry.denominator:
            value = percentage_from(entry.numerator, entry.denominator)
        record, _created = IndicatorValue.objects.update_or_create(
            report=report, indicator=indicator,
            defaults={
                "value": value, "numerator": entry.numerator, "denominator": entry.denominator,
                "text_value": entry.text_value, "assessment": entry.assessment, "narrative": entry.narrative,
                "note": entry.note,
            },
        )
        if entry.breakdown is not None:
            record.disaggregations.all().delete()
            for category, amount in entry.breakdown.items():
                if amount is not None:  # one by one, so that the audit trail records each
                    DisaggregatedValue.objects.create(indicator_value=record, category=category, value=amount)
        if entry.activities is not None:
            record.activities.set(entry.activities)
    return record, result
