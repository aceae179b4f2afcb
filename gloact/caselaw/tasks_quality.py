"""Background jobs of the case law database's quality side: text extraction of decision
documents and the link checker."""

import datetime

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import linkcheck, sources
from .models import Source


@db_task(retries=2, retry_delay=300)  # extraction overwrites the texts: a retry is a fresh run
def extract_source_text(source_id: int) -> bool:
    """Extract the text of one decision document (and build its redacted derivative)."""
    source = Source.objects.filter(pk=source_id).first()
    return bool(source) and sources.extract_source_text(source)


@db_periodic_task(crontab(minute="*/15"))
def extract_pending_sources() -> int:
    """Catch up on documents added without the upload path (admin, imports). Only recent ones:
    a file that cannot be read is not retried for ever."""
    recent = timezone.now() - datetime.timedelta(days=2)
    pending = Source.objects.filter(kind=Source.Kind.DECISION, extracted_text="", created_at__gte=recent).exclude(file="")
    return sum(sources.extract_source_text(source) for source in pending.iterator())


@db_periodic_task(crontab(day_of_week="1", hour="3", minute="30"))
def check_links() -> int:
    """Weekly: re-check every external source URL; returns how many are broken."""
    return sum(not linkcheck.check_source_link(source).ok for source in linkcheck.sources_to_check().iterator())
