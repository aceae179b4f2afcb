from django.core.management.base import BaseCommand, CommandError

from gloact.countries.population import import_population


class Command(BaseCommand):
    help = "Load population figures (CSV with columns iso3, year, population) for rates per 100,000."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--source", default="", help="Where the figures come from, shown with the rates.")

    def handle(self, *args, file, source, **options):
        try:
            report = import_population(file, source)
        except OSError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"{report.loaded} population figures loaded"))
        for problem in report.rejected[:10]:
            self.stdout.write(self.style.WARNING(f"  {problem}"))
        if len(report.rejected) > 10:
            self.stdout.write(f"  ... and {len(report.rejected) - 10} more")
