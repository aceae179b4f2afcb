"""The editors' privacy check page, the admin's publication guard, and restricted original files."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.caselaw.models import Case, Person, PersonIdentity, PrivacyFindingDismissal, RestrictedAccessLog, Source

from .factories import make_case, make_person
from .test_admin import _post_data

SECRET = "Zorbulak Quenthifar"


@pytest.fixture
def case(db):
    case = make_case(summary=f"{SECRET} was recruited; call +223 76 12 34 56.", status=Case.Status.IN_REVIEW)
    victim = make_person(case, Person.Role.VICTIM, age=30)
    PersonIdentity.objects.create(person=victim, real_name=SECRET, aliases="Qx-Velmora")
    return case


@pytest.fixture
def editor(db):
    return make_user("editor1", "editor")


def check_url(case):
    return reverse("privacy:check", args=[case.public_id])


@pytest.mark.django_db
def test_only_staff_who_may_change_cases_open_the_check(client, case):
    assert client.get(check_url(case)).status_code == 302  # to the login page
    client.force_login(make_user("reader", "practitioner"))
    assert client.get(check_url(case)).status_code == 403
    client.force_login(make_user("other", "focal_point", ["NER"]))  # staff, without change_case
    assert client.get(check_url(case)).status_code == 403
    scoped = make_user("scoped", "focal_point", ["NER"])
    scoped.user_permissions.add(Permission.objects.get(codename="change_case"))
    client.force_login(scoped)
    assert client.get(check_url(case)).status_code == 404  # a Mali case, outside the user's countries


@pytest.mark.django_db
def test_the_editor_sees_each_finding_with_its_context_and_the_showing_is_logged(client, case, editor):
    client.force_login(editor)
    response = client.get(check_url(case))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<mark>{SECRET}</mark> was recruited" in html
    assert "<mark>+223 76 12 34 56</mark>" in html
    assert 'value="redact_all"' in html and 'value="dismiss"' in html
    log = RestrictedAccessLog.objects.get()
    assert (log.user, log.case) == (editor, case)


@pytest.mark.django_db
def test_redact_all_in_one_click(client, case, editor):
    client.force_login(editor)
    response = client.post(check_url(case), {"action": "redact_all"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.summary == "V1 was recruited; call [redacted]."
    assert "No finding" in client.get(check_url(case)).content.decode()


@pytest.mark.django_db
def test_one_finding_redacted_and_another_dismissed(client, case, editor):
    client.force_login(editor)
    name, phone = client.get(check_url(case)).context["rows"]
    client.post(check_url(case), {"action": "redact", "key": name[1].key})
    client.post(check_url(case), {"action": "dismiss", "key": phone[1].key})
    case.refresh_from_db()
    assert case.summary == "V1 was recruited; call +223 76 12 34 56."
    assert PrivacyFindingDismissal.objects.get().dismissed_by == editor
    assert client.get(check_url(case)).context["rows"] == []


@pytest.mark.django_db
def test_the_check_refuses_posts_without_a_csrf_token(case, editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(check_url(case), {"action": "redact_all"}).status_code == 403
    case.refresh_from_db()
    assert SECRET in case.summary


@pytest.mark.django_db
def test_the_admin_will_not_publish_a_case_with_unresolved_findings(client, case, editor):
    client.force_login(editor)
    url = reverse("admin:caselaw_case_change", args=[case.pk])
    page = client.get(url)
    assert check_url(case) in page.content.decode()  # the case page links to the check
    data = _post_data(page.context)
    data["status"] = "published"
    response = client.post(url, data, follow=True)
    case.refresh_from_db()
    assert case.status == Case.Status.IN_REVIEW and case.published_at is None
    assert "privacy finding" in response.content.decode()

    client.post(check_url(case), {"action": "redact_all"})
    data = _post_data(client.get(url).context)
    data["status"] = "published"
    client.post(url, data)
    case.refresh_from_db()
    assert case.status == Case.Status.PUBLISHED


@pytest.mark.django_db
def test_a_published_case_that_gains_a_name_in_the_admin_goes_back_to_review(client, case, editor):
    Case.objects.filter(pk=case.pk).update(summary="V1 was recruited.", status=Case.Status.PUBLISHED)
    client.force_login(editor)
    url = reverse("admin:caselaw_case_change", args=[case.pk])
    data = _post_data(client.get(url).context)
    data["reasoning"] = "The court believed Quenthifar."
    client.post(url, data)
    case.refresh_from_db()
    assert case.status == Case.Status.IN_REVIEW


@pytest.fixture
def source_with_file(case, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    source = Source(case=case, kind=Source.Kind.DECISION, title="Decision")
    source.file.save("decision.txt", ContentFile(f"Judgment naming {SECRET}".encode()), save=False)
    source.save()
    return source


@pytest.mark.django_db
def test_original_files_are_downloaded_by_permitted_staff_only_and_logged(client, source_with_file, editor):
    url = reverse("privacy:original_file", args=[source_with_file.pk])
    assert client.get(url).status_code == 302
    contributor = make_user("contrib", "contributor")
    client.force_login(contributor)
    assert client.get(url).status_code == 403
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert SECRET in b"".join(response.streaming_content).decode()
    assert "attachment" in response["Content-Disposition"]
    assert RestrictedAccessLog.objects.filter(user=editor, case=source_with_file.case).count() == 1


@pytest.mark.django_db
def test_uploaded_files_are_not_served_from_media(client, source_with_file):
    assert source_with_file.file.name.startswith("caselaw/sources/")
    assert client.get(f"/media/{source_with_file.file.name}").status_code == 404
    client.force_login(make_user("reader", "practitioner"))
    assert client.get(f"/media/{source_with_file.file.name}").status_code == 404
