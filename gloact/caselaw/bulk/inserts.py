"""The import's INSERTs of many rows: COPY on PostgreSQL; on SQLite, INSERTs of many rows each,
written by a thread of their own while the import makes the next rows (writes_behind).

Python's sqlite3 releases the interpreter's lock while SQLite works, so the writer thread and the
import's Python share two cores: at 100,000 cases, about 30 s of SQLite and 25 s of Python.
executemany would not do: it takes the lock back after every row, and the writer would wait for
it each time. A statement of many rows takes it back once.
"""

import functools
import sys
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, connection, connections

# Values bound by one SQLite INSERT. Rows wait until a table has this many, so that its INSERTs
# have one size: Python keeps each prepared statement it runs (its cache of 128), and a statement
# of many rows takes memory in proportion.
VALUES_PER_INSERT = 8192
# Statements waiting for the writer thread before the import waits for it.
MAX_WAITING = 32
# How long the import's thread may hold the interpreter's lock while the writer thread waits
# for it (Python's default is 5 ms; the writer needs it between statements).
SWITCH_INTERVAL = 0.0005

_current: ContextVar["_InsertThread | None"] = ContextVar("insert_thread", default=None)


class _InsertThread:
    """Rows of SQLite tables, written in INSERTs of VALUES_PER_INSERT values by a thread of its
    own, in the order given."""

    def __init__(self, database):
        self.database = database  # Django's connection, whose SQLite connection the thread uses
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="import-writes")
        self.waiting: deque[Future] = deque()
        self.values: dict[tuple[str, str, int], list] = {}  # (table, columns, width) -> values

    def add(self, table: str, names: str, width: int, rows: list[tuple]) -> None:
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


@contextmanager
def writes_behind():
    """Inside, on SQLite, insert_rows hands its rows to a writer thread on this connection. Reads
    of the tables written must wait_for_writes() first. On leaving, every row is written or, after
    an error, the writer stops, before the caller's transaction commits or rolls back."""
    if connection.vendor != "sqlite":
        yield
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
    cases took 21.5 s to import instead of 16 s); SQLite by the writer of writes_behind, if any."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table, names = quote(table), ", ".join(quote(c) for c in columns)
    if writer := _current.get():
        writer.add(table, names, len(columns), rows)
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Django's exceptions, as from its cursors' execute (they do not wrap copy).
            with connection.wrap_database_errors, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})", rows)  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
