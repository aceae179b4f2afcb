"""The import's INSERTs (bulk/inserts.py): on SQLite, many rows a statement, written by a second thread."""

import contextlib
import sys
import threading

import pytest
from django.db import IntegrityError, connection

from ..bulk import importer, inserts
from ..bulk.export import iter_case_records
from ..bulk.importer import import_cases
from ..bulk.tables import Table
from ..models import Case
from .factories import make_published_case
from .test_import import _five_records, _records, _write
from .test_search import stored_documents

pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif("connection.vendor != 'sqlite'", reason="PostgreSQL imports with COPY, in this thread")


@contextlib.contextmanager
def _inserts_seen():
    """The names of the threads that INSERT into the tables of the cases and their search index."""
    threads = []
    raw = connection.connection
    raw.set_trace_callback(lambda sql: threads.append(threading.current_thread().name)
                           if sql.startswith(('INSERT INTO "caselaw_case" ', 'INSERT INTO "caselaw_case_fts"')) else None)
    try:
        yield threads
    finally:
        raw.set_trace_callback(None)


def _insert_sizes(monkeypatch) -> dict[str, list[int]]:
    """Table -> the number of rows of each INSERT of many rows made for it from now on."""
    sizes, make = {}, inserts._insert_sql

    def recording(table, names, width, rows):
        sizes.setdefault(table.strip('"'), []).append(rows)
        return make(table, names, width, rows)

    monkeypatch.setattr(inserts, "_insert_sql", recording)
    return sizes


@sqlite_only
def test_a_thread_writes_the_rows_in_inserts_of_many_and_they_are_those_of_executemany(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK_SIZE", 2)
    monkeypatch.setattr(inserts, "VALUES_PER_INSERT", 24)  # 1 case (22 values), 8 rows of the index
    sizes = _insert_sizes(monkeypatch)
    path = _write(tmp_path / "five.jsonl", [{**record, "published_at": "2024-05-06T07:08:09+00:00"}
                                             for record in _five_records()])
    switch_interval = sys.getswitchinterval()
    with _inserts_seen() as threads:
        assert import_cases(path).created == 5
    written, index = _records(), sorted(stored_documents().values())
    assert sys.getswitchinterval() == switch_interval
    assert len(threads) == 6 and len(set(threads)) == 1 and threads[0] != threading.current_thread().name
    # Rows wait for a full INSERT; the import's end writes the rest.
    assert sizes["caselaw_case"] == [1] * 5
    assert sizes["caselaw_case_fts"] == [5] and sizes["caselaw_case_tip_acts"] == [5]

    Case.objects.all().delete()
    monkeypatch.setattr(importer, "writes_behind", contextlib.nullcontext)  # executemany, in this thread
    with _inserts_seen() as threads:
        assert import_cases(path).created == 5
    assert threads == [threading.current_thread().name] * 10  # a statement a row
    assert _records() == written and sorted(stored_documents().values()) == index


@sqlite_only
def test_rows_beyond_an_insert_go_in_several(tmp_path, monkeypatch):
    monkeypatch.setattr(inserts, "VALUES_PER_INSERT", 6)
    sizes = _insert_sizes(monkeypatch)
    assert import_cases(_write(tmp_path / "five.jsonl", _five_records())).created == 5
    assert sizes["caselaw_case_fts"] == [2, 2, 1] and sizes["caselaw_case_tip_acts"] == [3, 2]
    assert len(stored_documents()) == 5 and Case.objects.filter(tip_acts__isnull=False).count() == 5

def test_an_update_between_new_cases_reads_their_rows_and_takes_no_id_of_theirs(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK_SIZE", 1)
    existing = make_published_case()
    record = next(iter_case_records())
    record["title"] = "Synthetic corrected title"
    record["persons"].append({"label": "V9", "role": "victim", "age_band": "18-24"})  # a new Person
    first, second = _five_records()[:2]
    result = import_cases(_write(tmp_path / "mixed.jsonl", [first, record, second]))
    assert (result.created, result.updated) == (2, 1)
    existing.refresh_from_db()
    assert existing.title == "Synthetic corrected title" and existing.persons.count() == 5
    for new in (first, second):
        case = Case.objects.get(public_id=new["public_id"])
        assert case.title == new["title"] and case.persons.count() == 2
    assert len(stored_documents()) == 3


def test_an_insert_failing_fails_the_import_and_writes_nothing(tmp_path, monkeypatch):
    taken = make_published_case().pk
    new_ids = Table._new_ids

    def colliding(table, count):
        ids = new_ids(table, count)
        return [taken, *ids[1:]] if table.model is Case else ids

    monkeypatch.setattr(Table, "_new_ids", colliding)
    switch_interval = sys.getswitchinterval()
    with pytest.raises(IntegrityError, match=r"caselaw_case\.id|caselaw_case_pkey"):
        import_cases(_write(tmp_path / "five.jsonl", _five_records()))
    assert list(Case.objects.values_list("pk", flat=True)) == [taken]
    assert len(stored_documents()) == 1
    assert sys.getswitchinterval() == switch_interval


def test_an_import_failing_while_inserts_are_running_stops_them_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK_SIZE", 1)
    monkeypatch.setattr(inserts, "VALUES_PER_INSERT", 24)  # an INSERT for each case, at once
    charges, calls = importer._Writer._charges, []

    def failing(writer, *args):
        calls.append(1)
        if len(calls) == 4:
            raise RuntimeError("synthetic failure")
        return charges(writer, *args)

    monkeypatch.setattr(importer._Writer, "_charges", failing)
    path = _write(tmp_path / "five.jsonl", _five_records())
    with pytest.raises(RuntimeError, match="synthetic failure"):
        import_cases(path)
    assert not Case.objects.exists() and stored_documents() == {}
    monkeypatch.setattr(importer._Writer, "_charges", charges)
    assert import_cases(path).created == 5  # the connection goes on as before
