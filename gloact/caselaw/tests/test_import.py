"""`gloact import-cases FILE`: validated first, then written all at once, or not at all."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from django.db import connection

from ..bulk import importer
from ..bulk.export import iter_case_records
from ..bulk.importer import _line_ranges, import_cases
from ..bulk.records import validate_record
from ..models import Case, CaseSequence, Person, PersonIdentity
from ..public import case_record
from ..search import reindex_all
from .factories import make_published_case
from .test_search import stored_documents

pytestmark = pytest.mark.django_db


def _record(**fields) -> dict:
    record = {
        "public_id": "MLI120",
        "title": "Synthetic imported case",
        "jurisdiction": {"code": "MLI"},
        "crime_types": ["crime.trafficking_in_persons"],
        "texts": {"summary": "Synthetic summary of imported facts."},
        "trafficking": {"acts": ["act.recruitment"], "means": ["means.deception"], "purposes": [], "scope": ""},
        "persons": [{"label": "D1", "role": "defendant", "age_band": "25-34"},
                    {"label": "V1", "role": "victim", "age_band": "12-17", "nationalities": ["NER"]}],
        "charges": [{"defendant": "D1", "charge": "Trafficking in persons", "verdict": "convicted",
                     "imprisonment_months": 48}],
        "proceedings": [{"court_name": "Synthetic Court", "court_level": "first_instance", "date": "2023-05-02",
                         "outcome": "conviction"}],
    }
    record.update(fields)
    return record


def _write(path, records) -> str:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _records() -> list[dict]:
    records = [case_record(case) for case in Case.objects.published().order_by("public_id")]
    for record in records:
        record.pop("updated_at")
    return records


def test_round_trip_reproduces_the_records(tmp_path):
    first = make_published_case(court_reference="SYN-1", is_landmark=True)
    first.translations.create(language="fr", title="Affaire synthétique", summary="Résumé.")
    make_published_case(court_reference="SYN-2", country="NER")
    path = tmp_path / "cases.jsonl"
    call_command("export_cases", output=str(path), stderr=io.StringIO())
    before = _records()
    Case.objects.all().delete()
    out = io.StringIO()
    call_command("import_cases", str(path), stdout=out, stderr=io.StringIO())
    assert "2 cases created" in out.getvalue()
    assert _records() == before
    assert not PersonIdentity.objects.exists()  # an import brings no identities


def test_new_cases_get_numbers_after_imported_ones(tmp_path):
    result = import_cases(_write(tmp_path / "a.jsonl", [_record(), _record(public_id=None, title="Synthetic B")]))
    assert result.ok and result.created == 2
    assert set(Case.objects.values_list("public_id", flat=True)) == {"MLI120", "MLI121"}
    assert CaseSequence.objects.get(jurisdiction__code="MLI").last_number == 121
    case = Case.objects.get(public_id="MLI120")
    assert case.status == Case.Status.PUBLISHED and case.published_at
    assert case.latest_proceeding.court_name == "Synthetic Court"
    victim = case.persons.get(role=Person.Role.VICTIM)
    assert victim.is_child and list(victim.nationalities.values_list("iso3", flat=True)) == ["NER"]
    assert case.charges.get().defendant.role == Person.Role.DEFENDANT


def test_bad_file_writes_nothing_and_names_line_and_field(tmp_path):
    make_published_case(court_reference="SYN-TAKEN")
    path = _write(tmp_path / "bad.jsonl", [
        _record(),
        "{not json",
        _record(public_id="MLI121", trafficking={"means": ["means.telepathy"]}),
        _record(public_id="MLI122", title=""),
        _record(public_id="MLI120", title="Synthetic duplicate"),
        _record(public_id="MLI123", court_reference="SYN-TAKEN"),
    ])
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_cases", path, stdout=io.StringIO(), stderr=err)
    report = err.getvalue().splitlines()
    assert report[0].startswith("line 2: (line): invalid JSON")
    assert "line 3 (MLI121): trafficking.means[0]: unknown term 'means.telepathy'" in report[1]
    assert report[2] == "line 4 (MLI122): title: is required"
    assert report[3] == "line 5 (MLI120): public_id: also given on line 1"
    assert report[4].startswith("line 6 (MLI123): court_reference: already used by case MLI")
    assert Case.objects.count() == 1


def test_a_large_file_is_checked_in_several_processes_with_the_same_result(tmp_path, monkeypatch):
    make_published_case(court_reference="SYN-TAKEN")
    lines = [_record(public_id=f"MLI{200 + n}", court_reference=f"SYN-{n}") for n in range(40)]
    lines[3] = "{not json"
    lines[7] = ""
    lines[11] = _record(public_id="MLI300", title="")
    lines[25] = _record(public_id="MLI201", court_reference="SYN-TAKEN")  # also on line 2
    lines[39] = _record(public_id="MLI301", court_reference="SYN-5")  # as line 6
    path = _write(tmp_path / "large.jsonl", lines)
    known = importer.KnownValues.load()
    serial = importer.validate_file(path, known)
    split = []
    monkeypatch.setattr(importer, "PARALLEL_VALIDATION_BYTES", 0)
    monkeypatch.setattr(importer, "_line_ranges", lambda *args: split.append(args) or _line_ranges(*args))
    assert importer.validate_file(path, known, processes=3) == serial
    assert split == [(path, 3)]  # three processes, each with its lines
    assert [str(error) for error in serial[0]] == [
        "line 4: (line): invalid JSON: unexpected character, expected a string key (column 2)",
        "line 12 (MLI300): title: is required",
        "line 26 (MLI201): public_id: also given on line 2",
        "line 26 (MLI201): court_reference: already used by case MLI001",
        "line 40 (MLI301): court_reference: also given on line 6",
    ]
    assert serial[1].count == 39


def test_bad_file_exits_non_zero_from_the_console(tmp_path, monkeypatch, capsys):
    from gloact import cli

    from django.db import connections

    path = _write(tmp_path / "bad.jsonl", [_record(title=None)])
    monkeypatch.setattr("sys.argv", ["gloact", "import-cases", path])
    # A command run from the console closes the connections when it ends; the test's must stay open.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    with pytest.raises(SystemExit) as exit:
        cli.main()
    assert exit.value.code == 1
    assert "line 1 (MLI120): title: is required" in capsys.readouterr().err
    assert not Case.objects.exists()


@pytest.mark.parametrize("field, value, message", [
    ("jurisdiction", {"code": "XXX"}, "jurisdiction.code: unknown jurisdiction 'XXX'"),
    ("public_id", "NER001", "public_id: does not start with the jurisdiction code MLI"),
    ("status", "lost", "status: unknown value 'lost'"),
    ("published_at", "yesterday", "published_at: must be an ISO 8601 date and time"),
    ("proceedings", [{"court_name": "C", "court_level": "first_instance", "date": "2023-13-45"}],
     "proceedings[0].date: must be an ISO 8601 date"),
    ("charges", [{"defendant": "V1", "charge": "Synthetic"}], "charges[0].defendant: 'V1' is not the label"),
    ("smuggling", {"route": {"origin": ["ZZZ"]}}, "smuggling.route.origin[0]: unknown country 'ZZZ'"),
    ("original_language", "tlh", "original_language: unknown value 'tlh'"),
])
def test_validation_messages(field, value, message):
    errors = validate_record(_record(**{field: value}))
    assert any(message in str(error) for error in errors), [str(e) for e in errors]


def test_valid_record_has_no_errors():
    assert validate_record(_record()) == []


def test_reimport_updates_in_place_and_keeps_identities(tmp_path):
    case = make_published_case()
    records = list(iter_case_records())
    records[0]["title"] = "Synthetic corrected title"
    records[0]["persons"][1]["sex"] = "other"
    result = import_cases(_write(tmp_path / "update.jsonl", records))
    assert (result.created, result.updated) == (0, 1)
    case.refresh_from_db()
    assert case.title == "Synthetic corrected title"
    victim = case.persons.filter(role=Person.Role.VICTIM).order_by("order", "pk").first()
    assert victim.sex == "other" and victim.identity.real_name == "Synthetic Person V01"
    assert case.charges.count() == 1
    again = import_cases(_write(tmp_path / "same.jsonl", list(iter_case_records())))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


def test_documented_example_is_a_valid_record(settings):
    from pathlib import Path

    text = (Path(settings.BASE_DIR) / "docs" / "case-format.md").read_text(encoding="utf-8")
    example = json.loads(text.split("```json\n", 1)[1].split("```", 1)[0])
    assert validate_record(example) == []


def _vectors_aside() -> int:
    """Vectors waiting to be copied into the index (PostgreSQL's bulk_indexer); none on SQLite."""
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM caselaw_search_aside")
        return cursor.fetchone()[0]


def _five_records() -> list[dict]:
    return [_record(public_id=f"MLI{120 + n}", title=f"Synthetic case {word}")
            for n, word in enumerate(("alpha", "bravo", "charlie", "delta", "echo"))]


def test_imported_cases_are_indexed_as_a_saved_case_is(tmp_path, monkeypatch):
    # Chunks of two: on PostgreSQL, a second connection makes the vectors of each chunk while the
    # next one is written; the import's transaction copies them into the index.
    monkeypatch.setattr(importer, "CHUNK_SIZE", 2)
    assert import_cases(_write(tmp_path / "five.jsonl", _five_records())).created == 5
    imported = stored_documents()
    assert len(imported) == 5 and _vectors_aside() == 0
    assert len(list(reindex_all())) == 5  # as `gloact reindex-cases` indexes them
    assert stored_documents() == imported


def test_an_import_failing_while_it_writes_indexes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK_SIZE", 2)
    charges, calls = importer._Writer._charges, []

    def failing(writer, *args):
        calls.append(1)
        if len(calls) == 3:  # the second chunk, its vectors being made and the first's not yet copied
            raise RuntimeError("synthetic failure")
        return charges(writer, *args)

    monkeypatch.setattr(importer._Writer, "_charges", failing)
    with pytest.raises(RuntimeError, match="synthetic failure"):
        import_cases(_write(tmp_path / "five.jsonl", _five_records()))
    assert not Case.objects.exists()
    assert stored_documents() == {} and _vectors_aside() == 0
