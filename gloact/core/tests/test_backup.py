"""Backup and restore round trips.

SQLite: pytest-django's test database lives in memory, so these tests run `gloact` in
subprocesses on file databases under tmp_path (GLOACT_VAR_DIR), one of them while another
process keeps writing. PostgreSQL: in-process on the test database, when DATABASE_URL points to
PostgreSQL. `populate()` and `snapshot()` are shared by both (the subprocesses import them).
"""

import hashlib
import io
import json
import sqlite3
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest
from django.db import connection

from gloact.core.backup import BackupError, create_backup, restore_backup, unpack_archive
from gloact.core.testing import subprocess_environment

ROOT = Path(__file__).resolve().parents[3]
DECISION = "Synthetic judgment text for the backup test.\nV1 was recruited by deception.\n".encode()
CASE_TITLE = "Backup round trip case (synthetic)"


# --- What a populated site holds, and how it is compared -------------------------------------


def populate() -> None:
    """Data in several apps, including an uploaded decision document."""
    from django.core.files.base import ContentFile

    from gloact.accounts.tests.factories import make_user
    from gloact.caselaw.models import Source
    from gloact.caselaw.tests.factories import make_published_case
    from gloact.core.models import Country, Organisation

    make_user("restorer", "focal_point", countries=["MLI"], email="restorer@example.org")
    case = make_published_case(title=CASE_TITLE)
    source = Source(case=case, title="Judgment", language="fr")
    source.file.save("judgment.txt", ContentFile(DECISION), save=True)
    Organisation.objects.create(name="Synthetic partner NGO", kind="cso", country=Country.objects.get(iso3="MLI"))


def snapshot() -> dict:
    """Row counts of every table and a few values, including the uploaded file's bytes."""
    from django.contrib.auth import get_user_model

    from gloact.accounts.tests.factories import PASSWORD
    from gloact.caselaw.models import Case, PersonIdentity, Source
    from gloact.core.models import Organisation

    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 (table names from introspection)
            counts[table] = cursor.fetchone()[0]
    case = Case.objects.filter(title=CASE_TITLE).first()
    user = get_user_model().objects.filter(username="restorer").first()
    source = Source.objects.filter(case=case).first() if case else None
    return {
        "tables": counts,
        "case": case and [case.public_id, case.status, sorted(case.tip_acts.values_list("code", flat=True))],
        "identities": sorted(PersonIdentity.objects.filter(person__case=case).values_list("real_name", flat=True)),
        "user": user and [user.email, user.check_password(PASSWORD), sorted(user.profile.countries.values_list("iso3", flat=True))],
        "organisations": sorted(Organisation.objects.values_list("name", flat=True)),
        "file": source and source.file.storage.exists(source.file.name) and [source.sha256, source.file.read().decode()],
    }


# --- SQLite, on file databases in subprocesses ------------------------------------------------


def gloact(var_dir: Path, *args: str, check: bool = True, **env: str) -> subprocess.CompletedProcess:
    environment = subprocess_environment()
    environment.update(env, GLOACT_VAR_DIR=str(var_dir))
    result = subprocess.run(
        [sys.executable, "-m", "gloact.cli", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def site_snapshot(var_dir: Path) -> dict:
    code = "import json; from gloact.core.tests.test_backup import snapshot; print(json.dumps(snapshot()))"
    return json.loads(gloact(var_dir, "shell", "-c", code).stdout.strip().splitlines()[-1])


def backup(var_dir: Path, output: Path) -> Path:
    return Path(gloact(var_dir, "backup", "--output", str(output)).stdout.strip().splitlines()[-1])


needs_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite round trip (the PostgreSQL run has its own test)"
)


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory):
    """A migrated and populated site on a SQLite file, with a backup of it and the snapshot it
    holds, shared by the tests of this module."""
    var_dir = tmp_path_factory.mktemp("site")
    gloact(var_dir, "migrate", "--noinput", "-v0")
    gloact(var_dir, "shell", "-c", "from gloact.core.tests.test_backup import populate; populate()")
    archive = backup(var_dir, tmp_path_factory.mktemp("backups"))
    return var_dir, archive, site_snapshot(var_dir)


WRITER = """
import os, pathlib, time
from django.db import transaction
from gloact.caselaw.tests.factories import make_case, make_proceeding
stop = pathlib.Path(os.environ["BACKUP_TEST_STOP"])
n, deadline = 0, time.monotonic() + 300
while not stop.exists() and time.monotonic() < deadline:
    with transaction.atomic():  # a case and its proceeding, always together
        make_proceeding(make_case(title=f"Writer case {n}"), reference=f"W{n}")
    n += 1
    if n == 20:
        print("writing", flush=True)
print(n, flush=True)
"""


