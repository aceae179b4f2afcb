"""Reporting workflow: who may enter, submit, return and approve; approved reports lock."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.monitoring import workflow
from gloact.monitoring.models import DimensionCategory, IndicatorValue, PeriodReport, ReportLocked, ReviewEvent
from gloact.monitoring.selectors import visible_reports

from .factories import add_value, make_indicator, make_period, make_programme, make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    programme = make_programme()
    period = make_period(programme)
    indicator = make_indicator(programme, dimensions=["sex"])
    return programme, period, indicator


def female(amount):
    return {DimensionCategory.objects.get(dimension__code="sex", code="female"): Decimal(amount)}


def test_officer_enters_and_submits_then_manager_returns_and_approves(setup):
    programme, period, indicator = setup
    officer = make_user("officer", "programme_officer", ["MLI"])
    manager = make_user("manager", "programme_manager")
    report = workflow.open_report(programme, "MLI", period, officer)
    value, result = workflow.save_entry(report, indicator, workflow.Entry(value=Decimal(12), breakdown=female(5)), officer)
    assert result.ok and value.country_id == "MLI" and value.disaggregations.count() == 1
    workflow.submit_report(report, officer)
    assert not workflow.may_edit(officer, report)  # submitted: waiting for the manager

    with pytest.raises(ValueError):
        workflow.return_report(report, manager, "  ")  # a return needs a comment
    workflow.return_report(report, manager, "Split by sex is missing men.")
    assert report.status == PeriodReport.Status.RETURNED and workflow.may_edit(officer, report)
    workflow.save_entry(report, indicator, workflow.Entry(value=Decimal(12), breakdown=female(5)), officer)
    workflow.submit_report(report, officer)
    workflow.approve_report(report, manager)
    assert report.status == PeriodReport.Status.APPROVED
    assert list(report.events.values_list("action", flat=True)) == ["submitted", "returned", "submitted", "approved"]
    assert report.events.get(action=ReviewEvent.Action.RETURNED).comment == "Split by sex is missing men."


def test_invalid_values_are_not_saved(setup):
    programme, period, indicator = setup
    officer = make_user("officer", "programme_officer", ["MLI"])
    report = make_report(programme, period, "MLI")
    value, result = workflow.save_entry(report, indicator, workflow.Entry(value=Decimal(3), breakdown=female(5)), officer)
    assert value is None and not result.ok
    assert not IndicatorValue.objects.exists()


def test_approved_reports_are_locked(setup):
    programme, period, indicator = setup
    manager = make_user("manager", "programme_manager")
    report = make_report(programme, period, "MLI")
    value = add_value(report, indicator, 10, {"sex:female": 4}, approve=True)
    value.refresh_from_db()

    value.value = Decimal(11)
    with pytest.raises(ReportLocked):
        value.save()
    with pytest.raises(ReportLocked):
        value.disaggregations.first().save()
    with pytest.raises(ReportLocked):
        value.delete()
    with pytest.raises(PermissionDenied):
        workflow.save_entry(report, indicator, workflow.Entry(value=Decimal(11)), manager)
    with pytest.raises(PermissionDenied):
        workflow.submit_report(report, manager)
    assert IndicatorValue.objects.get(pk=value.pk).value == Decimal(10)


def test_the_entry_page_refuses_edits_after_approval(client, setup):
    programme, period, indicator = setup
    officer = make_user("officer", "programme_officer", ["MLI"])
    report = make_report(programme, period, "MLI")
    add_value(report, indicator, 10, approve=True)
    client.force_login(officer)
    url = reverse("monitoring:enter_value", args=[report.pk, indicator.pk])
    assert client.post(url, {"value": "99"}).status_code == 403
    assert IndicatorValue.objects.get(report=report).value == 10


def test_a_focal_point_enters_and_submits_but_cannot_approve(setup):
    programme, period, indicator = setup
    focal = make_user("focal", "focal_point", ["MLI"])
    report = workflow.open_report(programme, "MLI", period, focal)
    workflow.save_entry(report, indicator, workflow.Entry(value=Decimal(3)), focal)
    workflow.submit_report(report, focal)
    assert not workflow.may_review(focal, report)
    with pytest.raises(PermissionDenied):
        workflow.approve_report(report, focal)
    with pytest.raises(PermissionDenied):
        workflow.return_report(report, focal, "no")


def test_the_approve_button_is_refused_to_a_focal_point(client, setup):
    programme, period, _indicator = setup
    report = make_report(programme, period, "MLI", status=PeriodReport.Status.SUBMITTED)
    client.force_login(make_user("focal", "focal_point", ["MLI"]))
    assert client.post(reverse("monitoring:review", args=[report.pk]), {"decision": "approve"}).status_code == 403
    report.refresh_from_db()
    assert report.status == PeriodReport.Status.SUBMITTED


def test_an_officer_sees_and_edits_only_their_country(client, setup):
    programme, period, indicator = setup
    officer = make_user("officer", "programme_officer", ["MLI"])
    mali, niger = make_report(programme, period, "MLI"), make_report(programme, period, "NER")
    central = make_report(programme, period, None)
    assert list(visible_reports(officer, programme)) == [mali]
    assert not workflow.may_edit(officer, niger) and not workflow.may_edit(officer, central)
    with pytest.raises(PermissionDenied):
        workflow.open_report(programme, "NER", period, officer)
    with pytest.raises(PermissionDenied):
        workflow.save_entry(niger, indicator, workflow.Entry(value=Decimal(1)), officer)

    client.force_login(officer)
    assert client.get(reverse("monitoring:report", args=[mali.pk])).status_code == 200
    assert client.get(reverse("monitoring:report", args=[niger.pk])).status_code == 404
    assert client.post(reverse("monitoring:enter_value", args=[niger.pk, indicator.pk]), {"value": "1"}).status_code == 404
    page = client.get(reverse("monitoring:reports", args=[programme.code])).content.decode()
    assert "Mali" in page and "Niger" not in page


def test_only_the_manager_reviews(setup):
    programme, period, _indicator = setup
    report = make_report(programme, period, "MLI", status=PeriodReport.Status.SUBMITTED)
    assert workflow.may_review(make_user("manager", "programme_manager"), report)
    assert not workflow.may_review(make_user("officer", "programme_officer", ["MLI"]), report)


def test_pages_need_the_monitoring_permission(client, setup):
    programme, _period, _indicator = setup
    url = reverse("monitoring:dashboard", args=[programme.code])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(make_user("reader", "practitioner"))
    assert client.get(url).status_code == 403
