"""`gloact import-sherloc`: the SHERLOC case index as index-only, searchable, facetable cases.

The files are UNODC's and stay in ../shared/data/sherloc: these tests read them there and are
skipped (by the shared_data fixture) where that folder is absent."""

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from ..bulk.sherloc import CASES_FILE, LABELS_FILE, ONTOLOGY_FILE, SUMMARIES_FILE, element_ids, import_sherloc
from ..models import Case, Source
from ..search import CaseQuery, search_cases
from ..vocabularies import SHERLOC_ELEMENTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def sherloc(shared_data) -> Path:
    return Path(shared_data) / "sherloc"


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _case(url: str) -> Case:
    return Source.objects.get(kind=Source.Kind.EXTERNAL_URL, url=url).case


def test_every_ontology_element_has_a_term(sherloc):
    assert set(element_ids(sherloc)) == set(SHERLOC_ELEMENTS)


def test_imports_every_case_with_labels_and_summaries(sherloc):
    result = import_sherloc(sherloc)
    distinct_urls = {row["canonical_url"] for row in _rows(sherloc / CASES_FILE)}
    assert result.skipped == []
    assert result.created == len(distinct_urls) == Case.objects.published().count()
    assert not Case.objects.filter(is_synthetic=True).exists()
    assert not Case.objects.exclude(why_included="").exists()

    labels = _rows(sherloc / LABELS_FILE)
    for row in (labels[0], labels[len(labels) // 2], labels[-1]):
        case = _case(row["canonical_url"])
        expected = {SHERLOC_ELEMENTS[e] for e in SHERLOC_ELEMENTS if row[e] == "1"}
        found = {t.code for field in ("tip_acts", "tip_means", "tip_purposes") for t in getattr(case, field).all()}
        assert found == expected, row["canonical_url"]

    with_year = next(r for r in _rows(sherloc / CASES_FILE) if re.search(r"/\d{4}/[^/]+$", r["canonical_url"]))
    case = _case(with_year["canonical_url"])
    year = re.search(r"/(\d{4})/[^/]+$", with_year["canonical_url"])[1]
    assert case.title == " ".join(with_year["case_title"].split())
    assert case.latest_proceeding.date.isoformat() == f"{year}-01-01"
    assert "Year of the decision only" in case.latest_proceeding.decision_text

    # A summary is searchable, and the index-only cases are facetable.
    summary_row = _rows(sherloc / SUMMARIES_FILE)[0]
    case = _case(summary_row["canonical_url"])
    assert case.summary == summary_row["fact_summary"].strip() and case.original_language == "en"
    words = sorted(set(re.findall(r"[A-Za-z]{9,}", summary_row["fact_summary"])), key=len)[-2:]
    hits = search_cases(CaseQuery(text=" ".join(words)), "en", limit=50).hits
    assert case.pk in [hit.case.pk for hit in hits]
    means = CaseQuery(filters={"means": ("means.deception",), "jurisdiction": (case.jurisdiction.code,)})
    deceived = {hit.case.pk for hit in search_cases(means, "en", limit=500).hits}
    assert deceived == set(Case.objects.filter(tip_means__code="means.deception",
                                               jurisdiction=case.jurisdiction).values_list("pk", flat=True))


def test_running_again_updates_without_duplicates(sherloc, tmp_path):
    for name in (LABELS_FILE, SUMMARIES_FILE, ONTOLOGY_FILE):
        shutil.copy(sherloc / name, tmp_path / name)
    with (sherloc / CASES_FILE).open(encoding="utf-8", newline="") as source:
        lines = source.readlines()
    (tmp_path / CASES_FILE).write_text("".join(lines[:31]), encoding="utf-8")  # header and 30 cases

    out = io.StringIO()
    call_command("import_sherloc", str(tmp_path), stdout=out, stderr=io.StringIO())
    assert "30 cases created" in out.getvalue()
    ids = set(Case.objects.values_list("public_id", flat=True))
    changed = Case.objects.order_by("pk").first()
    Case.objects.filter(pk=changed.pk).update(title="Synthetic edited title")

    second = import_sherloc(tmp_path)
    assert (second.created, second.updated, second.unchanged) == (0, 1, 29)
    assert set(Case.objects.values_list("public_id", flat=True)) == ids
    changed.refresh_from_db()
    assert changed.title != "Synthetic edited title"
    assert Source.objects.count() == 30


def test_missing_folder_is_reported(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not found"):
        call_command("import_sherloc", str(tmp_path / "absent"), stdout=io.StringIO(), stderr=io.StringIO())
