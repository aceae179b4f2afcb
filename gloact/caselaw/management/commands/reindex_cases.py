"""`gloact reindex_cases`: rebuild the full-text search index of published cases, e.g. after a
bulk import that bypassed the signal handlers, or after restoring a backup."""

from django.db import transaction
from tqdm import tqdm

from gloact.caselaw.models import Case
from gloact.caselaw.search import reindex_all
from gloact.core.processes import BulkCommand


class Command(BulkCommand):
    help = "Rebuild the full-text search index of published cases."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args, quiet=False, **options):
        total = Case.objects.published().count()
        # One transaction: searches see the old index until the new one is complete.
        with transaction.atomic():
            with tqdm(total=total, unit="case", disable=quiet, file=self.stderr._out) as progress:
                indexed = 0
                for _case_id in reindex_all():
                    indexed += 1
                    progress.update(1)
        self.stdout.write(self.style.SUCCESS(f"Indexed {indexed} published cases."))
