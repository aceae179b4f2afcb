"""Takedown and correction requests: the public form, the editors' queue and unpublishing at once."""

import pytest
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.caselaw.models import Case, TakedownRequest
from gloact.caselaw.privacy.takedown import find_case

from .factories import make_published_case

URL = reverse("privacy:takedown")


def form_data(**values):
    return {"case_reference": "", "kind": "takedown", "description": "Paragraph 2 names my sister.",
            "contact_email": "", "website": "", **values}


@pytest.mark.django_db
def test_the_form_is_public_and_labelled(client):
    html = client.get(URL).content.decode()
    for name in ("case_reference", "kind", "description", "contact_email"):
        assert f'<label for="id_{name}">' in html
    assert "<div class=\"form-row\" hidden>" in html  # the honeypot


@pytest.mark.django_db
def test_a_request_is_queued_with_a_receipt_and_linked_to_the_case(client):
    case = make_published_case()
    response = client.post(URL, form_data(case_reference=f"https://example.org/fr/cases/{case.public_id}/",
                                          contact_email="someone@example.org"), follow=True)
    request = TakedownRequest.objects.get()
    assert (request.case, request.status, request.contact_email) == (case, "received", "someone@example.org")
    assert request.receipt.startswith("TR-") and request.receipt in response.content.decode()


@pytest.mark.django_db
def test_robots_filling_the_honeypot_are_not_queued(client):
    response = client.post(URL, form_data(case_reference="MLI001", website="http://spam.example"), follow=True)
    assert response.status_code == 200
    assert not TakedownRequest.objects.exists()


@pytest.mark.django_db
def test_sizes_are_limited_and_required_fields_checked(client):
    response = client.post(URL, form_data(case_reference="x" * 501, description="y" * 5001, contact_email="no"))
    assert set(response.context["form"].errors) == {"case_reference", "description", "contact_email"}
    assert not TakedownRequest.objects.exists()


@pytest.mark.django_db
def test_find_case_accepts_ids_and_addresses():
    case = make_published_case()
    assert find_case(case.public_id.lower()) == case
    assert find_case(f"/ar/cases/{case.public_id}/?q=x") == case
    assert find_case("nothing here") is None


@pytest.mark.django_db
def test_an_editor_unpublishes_the_case_of_a_request_at_once(client):
    case = make_published_case()
    request = TakedownRequest.objects.create(case=case, case_reference=case.public_id, description="names")
    editor = make_user("editor1", "editor")
    client.force_login(editor)
    changelist = reverse("admin:caselaw_takedownrequest_changelist")
    assert request.receipt in client.get(changelist).content.decode()
    client.post(changelist, {"action": "unpublish_case_now", "_selected_action": [request.pk]})
    case.refresh_from_db()
    request.refresh_from_db()
    assert case.status == Case.Status.REMOVED
    assert (request.status, request.handled_by) == (TakedownRequest.Status.RESOLVED, editor)
    assert request.handled_at and "unpublished" in request.outcome_notes
    assert client.get(reverse("caselaw:case_detail", args=[case.public_id])).status_code == 404


@pytest.mark.django_db
def test_the_case_admin_action_unpublishes_now(client):
    case = make_published_case()
    client.force_login(make_user("editor1", "editor"))
    client.post(reverse("admin:caselaw_case_changelist"), {"action": "unpublish_now", "_selected_action": [case.pk]})
    case.refresh_from_db()
    assert case.status == Case.Status.REMOVED
    assert not Case.objects.published().filter(pk=case.pk).exists()


@pytest.mark.django_db
def test_practitioners_have_no_access_to_the_queue(client):
    client.force_login(make_user("reader", "practitioner"))
    response = client.get(reverse("admin:caselaw_takedownrequest_changelist"))
    assert response.status_code == 302
