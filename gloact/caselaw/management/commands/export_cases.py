"""`gloact export-cases`: all published cases as JSONL or CSV, to a file (atomically) or stdout."""

import sys

from tqdm import tqdm

from gloact.caselaw.bulk.export import FORMATS, export_cases, write_cases
from gloact.caselaw.models import Case
from gloact.core.processes import BulkCommand


class Command(BulkCommand):
    help = "Export all published cases as JSONL (one case per line) or CSV (see docs/case-format.md)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=FORMATS, default="jsonl", help="jsonl (default) or csv")
        parser.add_argument("--output", "-o", help="file to write (replaced atomically); stdout when omitted")

    def handle(self, *args, format="jsonl", output=None, **options):
        total = Case.objects.published().count()

        def progress(records):
            # disable=None: shown only when stderr is a terminal.
            return tqdm(records, total=total, unit="case", file=sys.stderr, disable=None)

        if output:
            count = export_cases(output, format, progress)
            self.stderr.write(f"{count} cases written to {output}")
        else:
            self.stdout.ending = ""
            write_cases(self.stdout, format, progress)
