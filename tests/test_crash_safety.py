"""Crash safety: a case import killed with SIGKILL in the middle of its writing leaves the
database exactly as before and intact, and the same import can then be run to completion.

Runs `gloact import-cases` in a subprocess on a SQLite file database (GLOACT_VAR_DIR under
tmp_path), with a few thousand synthetic records of docs/case-format.md.
"""

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from gloact.core.testing import subprocess_environment

ROOT = Path(__file__).resolve().parents[1]
RECORDS = 3000


def synthetic_record(n: int) -> dict:
    return {
        "court_reference": f"SYN-CRASH-{n:05d}",
        "title": f"Synthetic crash-test case {n}",
        "jurisdiction": {"code": "MLI"},
        "crime_types": ["crime.trafficking_in_persons"],
        "is_synthetic": True,
        "original_language": "fr",
        "texts": {"summary": f"Résumé synthétique {n}. " * 20},
        "proceedings": [{"order": 0, "court_name": "Synthetic Regional Court", "court_level": "first_instance",
                         "date": "2024-03-01", "outcome": "conviction"}],
        "persons": [{"label": "D1", "role": "defendant", "sex": "male", "age_band": "35-49"},
                    {"label": "V1", "role": "victim", "sex": "female", "age_band": "18-24"}],
        "charges": [{"defendant": "D1", "charge": "Trafficking in persons", "verdict": "convicted",
                     "imprisonment_months": 60}],
        "trafficking": {"acts": ["act.recruitment"], "means": ["means.deception"], "purposes": ["purpose.forced_labour"]},
    }


def environment(var_dir: Path) -> dict:
    env = subprocess_environment()
    env["GLOACT_VAR_DIR"] = str(var_dir)
    return env


def gloact(var_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gloact.cli", *args], cwd=ROOT, env=environment(var_dir),
                          capture_output=True, text=True, timeout=600)


def case_count(database: Path) -> int:
    db = sqlite3.connect(database)
    try:
        return db.execute("SELECT COUNT(*) FROM caselaw_case").fetchone()[0]
    finally:
        db.close()


def is_writing(database: Path) -> bool:
    """Whether another connection holds the write lock (the import opens its transaction with
    BEGIN IMMEDIATE, see the SQLite OPTIONS in settings)."""
    db = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        db.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as error:
        if "locked" not in str(error):
            raise
        return True
    finally:
        db.close()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="runs on its own SQLite file; once per suite is enough")
def test_an_import_killed_while_writing_changes_nothing_and_can_be_run_again(tmp_path):
    migrated = gloact(tmp_path, "migrate", "--noinput", "-v0")
    assert migrated.returncode == 0, migrated.stderr
    database = tmp_path / "gloact.sqlite3"
    cases = tmp_path / "cases.jsonl"
    with cases.open("w") as stream:
        for n in range(RECORDS):
            stream.write(json.dumps(synthetic_record(n), ensure_ascii=False) + "\n")
    before = case_count(database)

    # With SQLite's default page cache, the transaction spills its pages to disk long before it ends.
    env = {**environment(tmp_path), "GLOACT_IMPORT_PAGE_CACHE_MB": "2"}
    importer = subprocess.Popen([sys.executable, "-m", "gloact.cli", "import-cases", str(cases)], cwd=ROOT,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Kill it once its transaction has pushed uncommitted pages to disk (the write-ahead log has
    # grown past 1 MB while it still holds the write lock): the case a crash must survive.
    wal = Path(f"{database}-wal")
    deadline = time.monotonic() + 300
    while importer.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 1_000_000 and is_writing(database):
            break
        time.sleep(0.02)
    still_running = importer.poll() is None
    importer.send_signal(signal.SIGKILL)
    out, err = importer.communicate(timeout=60)
    assert still_running and importer.returncode == -signal.SIGKILL, (out, err)

    assert case_count(database) == before
    db = sqlite3.connect(database)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT COUNT(*) FROM caselaw_proceeding").fetchone()[0] == 0
    db.close()

    again = gloact(tmp_path, "import-cases", str(cases))
    assert again.returncode == 0, again.stderr
    assert f"{RECORDS} cases created" in again.stdout
    assert case_count(database) == before + RECORDS
