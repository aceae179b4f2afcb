"""Bulk commands keep what their process has loaded out of the garbage collector's full passes,
when they are the process's work (run from the console), not when called from code."""

import gc

import pytest
from django.core.management import call_command, load_command_class

from gloact.core.processes import BulkCommand


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
