"""`make bench` / `python -m bench.run`: performance of search, case pages, feed, export and
import on deterministic synthetic corpora, on SQLite and PostgreSQL, against two references:

- the floor: the same text queries straight against the database's full-text index (floor.py);
- the peer: Datasette serving the same SQLite file with its own FTS and facets (SQLite only).

Every figure comes from separate processes: gunicorn with production settings serves the site on
127.0.0.1 and a client process (load.py) times the requests; imports and exports are timed as
child processes (wall time, CPU time, peak RSS from wait4; the machine's busy CPU meanwhile, the
server's work included). Results: bench/results/latest.json and latest.md.

Options: --sizes 10000,100000 (default), --databases sqlite,postgresql (default), --pg-sizes
(sizes for PostgreSQL; default: --sizes), --reps N
(samples per query shape and target; default 20), --quick (5 samples, 10,000 cases, SQLite),
--workdir DIR (corpora and databases, kept between runs; default var/bench).
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from . import corpus, results, servers

ROOT = servers.ROOT
GLOACT = str(servers.VENV_BIN / "gloact")
SEED = 20261122
WORKERS = 2  # one per CPU core of the target machine

# Query shapes: (name, search parameters, FTS5 expression of the text for the peer, or None).
# JURISDICTION is replaced by the corpus's most common jurisdiction.
SHAPES = [
    ("browse_all", {}, None),
    ("facet_one", {"jurisdiction": ["JURISDICTION"]}, None),
    ("facets_three", {"act": ["act.recruitment"], "means": ["means.deception"], "year_from": "2010"}, None),
    ("common_word", {"q": "court"}, "court"),
    ("rare_word", {"q": corpus.RARE_WORD}, corpus.RARE_WORD),
    ("phrase", {"q": f'"{corpus.PHRASE}"'}, f'"{corpus.PHRASE}"'),
    ("two_words", {"q": "passports wages"}, "passports wages"),
    ("or_words", {"q": "fishermen OR nightclub"}, "fishermen OR nightclub"),
    ("negation", {"q": "victims -children"}, "victims NOT children"),
    ("text_three_facets", {"q": "recruited", "jurisdiction": ["JURISDICTION"], "act": ["act.recruitment"],
                           "purpose": ["purpose.sexual_exploitation"]}, "recruited"),
    ("no_match", {"q": "quixotrylamb"}, "quixotrylamb"),
    ("deep_page", {"q": "court"}, "court"),  # the 26th page of results, by cursor
]
DEEP_PAGES = 25
PG_SETTINGS = "-c shared_buffers=1GB"


def log(message: str) -> None:
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def machine_busy_seconds() -> float:
    """CPU seconds every core of the machine has spent busy since boot (/proc/stat: all but idle and
    iowait), the database server's included."""
    with open("/proc/stat") as stat:
        ticks = [int(field) for field in stat.readline().split()[1:]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def timed_child(command: list[str], env: dict, stdout=subprocess.DEVNULL) -> dict:
    """Run `command`; wall seconds, CPU seconds and peak RSS (MB) of that child alone (wait4), and
    the machine's busy CPU seconds meanwhile: the child's work and the server's for it."""
    busy = machine_busy_seconds()
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=stdout, stderr=subprocess.PIPE)
    stderr_tail = b""
    # stderr is read to the end before waiting, so a chatty child cannot block on a full pipe.
    for chunk in iter(lambda: process.stderr.read(65536), b""):
        stderr_tail = (stderr_tail + chunk)[-4000:]
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed: {stderr_tail.decode(errors='replace')}")
    return {"seconds": round(wall, 2), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
            "machine_cpu_seconds": round(machine_busy_seconds() - busy, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


# --- Databases --------------------------------------------------------------------------------
class SQLiteTarget:
    name = "sqlite"

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.template = workdir / "template.sqlite3"

    def url(self, path: Path) -> str:
        return f"sqlite:///{path}"

    def prepare_template(self, env: dict) -> None:
        migrations = max(p.stat().st_mtime for p in (ROOT / "gloact").rglob("migrations/*.py"))
        if not self.template.exists() or self.template.stat().st_mtime < migrations:
            self.template.unlink(missing_ok=True)
            subprocess.run([GLOACT, "migrate", "--noinput"], env={**env, "DATABASE_URL": self.url(self.template)},
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL)

    def fresh(self, size: int) -> str:
        path = self.workdir / f"cases-{size}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copy(self.template, path)
        return self.url(path)

    def finish(self, url: str) -> Path:
        """Fold the write-ahead log into the file (Datasette opens it immutable)."""
        path = Path(url.removeprefix("sqlite:///"))
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.execute("ANALYZE")
        return path

    def stop(self) -> None:
        pass


class PostgresTarget:
    name = "postgresql"

    def __init__(self, workdir: Path):
        self.dir = workdir / "pg"
        if self.dir.exists():
            self.stop()
        self.dir.mkdir(parents=True)
        os.chmod(self.dir, 0o755)
        # As a production server would be set up: shared buffers large enough to hold the search
        # table (PostgreSQL's default of 128 MB makes every search read it again from the OS).
        env = {**os.environ, "GLOACT_PG_SETTINGS": PG_SETTINGS}
        out = subprocess.run([str(ROOT / "scripts" / "pg-test-cluster.sh"), "start", str(self.dir)],
                             check=True, capture_output=True, text=True, env=env)
        self.base_url = out.stdout.strip().splitlines()[-1]

    def url(self, database: str) -> str:
        return self.base_url.rsplit("/", 1)[0] + "/" + database

    def _admin(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as db:
            for statement in statements:
                db.execute(statement)

    def prepare_template(self, env: dict) -> None:
        self._admin("DROP DATABASE IF EXISTS bench_template", "CREATE DATABASE bench_template")
        subprocess.run([GLOACT, "migrate", "--noinput"], env={**env, "DATABASE_URL": self.url("bench_template")},
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)

    def fresh(self, size: int) -> str:
        self._admin(f"DROP DATABASE IF EXISTS bench_{size}", f"CREATE DATABASE bench_{size} TEMPLATE bench_template")
        return self.url(f"bench_{size}")

    def finish(self, url: str) -> None:
        import psycopg

        with psycopg.connect(url, autocommit=True) as db:
            db.execute("VACUUM ANALYZE")

    def stop(self) -> None:
        subprocess.run([str(ROOT / "scripts" / "pg-test-cluster.sh"), "stop", str(self.dir)], check=False,
                       capture_output=True)


# --- Measurements -----------------------------------------------------------------------------
def corpus_file(workdir: Path, size: int, env: dict, template_url: str) -> Path:
    """The corpus of `size` cases (written once per size and seed)."""
    path = workdir / f"corpus-{size}-{SEED}.jsonl"
    if not path.exists():
        code = ("import json,sys; from gloact.caselaw.models import Jurisdiction; "
                "print(json.dumps(dict(Jurisdiction.objects.values_list('name', 'code'))))")
        names = subprocess.run([GLOACT, "shell", "-c", code], env={**env, "DATABASE_URL": template_url}, cwd=ROOT,
                               check=True, capture_output=True, text=True).stdout
        names = json.loads(names.strip().splitlines()[-1])
        tmp = path.with_suffix(".tmp")
        corpus.write_corpus(tmp, size, corpus.load_distributions(names), SEED)
        tmp.rename(path)
    return path


def _query_string(params: dict, **extra) -> str:
    return urllib.parse.urlencode({**params, **extra}, doseq=True)


def _get_json(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=300) as response:
        return json.load(response)


def run_load(plan: dict, workdir: Path) -> dict:
    plan_path, result_path = workdir / "load-plan.json", workdir / "load-result.json"
    plan_path.write_text(json.dumps(plan))
    subprocess.run([sys.executable, "-m", "bench.load", str(plan_path), str(result_path)], cwd=ROOT, check=True)
    return json.loads(result_path.read_text())


def shapes_for(top_jurisdiction: str) -> list[tuple[str, dict, str | None]]:
    def fill(params):
        return {k: [top_jurisdiction if x == "JURISDICTION" else x for x in v] if isinstance(v, list) else v
                for k, v in params.items()}

    return [(name, fill(params), fts) for name, params, fts in SHAPES]


def measure_ours(server, shapes, reps: int, workdir: Path) -> dict:
    base = server.base
    # Deep pagination: the cursor of page DEEP_PAGES + 1, found by following the API's cursors.
    deep_params = dict(next(params for name, params, _fts in shapes if name == "deep_page"))
    cursor = ""
    for _page in range(DEEP_PAGES):
        page = _get_json(base, "/api/cases?" + _query_string(deep_params, limit=20, **({"cursor": cursor} if cursor else {})))
        cursor = page["next_cursor"] or cursor
    items = []
    for name, params, _fts in shapes:
        extra = {"cursor": cursor} if name == "deep_page" else {}
        qs = _query_string(params, **extra)
        items.append({"name": f"api:{name}", "reps": reps, "paths": [[f"/api/cases?{qs}&facets=true"]]})
        items.append({"name": f"html:{name}", "reps": reps, "paths": [[f"/cases/?{qs}"]]})
    sample = _get_json(base, "/api/cases?limit=100")["results"]
    case_paths = [[f"/cases/{record['public_id']}/"] for record in sample]
    items.append({"name": "case_page", "reps": reps, "paths": case_paths})
    items.append({"name": "feed", "reps": max(5, reps // 4), "paths": [["/cases/feed/"]]})
    return run_load({"base": base, "warmup": 2 * WORKERS, "items": items}, workdir)


def datasette_ids(db_file: Path) -> dict:
    with sqlite3.connect(db_file) as db:
        terms = dict(db.execute("SELECT code, id FROM caselaw_term"))
        jurisdictions = dict(db.execute("SELECT code, id FROM caselaw_jurisdiction"))
    return {"terms": terms, "jurisdictions": jurisdictions}


# The closest Datasette equivalent of our facet filters: a column filter where the facet is a
# column of the case table, otherwise a _where subquery on the join table.
PEER_FACETS = ["jurisdiction_id", "tip_scope", "is_landmark", "original_language"]
PEER_JOINS = {"act": ("caselaw_case_tip_acts", "term_id"), "means": ("caselaw_case_tip_means", "term_id"),
              "purpose": ("caselaw_case_tip_purposes", "term_id")}


def peer_params(params: dict, fts: str | None, ids: dict) -> list[tuple[str, str]]:
    out = [("status__exact", "published"), ("_size", "20")] + [("_facet", f) for f in PEER_FACETS]
    if fts:
        out += [("_search", fts), ("_searchmode", "raw")]
    for name, values in params.items():
        if name == "jurisdiction":
            out.append(("jurisdiction_id__in", ",".join(str(ids["jurisdictions"][v]) for v in values)))
        elif name in PEER_JOINS:
            table, column = PEER_JOINS[name]
            term_ids = ",".join(str(ids["terms"][v]) for v in values)
            out.append(("_where", f"id in (select case_id from {table} where {column} in ({term_ids}))"))
        elif name == "year_from":
            out.append(("_where", "id in (select case_id from caselaw_proceeding where is_latest = 1 "
                                  f"and date >= '{int(values)}-01-01')"))
    return out


def measure_peer(db_file: Path, shapes, reps: int, workdir: Path) -> dict:
    metadata = workdir / "datasette-metadata.json"
    database = db_file.stem
    metadata.write_text(json.dumps({"databases": {database: {"tables": {
        "caselaw_case": {"fts_table": "caselaw_case_fts", "fts_pk": "id"}}}}}))
    ids = datasette_ids(db_file)
    server = servers.datasette(db_file, metadata, workdir / "datasette.log")
    try:
        table = f"/{database}/caselaw_case.json"
        items = []
        for name, params, fts in shapes:
            query = peer_params(params, fts, ids)
            if name == "deep_page":
                next_token = None
                for _page in range(DEEP_PAGES):
                    page = _get_json(server.base, table + "?" + urllib.parse.urlencode(
                        query + ([("_next", next_token)] if next_token else [])))
                    next_token = page.get("next") or next_token
                query = query + [("_next", next_token)]
            items.append({"name": f"peer:{name}", "reps": reps, "paths": [[table + "?" + urllib.parse.urlencode(query)]]})
        return run_load({"base": server.base, "warmup": 2, "items": items}, workdir)
    finally:
        server.stop()


def measure_floor(env: dict, shapes, reps: int, workdir: Path) -> dict:
    plan = workdir / "floor-plan.json"
    out = workdir / "floor-result.json"
    plan.write_text(json.dumps({"reps": reps, "queries": {name: p["q"] for name, p, _fts in shapes if p.get("q")}}))
    subprocess.run([str(servers.VENV_BIN / "python"), "-m", "bench.floor", str(plan), str(out)], env=env, cwd=ROOT,
                   check=True)
    return json.loads(out.read_text())


def bench_one(target, size: int, args, workdir: Path, var_dir: Path, peer: bool) -> dict:
    base_env = servers.production_env(var_dir, "")
    template_url = target.url(target.template) if target.name == "sqlite" else target.url("bench_template")
    path = corpus_file(workdir, size, base_env, template_url)
    url = target.fresh(size)
    env = {**base_env, "DATABASE_URL": url}
    log(f"{target.name} {size}: import-cases")
    imported = timed_child([GLOACT, "import-cases", str(path)], env)
    imported["cases"] = size
    imported["cases_per_second"] = round(size / imported["seconds"], 1)
    imported["cases_per_cpu_second"] = round(size / imported["cpu_seconds"], 1)
    # Near the machine's cores, the import is bound by the work it does, not by waiting for it.
    imported["cores_busy"] = round(imported["machine_cpu_seconds"] / imported["seconds"], 2)
    imported["file_mb"] = round(path.stat().st_size / 2**20, 1)
    db_file = target.finish(url)
    top_jurisdiction = _top_jurisdiction(path)
    shapes = shapes_for(top_jurisdiction)
    log(f"{target.name} {size}: floor")
    floor = measure_floor(env, shapes, args.reps, workdir)
    log(f"{target.name} {size}: gunicorn")
    server = servers.gunicorn(env, WORKERS, workdir / f"gunicorn-{target.name}-{size}.log")
    try:
        ours = measure_ours(server, shapes, args.reps, workdir)
    finally:
        server.stop()
    theirs = {}
    if peer:
        log(f"{target.name} {size}: datasette")
        theirs = measure_peer(db_file, shapes, args.reps, workdir)
    log(f"{target.name} {size}: export-cases")
    export_path = workdir / f"export-{target.name}-{size}.jsonl"
    exported = timed_child([GLOACT, "export-cases", "--output", str(export_path)], env)
    exported["mb"] = round(export_path.stat().st_size / 2**20, 1)
    export_path.unlink()
    return {"database": target.name, "cases": size, "import": imported, "export": exported, "floor": floor,
            "ours": ours, "peer": theirs, "top_jurisdiction": top_jurisdiction}


def _top_jurisdiction(path: Path) -> str:
    counts: dict[str, int] = {}
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream):
            if number >= 5000:
                break
            code = json.loads(line)["jurisdiction"]["code"]
            counts[code] = counts.get(code, 0) + 1
    return max(counts, key=counts.get)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--pg-sizes", default=None,
                        help="sizes for PostgreSQL, when fewer than --sizes fit the time available")
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--workdir", default=str(ROOT / "var" / "bench"))
    args = parser.parse_args(argv)
    if args.quick:
        args.reps, args.sizes, args.databases = 5, "10000", "sqlite"
    sizes = [int(size) for size in args.sizes.split(",")]
    pg_sizes = [int(size) for size in args.pg_sizes.split(",")] if args.pg_sizes else sizes
    databases = args.databases.split(",")
    workdir = Path(args.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    var_dir = workdir / "var"
    var_dir.mkdir(exist_ok=True)
    subprocess.run([str(ROOT / "scripts" / "bench-setup.sh")], check=True)
    base_env = servers.production_env(var_dir, "")
    subprocess.run([GLOACT, "collectstatic", "--noinput"], env={**base_env, "DATABASE_URL": "sqlite://:memory:"},
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    runs = []
    started = time.time()
    for database in databases:
        target = SQLiteTarget(workdir) if database == "sqlite" else PostgresTarget(workdir)
        try:
            log(f"{database}: migrating the template database")
            target.prepare_template({**base_env, "DATABASE_URL": ""})
            for size in pg_sizes if database == "postgresql" else sizes:
                runs.append(bench_one(target, size, args, workdir, var_dir, peer=database == "sqlite"))
                results.write(runs, _environment(args, started), ROOT / "bench" / "results")
        finally:
            target.stop()
    log(f"done in {time.time() - started:.0f} s: bench/results/latest.md")


def _environment(args, started: float) -> dict:
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version, "reps": args.reps, "seed": SEED, "gunicorn_workers": WORKERS,
        "search_threads": servers.SEARCH_THREADS,
        "load_average_at_end": os.getloadavg(), "elapsed_s": round(time.time() - started),
    }


if __name__ == "__main__":
    main()
