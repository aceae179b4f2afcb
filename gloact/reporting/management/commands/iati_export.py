"""`gloact iati-export --programme CODE [-o FILE]`: the programme as an IATI 2.03 activity file.

The file is validated (XSD and result rules) before anything is written; an invalid file is not
written at all and its problems are printed. A file is replaced atomically.
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from gloact.monitoring.models import Programme
from gloact.reporting.iati.export import export_programme, write_activity_file


class Command(BaseCommand):
    help = "Export a programme and its country components, with their results, as an IATI 2.03 activity file."

    def add_arguments(self, parser):
        parser.add_argument("--programme", required=True, help="programme code")
        parser.add_argument("--output", "-o", help="file to write (replaced atomically); stdout when omitted")
        parser.add_argument("--reporting-org", help="IATI identifier of the publisher (default: GLOACT_IATI_REPORTING_ORG)")

    def handle(self, *args, programme, output=None, reporting_org=None, **options):
        try:
            found = Programme.objects.get(code=programme)
        except Programme.DoesNotExist as error:
            raise CommandError(f"no programme with the code {programme!r}") from error
        try:
            result = export_programme(found, reporting_org)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if not result.ok:
            for message in result.errors:
                self.stderr.write(message)
            raise CommandError(f"{len(result.errors)} problems: the activity file is not valid and was not written.")
        if output:
            try:
                write_activity_file(output, result.content)
            except OSError as error:
                raise CommandError(f"cannot write {output}: {error.strerror}") from error
            self.stderr.write(f"IATI activity file of {found.code} written to {output}")
        else:
            self.stdout.ending = ""
            self.stdout.write(result.content.decode("utf-8"))
