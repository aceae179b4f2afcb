"""The `gloact` console command: every operator task goes through Django's manage.py machinery."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gloact.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "gloact"
    # Commands may be spelt with hyphens (`gloact export-cases`); Django's modules use underscores.
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
