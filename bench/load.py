"""The HTTP load client: a separate process that times GET requests over loopback.

    python -m bench.load PLAN.json RESULT.json

PLAN is {"base": "http://127.0.0.1:PORT", "warmup": W (unmeasured reps first), "items": [{"name", "paths": [[path, ...], ...],
"reps"}]}: each rep of an item requests the paths of one group in turn (e.g. the API's search then
its facet counts) and counts as one sample, the sum of their latencies; groups are taken in turn.
Requests are sequential (one at a time), so a latency is the server's time plus loopback, never
queueing behind the client's own requests. Any status other than 200 is recorded as an error.
"""

import http.client
import json
import sys
import time
from urllib.parse import urlsplit


def fetch(host: str, port: int, path: str) -> tuple[int, int, float]:
    """(status, body bytes, seconds) of one GET on a fresh connection (gunicorn's sync workers
    close the connection after each response anyway)."""
    start = time.perf_counter()
    connection = http.client.HTTPConnection(host, port, timeout=120)
    connection.request("GET", path, headers={"Host": host, "Accept-Encoding": "identity"})
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - start
    connection.close()
    return response.status, len(body), elapsed


def percentile(samples: list[float], share: float) -> float:
    """Nearest-rank percentile of `samples` (share between 0 and 1)."""
    ordered = sorted(samples)
    rank = max(1, -(-int(share * 1000 * len(ordered)) // 1000))
    return ordered[min(rank, len(ordered)) - 1]


def summarise(samples: list[float]) -> dict:
    return {"n": len(samples), "p50_ms": round(percentile(samples, 0.5) * 1000, 2),
            "p95_ms": round(percentile(samples, 0.95) * 1000, 2), "max_ms": round(max(samples) * 1000, 2)}


def run(plan: dict) -> dict:
    base = urlsplit(plan["base"])
    host, port = base.hostname, base.port
    results = {}
    for item in plan["items"]:
        groups = item["paths"]
        for rep in range(plan.get("warmup", 1)):  # several, so that every worker has served it
            for path in groups[rep % len(groups)]:
                fetch(host, port, path)
        samples, errors, sizes = [], [], []
        for rep in range(item["reps"]):
            total = 0.0
            for path in groups[rep % len(groups)]:
                status, size, elapsed = fetch(host, port, path)
                total += elapsed
                sizes.append(size)
                if status != 200:
                    errors.append(f"{status} {path}")
            samples.append(total)
        results[item["name"]] = {**summarise(samples), "errors": errors[:5], "error_count": len(errors),
                                 "bytes": max(sizes) if sizes else 0}
    return results


def main(argv: list[str]) -> None:
    plan_path, result_path = argv
    with open(plan_path, encoding="utf-8") as stream:
        plan = json.load(stream)
    with open(result_path, "w", encoding="utf-8") as stream:
        json.dump(run(plan), stream, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
