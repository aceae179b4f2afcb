"""`gloact import-sherloc [DIR]`: the SHERLOC case index as index-only published cases."""

import sys

from django.core.management.base import CommandError
from tqdm import tqdm

from gloact.caselaw.bulk.sherloc import CASES_FILE, DEFAULT_DIRECTORY, import_sherloc
from gloact.core.processes import BulkCommand


class Command(BulkCommand):
    help = ("Import the index of UNODC's SHERLOC case law database (case_urls.csv and its label and "
            "summary files) as index-only published cases. Running it again updates them.")

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIRECTORY),
                            help=f"folder holding {CASES_FILE} (default: {DEFAULT_DIRECTORY})")

    def handle(self, *args, directory, **options):
        def progress(records, total):
            return tqdm(records, total=total, unit="case", file=sys.stderr, disable=None)

        try:
            result = import_sherloc(directory, progress)
        except FileNotFoundError as error:
            raise CommandError(f"{error.filename} not found: give the folder of the SHERLOC files") from error
        for line in result.notes:
            self.stderr.write(f"note: {line}")
        for line in result.skipped:
            self.stderr.write(f"skipped: {line}")
        self.stdout.write(self.style.SUCCESS(
            f"{result.created} cases created, {result.updated} updated, {result.unchanged} unchanged, "
            f"{len(result.skipped)} rows skipped."
        ))
