"""`gloact check_links`: re-check the external URLs of sources now (the queue does it weekly)."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from gloact.caselaw import linkcheck


class Command(BaseCommand):
    help = "Check every external source URL and record which ones are broken."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=linkcheck.TIMEOUT_SECONDS, help="seconds per request")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, timeout, no_progress, **options):
        to_check = linkcheck.sources_to_check()
        broken = 0
        for source in tqdm(to_check.iterator(), total=to_check.count(), disable=no_progress, unit="URL",
                           file=self.stderr._out):
            broken += not linkcheck.check_source_link(source, timeout).ok
        self.stdout.write(f"{to_check.count()} URLs checked, {broken} broken.")
