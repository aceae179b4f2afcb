"""`gloact send-followups [--today YYYY-MM-DD]`: schedule the follow-up surveys of delivered
trainings and send those due, with their reminders. The queue runs it daily (tasks.py); the
option lets an operator or a test run it as of another day."""

from datetime import date, datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gloact.activities import followup


class Command(BaseCommand):
    help = "Schedule follow-up surveys and send the due ones and their reminders."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Run as of this day (YYYY-MM-DD) instead of today.")

    def handle(self, *args, today=None, **options):
        if today:
            try:
                day = date.fromisoformat(today)
            except ValueError:
                raise CommandError("--today takes a date as YYYY-MM-DD.") from None
            now = timezone.make_aware(datetime.combine(day, time(9, 0)))
        else:
            now = timezone.now()
        created = followup.schedule(timezone.localdate(now))
        sent = followup.send_due(now)
        self.stdout.write(f"{created} surveys scheduled, {sent.sent} sent, {sent.reminders} reminders sent.")
