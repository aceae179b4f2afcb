"""`gloact export-cases`: JSONL and CSV of published cases, written atomically."""

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from django.core.management import call_command

from ..bulk import export
from ..bulk.export import CSV_COLUMNS, export_cases
from ..models import Case
from .factories import make_case, make_published_case

pytestmark = pytest.mark.django_db


def test_jsonl_export_has_one_published_case_per_line(tmp_path):
    first, second = make_published_case(title="Synthetic café case"), make_published_case()
    make_case(title="Synthetic draft")
    path = tmp_path / "cases.jsonl"
    call_command("export_cases", output=str(path), stderr=io.StringIO())
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["public_id"] for r in records] == sorted([first.public_id, second.public_id])
    assert "Synthetic café case" in path.read_text(encoding="utf-8")  # UTF-8, not \\u escapes


def test_csv_export_flattens_lists(tmp_path):
    case = make_published_case()
    case.tip_acts.add(Case.tip_acts.field.related_model.objects.get(code="act.harbouring"))
    path = tmp_path / "cases.csv"
    call_command("export_cases", output=str(path), format="csv", stderr=io.StringIO())
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0]) == [column for column, _value in CSV_COLUMNS]
    assert rows[0]["tip_acts"] == "act.harbouring; act.recruitment"
    assert rows[0]["defendants"] == "1" and rows[0]["child_victims"] == "1" and rows[0]["adult_victims"] == "1"
    assert rows[0]["charges"] == "D1: Trafficking in persons (convicted, 60 months)"
    assert "Synthetic Person" not in path.read_text(encoding="utf-8")


def test_export_to_stdout():
    case = make_published_case()
    out = io.StringIO()
    call_command("export_cases", stdout=out)
    assert out.getvalue().count("\n") == 1
    assert json.loads(out.getvalue())["public_id"] == case.public_id


def test_interrupted_export_leaves_the_previous_file(tmp_path, monkeypatch):
    make_published_case()
    path = tmp_path / "cases.jsonl"
    path.write_text("previous\n", encoding="utf-8")

    def broken(records, stream):
        stream.write("half a line")
        raise RuntimeError("interrupted")

    monkeypatch.setitem(export.WRITERS, "jsonl", broken)
    with pytest.raises(RuntimeError):
        export_cases(path, "jsonl")
    assert path.read_text(encoding="utf-8") == "previous\n"
    assert os.listdir(tmp_path) == ["cases.jsonl"]  # no temporary file left behind


def test_console_command_accepts_hyphens():
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from gloact.cli import main; sys.argv = ['gloact', 'export-cases', "
         "'--help']; main()"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "--format" in result.stdout


def test_every_csv_column_is_documented(settings):
    from pathlib import Path

    text = (Path(settings.BASE_DIR) / "docs" / "case-format.md").read_text(encoding="utf-8")
    csv_section = text.split("## CSV columns", 1)[1].split("## ", 1)[0]
    assert [c for c, _value in CSV_COLUMNS if f"`{c}`" not in csv_section] == []
