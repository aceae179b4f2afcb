"""Writing the results: bench/results/latest.json (everything) and latest.md (the summary table
with ratios to the floor and the peer, and each target met or missed)."""

import json
from pathlib import Path

# Targets (at 100,000 cases, 2 CPU cores): milliseconds at p95 unless said otherwise.
API_P95_MS, HTML_P95_MS, CASE_P95_MS = 100, 150, 50
FLOOR_RATIO = 3
IMPORT_PER_S, IMPORT_RSS_MB, EXPORT_S = 2000, 400, 60


def _ratio(a, b):
    return round(a / b, 2) if a is not None and b else None


def shape_rows(run: dict) -> list[dict]:
    rows = []
    names = [key.split(":", 1)[1] for key in run["ours"] if key.startswith("api:")]
    for name in names:
        api, html = run["ours"][f"api:{name}"], run["ours"][f"html:{name}"]
        floor, peer = run["floor"].get(name), run["peer"].get(f"peer:{name}")
        rows.append({
            "shape": name,
            "api_p50": api["p50_ms"], "api_p95": api["p95_ms"], "html_p50": html["p50_ms"], "html_p95": html["p95_ms"],
            "floor_p95": floor["p95_ms"] if floor else None, "peer_p95": peer["p95_ms"] if peer else None,
            "api_over_floor": _ratio(api["p95_ms"], floor["p95_ms"] if floor else None),
            "api_over_peer": _ratio(api["p95_ms"], peer["p95_ms"] if peer else None),
            "errors": api["error_count"] + html["error_count"] + (peer["error_count"] if peer else 0),
        })
    return rows


def targets(run: dict) -> list[tuple[str, bool, str]]:
    """(target, met, measured) for one run."""
    rows = shape_rows(run)
    worst_api = max(rows, key=lambda r: r["api_p95"])
    worst_html = max(rows, key=lambda r: r["html_p95"])
    floor_rows = [r for r in rows if r["api_over_floor"] is not None]
    peer_rows = [r for r in rows if r["api_over_peer"] is not None]
    out = [
        (f"API p95 <= {API_P95_MS} ms, every shape", worst_api["api_p95"] <= API_P95_MS,
         f"worst {worst_api['api_p95']} ms ({worst_api['shape']})"),
        (f"HTML search p95 <= {HTML_P95_MS} ms", worst_html["html_p95"] <= HTML_P95_MS,
         f"worst {worst_html['html_p95']} ms ({worst_html['shape']})"),
    ]
    if floor_rows:
        worst = max(floor_rows, key=lambda r: r["api_over_floor"])
        out.append((f"API <= {FLOOR_RATIO} x floor, text queries", worst["api_over_floor"] <= FLOOR_RATIO,
                    f"worst {worst['api_over_floor']} x ({worst['shape']})"))
    if peer_rows:
        worst = max(peer_rows, key=lambda r: r["api_over_peer"])
        out.append(("API faster than Datasette, every shape", worst["api_over_peer"] < 1,
                    f"worst {worst['api_over_peer']} x ({worst['shape']})"))
    case = run["ours"]["case_page"]
    out.append((f"case page p95 <= {CASE_P95_MS} ms", case["p95_ms"] <= CASE_P95_MS, f"{case['p95_ms']} ms"))
    imported = run["import"]
    out.append((f"import >= {IMPORT_PER_S} cases/s", imported["cases_per_second"] >= IMPORT_PER_S,
                f"{imported['cases_per_second']} cases/s wall ({imported['cases_per_cpu_second']} per CPU second; "
                f"{imported['cores_busy']} cores busy on average, the server's work included)"))
    out.append((f"import peak RSS < {IMPORT_RSS_MB} MB", imported["peak_rss_mb"] < IMPORT_RSS_MB,
                f"{imported['peak_rss_mb']} MB for a {imported['file_mb']} MB file"))
    exported = run["export"]
    out.append((f"JSONL export < {EXPORT_S} s", exported["seconds"] < EXPORT_S,
                f"{exported['seconds']} s, peak RSS {exported['peak_rss_mb']} MB"))
    return out


def markdown(runs: list[dict], environment: dict) -> str:
    lines = ["# gloact benchmark: latest results", "",
             f"{environment['date']}; {environment['cpus']} CPUs, load average at the end "
             f"{', '.join(f'{x:.1f}' for x in environment['load_average_at_end'])}; {environment['reps']} samples "
             f"per figure; gunicorn {environment['gunicorn_workers']} workers, "
             f"{environment['search_threads']} search threads each; API rate limit off "
             "(GLOACT_API_RATE=\"\"). Milliseconds. API = search page of 20 with all facet counts, one request (/api/cases?facets=true). "
             "Floor = the same text query on the full-text index alone (count + 20 best). Peer = Datasette "
             "on the same SQLite file (FTS5 + 4 column facets; it cannot facet over join tables); SQLite only.", ""]
    for run in runs:
        lines += [f"## {run['database']}, {run['cases']:,} cases", "",
                  "| shape | API p50 | API p95 | HTML p50 | HTML p95 | floor p95 | peer p95 | API/floor | API/peer |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for row in shape_rows(run):
            cells = [row["shape"], row["api_p50"], row["api_p95"], row["html_p50"], row["html_p95"], row["floor_p95"],
                     row["peer_p95"], row["api_over_floor"], row["api_over_peer"]]
            lines.append("| " + " | ".join("-" if c is None else str(c) for c in cells) + " |")
        case, feed = run["ours"]["case_page"], run["ours"]["feed"]
        lines += ["", f"Case page p50/p95: {case['p50_ms']} / {case['p95_ms']} ms; feed p50/p95: "
                      f"{feed['p50_ms']} / {feed['p95_ms']} ms.", "",
                  "| target | met | measured |", "| --- | --- | --- |"]
        lines += [f"| {name} | {'yes' if met else '**no**'} | {measured} |" for name, met, measured in targets(run)]
        lines.append("")
    return "\n".join(lines)


def write(runs: list[dict], environment: dict, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    payload = {"environment": environment, "runs": [{**run, "targets": targets(run), "shapes": shape_rows(run)}
                                                     for run in runs]}
    (directory / "latest.json").write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    (directory / "latest.md").write_text(markdown(runs, environment), encoding="utf-8")
