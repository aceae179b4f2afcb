"""Backups of a running site and their restore.

`create_backup(output_dir)` writes one timestamped `.tar.gz` holding a consistent snapshot of the
database and the uploaded files (MEDIA_ROOT), with `manifest.json`: gloact version, database
engine, creation time, the SHA-256 of every file and the applied migrations.
`restore_backup(archive, force=False)` verifies every checksum, then rebuilds the configured
database and MEDIA_ROOT from it; it refuses a database already in use unless `force` is given.

Both work on the active connection's settings (`connection.settings_dict`), so the test
database is what the tests back up. SQLite goes through the online backup API, which copies a
consistent state while other connections keep writing; PostgreSQL through pg_dump (one
snapshot) and pg_restore in a single transaction. The database is copied before the uploads, so
every file that a row in the snapshot refers to is in the archive.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess  # nosec B404 # runs pg_dump and pg_restore with fixed argument lists, never a shell
import tarfile
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from glob import glob
from importlib import metadata
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.db import connection as default_connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
MEDIA_DIR = "media"
# Tables that a freshly migrated database leaves empty and that a site in use never does.
IN_USE_MODELS = ("auth.User", "caselaw.Case", "caselaw.Source")


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the operator."""


@dataclass
class RestoreReport:
    manifest: dict
    files: int
    unapplied_migrations: list[str]
    unknown_migrations: list[str]


def gloact_version() -> str:
    try:
        return metadata.version("gloact")
    except metadata.PackageNotFoundError:
        return "unknown"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def engine_of(connection) -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def applied_migrations(connection) -> dict[str, list[str]]:
    applied = defaultdict(list)
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied[app_label].append(name)
    return dict(applied)


# --- Database engines -----------------------------------------------------------------------


def sqlite_path(connection) -> Path:
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or "mode=memory" in name:
        raise BackupError("An in-memory SQLite database cannot be backed up or restored.")
    return Path(name)


def dump_sqlite(connection, target: Path) -> None:
    # One backup step (pages=-1) copies the whole database under a read transaction: in WAL
    # mode writers go on, and the copy is the state of one instant.
    source = sqlite3.connect(sqlite_path(connection), timeout=60)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()


def check_sqlite_integrity(path: Path) -> None:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()
    if result != "ok":
        raise BackupError(f"The database in the archive fails SQLite's integrity check: {result}")


def restore_sqlite(connection, dump: Path) -> None:
    """Copy the archived database onto the live file through SQLite's backup API: one write
    transaction, so the switch is atomic for every other connection and the WAL stays in step
    (swapping the file underneath would pair the old write-ahead log with the new file)."""
    target = sqlite_path(connection)
    connection.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
    try:
        live = sqlite3.connect(target, timeout=60)
        try:
            source.backup(live)
        finally:
            live.close()
    finally:
        source.close()


def postgres_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(Path(p).parts[-3]))
    if candidates:
        return candidates[-1]
    raise BackupError(f"{name} is not in PATH nor under /usr/lib/postgresql/*/bin: install the PostgreSQL client.")


def postgres_environment(connection) -> dict[str, str]:
    """libpq settings for pg_dump/pg_restore; the password travels in the environment, never
    on the command line where other local users could read it."""
    config = connection.settings_dict
    env = dict(os.environ)
    settings_keys = {"PGHOST": "HOST", "PGPORT": "PORT", "PGUSER": "USER", "PGPASSWORD": "PASSWORD", "PGDATABASE": "NAME"}
    for variable, key in settings_keys.items():
        value = config.get(key)
        if value:
            env[variable] = str(value)
        else:
            env.pop(variable, None)
    options = config.get("OPTIONS") or {}
    option_keys = {"PGSSLMODE": "sslmode", "PGSSLROOTCERT": "sslrootcert", "PGSSLCERT": "sslcert", "PGSSLKEY": "sslkey"}
    for variable, key in option_keys.items():
        if options.get(key):
            env[variable] = str(options[key])
    return env


