"""Background tasks of the activities app: the daily follow-up survey run."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from . import followup


# A failed run (the mail server down) is retried: sending claims each survey first, so a retry
# sends only what the failed run did not.
@db_periodic_task(crontab(hour="7", minute="15"), retries=3, retry_delay=600)
def send_followups() -> dict[str, int]:
    now = timezone.now()
    created = followup.schedule(timezone.localdate(now))
    sent = followup.send_due(now)
    return {"scheduled": created, "sent": sent.sent, "reminders": sent.reminders}
