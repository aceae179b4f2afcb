"""The import's INSERTs of many rows (insert_rows), and how they go inside writes_behind:
- SQLite: INSERTs of many rows each, written by a thread of their own while the import makes the
  next rows. Python's sqlite3 releases the interpreter's lock while SQLite works, so the writer
  thread and the import's Python share two cores: at 100,000 cases, about 30 s of SQLite and 25 s of
  Python. executemany would not do: it takes the lock back after every row, and the writer would
  wait for it each time. A statement of many rows takes it back once.
- PostgreSQL: COPYs without the server's foreign key triggers, where the role may turn them off;
  each COPY's references are then checked once per distinct key (_Copies).
"""

import functools
import sys
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, connections

# Values bound by one SQLite INSERT. Rows wait until a table has this many, so that its INSERTs
# have one size: Python keeps each prepared statement it runs (its cache of 128), and a statement
# of many rows takes memory in proportion.
VALUES_PER_INSERT = 8192
# Statements waiting for the writer thread before the import waits for it.
MAX_WAITING = 32
# How long the import's thread may hold the interpreter's lock while the writer thread waits
# for it (Python's default is 5 ms; the writer needs it between statements).
SWITCH_INTERVAL = 0.0005

_current: ContextVar["_InsertThread | _Copies | None"] = ContextVar("insert_writer", default=None)