def run_postgres_tool(connection, name: str, *args: str) -> None:
    command = [postgres_tool(name), *args]
    result = subprocess.run(  # nosec B603 # fixed program and arguments; connection settings via the environment
        command, env=postgres_environment(connection), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{name} failed: {result.stderr.strip()}")


def dump_postgres(connection, target: Path) -> None:
    # pg_dump reads everything in one transaction snapshot, so concurrent writes do not tear it.
    run_postgres_tool(connection, "pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}")


def restore_postgres(connection, dump: Path) -> None:
    # --single-transaction: either the whole archive replaces the data or nothing changes.
    connection.close()
    run_postgres_tool(
        connection, "pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
        "--single-transaction", f"--dbname={connection.settings_dict['NAME']}", str(dump),
    )


DUMPERS = {"sqlite": (SQLITE_FILE, dump_sqlite), "postgresql": (POSTGRES_FILE, dump_postgres)}


# --- Backup ---------------------------------------------------------------------------------


def copy_media(media_root: Path, target: Path) -> None:
    if not media_root.is_dir():
        target.mkdir(parents=True)
        return
    # Symbolic links are not followed: an upload is always a plain file.
    shutil.copytree(media_root, target, symlinks=True, ignore_dangling_symlinks=True)
    for path in target.rglob("*"):
        if path.is_symlink():
            path.unlink()


def create_backup(output_dir: Path, *, connection=default_connection, media_root: Path | None = None) -> Path:
    """Write a backup archive into `output_dir` and return its path."""
    engine = engine_of(connection)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    created_at = datetime.now(UTC)
    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".gloact-backup-") as staging_name:
        staging = Path(staging_name)
        database_file, dump = DUMPERS[engine]
        dump(connection, staging / database_file)  # the database first: see the module docstring
        if engine == "sqlite":
            check_sqlite_integrity(staging / database_file)
        copy_media(media_root, staging / MEDIA_DIR)
        files = [database_file] + sorted(
            p.relative_to(staging).as_posix() for p in (staging / MEDIA_DIR).rglob("*") if p.is_file()
        )
        manifest = {
            "format": FORMAT,
            "gloact_version": gloact_version(),
            "engine": engine,
            "created_at": created_at.isoformat(),
            "database": database_file,
            "files": [{"path": f, "size": (staging / f).stat().st_size, "sha256": sha256_of(staging / f)} for f in files],
            "migrations": applied_migrations(connection),
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
        # Written under a temporary name and renamed when complete: a file named like a backup is
        # always a whole one.
        partial = staging / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(staging / MANIFEST, arcname=MANIFEST)
            for f in files:
                archive.add(staging / f, arcname=f, recursive=False)
        final = output_dir / f"gloact-backup-{created_at:%Y%m%dT%H%M%SZ}.tar.gz"
        n = 1
        while final.exists():
            n += 1
            final = output_dir / f"gloact-backup-{created_at:%Y%m%dT%H%M%SZ}-{n}.tar.gz"
        os.replace(partial, final)
    return final


# --- Restore --------------------------------------------------------------------------------


def unpack_archive(archive: Path, staging: Path) -> dict:
    """Extract `archive` into `staging` and check it against its manifest; return the manifest."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members = tar.getmembers()
            for member in members:
                if not (member.isfile() or member.isdir()):
                    raise BackupError(f"Unexpected entry in the archive: {member.name}")
            # The "data" filter refuses absolute paths, paths leaving the folder and special files.
            tar.extractall(staging, filter="data")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"{archive} is not a readable backup archive: {error}") from error
    try:
        manifest = json.loads((staging / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{archive} has no valid {MANIFEST}.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    listed = {entry["path"]: entry for entry in manifest["files"]}
    present = {p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file()} - {MANIFEST}
    if present != set(listed):
        raise BackupError(
            f"The archive's files do not match its manifest (missing: {sorted(set(listed) - present)}, "
            f"unlisted: {sorted(present - set(listed))})."
        )
    for path, entry in listed.items():
        if PurePosixPath(path).parts[0] not in (MEDIA_DIR, manifest["database"]):
            raise BackupError(f"Unexpected file in the archive: {path}")
        if sha256_of(staging / path) != entry["sha256"]:
            raise BackupError(f"Checksum mismatch for {path}: the archive is damaged or was altered.")
    return manifest


def database_in_use(connection) -> list[str]:
    """What makes the configured database more than a fresh install, e.g. ["3 user accounts"]."""
    tables = set(connection.introspection.table_names())
    found = []
    for label in IN_USE_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        if model._meta.db_table in tables:
            count = model._default_manager.using(connection.alias).count()
            if count:
                found.append(f"{count} {model._meta.verbose_name_plural}")
    return found


def replace_media(source: Path, media_root: Path) -> None:
    """Swap the restored uploads in by renames on the same file system."""
    media_root.parent.mkdir(parents=True, exist_ok=True)
    previous = media_root.with_name(f".{media_root.name}-before-restore")
    if previous.exists():
        shutil.rmtree(previous)
    if media_root.exists():
        os.replace(media_root, previous)
    os.replace(source, media_root)
    if previous.exists():
        shutil.rmtree(previous)


def migration_differences(connection, manifest: dict) -> tuple[list[str], list[str]]:
    """(migrations this code has and the backup lacks, migrations the backup has that this code
    does not know: it was made by a newer version)."""
    archived = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unapplied = sorted(f"{a}.{n}" for a, n in known - archived if a in apps.app_configs)
    unknown = sorted(f"{a}.{n}" for a, n in archived - known)
    return unapplied, unknown


def restore_backup(
    archive: Path, *, force: bool = False, connection=default_connection, media_root: Path | None = None
) -> RestoreReport:
    """Rebuild the configured database and MEDIA_ROOT from `archive` (see the module docstring)."""
    engine = engine_of(connection)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".gloact-restore-") as staging_name:
        staging = Path(staging_name)
        manifest = unpack_archive(Path(archive), staging)
        if manifest["engine"] != engine:
            raise BackupError(f"This archive holds a {manifest['engine']} database; the site is configured for {engine}.")
        in_use = database_in_use(connection)
        if in_use and not force:
            raise BackupError(
                f"The target database is not empty ({', '.join(in_use)}). Restoring replaces all of it: "
                "run again with --force to do so."
            )
        dump = staging / manifest["database"]
        if engine == "sqlite":
            check_sqlite_integrity(dump)
            restore_sqlite(connection, dump)
        else:
            restore_postgres(connection, dump)
        media = staging / MEDIA_DIR
        media.mkdir(exist_ok=True)
        replace_media(media, media_root)
    unapplied, unknown = migration_differences(connection, manifest)
    return RestoreReport(manifest, len(manifest["files"]) - 1, unapplied, unknown)
