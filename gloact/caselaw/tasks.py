"""Background tasks of the case law database, and the signals that schedule them.

The download files (bulk/downloads.py) are regenerated after a published case is saved or deleted,
or a case stops being published: at most once per transaction (on commit), and, with a running
queue, at most once per DOWNLOADS_DEBOUNCE seconds however many cases change meanwhile. After an
import, on PostgreSQL, what is kept per common word of the search index is made again.
"""

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver
from huey.contrib.djhuey import HUEY, db_task

from .bulk.downloads import regenerate_download_files
from .models import Case
from .search import postgres_words

DOWNLOADS_DEBOUNCE = 60  # seconds
_PENDING_KEY = "caselaw:downloads-regeneration-pending"


@db_task(retries=3, retry_delay=300)  # the files are replaced atomically: a retry is a fresh run
def regenerate_downloads() -> dict[str, int]:
    cache.delete(_PENDING_KEY)
    return regenerate_download_files()


def _enqueue_regeneration() -> None:
    if HUEY.immediate:
        regenerate_downloads()
    elif cache.add(_PENDING_KEY, True, timeout=DOWNLOADS_DEBOUNCE * 10):
        # Later changes within the delay are covered by this run: it reads the data when it starts.
        regenerate_downloads.schedule(delay=DOWNLOADS_DEBOUNCE)


def schedule_downloads_regeneration() -> None:
    """Regenerate the download files once the current transaction commits (once per transaction)."""
    if any(callback is _enqueue_regeneration for _savepoints, callback, _robust in connection.run_on_commit):
        return
    transaction.on_commit(_enqueue_regeneration)


@db_task()
def refresh_search_words() -> tuple[int, int]:
    """After an import, make again what PostgreSQL keeps per common word (search/postgres_words.py)
    instead of the next search of each word (0.1 to 0.4 s at 100,000 cases)."""
    return postgres_words.refresh()


def schedule_search_words_refresh() -> None:
    if connection.vendor == "postgresql":
        transaction.on_commit(refresh_search_words)


@receiver(post_init, sender=Case, dispatch_uid="caselaw_downloads_remember_status")
def remember_status(sender, instance, **kwargs):
    # .get(): the status may be a deferred field, which must not cost a query here.
    instance._downloads_loaded_status = instance.__dict__.get("status")


@receiver(post_save, sender=Case, dispatch_uid="caselaw_downloads_case_saved")
def case_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    published = Case.Status.PUBLISHED
    if published in (instance.status, getattr(instance, "_downloads_loaded_status", None)):
        schedule_downloads_regeneration()
    instance._downloads_loaded_status = instance.status


@receiver(post_delete, sender=Case, dispatch_uid="caselaw_downloads_case_deleted")
def case_deleted(sender, instance, **kwargs):
    if Case.Status.PUBLISHED in (instance.status, getattr(instance, "_downloads_loaded_status", None)):
        schedule_downloads_regeneration()


# The quality jobs (text extraction, link checker) live in their own module; the consumer only
# discovers modules named tasks.
from . import tasks_quality  # noqa: E402,F401
