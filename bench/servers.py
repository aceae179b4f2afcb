"""Servers under test, each in its own process group on 127.0.0.1: gunicorn with production
settings (the application) and Datasette (the peer)."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
BENCH_BIN = ROOT / ".venv-bench" / "bin"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


SEARCH_THREADS = 2  # the threads one search may use (GLOACT_SEARCH_THREADS): the target machine's cores


def production_env(var_dir: Path, database_url: str) -> dict:
    """Production settings for plain HTTP on loopback. GLOACT_API_RATE="" turns the API's rate
    limit off: the benchmark's single client would otherwise get 429 after 60 requests a minute."""
    env = dict(os.environ)
    env.update({
        "GLOACT_ENV": "production",
        "GLOACT_SECRET_KEY": "bench-only-" + "x" * 50,
        "GLOACT_ALLOWED_HOSTS": "127.0.0.1",
        "GLOACT_SSL_REDIRECT": "0",
        "GLOACT_API_RATE": "",
        "GLOACT_SEARCH_THREADS": str(SEARCH_THREADS),
        "GLOACT_VAR_DIR": str(var_dir),
        "DATABASE_URL": database_url,
        "GLOACT_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    })
    return env


class Server:
    def __init__(self, command: list[str], env: dict, port: int, ready_path: str, log: Path):
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.log = open(log, "w")
        self.process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self._wait(ready_path)

    def _wait(self, path: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited, see {self.log.name}")
            try:
                with urllib.request.urlopen(self.base + path, timeout=30) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"server not ready after {timeout}s, see {self.log.name}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def gunicorn(env: dict, workers: int, log: Path) -> Server:
    port = free_port()
    command = [str(VENV_BIN / "gunicorn"), "gloact.wsgi", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--timeout", "300",
               # As in production (docs/operations.md): search structures built as each worker starts.
               "--config", str(ROOT / "gloact" / "caselaw" / "search" / "gunicorn_hooks.py")]
    return Server(command, env, port, "/healthz", log)


def datasette(db_file: Path, metadata: Path, log: Path) -> Server:
    """Datasette serving `db_file` read-only (immutable), with generous time limits so that it
    computes every count and facet instead of giving up (its defaults stop a query at 1 s and a
    facet at 200 ms); facet suggestions off, as they are extra queries our pages do not make."""
    port = free_port()
    command = [str(BENCH_BIN / "datasette"), "serve", "-i", str(db_file), "--metadata", str(metadata),
               "--host", "127.0.0.1", "--port", str(port),
               "--setting", "sql_time_limit_ms", "60000", "--setting", "facet_time_limit_ms", "60000",
               "--setting", "suggest_facets", "off", "--setting", "max_returned_rows", "1000"]
    return Server(command, dict(os.environ), port, "/-/versions.json", log)
