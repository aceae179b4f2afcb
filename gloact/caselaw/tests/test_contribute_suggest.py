"""The public "suggest a case" form, its spam protection, and the editors' moderation queue."""

import datetime
import os
import re

import pytest
from django.core.cache import cache
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gloact.accounts.tests.factories import make_user

from ..models import Case, CaseSuggestion, Source
from ..uploads import MAX_DECISION_FILE_BYTES
from .factories import make_case, make_published_case
from .test_contribute_uploads import PDF, PNG

pytestmark = pytest.mark.django_db
URL = "/contribute/suggest/"


@pytest.fixture(autouse=True)
def media_and_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield settings.MEDIA_ROOT
    cache.clear()


def stored_files(root) -> list[str]:
    return [os.path.join(d, f) for d, _dirs, files in os.walk(root) for f in files]


def suggestion_data(**extra):
    data = {
        "country": "MLI", "court": "Demo Regional Court (synthetic)", "decision_date": "2023-05-12",
        "what_happened": "Two young women were recruited with false job offers and exploited as domestic workers.",
        "link": "https://example.org/decision", "contact": "", "website": "",
    }
    data.update(extra)
    return data


def test_a_visitor_suggests_a_case_and_gets_a_receipt(client):
    assert client.get(URL).status_code == 200
    response = client.post(URL, suggestion_data(), REMOTE_ADDR="203.0.113.7", follow=True)
    suggestion = CaseSuggestion.objects.get()
    assert re.fullmatch(r"S-\d{4}-[A-Z2-9]{6}", suggestion.receipt)
    assert suggestion.receipt in response.content.decode()
    assert suggestion.status == CaseSuggestion.Status.NEW
    # Only a salted hash of the address is kept.
    assert len(suggestion.ip_hash) == 64 and "203.0.113.7" not in suggestion.ip_hash
    assert not CaseSuggestion.objects.filter(ip_hash__contains="203.0.113").exists()


def test_an_uploaded_decision_is_stored_with_its_type_and_digest(client, media_and_cache):
    upload = SimpleUploadedFile("decision.pdf", PDF, content_type="application/pdf")
    response = client.post(URL, suggestion_data(link="", file=upload))
    assert response.status_code == 302
    suggestion = CaseSuggestion.objects.get()
    assert suggestion.file_type == "pdf" and len(suggestion.sha256) == 64
    assert len(stored_files(media_and_cache)) == 1


def test_a_link_or_a_file_is_needed(client):
    response = client.post(URL, suggestion_data(link=""))
    assert "Give a link to the decision or upload it." in response.content.decode()
    assert not CaseSuggestion.objects.exists()


def test_the_honeypot_rejects_bots(client):
    response = client.post(URL, suggestion_data(website="http://spam.example"))
    assert response.status_code == 400
    assert not CaseSuggestion.objects.exists()


def test_the_sixth_suggestion_in_an_hour_from_one_address_is_refused(client):
    for _ in range(5):
        assert client.post(URL, suggestion_data(), REMOTE_ADDR="198.51.100.4").status_code == 302
    response = client.post(URL, suggestion_data(), REMOTE_ADDR="198.51.100.4")
    assert response.status_code == 429
    assert "Too many suggestions" in response.content.decode()
    assert CaseSuggestion.objects.count() == 5
    # Another address is not affected.
    assert client.post(URL, suggestion_data(), REMOTE_ADDR="198.51.100.5").status_code == 302


def test_the_text_is_size_limited(client):
    response = client.post(URL, suggestion_data(what_happened="x" * 3001))
    assert response.status_code == 200 and not CaseSuggestion.objects.exists()
    assert "at most 3000 characters" in response.content.decode()


@pytest.mark.parametrize("name,content,message", [
    ("decision.pdf", PNG, "PNG image"),
    ("x.pdf", b"plain text named like a PDF", "its content is plain text, not PDF"),
    ("decision.pdf", PDF[:30], "damaged or incomplete"),
    ("decision.pdf", b"", "empty"),
    ("decision.pdf", PDF + b"0" * MAX_DECISION_FILE_BYTES, "too large"),
])
def test_bad_uploads_are_refused_and_leave_nothing_behind(client, media_and_cache, name, content, message):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = client.post(URL, suggestion_data(link="", file=upload))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CaseSuggestion.objects.exists()
    assert stored_files(media_and_cache) == []


