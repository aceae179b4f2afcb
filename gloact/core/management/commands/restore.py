from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gloact.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Rebuild the configured database and the uploaded files from a backup archive, after "
        "checking its checksums. Stop the web server and the task consumer first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="A .tar.gz written by `gloact backup`.")
        parser.add_argument("--force", action="store_true", help="Replace a database that is already in use.")

    def handle(self, *args, archive, force=False, **options):
        try:
            report = restore_backup(archive, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = report.manifest
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the {manifest['engine']} database and {report.files} uploaded files "
                f"from the backup of {manifest['created_at']} (gloact {manifest['gloact_version']})."
            )
        )
        if report.unapplied_migrations:
            self.stdout.write(f"The backup predates {len(report.unapplied_migrations)} migrations: run `gloact migrate`.")
        if report.unknown_migrations:
            self.stdout.write(
                self.style.WARNING(
                    "The backup was made by a newer gloact (unknown migrations: "
                    f"{', '.join(report.unknown_migrations)}); run that version's code on it."
                )
            )
