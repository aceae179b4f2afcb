"""`python -m bench.loadtest`: a sustained load on the whole site, to show that latency and memory
stay level over minutes, not only that single requests are fast.

It builds a SQLite database with the demo content and accounts plus a synthetic corpus
(bench/corpus.py, default 3,000 cases), serves it with gunicorn (production settings, 2 workers,
as bench.run does) and runs locust headless from .venv-bench (scripts/bench-setup.sh) on loopback
for --minutes (default 3) with --users simulated visitors (default 8):

- public readers (8 in 9): the search page and the API search with words and facets of the
  corpus, and case pages;
- a programme officer (1 in 9), logged in, saving an indicator value in a draft report of their
  country (each save must redirect back to the report; anything else counts as an error).

Every request is recorded (time, type, milliseconds, error); the result is p50/p95 per request
type per minute, the errors (the run fails if there is any), and the resident memory of gunicorn
(master and workers) sampled every 10 s. Results: bench/results/load-latest.json and
load-latest.md. Options: --minutes, --users, --cases, --workdir (default var/bench-load, where the
prepared database is kept and copied for each run).

This file is also the locustfile: locust imports it, and the user classes below exist only where
locust is installed.
"""

import json
import math
import os
import random
import re

PLAN_ENV = "GLOACT_LOADTEST_PLAN"  # path of the plan (JSON) the orchestrator writes for locust
SEARCH_WORDS = ["court", "recruited", "passports wages", "debt bondage", "fishermen OR nightclub", "victims -children",
                "zeolithic", "exploitation", "smuggling"]
FACETS = [{}, {"act": "act.recruitment"}, {"means": "means.deception"}, {"purpose": "purpose.forced_labour"},
          {"purpose": "purpose.sexual_exploitation", "act": "act.transportation"}]

try:
    from locust import HttpUser, between, events, task
except ImportError:  # the orchestrator's environment (.venv) has Django, not locust
    HttpUser = None

if HttpUser is not None:
    PLAN = json.load(open(os.environ[PLAN_ENV]))
    SAMPLES = []

    @events.request.add_listener
    def _record(request_type, name, response_time, response_length, exception=None, start_time=None, **_kw):
        SAMPLES.append((start_time, name, round(response_time, 2), None if exception is None else str(exception)[:200]))

    @events.quitting.add_listener
    def _write_samples(environment, **_kw):
        with open(PLAN["samples"], "w") as out:
            json.dump(SAMPLES, out)

    class PublicReader(HttpUser):
        weight = 8
        wait_time = between(0.5, 2)

        def _query(self):
            params = dict(random.choice(FACETS))
            if random.random() < 0.7:
                params["q"] = random.choice(SEARCH_WORDS)
            return params

        @task(3)
        def search_page(self):
            self.client.get("/cases/", params=self._query(), name="search page")

        @task(3)
        def api_search(self):
            self.client.get("/api/cases", params=self._query(), name="API search")

        @task(4)
        def case_page(self):
            self.client.get(f"/cases/{random.choice(PLAN['cases'])}/", name="case page")

    class OfficerEnteringResults(HttpUser):
        """Production cookies are Secure; on plain-HTTP loopback the client would not send them
        back, so the session and CSRF cookies are carried by hand."""

        weight = 1
        wait_time = between(1, 3)

        def _cookies(self, response):
            for name in ("sessionid", "csrftoken"):
                if name in response.cookies:
                    self.jar[name] = response.cookies[name]

        def _form_token(self, path, name):
            response = self.client.get(path, cookies=self.jar, name=name)
            self._cookies(response)
            match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
            return match.group(1) if match else ""

        def on_start(self):
            self.jar = {}
            token = self._form_token("/account/login/", "login page")
            with self.client.post("/account/login/", cookies=self.jar, name="login", allow_redirects=False,
                                  catch_response=True, data={
                                      "csrfmiddlewaretoken": token, "login_view-current_step": "auth",
                                      "auth-username": PLAN["username"], "auth-password": PLAN["password"]}) as response:
                self._cookies(response)
                if response.status_code != 302 or "sessionid" not in self.jar:
                    response.failure(f"login failed: {response.status_code}")

        @task
        def save_indicator_value(self):
            path = PLAN["entry_path"]
            token = self._form_token(path, "results entry (form)")
            value = random.randint(1, 500)
            with self.client.post(path, cookies=self.jar, name="results entry (save)", allow_redirects=False,
                                  catch_response=True, data={"csrfmiddlewaretoken": token, "value": value,
                                                             "note": f"Load test entry {value}"}) as response:
                self._cookies(response)
                if response.status_code != 302 or not response.headers.get("Location", "").startswith(PLAN["report_path"]):
                    response.failure(f"not saved: {response.status_code} {response.headers.get('Location', '')}")


