"""The import's INSERTs (bulk/inserts.py): on SQLite, many rows a statement, written by a second
thread; on PostgreSQL, COPYs whose foreign keys the import checks itself."""

import contextlib
import sys
import threading
import uuid

import psycopg
import pytest
from django.db import IntegrityError, connection, transaction

from ..bulk import importer, inserts
from ..bulk.export import iter_case_records
from ..bulk.importer import import_cases
from ..bulk.inserts import insert_rows, writes_behind
from ..bulk.records import KnownValues
from ..bulk.tables import Table
from ..models import Case, Term
from ..vocabularies import TIP_ACT
from .factories import make_published_case
from .test_import import _five_records, _records, _write
from .test_search import stored_documents

pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif("connection.vendor != 'sqlite'", reason="PostgreSQL imports with COPY, in this thread")


@contextlib.contextmanager
def _inserts_seen(monkeypatch):
    """The names of the threads that INSERT into the tables of the cases and their search index:
    the writer thread's statements, and those run through Django's cursors. (Not SQLite's trace
    callback: called while SQLite holds the connection's lock, it waits for the interpreter's lock,
    which the import's thread may hold while it waits for the connection: the test hung once.)"""
    threads = []

    def seen(sql):
        if sql.startswith(('INSERT INTO "caselaw_case" ', 'INSERT INTO "caselaw_case_fts"')):
            threads.append(threading.current_thread().name)

    execute = inserts._InsertThread._execute
    monkeypatch.setattr(inserts._InsertThread, "_execute", lambda writer, sql, params: seen(sql) or execute(writer, sql, params))
    with connection.execute_wrapper(lambda run, sql, *args: seen(sql) or run(sql, *args)):
        yield threads


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
    with _inserts_seen(monkeypatch) as threads:
        assert import_cases(path).created == 5
    written, index = _records(), sorted(stored_documents().values())
    assert sys.getswitchinterval() == switch_interval
    assert len(threads) == 6 and len(set(threads)) == 1 and threads[0] != threading.current_thread().name
    # Rows wait for a full INSERT; the import's end writes the rest.
    assert sizes["caselaw_case"] == [1] * 5
    assert sizes["caselaw_case_fts"] == [5] and sizes["caselaw_case_tip_acts"] == [5]

    Case.objects.all().delete()
    monkeypatch.setattr(importer, "writes_behind", contextlib.nullcontext)  # executemany, in this thread
    with _inserts_seen(monkeypatch) as threads:
        assert import_cases(path).created == 5
    assert threads == [threading.current_thread().name] * 6  # an executemany per table and chunk
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


postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL's foreign key triggers")


def _link(case, term_id: int) -> None:
    """A row of the link table of the case's trafficking acts, as the import writes it."""
    insert_rows(Case.tip_acts.through._meta.db_table, ("case_id", "term_id"), [(case.pk, term_id)])


def _no_term() -> int:
    return Term.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000


