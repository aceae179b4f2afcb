"""Contributor network: cases submitted and published per contributor, collection tasks."""

import datetime

import pytest
from django.contrib.admin.sites import site
from django.urls import reverse
from django.utils import timezone

from gloact.accounts.tests.factories import make_user
from gloact.caselaw.models import Case, CaseContribution, CollectionTask, Contributor
from gloact.caselaw.network import contributor_rows
from gloact.core.models import Country

from .factories import make_case, make_jurisdiction

pytestmark = pytest.mark.django_db


def test_cases_submitted_published_and_acceptance_rate():
    account = make_user("clinic-account", "contributor")
    clinic = Contributor.objects.create(name="Synthetic Law Clinic", kind=Contributor.Kind.UNIVERSITY,
                                        country=Country.objects.get(iso3="MLI"), user=account)
    ngo = Contributor.objects.create(name="Synthetic NGO", kind=Contributor.Kind.NGO)
    published = make_case(status=Case.Status.PUBLISHED, created_by=account)
    make_case(status=Case.Status.IN_REVIEW, created_by=account)
    make_case(status=Case.Status.DRAFT, created_by=account)  # not submitted yet
    linked = make_case(status=Case.Status.WITHDRAWN)
    CaseContribution.objects.create(case=linked, contributor=clinic)
    CaseContribution.objects.create(case=published, contributor=clinic)  # counted once
    CaseContribution.objects.create(case=published, contributor=ngo)
    rows = {row.contributor.name: row for row in contributor_rows()}
    assert (rows["Synthetic Law Clinic"].submitted, rows["Synthetic Law Clinic"].published) == (3, 1)
    assert rows["Synthetic Law Clinic"].acceptance_percent == 33.3
    assert (rows["Synthetic NGO"].submitted, rows["Synthetic NGO"].acceptance_percent) == (1, 100.0)


def test_contributor_without_cases_has_no_rate():
    Contributor.objects.create(name="Synthetic Field Office", kind=Contributor.Kind.FIELD_OFFICE)
    row = contributor_rows()[0]
    assert (row.submitted, row.acceptance_percent) == (0, None)


def test_overdue_tasks():
    today = timezone.localdate()
    contributor = Contributor.objects.create(name="Synthetic Firm", kind=Contributor.Kind.LAW_FIRM)
    late = CollectionTask.objects.create(title="Late", contributor=contributor, deadline=today - datetime.timedelta(1))
    CollectionTask.objects.create(title="Done late", contributor=contributor, deadline=today - datetime.timedelta(1),
                                  status=CollectionTask.Status.DONE)
    CollectionTask.objects.create(title="Due today", contributor=contributor, deadline=today)
    assert list(CollectionTask.objects.overdue()) == [late]
    assert late.is_overdue()


def test_editors_list_and_assign_tasks(client):
    contributor = Contributor.objects.create(name="Synthetic University", kind=Contributor.Kind.UNIVERSITY)
    CollectionTask.objects.create(title="Old task", contributor=contributor, deadline=datetime.date(2020, 1, 1))
    url = reverse("editorial:tasks")
    client.force_login(make_user("contributor", "contributor"))
    assert client.get(url).status_code == 403
    editor = make_user("editor", "editor")
    client.force_login(editor)
    page = client.get(url).content.decode()
    assert 'class="overdue"' in page and "Old task" in page
    deadline = timezone.localdate() + datetime.timedelta(days=30)
    response = client.post(url, {"title": "Collect 2025 appeal decisions", "contributor": contributor.pk,
                                 "jurisdiction": make_jurisdiction("MLI").pk, "deadline": deadline.isoformat()})
    assert response.status_code == 302
    task = CollectionTask.objects.get(title="Collect 2025 appeal decisions")
    assert (task.assigned_by, task.deadline, task.status) == (editor, deadline, "open")
    assert client.get(reverse("editorial:contributors")).status_code == 200


def test_models_have_admin_pages_and_editors_may_use_them():
    editor = make_user("editor", "editor")
    for model in (Contributor, CollectionTask):
        assert model in site._registry
        assert editor.has_perm(f"caselaw.change_{model._meta.model_name}")
