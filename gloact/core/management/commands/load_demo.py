from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from gloact.accounts.demo import DEMO_PASSWORD, create_demo_accounts


class Command(BaseCommand):
    help = "Load the synthetic demo content and demo accounts (idempotent: safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--no-accounts", action="store_true", help="Do not create the demo accounts.")

    @transaction.atomic
    def handle(self, *args, no_accounts=False, **options):
        # Each app that has demo content names its loader on its AppConfig.
        for config in apps.get_app_configs():
            loader = getattr(config, "demo_loader", None)
            if loader:
                created = import_string(loader)()
                self.stdout.write(f"{config.verbose_name}: {created} demo records created")
        if not no_accounts:
            accounts = create_demo_accounts()
            self.stdout.write(self.style.SUCCESS("Demo accounts (password for all: %s):" % DEMO_PASSWORD))
            for username, role in accounts:
                self.stdout.write(f"  {username:<15} {role}")
