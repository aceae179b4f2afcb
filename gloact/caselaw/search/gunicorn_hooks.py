"""gunicorn hooks: `gunicorn gloact.wsgi --config gloact/caselaw/search/gunicorn_hooks.py` builds
the search structures (bitmaps.py) in each worker as it starts, so that no visitor waits for them
(several seconds at 100,000 cases) on the first search a worker serves, and loads what requests
would load, then keeps it all out of the garbage collector's full passes (core/processes.py).

Given as a file (not python:module): gunicorn reads it before Django is set up, and importing
the package would load the models. Hence the imports inside the hook."""

import time

import structlog

log = structlog.get_logger(__name__)


def post_worker_init(worker) -> None:
    from django.db import DatabaseError, connection

    from gloact.caselaw.search import bitmaps
    from gloact.core.processes import freeze_loaded_objects, load_what_requests_load

    started = time.monotonic()
    try:
        bitmaps.current()
        log.info("search_structures_built", seconds=round(time.monotonic() - started, 1))
    except DatabaseError:  # e.g. not migrated yet: the first search builds them instead
        log.warning("search_structures_not_built", exc_info=True)
    finally:
        connection.close()  # opened outside a request: not left to the first one
    load_what_requests_load()
    freeze_loaded_objects()  # the structures' millions of objects, among them
