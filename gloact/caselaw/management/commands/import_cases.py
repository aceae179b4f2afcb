"""`gloact import-cases FILE`: validate a JSONL file of case records, then import all or nothing."""

import os
import sys

from django.core.management.base import CommandError
from tqdm import tqdm

from gloact.caselaw.bulk.importer import import_cases
from gloact.core.processes import BulkCommand


class Command(BulkCommand):
    help = ("Import cases from a JSONL file (the export format, see docs/case-format.md). Every record is "
            "validated first; if any is invalid, nothing is written and each error is reported.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSONL file, one case record per line")

    def handle(self, *args, file, **options):
        def progress(records, total):
            return tqdm(records, total=total, unit="case", file=sys.stderr, disable=None)

        try:
            # This process runs nothing else: a large file may be checked on every core.
            result = import_cases(file, progress, processes=len(os.sched_getaffinity(0)))
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from error
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result.errors)} errors in {file}: nothing was imported.")
        self.stdout.write(self.style.SUCCESS(f"{result.created} cases created, {result.updated} updated, {result.unchanged} unchanged."))
