"""The `gloact` console command: every operator task goes through Django's manage.py machinery."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gloact.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "gloact"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
