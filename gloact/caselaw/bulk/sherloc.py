"""Import of the index of UNODC's SHERLOC case law database as index-only published cases.

Reads, from a folder (by default ../shared/data/sherloc beside the repository; the data is UNODC's
and is never copied into the repository):
- case_urls.csv: one row per case (title, SHERLOC case number, canonical URL whose path gives the
  crime type, the country and the decision year);
- amp_ontology_v1.yaml (JSON): the ids of the Article 3 elements (acts, means, purposes);
- amp_labels_1263.csv: for some cases, 0/1 per element and whether the trafficking was domestic
  or transnational;
- human_grounded_reference_v1.csv: for some cases, an English summary of the facts.

Each case becomes a record of the JSONL format (docs/case-format.md) and goes through the same
validation and writer as `gloact import-cases`. A case is identified by its SHERLOC URL (a Source
of kind "url"), so running the import again updates the cases instead of duplicating them.

Index-only cases: status published, not synthetic, no persons, no reasoning or "why included";
the SHERLOC number is the court reference (left empty, with a note, where two cases of one
jurisdiction share it); the decision year, when the URL gives it, is a proceeding dated 1 January
of that year whose decision text says that only the year is known.
"""

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings

from ..models import Jurisdiction, Source
from ..vocabularies import SHERLOC_ELEMENTS
from .importer import Plan, write_records
from .records import KnownValues, validate_record

DEFAULT_DIRECTORY = Path(settings.BASE_DIR).parent / "shared" / "data" / "sherloc"
CASES_FILE = "case_urls.csv"
LABELS_FILE = "amp_labels_1263.csv"
SUMMARIES_FILE = "human_grounded_reference_v1.csv"
ONTOLOGY_FILE = "amp_ontology_v1.yaml"

SOURCE_TITLE = "UNODC SHERLOC case law database"
COURT_NOT_RECORDED = "Court not recorded (SHERLOC index)"
YEAR_ONLY_NOTE = "Year of the decision only (SHERLOC index); day and month not recorded."

# International and regional bodies (URL segment "_irb") are one jurisdiction of their own.
BODIES_SEGMENT = "_irb"
BODIES_CODE = "IRB"
BODIES_NAME = "International and regional bodies (SHERLOC)"

CRIME_TYPES = {
    "traffickingpersonscrimetype": "crime.trafficking_in_persons",
    "migrantsmugglingcrimetype": "crime.smuggling_of_migrants",
    "criminalgroupcrimetype": "crime.organized_criminal_group",
    "moneylaunderingcrimetype": "crime.money_laundering",
    "corruptioncrimetype": "crime.corruption",
    "drugcrimetype": "crime.other",
    "illicitfirearmscrimetype": "crime.other",
}
ELEMENT_FAMILIES = {"ACT": "acts", "MEANS": "means", "PURPOSE": "purposes"}
YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")


@dataclass
class SherlocResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)  # rows that could not be interpreted, and why
    notes: list[str] = field(default_factory=list)  # rows imported with a field left out, and why


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def element_ids(directory: Path) -> list[str]:
    """The element ids of the ontology, in its order."""
    ontology = json.loads((directory / ONTOLOGY_FILE).read_text(encoding="utf-8"))
    return [element["id"] for family in ontology["families"].values() for element in family]


def _url_parts(url: str) -> tuple[str, str, str]:
    """(crime type, jurisdiction segment, year or "") from a SHERLOC case URL."""
    segments = urlparse(url).path.strip("/").split("/")
    # /cld/case-law-doc/<crime type>/<jurisdiction>/<year>/<name>.html; the year is sometimes absent.
    try:
        start = segments.index("case-law-doc") + 1
    except ValueError:
        return "", "", ""
    crime_type, jurisdiction, *rest = segments[start:] + ["", ""]
    year = rest[0] if rest and YEAR_RE.match(rest[0]) else ""
    return crime_type, jurisdiction, year


def _elements(labels: dict, elements: list[str]) -> dict[str, list[str]]:
    found = {key: [] for key in ELEMENT_FAMILIES.values()}
    for element in elements:
        if labels.get(element) == "1" and element in SHERLOC_ELEMENTS:
            found[ELEMENT_FAMILIES[element.split("_")[0]]].append(SHERLOC_ELEMENTS[element])
    return found


