"""Export of all published cases as JSONL (one `case_record` per line) or CSV (flattened columns).

Cases are read in chunks, with their relations loaded per chunk (public.load_public_cases), so
memory stays flat however many cases there are. `export_cases(path, ...)` writes to a temporary file beside `path` and moves
it into place at the end: an interrupted export never leaves a half-written file.
"""

import csv
import os
import tempfile
from collections.abc import Callable, Iterator
from itertools import islice

import orjson

from ..models import Case
from ..public import case_record, load_public_cases

FORMATS = ("jsonl", "csv")
CHUNK_SIZE = 500
LIST_SEPARATOR = "; "


def iter_case_records(queryset=None, chunk_size: int = CHUNK_SIZE) -> Iterator[dict]:
    """The public record of every published case (or of `queryset`), in public id order."""
    queryset = Case.objects.published() if queryset is None else queryset
    cases = queryset.order_by("public_id").iterator(chunk_size=chunk_size)
    while chunk := list(islice(cases, chunk_size)):
        for case in load_public_cases(chunk):
            yield case_record(case)


def _joined(values) -> str:
    return LIST_SEPARATOR.join(str(value) for value in values)


def _flag(value) -> str:
    return "" if value is None else ("true" if value else "false")


def _count(role: str, children: bool | None = None) -> Callable[[dict], int]:
    def count(record: dict) -> int:
        return sum(1 for p in record["persons"] if p["role"] == role and (children is None or p["is_child"] == children))

    return count


def _latest(key: str) -> Callable[[dict], str]:
    def latest(record: dict) -> str:
        proceeding = next((p for p in record["proceedings"] if p["is_latest"]), None)
        return (proceeding or {}).get(key) or ""

    return latest


def _charge(charge: dict) -> str:
    sentence = f", {charge['imprisonment_months']} months" if charge["imprisonment_months"] is not None else ""
    return f"{charge['defendant']}: {charge['charge']} ({charge['verdict']}{sentence})"


# (column, value from a case record). docs/case-format.md describes each column.
CSV_COLUMNS: list[tuple[str, Callable[[dict], object]]] = [
    ("public_id", lambda r: r["public_id"]),
    ("court_reference", lambda r: r["court_reference"]),
    ("ecli", lambda r: r["ecli"]),
    ("title", lambda r: r["title"]),
    ("jurisdiction_code", lambda r: r["jurisdiction"]["code"]),
    ("jurisdiction_name", lambda r: r["jurisdiction"]["name"]),
    ("jurisdiction_kind", lambda r: r["jurisdiction"]["kind"]),
    ("country", lambda r: r["jurisdiction"]["country"] or ""),
    ("region", lambda r: r["jurisdiction"]["region"] or ""),
    ("crime_types", lambda r: _joined(r["crime_types"])),
    ("decision_languages", lambda r: _joined(r["decision_languages"])),
    ("is_landmark", lambda r: _flag(r["is_landmark"])),
    ("is_synthetic", lambda r: _flag(r["is_synthetic"])),
    ("original_language", lambda r: r["original_language"]),
    ("summary", lambda r: r["texts"]["summary"]),
    ("reasoning", lambda r: r["texts"]["reasoning"]),
    ("commentary", lambda r: r["texts"]["commentary"]),
    ("why_included", lambda r: r["texts"]["why_included"]),
    ("translation_languages", lambda r: _joined(r["translations"])),
    ("latest_court", _latest("court_name")),
    ("latest_court_level", _latest("court_level")),
    ("latest_decision_date", _latest("date")),
    ("latest_outcome", _latest("outcome")),
    ("proceedings", lambda r: len(r["proceedings"])),
    ("defendants", _count("defendant")),
    ("adult_victims", _count("victim", children=False)),
    ("child_victims", _count("victim", children=True)),
    ("witnesses", _count("witness")),
    ("smuggled_migrants", _count("smuggled_migrant")),
    ("charges", lambda r: _joined(_charge(c) for c in r["charges"])),
    ("tip_acts", lambda r: _joined(r["trafficking"]["acts"])),
    ("tip_means", lambda r: _joined(r["trafficking"]["means"])),
    ("tip_purposes", lambda r: _joined(r["trafficking"]["purposes"])),
    ("exploitation_sectors", lambda r: _joined(r["trafficking"]["sectors"])),
    ("tip_scope", lambda r: r["trafficking"]["scope"]),
    ("som_material_benefit", lambda r: _flag(r["smuggling"]["material_benefit"])),
    ("som_offences", lambda r: _joined(r["smuggling"]["offences"])),
    ("som_aggravations", lambda r: _joined(r["smuggling"]["aggravations"])),
    ("som_modes", lambda r: _joined(r["smuggling"]["modes"])),
    ("route_origin", lambda r: _joined(r["smuggling"]["route"]["origin"])),
    ("route_transit", lambda r: _joined(r["smuggling"]["route"]["transit"])),
    ("route_destination", lambda r: _joined(r["smuggling"]["route"]["destination"])),
    ("legal_articles", lambda r: _joined(r["legal"]["articles"])),
    ("national_provisions", lambda r: _joined(r["legal"]["national_provisions"])),
    ("protection_measures", lambda r: _joined(r["protection_measures"])),
    ("human_rights_aspects", lambda r: _joined(r["human_rights_aspects"])),
    ("source_urls", lambda r: _joined(s["url"] for s in r["sources"] if s["url"])),
    ("published_at", lambda r: r["published_at"] or ""),
    ("updated_at", lambda r: r["updated_at"] or ""),
]


def csv_row(record: dict) -> list:
    return [value(record) for _column, value in CSV_COLUMNS]


def write_jsonl(records, stream) -> int:
    count = 0
    for record in records:
        # orjson: compact UTF-8 as json.dumps(ensure_ascii=False) writes it, several times faster.
        stream.write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE).decode())
        count += 1
    return count


def write_csv(records, stream) -> int:
    writer = csv.writer(stream)
    writer.writerow([column for column, _value in CSV_COLUMNS])
    count = 0
    for record in records:
        writer.writerow(csv_row(record))
        count += 1
    return count


WRITERS = {"jsonl": write_jsonl, "csv": write_csv}


def write_cases(stream, format: str = "jsonl", progress=None) -> int:
    """Write every published case to an open text stream; return the number of cases."""
    records = iter_case_records()
    if progress is not None:
        records = progress(records)
    return WRITERS[format](records, stream)


def export_cases(path, format: str = "jsonl", progress=None) -> int:
    """Write every published case to the file `path`, atomically; return the number of cases."""
    if format not in WRITERS:
        raise ValueError(f"unknown format {format!r}")
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".export-", suffix=f".{format}.part")
    try:
        # newline="" lets the csv module write its own line endings; JSONL uses "\n" only.
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            count = write_cases(stream, format, progress)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return count