def archived_database(archive: Path, into: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extract("database.sqlite3", into, filter="data")
    return into / "database.sqlite3"


@needs_sqlite
def test_backup_during_concurrent_writes_is_a_consistent_snapshot_that_restores_into_a_new_site(sqlite_site, tmp_path):
    site, _, _ = sqlite_site
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-m", "gloact.cli", "shell", "-c", WRITER], cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env={**subprocess_environment(),
             "GLOACT_VAR_DIR": str(site), "BACKUP_TEST_STOP": str(stop)},
    )
    try:
        assert "writing\n" in iter(writer.stdout.readline, "")  # reads until the writer is under way
        archive = backup(site, tmp_path / "backups")
    finally:
        stop.touch()
        written = int(writer.communicate(timeout=60)[0].strip().splitlines()[-1])
    assert writer.returncode == 0

    db = sqlite3.connect(archived_database(archive, tmp_path / "check"))
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    cases = [int(t.rsplit(" ", 1)[1]) for (t,) in db.execute("SELECT title FROM caselaw_case WHERE title LIKE 'Writer case %'")]
    with_proceeding = db.execute(
        "SELECT COUNT(*) FROM caselaw_proceeding p JOIN caselaw_case c ON p.case_id = c.id WHERE c.title LIKE 'Writer case %'"
    ).fetchone()[0]
    archived_counts = {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]  # noqa: S608
                       for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    db.close()
    # Taken while the writer ran (after its 20th commit, before its last), and every committed
    # transaction is in it whole: an unbroken run of cases, each with its proceeding.
    assert 20 <= len(cases) < written
    assert sorted(cases) == list(range(len(cases))) and with_proceeding == len(cases)

    restored = tmp_path / "restored"
    result = gloact(restored, "restore", str(archive))
    assert "Restored the sqlite database and" in result.stdout
    after = site_snapshot(restored)
    assert after["tables"] == archived_counts
    assert after["case"][2] == ["act.recruitment"] and len(after["identities"]) == 4
    assert after["user"] == ["restorer@example.org", True, ["MLI"]]
    assert after["file"] == [hashlib.sha256(DECISION).hexdigest(), DECISION.decode()]


@needs_sqlite
def test_restore_refuses_a_database_in_use_and_with_force_brings_the_site_back(sqlite_site):
    site, archive, before = sqlite_site
    assert before["file"] and before["user"][1] is True and len(before["identities"]) == 4

    alter = (
        "import json; from gloact.core.tests.test_backup import snapshot;"
        "from gloact.caselaw.models import Case, Source; from django.contrib.auth.models import User;"
        "s = Source.objects.get(case__title=%r); s.file.delete(save=False);"
        "Case.objects.filter(title=%r).delete(); User.objects.filter(username='restorer').update(email='changed@example.org');"
        "print(json.dumps(snapshot()))"
    ) % (CASE_TITLE, CASE_TITLE)
    altered = json.loads(gloact(site, "shell", "-c", alter).stdout.strip().splitlines()[-1])
    assert altered["case"] is None and altered["user"][0] == "changed@example.org"

    refused = gloact(site, "restore", str(archive), check=False)
    assert refused.returncode != 0
    assert "The target database is not empty" in refused.stderr and "--force" in refused.stderr
    assert site_snapshot(site) == altered

    gloact(site, "restore", str(archive), "--force")
    assert site_snapshot(site) == before


def rewrite_archive(archive: Path, target: Path, change) -> Path:
    """A copy of `archive` whose members went through `change(name, data) -> [(name, data)]`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as copy:
        for member in source.getmembers():
            for name, data in change(member.name, source.extractfile(member).read()):
                info = tarfile.TarInfo(name)
                info.size = len(data)
                copy.addfile(info, io.BytesIO(data))
    return target


@needs_sqlite
@pytest.mark.parametrize(
    "change, message",
    [
        (lambda name, data: [(name, b"altered" if name.startswith("media/") else data)], "Checksum mismatch for media/"),
        (lambda name, data: [(name, data)] + ([("media/extra.txt", b"x")] if name == "manifest.json" else []), "unlisted"),
        (lambda name, data: [(name, data)] + ([("../escaped.txt", b"x")] if name == "manifest.json" else []), "not a readable"),
    ],
    ids=["altered-file", "unlisted-file", "path-outside"],
)
def test_restore_refuses_a_damaged_or_altered_archive_before_touching_anything(sqlite_site, tmp_path, change, message):
    # No django_db mark: any database access would fail this test.
    archive = rewrite_archive(sqlite_site[1], tmp_path / "target" / "altered.tar.gz", change)
    with pytest.raises(BackupError, match=message):
        restore_backup(archive, media_root=tmp_path / "target" / "media")
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path / "target" / "media").exists()


def test_a_backup_made_for_one_engine_is_not_restored_into_another(tmp_path):
    manifest = {"format": 1, "engine": "oracle", "database": "database.x", "files": [], "migrations": {}}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    (tmp_path / "database.x").write_bytes(b"")
    manifest["files"] = [{"path": "database.x", "size": 0, "sha256": hashlib.sha256(b"").hexdigest()}]
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    archive = tmp_path / "other.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(tmp_path / "manifest.json", arcname="manifest.json")
        tar.add(tmp_path / "database.x", arcname="database.x")
    assert unpack_archive(archive, tmp_path / "unpacked")["engine"] == "oracle"
    with pytest.raises(BackupError, match="holds a oracle database"):
        restore_backup(archive, media_root=tmp_path / "media")


# --- PostgreSQL, on the test database ---------------------------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs DATABASE_URL pointing to PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_postgresql_round_trip_on_the_configured_database(tmp_path, settings):
    from django.contrib.auth.models import User

    from gloact.caselaw.models import Case

    settings.MEDIA_ROOT = tmp_path / "media"
    populate()
    before = snapshot()
    started = time.time()
    archive = create_backup(tmp_path / "backups")
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["engine"] == "postgresql" and manifest["database"] == "database.pgdump"
    assert "0001_initial" in manifest["migrations"]["caselaw"]
    assert {"database.pgdump", "media/caselaw/sources/judgment.txt"} <= {f["path"] for f in manifest["files"]}
    assert time.time() - started < 60

    Case.objects.filter(title=CASE_TITLE).delete()
    User.objects.filter(username="restorer").update(email="changed@example.org")
    (tmp_path / "media" / "caselaw" / "sources" / "judgment.txt").unlink()
    with pytest.raises(BackupError, match="not empty"):
        restore_backup(archive)
    assert snapshot()["case"] is None

    report = restore_backup(archive, force=True)
    assert report.files == len(manifest["files"]) - 1 and report.unknown_migrations == []
    assert snapshot() == before