# --- Orchestration (run with .venv's python) ---------------------------------------------------

DRAFT_REPORT = """
import json
from datetime import date
from django.contrib.auth import get_user_model
from gloact.caselaw.models import Case
from gloact.monitoring.models import Programme, ReportingPeriod
from gloact.monitoring.workflow import open_report
officer = get_user_model().objects.get(username="officer.niger")
programme = Programme.objects.get()
period, _ = ReportingPeriod.objects.get_or_create(programme=programme, kind="annual", start=date(2031, 1, 1),
                                                  defaults={"label": "Load test 2031", "end": date(2031, 12, 31)})
report = open_report(programme, "NER", period, officer)
indicator = programme.indicators.filter(measure="number", dimensions__isnull=True).order_by("pk").first()
cases = list(Case.objects.filter(status="published").order_by("?").values_list("public_id", flat=True)[:500])
print(json.dumps({"report": report.pk, "indicator": indicator.pk, "cases": cases}))
"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def gunicorn_rss_mb(master_pid: int) -> float:
    """Resident memory of the gunicorn master and its workers, from /proc."""
    pids = [master_pid]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == master_pid:
                        pids.append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    total_kb = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as status:
                total_kb += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            continue
    return round(total_kb / 1024, 1)


def per_minute(samples: list, started: float, minutes: float) -> dict:
    """{request type: [{minute, requests, errors, p50_ms, p95_ms}, ...]}; the few requests that
    finish while locust stops count in the last minute."""
    last = max(0, math.ceil(minutes) - 1)
    buckets: dict[str, dict[int, list]] = {}
    for start_time, name, ms, error in samples:
        minute = min(last, int((start_time - started) // 60)) if start_time else 0
        buckets.setdefault(name, {}).setdefault(minute, []).append((ms, error))
    table = {}
    for name, minutes in sorted(buckets.items()):
        rows = []
        for minute, entries in sorted(minutes.items()):
            times = [ms for ms, _error in entries]
            rows.append({"minute": minute + 1, "requests": len(entries), "errors": sum(1 for _ms, e in entries if e),
                         "p50_ms": round(percentile(times, 0.5), 1), "p95_ms": round(percentile(times, 0.95), 1)})
        table[name] = rows
    return table


def markdown(result: dict) -> str:
    setup = result["setup"]
    lines = [
        "# Load test (`python -m bench.loadtest`)", "",
        f"{setup['minutes']} min, {setup['users']} simulated users (8 in 9 public readers, 1 in 9 a programme officer "
        f"saving results), {setup['cases']} synthetic cases plus the demo content, SQLite, gunicorn "
        f"{setup['workers']} workers, production settings, loopback. {setup['machine']}.", "",
        f"Requests: {result['requests']}, errors: {result['errors']}.", "",
        "| request | minute | requests | errors | p50 ms | p95 ms |", "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, rows in result["per_minute"].items():
        for row in rows:
            lines.append(f"| {name} | {row['minute']} | {row['requests']} | {row['errors']} | {row['p50_ms']} | {row['p95_ms']} |")
    rss = result["rss_mb"]
    lines += ["", f"gunicorn resident memory (master and workers): {rss[0]['mb']} MB at the start, "
                  f"{rss[-1]['mb']} MB at the end, {max(r['mb'] for r in rss)} MB at most."]
    if result["error_examples"]:
        lines += ["", "Errors (first ones):", ""] + [f"- {e}" for e in result["error_examples"]]
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    import argparse
    import platform
    import shutil
    import sqlite3
    import subprocess
    import sys
    import threading
    import time
    import urllib.request
    from pathlib import Path

    from . import run, servers

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=3)
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--workdir", type=Path, default=servers.ROOT / "var" / "bench-load")
    args = parser.parse_args(argv)
    locust = servers.BENCH_BIN / "locust"
    if not locust.exists():
        sys.exit(f"{locust} is missing: run scripts/bench-setup.sh first.")
    workdir = args.workdir.resolve()
    (workdir / "var").mkdir(parents=True, exist_ok=True)
    template, db = workdir / f"template-{args.cases}.sqlite3", workdir / f"load-{args.cases}.sqlite3"
    env = {**servers.production_env(workdir / "var", f"sqlite:///{db}"), "DJANGO_SETTINGS_MODULE": "gloact.settings"}
    # The demo accounts are never created in production mode: the database is prepared without it.
    setup_env = {key: value for key, value in env.items() if key != "GLOACT_ENV"}

    def gloact(*command, database=db, **kwargs):
        return subprocess.run([run.GLOACT, *command], env={**setup_env, "DATABASE_URL": f"sqlite:///{database}"},
                              cwd=servers.ROOT, check=True, text=True, **kwargs)

    migrations = max(p.stat().st_mtime for p in (servers.ROOT / "gloact").rglob("migrations/*.py"))
    if not template.exists() or template.stat().st_mtime < migrations:  # built once, copied for each run
        template.unlink(missing_ok=True)
        run.log("load test: database with the demo content")
        gloact("migrate", "--noinput", database=template, stdout=subprocess.DEVNULL)
        gloact("load_demo", database=template, stdout=subprocess.DEVNULL)
        run.log(f"load test: importing {args.cases} synthetic cases")
        corpus = run.corpus_file(workdir, args.cases, setup_env, f"sqlite:///{template}")
        gloact("import-cases", str(corpus), database=template, stdout=subprocess.DEVNULL)
        with sqlite3.connect(template) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, db)
    fixture = json.loads(gloact("shell", "-c", DRAFT_REPORT, capture_output=True).stdout.strip().splitlines()[-1])
    # Production settings serve static files from the collected manifest.
    subprocess.run([run.GLOACT, "collectstatic", "--noinput"], env=env, cwd=servers.ROOT, check=True,
                   stdout=subprocess.DEVNULL)

    server = servers.gunicorn(env, run.WORKERS, workdir / "gunicorn.log")
    samples_path = workdir / "samples.json"
    plan = {
        "cases": fixture["cases"], "username": "officer.niger", "password": "demo-gloact-2026",
        "report_path": f"/results/reports/{fixture['report']}/",
        "entry_path": f"/results/reports/{fixture['report']}/indicators/{fixture['indicator']}/",
        "samples": str(samples_path),
    }
    plan_path = workdir / "plan.json"
    plan_path.write_text(json.dumps(plan))
    rss, done = [], threading.Event()

    def sample_memory(started):
        while not done.is_set():
            rss.append({"second": round(time.time() - started), "mb": gunicorn_rss_mb(server.process.pid)})
            done.wait(10)

    try:
        for path in ("/cases/", "/api/cases", f"/cases/{fixture['cases'][0]}/"):  # warm both workers
            for _ in range(4):
                urllib.request.urlopen(server.base + path, timeout=60).read()
        started = time.time()
        sampler = threading.Thread(target=sample_memory, args=(started,), daemon=True)
        sampler.start()
        run.log(f"load test: locust, {args.users} users for {args.minutes} min")
        subprocess.run([str(locust), "-f", str(Path(__file__).resolve()), "--headless", "--only-summary",
                        "--users", str(args.users), "--spawn-rate", str(args.users), "--run-time", f"{int(args.minutes * 60)}s",
                        "--host", server.base, "--stop-timeout", "10"],
                       env={**os.environ, PLAN_ENV: str(plan_path)}, cwd=servers.ROOT, check=False)
        done.set()
        sampler.join()
        rss.append({"second": round(time.time() - started), "mb": gunicorn_rss_mb(server.process.pid)})
    finally:
        done.set()
        server.stop()

    samples = json.loads(samples_path.read_text())
    errors = [s for s in samples if s[3]]
    result = {
        "setup": {"minutes": args.minutes, "users": args.users, "cases": args.cases, "workers": run.WORKERS,
                  "database": "sqlite", "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
                  "date": time.strftime("%Y-%m-%d %H:%M")},
        "requests": len(samples), "errors": len(errors),
        "error_examples": sorted({f"{name}: {error}" for _t, name, _ms, error in errors})[:10],
        "per_minute": per_minute(samples, started, args.minutes), "rss_mb": rss,
    }
    out = servers.ROOT / "bench" / "results"
    (out / "load-latest.json").write_text(json.dumps(result, indent=1) + "\n")
    (out / "load-latest.md").write_text(markdown(result))
    print(markdown(result))
    if errors or not samples:
        sys.exit(f"load test: {len(errors)} errors in {len(samples)} requests")


if __name__ == "__main__":
    main()
