from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gloact.countries.glotip import DEFAULT_FILE, WorkbookError, import_glotip


class Command(BaseCommand):
    help = "Import UNODC's Global Report on Trafficking in Persons country data (GLOTIP workbook); safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT_FILE), help=f"default: {DEFAULT_FILE}")
        parser.add_argument("--no-progress", action="store_true", help="Do not show a progress bar.")

    def handle(self, *args, file, no_progress=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            report = import_glotip(path, progress=not no_progress)
        except WorkbookError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"{report.loaded} rows loaded into {report.dataset.code}"))
        self.stdout.write(f"{report.without_country} of them are regional aggregates or areas without an ISO 3166 code")
        if report.rejected:
            self.stdout.write(self.style.WARNING(f"{report.rejected} rows could not be interpreted, for example:"))
            for example in report.examples:
                self.stdout.write(f"  {example}")
        else:
            self.stdout.write("Every row was interpreted.")