def _checks_immediately() -> None:
    """Foreign key triggers check at once, not at a commit that a test never reaches."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


@postgres_only
def test_postgres_copies_skip_the_row_triggers_and_check_each_key_themselves(monkeypatch):
    case, missing = make_published_case(), _no_term()
    links = Case.tip_acts.through.objects.filter(term_id=missing)
    _checks_immediately()
    with pytest.raises(IntegrityError, match='violates foreign key constraint "caselaw_case_tip_acts_term_id'):
        with transaction.atomic():
            _link(case, missing)  # outside writes_behind: the server's trigger
    with monkeypatch.context() as patched:
        patched.setattr(inserts, "_check", lambda *args: None)
        with transaction.atomic(), writes_behind():
            _link(case, missing)  # no trigger, and here no check: the row goes in
            assert links.exists()
            transaction.set_rollback(True)
    with pytest.raises(IntegrityError, match=rf'"caselaw_case_tip_acts" violates foreign key constraint '
                                             rf'"caselaw_case_tip_acts_term_id.*": term_id {missing} not present'):
        with transaction.atomic(), writes_behind():
            _link(case, missing)
    assert not links.exists()


@postgres_only
def test_a_role_that_may_not_turn_the_triggers_off_leaves_them_on():
    case, missing = make_published_case(), _no_term()
    role = f"gloact_importer_{uuid.uuid4().hex[:8]}"  # roles are the server's, not the test database's
    _checks_immediately()
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role}")
        cursor.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}")
        try:
            cursor.execute(f"SET LOCAL ROLE {role}")
            with pytest.raises(IntegrityError, match='violates foreign key constraint "caselaw_case_tip_acts_term_id'):
                with transaction.atomic(), writes_behind():
                    _link(case, missing)
            cursor.execute("RESET ROLE")
            cursor.execute(f"GRANT SET ON PARAMETER session_replication_role TO {role}")
            cursor.execute(f"SET LOCAL ROLE {role}")
            with pytest.raises(IntegrityError, match=f"term_id {missing} not present in table caselaw_term"):
                with transaction.atomic(), writes_behind():
                    _link(case, missing)
        finally:
            cursor.execute("RESET ROLE")


@postgres_only
def test_the_keys_checked_stay_locked_against_other_transactions():
    case = make_published_case()
    term = Term.objects.exclude(pk__in=case.tip_acts.all()).first()  # from a migration: others see it
    other = connection.get_new_connection(connection.get_connection_params())
    other.autocommit = True
    try:
        with transaction.atomic(), writes_behind():
            _link(case, term.pk)
            with pytest.raises(psycopg.errors.LockNotAvailable):
                other.execute("SELECT 1 FROM caselaw_term WHERE id = %s FOR UPDATE NOWAIT", [term.pk])
            transaction.set_rollback(True)
    finally:
        other.close()


@postgres_only
def test_an_import_referring_to_a_term_gone_since_its_check_fails_and_writes_nothing(tmp_path, monkeypatch):
    load, gone = KnownValues.load, _no_term()

    def term_deleted_meanwhile(*args, **kwargs):
        known = load(*args, **kwargs)
        known.terms[TIP_ACT]["act.recruitment"] = gone
        return known

    monkeypatch.setattr(KnownValues, "load", term_deleted_meanwhile)
    with pytest.raises(IntegrityError, match=f"term_id {gone} not present in table caselaw_term"):
        import_cases(_write(tmp_path / "five.jsonl", _five_records()))
    assert not Case.objects.exists() and stored_documents() == {}


@postgres_only
def test_each_key_is_checked_once_and_those_forgotten_again(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK_SIZE", 1)
    checks, check = [], inserts._check
    monkeypatch.setattr(inserts, "_check", lambda cursor, table, *args: checks.append(table) or check(cursor, table, *args))
    path = _write(tmp_path / "five.jsonl", _five_records())
    assert import_cases(path).created == 5
    # The five cases' acts are one term, checked once; the rows of the cases and persons written
    # are not checked at all (children of a case, charges of its defendant).
    assert checks.count("caselaw_case_tip_acts") == 1
    assert {"caselaw_proceeding", "caselaw_charge", "caselaw_person"}.isdisjoint(checks)

    Case.objects.all().delete()
    checks.clear()
    monkeypatch.setattr(inserts._Copies, "KEYS_KEPT", 2)  # fewer than a case's terms
    assert import_cases(path).created == 5
    assert checks.count("caselaw_case_tip_acts") == 5
    assert Case.objects.filter(tip_acts__code="act.recruitment").count() == 5


@postgres_only
def test_a_key_to_another_column_than_the_primary_key_is_not_taken_for_a_row_written():
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE test_parent (id bigint PRIMARY KEY, code bigint UNIQUE)")
        cursor.execute("CREATE TABLE test_child (parent_code bigint REFERENCES test_parent (code) "
                       "DEFERRABLE INITIALLY DEFERRED)")
    with pytest.raises(IntegrityError, match="parent_code 1 not present in table test_parent"):
        with transaction.atomic(), writes_behind():
            insert_rows("test_parent", ("id", "code"), [(1, 100)])
            insert_rows("test_child", ("parent_code",), [(100,), (1,)])  # 1 is an id, not a code
