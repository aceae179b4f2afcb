"""Keeping the search index in step with the data: `index_case` is called (by the signal handlers
in signals.py) inside the transaction that changed the case, so index and data commit together.
Only published cases are in the index."""

import functools
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext

from django.conf import settings
from django.db import connection, transaction

from ..models import Case
from .document import document_parts


def backend():
    """The search backend of the current database (a module: sqlite or postgres)."""
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    from . import sqlite

    return sqlite


def fetch(sql: str, params: list, settings: dict[str, str] | None = None) -> list[tuple]:
    """The rows of a search statement, run with planner settings, set for this statement's
    transaction only: its own where it has some (a backend's statement may be (sql, params,
    settings)), otherwise the backend's for searches (SEARCH_SETTINGS)."""
    if settings is None:
        settings = backend().SEARCH_SETTINGS
    with transaction.atomic() if settings else nullcontext(), connection.cursor() as cursor:
        for name, value in settings.items():
            cursor.execute(f"SET LOCAL {name} = {value}")
        cursor.execute(sql, params)
        return cursor.fetchall()


def fetch_parts(statements: list[tuple]) -> list[list[tuple]]:
    """The rows of each statement (see fetch): the parts of one search split by case ids
    (bitmaps.id_ranges), run side by side on this process's search threads, each thread with its
    own connection (kept open, with its page cache, for the next search)."""
    if len(statements) == 1:
        return [fetch(*statements[0])]
    return list(_search_threads(os.getpid()).map(lambda statement: fetch(*statement), statements))


@functools.cache
def _search_threads(_pid: int) -> ThreadPoolExecutor:
    """The search threads of the process `_pid`: a forked worker gets its own (it does not have
    the threads of the process it was forked from)."""
    return ThreadPoolExecutor(max_workers=settings.GLOACT_SEARCH_THREADS, thread_name_prefix="search")


def _indexable():
    return Case.objects.published().prefetch_related("translations", "proceedings", "sources")


def index_case(case_or_id) -> None:
    """Index the case if it is published, otherwise take it out of the index."""
    case_id = getattr(case_or_id, "pk", case_or_id)
    if case_id is None:
        return
    case = _indexable().filter(pk=case_id).first()
    if case is None:
        backend().remove(case_id)
    else:
        backend().index(case.pk, document_parts(case))


def remove_case(case_id: int) -> None:
    backend().remove(case_id)


def reindex_all(batch_size: int = 500) -> Iterable[int]:
    """Rebuild the whole index; yields each indexed case id (for progress reporting)."""
    search = backend()
    search.clear()
    ids = list(Case.objects.published().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        cases = list(_indexable().filter(pk__in=ids[start:start + batch_size]).order_by("pk"))
        search.index_many([(case.pk, document_parts(case)) for case in cases])
        yield from (case.pk for case in cases)
