"""Rows for the import's bulk INSERTs (inserts.py), made straight from plain values (field
attname -> Python value).

A row holds what `Model(**values).save()` would write (the model's defaults, auto_now times,
values converted for the database) without making the model instances, whose creation took a
third of the import's time.
"""

import operator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, models

from .inserts import insert_rows

# Fields whose Python values go to both databases unchanged; any other field (dates, decimals,
# JSON) goes through Field.get_db_prep_save.
_PLAIN_FIELDS = (models.CharField, models.TextField, models.IntegerField, models.BooleanField,
                 models.ForeignKey)


def _is_plain(field) -> bool:
    if isinstance(field, models.ForeignKey):
        field = field.target_field  # a key holds its target's values
    return isinstance(field, _PLAIN_FIELDS) and not isinstance(field, models.DateField)


@contextmanager
def large_page_cache():
    """A larger SQLite page cache on this connection while a bulk write runs (setting
    GLOACT_IMPORT_PAGE_CACHE_MB): with SQLite's default 2 MB, inserts into the indexes of a large
    database keep re-reading pages (at 100,000 cases, 64 MB gives 9 % more cases per second).
    PostgreSQL's cache is the server's shared buffers."""
    megabytes = settings.GLOACT_IMPORT_PAGE_CACHE_MB
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        previous = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = {-1024 * int(megabytes)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


class Table:
    """The rows of one model's table, for an import running at time `now` (its auto_now value).
    Values of fields that need converting (dates, decimals) must be hashable: no JSON fields."""

    def __init__(self, model, now):
        self.model = model
        self.fields = model._meta.local_concrete_fields
        self.defaults, self.generated = {}, []
        self.next_id = 1  # SQLite: after the ids this import gave (_new_ids)
        for field in self.fields:
            if field.primary_key:
                continue
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                self.defaults[field.attname] = now
            elif field.has_default() and callable(field.default):
                self.generated.append(field)  # a new value for each row
            else:
                self.defaults[field.attname] = field.get_default()

    def _new_ids(self, count: int) -> list[int]:
        """`count` new primary keys, which no other writer can take: PostgreSQL hands them out from
        the table's sequence. On SQLite the import holds the write lock from its first statement
        (transaction mode IMMEDIATE), so the ids after the highest one are its own; the highest
        is also counted here, since the rows given before may not be written yet (writes_behind)."""
        table = self.model._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # The sequence looked up once, in FROM: in the select list, once per id (6 times slower).
                cursor.execute("SELECT nextval(sequence) FROM CAST(pg_get_serial_sequence(%s, 'id') AS regclass) "
                               "AS sequence, generate_series(1, %s)", [table, count])
                return [row[0] for row in cursor.fetchall()]
            cursor.execute(f"SELECT MAX(id) FROM {connection.ops.quote_name(table)}")  # nosec B608 # identifiers are code constants or quoted names; values are bound parameters
            highest = cursor.fetchone()[0] or 0
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
        start = max(self.next_id, highest + 1, (row[0] if row else 0) + 1)
        self.next_id = start + count
        return list(range(start, start + count))

    def _complete(self, values: dict) -> dict:
        """`values` with the model's default for each field it leaves out."""
        row = {**self.defaults, **values}
        for field in self.generated:
            if field.attname not in values:
                row[field.attname] = field.get_default()
        return row

    def insert(self, rows: list[dict], with_ids: bool = False) -> None:
        """INSERT `rows` (field values; defaults for the fields they leave out); with `with_ids`,
        each row gets its "id" first."""
        if not rows:
            return
        if with_ids:
            for row, pk in zip(rows, self._new_ids(len(rows)), strict=True):
                row["id"] = pk
        fields = [field for field in self.fields if with_ids or not field.primary_key]
        values = operator.itemgetter(*(field.attname for field in fields))
        converted = [(position, field, {}) for position, field in enumerate(fields) if not _is_plain(field)]
        tuples = []
        for row in rows:
            item = values(self._complete(row))
            if converted:
                item = list(item)
                # Each distinct value converted once: most are the import's time or a few dates.
                for position, field, done in converted:
                    value = item[position]
                    if value not in done:
                        done[value] = field.get_db_prep_save(value, connection)
                    item[position] = done[value]
            tuples.append(item)
        insert_rows(self.model._meta.db_table, tuple(field.column for field in fields), tuples)
