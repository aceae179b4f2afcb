"""`gloact iati-import FILE --programme CODE`: results of an IATI activity file into a programme.

The file is validated and checked against the programme first; on any error nothing is written
and every error is printed (see gloact/reporting/iati/importing.py for what goes where).
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from gloact.monitoring.models import Programme
from gloact.reporting.iati.importing import import_results


class Command(BaseCommand):
    help = ("Import indicators, baselines, targets and actuals from an IATI 2.03 activity file into a programme; "
            "all or nothing.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="IATI activity file (XML)")
        parser.add_argument("--programme", required=True, help="code of the programme that receives the results")

    def handle(self, *args, file, programme, **options):
        try:
            found = Programme.objects.get(code=programme)
        except Programme.DoesNotExist as error:
            raise CommandError(f"no programme with the code {programme!r}") from error
        try:
            content = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from error
        try:
            result = import_results(content, found, Path(file).name)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if not result.ok:
            for message in result.errors:
                self.stderr.write(message)
            raise CommandError(f"{len(result.errors)} errors in {file}: nothing was imported.")
        self.stdout.write(self.style.SUCCESS(
            f"{result.indicators} indicators and {result.values} values imported into {found.code}."
        ))
