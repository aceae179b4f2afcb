"""Records pages: who may see what, the signed copy, status changes, import, merge, certificates."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.activities.models import Activity, Attendance, Participant, Workplan
from gloact.activities.tests.factories import make_activity, make_attendance, make_participant, make_workplan

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def records():
    mali, niger = make_workplan("MLI"), make_workplan("NER")
    return {
        "mali_workplan": mali, "niger_workplan": niger,
        "mali_activity": make_activity(mali, code="M1"), "niger_activity": make_activity(niger, code="N1"),
        "mali_person": make_participant("Awa", "Testone", country="MLI"),
        "niger_person": make_participant("Hadiza", "Testtwo", country="NER"),
    }


@pytest.fixture
def mali_focal_point(client):
    client.force_login(make_user("mali", "focal_point", ["MLI"]))
    return client


def test_anonymous_users_are_sent_to_log_in_and_others_refused(client, records):
    urls = [reverse("activities:index"), reverse("activities:workplans"), reverse("activities:participants"),
            reverse("activities:activity", args=[records["mali_activity"].pk]),
            reverse("activities:participant", args=[records["mali_person"].pk])]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url
    client.force_login(make_user("reader", "practitioner"))
    for url in urls:
        assert client.get(url).status_code == 403, url


def test_focal_point_sees_only_their_countrys_records(mali_focal_point, records):
    client = mali_focal_point
    for name, url in [("mali_workplan", "activities:workplan"), ("mali_activity", "activities:activity"),
                      ("mali_person", "activities:participant")]:
        assert client.get(reverse(url, args=[records[name].pk])).status_code == 200
    for name, url in [("niger_workplan", "activities:workplan"), ("niger_activity", "activities:activity"),
                      ("niger_person", "activities:participant"), ("niger_activity", "activities:activity_edit"),
                      ("niger_workplan", "activities:activity_create")]:
        assert client.get(reverse(url, args=[records[name].pk])).status_code == 404, name
    participants = client.get(reverse("activities:participants")).content.decode()
    assert "Testone" in participants and "Testtwo" not in participants
    workplans = client.get(reverse("activities:workplans")).content.decode()
    assert "Workplan MLI" in workplans and "Workplan NER" not in workplans
    # Nor can a Niger participant be added to a Malian activity.
    response = client.post(reverse("activities:attendance_add", args=[records["mali_activity"].pk]),
                           {"participant": records["niger_person"].pk, "role": "participant", "completed": "on"})
    assert response.status_code == 400 and not Attendance.objects.exists()


def test_pages_render_for_a_focal_point(mali_focal_point, records):
    make_attendance(records["mali_activity"], records["mali_person"])
    programme = records["mali_workplan"].programme
    for url in [reverse("activities:index"), reverse("activities:workplan_create"),
                reverse("activities:plan", args=[programme.code]), reverse("activities:duplicates"),
                reverse("activities:participant_create"),
                reverse("activities:attendance_import", args=[records["mali_activity"].pk]),
                reverse("activities:activity_edit", args=[records["mali_activity"].pk]),
                reverse("activities:workplan_edit", args=[records["mali_workplan"].pk])]:
        assert mali_focal_point.get(url).status_code == 200, url
    history = mali_focal_point.get(reverse("activities:participant", args=[records["mali_person"].pk])).content.decode()
    assert "Activity M1" in history
    template = mali_focal_point.get(reverse("activities:attendance_template"))
    assert template.status_code == 200 and template["Content-Disposition"].startswith("attachment")


def _workplan_data(programme, **extra):
    return {"programme": programme.pk, "country": "MLI", "kind": "six_monthly", "title": "Mali 2020 H1",
            "start": "2020-01-01", "end": "2020-06-30", **extra}


def test_signed_copy_must_be_a_pdf_and_is_served_as_attachment(mali_focal_point, records, client):
    programme = records["mali_workplan"].programme
    url = reverse("activities:workplan_create")
    fake = SimpleUploadedFile("signed.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    response = mali_focal_point.post(url, _workplan_data(programme, signed_copy=fake))
    assert response.status_code == 200 and "not PDF" in response.content.decode()
    word = SimpleUploadedFile("signed.docx", b"PK\x03\x04")
    assert mali_focal_point.post(url, _workplan_data(programme, signed_copy=word)).status_code == 200
    assert not Workplan.objects.filter(title="Mali 2020 H1").exists()
    # A scoped user cannot file a workplan under another country either.
    response = mali_focal_point.post(url, _workplan_data(programme, country="NER"))
    assert response.status_code == 200 and not Workplan.objects.filter(title="Mali 2020 H1").exists()

    response = mali_focal_point.post(url, _workplan_data(programme, signed_copy=SimpleUploadedFile("Signed copy.pdf", PDF)))
    workplan = Workplan.objects.get(title="Mali 2020 H1")
    assert response.status_code == 302 and workplan.signed_copy_name == "Signed copy.pdf"
    assert "Signed copy" not in workplan.signed_copy.name  # stored under a random name
    download = mali_focal_point.get(reverse("activities:workplan_signed_copy", args=[workplan.pk]))
    assert download["Content-Disposition"].startswith("attachment") and b"".join(download.streaming_content) == PDF
    assert download["Cache-Control"] == "private, no-store"
    client.force_login(make_user("niger", "focal_point", ["NER"]))
    assert client.get(reverse("activities:workplan_signed_copy", args=[workplan.pk])).status_code == 404


def _activity_data(**extra):
    return {"code": "M9", "title": "Training of labour inspectors", "kind": "training", "crime_scope": "tip",
            "in_capital": "false", "planned_start": "2020-04-01", "planned_end": "2020-04-03", "status": "planned",
            "currency": "EUR", "language": "fr", "location": "Kayes", **extra}


def test_activity_created_and_cancelled_only_with_a_reason(mali_focal_point, records):
    workplan = records["mali_workplan"]
    response = mali_focal_point.post(reverse("activities:activity_create", args=[workplan.pk]), _activity_data())
    activity = Activity.objects.get(code="M9")
    assert response.status_code == 302 and activity.country_id == "MLI" and activity.in_capital is False
    edit = reverse("activities:activity_edit", args=[activity.pk])
    response = mali_focal_point.post(edit, _activity_data(status="cancelled"))
    assert response.status_code == 200 and "Say why the activity was cancelled." in response.content.decode()
    mali_focal_point.post(edit, _activity_data(status="cancelled", cancellation_reason="Floods closed the road"))
    activity.refresh_from_db()
    assert activity.status == "cancelled" and activity.cancellation_reason == "Floods closed the road"
    duplicate = mali_focal_point.post(reverse("activities:activity_create", args=[workplan.pk]), _activity_data())
    assert "Another activity of this workplan has this code." in duplicate.content.decode()


def test_import_through_the_page(mali_focal_point, records):
    activity = records["mali_activity"]
    Participant.objects.filter(pk=records["mali_person"].pk).update(email="awa@example.org")
    url = reverse("activities:attendance_import", args=[activity.pk])
    header = "given_name,family_name,sex,institution,institution_type,email,consent\n"
    bad = SimpleUploadedFile("sheet.csv", (header + "Awa,Testone,F,Police,police,awa@example.org,yes\n"
                                           "Kadi,,F,Police,police,,yes\n").encode())
    response = mali_focal_point.post(url, {"file": bad})
    page = response.content.decode()
    assert response.status_code == 400 and "nothing was imported" in page and "<td>3</td><td>family_name</td>" in page
    assert Participant.objects.count() == 2 and not Attendance.objects.exists()
    good = SimpleUploadedFile("sheet.csv", (header + "Awa,Testone,F,Police,police,awa@example.org,yes\n"
                                            "Kadi,Testthree,F,Police,police,,yes\n").encode())
    response = mali_focal_point.post(url, {"file": good}, follow=True)
    assert "2 attendances added: 1 new participants, 1 matched in the registry." in response.content.decode()
    assert activity.attendances.count() == 2


def test_merge_through_the_pages(mali_focal_point, records):
    kept = records["mali_person"]
    merged = make_participant("Awa", "Test-One", country="MLI")
    make_attendance(records["mali_activity"], merged)
    duplicates = mali_focal_point.get(reverse("activities:duplicates")).content.decode()
    assert reverse("activities:merge", args=[kept.pk, merged.pk]) in duplicates
    url = reverse("activities:merge", args=[kept.pk, merged.pk])
    assert mali_focal_point.post(url, {}).status_code == 200  # not confirmed
    response = mali_focal_point.post(url, {"confirm": "on"})
    assert response.status_code == 302
    assert kept.attendances.count() == 1
    old_page = mali_focal_point.get(reverse("activities:participant", args=[merged.pk]))
    assert old_page.status_code == 302 and old_page["Location"] == reverse("activities:participant", args=[kept.pk])
    assert "Test-One" not in mali_focal_point.get(reverse("activities:participants")).content.decode()
    niger = records["niger_person"]
    assert mali_focal_point.get(reverse("activities:merge", args=[kept.pk, niger.pk])).status_code == 404


def test_certificates_downloaded_by_permitted_users(mali_focal_point, records, client):
    activity = records["mali_activity"]
    activity.status, activity.actual_start = Activity.Status.DELIVERED, date(2020, 3, 2)
    activity.save()
    attendance = make_attendance(activity, records["mali_person"])
    response = mali_focal_point.get(reverse("activities:certificate", args=[attendance.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert attendance.certificate_number in response["Content-Disposition"]
    event = mali_focal_point.get(reverse("activities:event_certificates", args=[activity.pk]))
    assert event.status_code == 200 and event["Content-Type"] == "application/pdf"
    client.force_login(make_user("niger", "focal_point", ["NER"]))
    assert client.get(reverse("activities:certificate", args=[attendance.pk])).status_code == 404
