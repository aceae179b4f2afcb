import subprocess
import sys
from pathlib import Path
from gloact.core.testing import subprocess_environment

ROOT = Path(__file__).resolve().parents[3]


def run_gloact(*args, **env):
    environment = subprocess_environment()
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "gloact.cli", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_production_settings_pass_the_deployment_check(tmp_path):
    result = run_gloact(
        "check", "--deploy", "--fail-level", "WARNING",
        GLOACT_ENV="production", GLOACT_SECRET_KEY="k" * 20 + "a-long-random-production-secret-0123456789",
        GLOACT_ALLOWED_HOSTS="gloact.example.org", GLOACT_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_gloact("check", GLOACT_ENV="production", GLOACT_ALLOWED_HOSTS="x.org", GLOACT_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "GLOACT_SECRET_KEY must be set" in result.stderr


def test_local_secret_key_is_generated_once_under_var(tmp_path):
    first = run_gloact("shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY)", GLOACT_VAR_DIR=str(tmp_path))
    second = run_gloact("shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY)", GLOACT_VAR_DIR=str(tmp_path))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().splitlines()[-1] == second.stdout.strip().splitlines()[-1]
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_sqlite_database_runs_in_wal_mode(tmp_path):
    result = run_gloact(
        "shell", "-c", "from django.db import connection; c=connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])",
        GLOACT_VAR_DIR=str(tmp_path),
    )
    assert result.stdout.strip().splitlines()[-1] == "wal", result.stderr


def test_production_sends_security_headers(tmp_path):
    code = (
        "from django.test import Client; r = Client(HTTP_HOST='gloact.example.org').get('/healthz', secure=True);"
        "print(r.headers.get('Strict-Transport-Security')); print(r.headers.get('Content-Security-Policy'));"
        "print(r.headers.get('X-Content-Type-Options')); print(r.headers.get('Referrer-Policy'))"
    )
    result = run_gloact(
        "shell", "-c", code, GLOACT_ENV="production", GLOACT_SECRET_KEY="s" * 60,
        GLOACT_ALLOWED_HOSTS="gloact.example.org", GLOACT_VAR_DIR=str(tmp_path),
    )
    hsts, csp, nosniff, referrer = result.stdout.strip().splitlines()[-4:]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert nosniff == "nosniff" and referrer == "same-origin"


# Prints the memory SQLite counts as in use, with a temporary table of 100 KB open.
SQLITE_MEMORY_USED = (
    "import ctypes; from gloact.sqlite_startup import library; used = library().sqlite3_memory_used;"
    "used.restype = ctypes.c_int64; cursor = connection.cursor();"
    "cursor.execute('CREATE TEMP TABLE t AS SELECT randomblob(100000)'); print(used())"
)


def test_sqlite_keeps_no_memory_statistics_in_a_gloact_process(tmp_path):
    # With them on, threads running searches wait for each other (sqlite_startup.py).
    result = run_gloact("shell", "-c", "from django.db import connection; " + SQLITE_MEMORY_USED,
                        GLOACT_VAR_DIR=str(tmp_path), DATABASE_URL=f"sqlite:///{tmp_path}/gloact.sqlite3")
    assert result.stdout.strip().splitlines()[-1] == "0", result.stdout + result.stderr


def test_sqlite_memory_statistics_stay_on_once_sqlite3_is_imported(tmp_path):
    # The check above can tell: memory is counted where the setting came too late, and refused.
    code = ("import sqlite3; from gloact.sqlite_startup import turn_off_memory_statistics;"
            "print(turn_off_memory_statistics()); connection = sqlite3.connect(':memory:'); " + SQLITE_MEMORY_USED)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    refused, used = result.stdout.split()
    assert refused == "False" and int(used) > 100_000, result.stderr
