"""The public download files: regenerated after published cases change, served as attachments."""

import json
from contextlib import contextmanager

import pytest
from django.db import connection
from django.urls import reverse

from ..bulk.downloads import download_path
from ..models import Case, DailyCount
from .factories import make_case, make_published_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks of the block, as a commit would, and forget them: the test's
    own transaction never commits, so they would otherwise stay registered."""

    @contextmanager
    def committed():
        start = len(connection.run_on_commit)
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks
        del connection.run_on_commit[start:]

    return committed


def regenerations(callbacks) -> list:
    """The download regenerations among a block's on-commit callbacks (other modules, such as the
    search facet cache, register their own)."""
    return [c for c in callbacks if getattr(c, "__name__", "") == "_enqueue_regeneration"]


def _jsonl_ids() -> list[str]:
    return [json.loads(line)["public_id"] for line in download_path("jsonl").read_text(encoding="utf-8").splitlines()]


def test_publishing_regenerates_the_files_once_per_transaction(commit):
    with commit() as callbacks:
        case = make_published_case()
        case.title = "Synthetic retitled case"
        case.save()
    assert len(regenerations(callbacks)) == 1
    assert _jsonl_ids() == [case.public_id]
    assert "Synthetic retitled case" in download_path("csv").read_text(encoding="utf-8")


def test_unpublishing_and_deleting_regenerate(commit):
    with commit():
        case, other = make_published_case(), make_published_case()
    with commit():
        case = Case.objects.get(pk=case.pk)
        case.status = Case.Status.WITHDRAWN
        case.save()
    assert _jsonl_ids() == [other.public_id]
    with commit():
        Case.objects.get(pk=other.pk).delete()
    assert _jsonl_ids() == []


def test_drafts_do_not_regenerate(commit):
    with commit() as callbacks:
        make_case(title="Synthetic draft")
    assert regenerations(callbacks) == []


def test_download_is_an_attachment_and_counted(client):
    case = make_published_case()
    response = client.get(reverse("downloads:file", args=["jsonl"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="gloact-cases.jsonl"'
    assert json.loads(b"".join(response.streaming_content))["public_id"] == case.public_id
    response = client.get(reverse("downloads:file", args=["csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert DailyCount.objects.filter(kind=DailyCount.Kind.DOWNLOAD, detail="csv").get().count == 1
    assert client.get(reverse("downloads:file", args=["xml"])).status_code == 404
    assert client.post(reverse("downloads:file", args=["csv"])).status_code == 405


def test_downloads_page_explains_formats_and_licence(client):
    from ..bulk.downloads import regenerate_download_files

    make_published_case()
    assert regenerate_download_files() == {"jsonl": 1, "csv": 1}
    response = client.get(reverse("downloads:page"))
    assert response.status_code == 200
    content = response.content.decode()
    assert reverse("downloads:file", args=["jsonl"]) in content
    assert reverse("downloads:file", args=["csv"]) in content
    assert "CC BY 4.0" in content and "docs/case-format.md" in content
    assert "<code>tip_means</code>" in content
    assert content.count(", updated ") == 2  # size and date of each file