def test_editors_convert_a_suggestion_into_a_draft_case(client, media_and_cache):
    client.post(URL, suggestion_data(file=SimpleUploadedFile("decision.pdf", PDF)))
    suggestion = CaseSuggestion.objects.get()
    editor = make_user("edgar", "editor")
    client.force_login(editor)
    queue = client.get(reverse("contribute:suggestion_queue"))
    assert suggestion.receipt in queue.content.decode()
    response = client.post(reverse("contribute:suggestion_detail", args=[suggestion.pk]), {"action": "convert"})

    case = Case.objects.get()
    assert response.url == reverse("contribute:edit", args=[case.public_id])
    assert case.status == Case.Status.DRAFT and case.created_by == editor
    assert case.jurisdiction.code == "MLI" and case.summary.startswith("Two young women")
    proceeding = case.proceedings.get()
    assert proceeding.court_name == "Demo Regional Court (synthetic)"
    assert proceeding.date == datetime.date(2023, 5, 12)
    assert set(case.sources.values_list("kind", flat=True)) == {Source.Kind.EXTERNAL_URL, Source.Kind.DECISION}
    assert case.sources.get(kind=Source.Kind.DECISION).sha256 == suggestion.sha256
    suggestion.refresh_from_db()
    assert suggestion.status == CaseSuggestion.Status.CONVERTED and suggestion.case == case
    assert case.versions.count() == 1

    # A converted suggestion cannot be converted twice.
    client.post(reverse("contribute:suggestion_detail", args=[suggestion.pk]), {"action": "convert"})
    assert Case.objects.count() == 1


def test_editors_reject_a_suggestion(client):
    client.post(URL, suggestion_data())
    suggestion = CaseSuggestion.objects.get()
    client.force_login(make_user("edgar", "editor"))
    client.post(reverse("contribute:suggestion_detail", args=[suggestion.pk]), {"action": "reject", "note": "Not TIP."})
    suggestion.refresh_from_db()
    assert suggestion.status == CaseSuggestion.Status.REJECTED and suggestion.moderator_note == "Not TIP."
    assert not Case.objects.exists()


def test_only_editors_see_the_suggestions(client, media_and_cache):
    client.post(URL, suggestion_data(file=SimpleUploadedFile("decision.pdf", PDF)))
    suggestion = CaseSuggestion.objects.get()
    pages = [reverse("contribute:suggestion_queue"), reverse("contribute:suggestion_detail", args=[suggestion.pk]),
             reverse("contribute:suggestion_file", args=[suggestion.pk]), "/admin/caselaw/casesuggestion/"]
    for page in pages:
        assert client.get(page).status_code == 302  # anonymous: to the login page
    for role in ("contributor", "practitioner"):
        client.force_login(make_user(role, role))
        for page in pages[:3]:
            assert client.get(page).status_code == 403
    client.force_login(make_user("edgar", "editor"))
    for page in pages:
        assert client.get(page).status_code == 200
    download = client.get(pages[2])
    assert download["Content-Disposition"].startswith("attachment") and b"".join(download.streaming_content) == PDF


@pytest.mark.parametrize("published", [True, False])
def test_a_decision_the_database_already_holds_is_not_taken_again(client, media_and_cache, published):
    case = make_published_case() if published else make_case(title="Draft under work")
    Source.objects.create(case=case, kind=Source.Kind.DECISION, file=SimpleUploadedFile("held.pdf", PDF))
    response = client.post(URL, suggestion_data(link="", file=SimpleUploadedFile("decision.pdf", PDF)))
    page = response.content.decode()
    assert response.status_code == 200 and not CaseSuggestion.objects.exists()
    if published:
        assert f"already in the database as case {case.public_id}" in page
    else:  # a draft's number and title are not public
        assert "The editors already have this decision" in page
        assert case.public_id not in page and "Draft under work" not in page
    assert len(stored_files(media_and_cache)) == 1  # only the source's own file


def test_editors_are_told_of_a_new_suggestion_in_their_language(client, django_capture_on_commit_callbacks):
    french = make_user("edith", "editor", email="edith@example.org")
    french.profile.language = "fr"
    french.profile.save()
    make_user("edgar", "editor", email="edgar@example.org")
    make_user("carla", "contributor", email="carla@example.org")
    make_user("nomail", "editor")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, suggestion_data(contact="visitor@example.net"))
    suggestion = CaseSuggestion.objects.get()
    mails = {m.to[0]: m for m in mail.outbox}
    assert sorted(mails) == ["edgar@example.org", "edith@example.org"]
    for message in mails.values():
        assert suggestion.receipt in message.subject
        assert reverse("contribute:suggestion_detail", args=[suggestion.pk]) in message.body
        # The visitor's account and contact stay behind the editors' login.
        assert "Two young women" not in message.body and "visitor@example.net" not in message.body
    assert "May 12, 2023" in mails["edgar@example.org"].body
    assert "12 mai 2023" in mails["edith@example.org"].body