class _InsertThread:
    """Rows of SQLite tables, written in INSERTs of VALUES_PER_INSERT values by a thread of its
    own, in the order given."""

    def __init__(self, database):
        self.database = database  # Django's connection, whose SQLite connection the thread uses
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="import-writes")
        self.waiting: deque[Future] = deque()
        self.values: dict[tuple[str, str, int], list] = {}  # (table, columns, width) -> values

    def add(self, table: str, names: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        width = len(columns)
        values = self.values.setdefault((table, names, width), [])
        for row in rows:
            values.extend(row)
        per_insert = max(1, VALUES_PER_INSERT // width) * width
        if len(values) >= per_insert:
            full = len(values) - len(values) % per_insert
            for start in range(0, full, per_insert):
                self._run(_insert_sql(table, names, width, per_insert // width), values[start:start + per_insert])
            del values[:full]

    def _run(self, sql: str, params: list) -> None:
        # Statements done leave the queue (an error is raised here, not at the end); a full queue waits.
        while self.waiting and (len(self.waiting) >= MAX_WAITING or self.waiting[0].done()):
            self.waiting.popleft().result()
        self.waiting.append(self.thread.submit(self._execute, sql, params))

    def _execute(self, sql: str, params: list) -> None:
        with self.database.wrap_database_errors:  # Django's exceptions, as its cursors raise
            self.database.connection.execute(sql, params)

    def finish(self) -> None:
        """Write every row given; raise the first error."""
        for (table, names, width), values in self.values.items():
            if values:
                self._run(_insert_sql(table, names, width, len(values) // width), values)
        self.values = {}
        while self.waiting:
            self.waiting.popleft().result()


@functools.lru_cache(maxsize=64)
def _insert_sql(table: str, names: str, width: int, rows: int) -> str:
    row = "(" + ", ".join("?" * width) + ")"
    return f"INSERT INTO {table} ({names}) VALUES {', '.join([row] * rows)}"  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters


class _Copies:
    """PostgreSQL: rows written by COPY in this thread, inside a transaction.

    PostgreSQL checks a foreign key with a trigger per row, queued until the commit (Django makes
    the keys DEFERRABLE INITIALLY DEFERRED): at 100,000 cases, 3.9 million checks, which took 22-27 s
    of the import's commit, on one core. Where the role may set session_replication_role
    (superusers, or GRANT SET ON PARAMETER, docs/operations.md), each COPY runs without triggers and
    its references are checked after it, taking the locks the triggers take (FOR KEY SHARE): until
    the commit, no other transaction can delete or re-key a row referred to. A key is checked once:
    those checked, and those of the rows these COPYs wrote (no other transaction sees them), are
    kept, up to KEYS_KEPT a column, so that memory stays flat however many rows an import writes
    (the import rolls back whole, so no savepoint takes back a row known here).
    has_parameter_privilege is PostgreSQL 15's, the oldest version docs/operations.md allows."""

    KEYS_KEPT = 20_000  # several chunks of the import (500 cases and about 3,000 persons each)

    def __init__(self):
        self.tables: dict[str, tuple] = {}  # table as given -> _keys_of(table)
        self.present: dict[tuple[str, str], set] = {}  # (table, column) -> keys there until the commit
        with connection.cursor() as cursor:
            cursor.execute("SELECT has_parameter_privilege('session_replication_role', 'SET'), "
                           "current_setting('session_replication_role')")
            allowed, role = cursor.fetchone()
        # SET LOCAL lasts until the transaction ends; outside one it would change nothing.
        self.check_keys = allowed and role == "origin" and connection.in_atomic_block

    def add(self, table: str, names: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        with connection.cursor() as cursor:
            if not self.check_keys:
                _copy(cursor, table, names, rows)
                return
            cursor.execute("SET LOCAL session_replication_role = replica")
            _copy(cursor, table, names, rows)
            cursor.execute("SET LOCAL session_replication_role = origin")
            name, primary_key, foreign_keys = self._keys_of(cursor, table)
            for column, target, key, constraint in foreign_keys:
                if column in columns:
                    position = columns.index(column)
                    values = {row[position] for row in rows} - self.present.get((target, key), set())
                    values.discard(None)
                    if values:
                        _check(cursor, name, column, values, target, key, constraint)
                        self._remember((target, key), values)
            if primary_key in columns:
                position = columns.index(primary_key)
                self._remember((name, primary_key), [row[position] for row in rows])

    def _remember(self, column: tuple[str, str], keys) -> None:
        present = self.present.setdefault(column, set())
        if len(present) + len(keys) > self.KEYS_KEPT:
            present.clear()
        present.update(keys)

    def _keys_of(self, cursor, table: str) -> tuple[str, str, list[tuple[str, str, str, str]]]:
        """The name of `table` as the catalog writes it, its primary key column, and (column,
        referenced table, its column, constraint name) of each of its foreign keys (Django makes
        only keys of one column)."""
        if table not in self.tables:
            cursor.execute(
                "SELECT %s::regclass::text, (SELECT attname FROM pg_index JOIN pg_attribute ON attrelid = indrelid "
                "AND attnum = indkey[0] WHERE indrelid = %s::regclass AND indisprimary)", [table, table])
            name, primary_key = cursor.fetchone()
            cursor.execute(
                "SELECT referring.attname, key.confrelid::regclass::text, referred.attname, key.conname "
                "FROM pg_constraint key "
                "JOIN pg_attribute referring ON referring.attrelid = key.conrelid AND referring.attnum = key.conkey[1] "
                "JOIN pg_attribute referred ON referred.attrelid = key.confrelid AND referred.attnum = key.confkey[1] "
                "WHERE key.contype = 'f' AND key.conrelid = %s::regclass", [table])
            self.tables[table] = (name, primary_key, cursor.fetchall())
        return self.tables[table]

    def finish(self) -> None:
        """Nothing waits: each COPY is done when add returns."""


def _check(cursor, table: str, column: str, values: set, target: str, key: str, constraint: str) -> None:
    """Lock the rows of `target` whose `key` is one of `values`, as a foreign key's trigger does;
    raise IntegrityError if any is missing."""
    quoted = connection.ops.quote_name(key)
    cursor.execute(f"SELECT {quoted} FROM {target} WHERE {quoted} = ANY(%s) FOR KEY SHARE",  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
                   [list(values)])
    missing = values - {value for (value,) in cursor.fetchall()}
    if missing:
        raise IntegrityError(
            f'insert into table "{table}" violates foreign key constraint "{constraint}": '
            f"{column} {', '.join(map(str, sorted(missing)[:5]))} not present in table {target}"
        )


def _copy(cursor, table: str, names: str, rows: list[tuple]) -> None:
    # Django's exceptions, as from its cursors' execute (they do not wrap copy).
    with connection.wrap_database_errors, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


@contextmanager
def writes_behind():
    """Inside, insert_rows hands its rows to this connection's writer: on SQLite a thread, whose
    rows reads of the tables written must wait_for_writes() for; on PostgreSQL, _Copies. On leaving,
    every row is written or, after an error, the writer stops, before the caller's transaction
    commits or rolls back."""
    if connection.vendor == "postgresql":
        token = _current.set(_Copies())
        try:
            yield
        finally:
            _current.reset(token)
        return
    writer = _InsertThread(connections[DEFAULT_DB_ALIAS])  # this thread's, not the proxy
    token = _current.set(writer)
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        yield
        writer.finish()
    finally:
        sys.setswitchinterval(switch_interval)
        _current.reset(token)
        writer.thread.shutdown(wait=True, cancel_futures=True)


def wait_for_writes() -> None:
    """Wait until the rows given to writes_behind, if any, are written."""
    if writer := _current.get():
        writer.finish()


def insert_rows(table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """INSERT `rows` (tuples of database values for `columns`) into `table`: PostgreSQL with COPY
    (an INSERT per row, even pipelined, costs the server a bind and an execution each: 10,000
    cases took 21.5 s to import instead of 16 s); by the writer of writes_behind, if any."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table, names = quote(table), ", ".join(quote(c) for c in columns)
    if writer := _current.get():
        writer.add(table, names, columns, rows)
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy(cursor, table, names, rows)
        else:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})", rows)  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
