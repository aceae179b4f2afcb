"""Bulk commands keep what their process has loaded out of the garbage collector's full passes,
when they are the process's work (run from the console), not when called from code; so do
server workers, with what their requests would load."""

import gc
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command, load_command_class

from gloact.core.processes import BulkCommand
from gloact.core.testing import subprocess_environment


class Probe(BulkCommand):
    def handle(self, *args, **options):
        self.frozen = gc.get_freeze_count()


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()  # this process runs other tests: nothing stays frozen


def test_a_bulk_command_from_the_console_freezes_what_is_loaded_before_its_work(unfrozen):
    probe = Probe()
    probe.run_from_argv(["gloact", "probe"])
    assert probe.frozen > 10_000  # Django and the apps, at least


def test_a_bulk_command_called_from_code_freezes_nothing(unfrozen):
    probe = Probe()
    call_command(probe)
    assert probe.frozen == 0


@pytest.mark.parametrize("name", ["import_cases", "export_cases", "reindex_cases", "import_sherloc"])
def test_the_case_law_bulk_commands_are_bulk_commands(name):
    assert isinstance(load_command_class("gloact.caselaw", name), BulkCommand)


WORKER = """
import gc, runpy, sys
import django
django.setup()
from django.test import Client
from gloact.core.processes import freeze_loaded_objects
if sys.argv[1] == "hook":
    runpy.run_path("gloact/caselaw/search/gunicorn_hooks.py")["post_worker_init"](None)
else:
    freeze_loaded_objects()
for language in ("en", "fr", "ar"):
    assert Client().get(f"/{language}/nowhere/", HTTP_HOST="127.0.0.1").status_code == 404
gc.collect()
print(len(gc.get_objects()))
"""


def _objects_left_after_first_requests(start: str, tmp_path) -> int:
    """The objects a full pass of the collector walks in a fresh server process, started with
    `start`, once it has served its first requests."""
    env = subprocess_environment(DJANGO_SETTINGS_MODULE="gloact.settings", GLOACT_VAR_DIR=str(tmp_path),
                                 DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}", GLOACT_LOG_LEVEL="ERROR")
    done = subprocess.run([sys.executable, "-c", WORKER, start], env=env, cwd=settings.BASE_DIR,
                          capture_output=True, text=True, timeout=120, check=True)
    return int(done.stdout.split()[-1])


def test_a_server_worker_loads_what_requests_load_before_freezing(tmp_path):
    # Its search structures are not built here (no tables): the hook logs it and goes on.
    assert _objects_left_after_first_requests("hook", tmp_path) < 5_000
    assert _objects_left_after_first_requests("freeze only", tmp_path) > 30_000  # what the hook spares
