from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from gloact.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write a consistent snapshot of the database and the uploaded files into one timestamped "
        ".tar.gz archive, while the site keeps running."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, default=None, help="Folder for the archive (default: var/backups under GLOACT_VAR_DIR)."
        )

    def handle(self, *args, output=None, **options):
        try:
            archive = create_backup(output or settings.VAR_DIR / "backups")
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