def _scope(labels: dict) -> str:
    internal, transnational = labels.get("geographic_form_internal"), labels.get("geographic_form_transnational")
    if transnational == "1" and internal != "1":
        return "transnational"
    if internal == "1" and transnational != "1":
        return "domestic"
    return ""  # neither or both: not one scope


def _bodies_jurisdiction() -> Jurisdiction:
    jurisdiction, _created = Jurisdiction.objects.get_or_create(
        code=BODIES_CODE, defaults={"name": BODIES_NAME, "kind": Jurisdiction.Kind.INTERNATIONAL}
    )
    return jurisdiction


def sherloc_records(directory: Path, known: KnownValues, result: SherlocResult) -> list[dict]:
    """One record per interpretable case of case_urls.csv; the others are added to result.skipped."""
    elements = element_ids(directory)
    unmapped = [element for element in elements if element not in SHERLOC_ELEMENTS]
    if unmapped:
        result.notes.append(f"{ONTOLOGY_FILE}: elements without a term, left out: {', '.join(unmapped)}")
    labels = {row["canonical_url"]: row for row in _read_csv(directory / LABELS_FILE)}
    summaries = {row["canonical_url"]: row["fact_summary"].strip() for row in _read_csv(directory / SUMMARIES_FILE)}
    rows = _read_csv(directory / CASES_FILE)
    existing = dict(
        Source.objects.filter(kind=Source.Kind.EXTERNAL_URL, url__in=[row["canonical_url"] for row in rows])
        .values_list("url", "case__public_id")
    )
    records, seen_urls, references = [], set(), {}
    for number, row in enumerate(rows, start=2):  # line 1 is the header
        where = f"{CASES_FILE} line {number}"
        url, title = row["canonical_url"].strip(), " ".join(row["case_title"].split())
        crime_type, segment, year = _url_parts(url)
        if not url or url in seen_urls:
            result.skipped.append(f"{where}: {'no URL' if not url else 'URL already on an earlier line'}")
            continue
        seen_urls.add(url)
        if segment == BODIES_SEGMENT:
            code = BODIES_CODE
        elif segment.upper() in known.countries:
            code = segment.upper()
        else:
            result.skipped.append(f"{where}: no country for the URL segment {segment!r}")
            continue
        if code not in known.jurisdictions:
            if code == BODIES_CODE:
                known.jurisdictions[code] = _bodies_jurisdiction().pk
            else:
                from gloact.core.models import Country

                known.jurisdictions[code] = Jurisdiction.objects.for_country(Country.objects.get(iso3=code)).pk
        public_id = existing.get(url)
        reference = row["unodc_case_number"].strip()
        owner = references.get((code, reference)) or known.references.get((known.jurisdictions[code], reference))
        if reference and owner and owner != (public_id or url):
            result.notes.append(f"{where}: SHERLOC number {reference} is also another case's: left out")
            reference = ""
        if reference:
            references[(code, reference)] = public_id or url
        case_labels = labels.get(url, {})
        record = {
            "public_id": public_id,
            "court_reference": reference,
            "title": title,
            "jurisdiction": {"code": code},
            "crime_types": [CRIME_TYPES[crime_type]] if crime_type in CRIME_TYPES else [],
            "is_synthetic": False,
            "original_language": "en",
            "status": "published",
            "texts": {"summary": summaries.get(url, "")},
            "trafficking": {**_elements(case_labels, elements), "scope": _scope(case_labels)},
            "proceedings": [
                {"court_name": COURT_NOT_RECORDED, "court_level": "other", "date": f"{year}-01-01",
                 "decision_text": YEAR_ONLY_NOTE}
            ] if year else [],
            "sources": [{"kind": Source.Kind.EXTERNAL_URL, "title": SOURCE_TITLE, "url": url, "language": "en"}],
        }
        errors = validate_record(record, known, number)
        if errors:
            result.skipped.extend(f"{where}: {error.field}: {error.message}" for error in errors)
            continue
        records.append(record)
    return records


def import_sherloc(directory=None, progress=None) -> SherlocResult:
    """Create or update one index-only published case per case of the SHERLOC index in `directory`."""
    directory = Path(directory or DEFAULT_DIRECTORY)
    result = SherlocResult()
    known = KnownValues.load()
    records = sherloc_records(directory, known, result)
    plan = Plan(count=len(records), jurisdictions={record["jurisdiction"]["code"] for record in records})
    written = write_records(progress(records, total=len(records)) if progress else records, known, plan)
    result.created, result.updated, result.unchanged = written.created, written.updated, written.unchanged
    return result
