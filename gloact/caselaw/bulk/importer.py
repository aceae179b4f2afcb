"""Import of case records from a JSONL file (the export format, docs/case-format.md).

Two passes over the file, both streaming:
1. validate every record (`records.validate_record`, duplicates inside the file and against the
   database; a large file from the console is checked by several processes, _checked_records);
   any error stops the import before anything is written;
2. write all records in ONE transaction: new cases in bulk (a fixed number of queries per chunk of
   records), existing cases (matched by public id) updated in place.

New cases are written in bulk without signals (so no audit-log entry per case, which a bulk import
would drown in): each table's rows, made from the record's values without model instances
(tables.py; ids of cases and persons, needed by their children, are reserved beforehand), written
with one COPY per chunk on PostgreSQL, or by a second thread on SQLite (inserts.py). The importer
indexes new cases for search itself, from the rows in memory, and schedules the regeneration of
the download files. An existing case is saved (with its signals) only if the record changes it, so
importing the same file again is quick.
"""

import datetime
import functools
import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from types import SimpleNamespace

import orjson
import structlog
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    Case, CaseSequence, CaseTranslation, Charge, Person, Proceeding, RouteCountry, Source,
)
from ..models.jurisdiction import PUBLIC_ID_RE, format_public_id
from ..public import (
    CASE_TEXTS, ROUTE_ROLES, TERM_FIELDS, TRANSLATED_TEXTS, case_record, forget_loaded_relations, load_public_cases,
)
from ..search import bitmaps as facet_bitmaps
from ..search.document import parts_of
from ..search.index import backend as search_backend
from .records import TERM_VOCABULARIES, FieldError, KnownValues, get_path, record_name, validate_record
from .inserts import insert_rows, wait_for_writes, writes_behind
from .tables import Table, large_page_cache

CHUNK_SIZE = 500
# Pass 1 of a file of at least this size may be split between up to this many processes
# (_checked_records): at 100,000 cases, 3.4 s in two processes instead of 5.2 s in one.
PARALLEL_VALIDATION_BYTES = 8 * 2**20
MAX_VALIDATION_PROCESSES = 4
log = structlog.get_logger(__name__)


@dataclass
class ImportResult:
    errors: list[FieldError] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Plan:
    """What pass 1 learnt: the number of records and the public id numbers the file takes."""

    count: int = 0
    jurisdictions: set[str] = field(default_factory=set)
    highest_number: dict[str, int] = field(default_factory=dict)


def read_records(path, start: int = 0, end: int | None = None, first_line: int = 1,
                 ) -> Iterator[tuple[int, object, FieldError | None]]:
    """(line number, parsed record or None, error or None) for every non-empty line of `path`, or
    of its lines from byte `start` to byte `end`, the first numbered `first_line`."""
    with open(path, "rb") as stream:
        stream.seek(start)
        position = start
        for number, raw in enumerate(stream, start=first_line):
            if end is not None and position >= end:
                break
            position += len(raw)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield number, None, FieldError(number, "", "(line)", _("is not valid UTF-8"))
                continue
            if not line.strip():
                continue
            try:
                yield number, orjson.loads(line), None  # orjson: JSON parsing was a tenth of the import's time
            except orjson.JSONDecodeError as error:
                yield number, None, FieldError(
                    number, "", "(line)", _("invalid JSON: %(error)s (column %(column)d)")
                    % {"error": error.msg, "column": error.colno},
                )


def _checked(path, known: KnownValues, start: int = 0, end: int | None = None, first_line: int = 1) -> Iterator[tuple]:
    """(line, its errors, (name, jurisdiction code, public id, court reference) if it is a valid
    record, else None) for every record of `path` (or of a range of its lines, see read_records)."""
    for line, record, error in read_records(path, start, end, first_line):
        if error:
            yield line, [error], None
            continue
        errors = validate_record(record, known, line)
        summary = None if errors else (record_name(record), record["jurisdiction"]["code"],
                                       record.get("public_id") or "", record.get("court_reference") or "")
        yield line, errors, summary


def _line_ranges(path, parts: int) -> list[tuple[int, int, int]]:
    """(first byte, end byte, number of the first line) of `parts` ranges of whole lines of `path`."""
    size = os.path.getsize(path)
    ranges, start, first_line = [], 0, 1
    with open(path, "rb") as stream:
        for part in range(1, parts + 1):
            stream.seek(max(start, size * part // parts))
            stream.readline()  # on to the start of a line
            end = stream.tell()
            ranges.append((start, end, first_line))
            if part < parts:
                stream.seek(start)
                first_line += sum(stream.read(min(2**20, end - at)).count(b"\n") for at in range(start, end, 2**20))
            start = end
    return ranges


_known_in_workers: KnownValues | None = None  # what the validating processes inherit (fork)


def _checked_range(path, bounds: tuple[int, int, int]) -> list[tuple]:
    return list(_checked(path, _known_in_workers, *bounds))


def _checked_records(path, known: KnownValues, processes: int = 1) -> Iterator[tuple]:
    """_checked over the whole file, in line order. A large file is split between `processes`
    processes (at most MAX_VALIDATION_PROCESSES): parsing and checking is Python, on one core, while
    the database waits. They are forked, so only a process that runs nothing else on other threads
    may ask for them (the console command): a child could inherit a lock that one of them holds."""
    processes = min(processes, MAX_VALIDATION_PROCESSES)
    if processes < 2 or os.path.getsize(path) < PARALLEL_VALIDATION_BYTES:
        yield from _checked(path, known)
        return
    global _known_in_workers
    _known_in_workers = known
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            for part in pool.imap(functools.partial(_checked_range, path), _line_ranges(path, processes)):
                yield from part
    finally:
        _known_in_workers = None


def validate_file(path, known: KnownValues, processes: int = 1) -> tuple[list[FieldError], Plan]:
    """Pass 1: every error of every record, and the plan for pass 2 (`processes`: see _checked_records)."""
    errors: list[FieldError] = []
    plan = Plan()
    public_ids: dict[str, int] = {}
    references: dict[tuple[str, str], int] = {}
    for line, record_errors, summary in _checked_records(path, known, processes):
        plan.count += 1
        errors.extend(record_errors)
        if summary is None:
            continue
        name, code, public_id, reference = summary
        plan.jurisdictions.add(code)
        if public_id:
            if public_id in public_ids:
                errors.append(FieldError(line, name, "public_id", _("also given on line %(line)d")
                                         % {"line": public_ids[public_id]}))
            public_ids[public_id] = line
            number = int(PUBLIC_ID_RE.match(public_id)["number"])
            plan.highest_number[code] = max(plan.highest_number.get(code, 0), number)
        if reference:
            key = (code, reference)
            if key in references:
                errors.append(FieldError(line, name, "court_reference", _("also given on line %(line)d")
                                         % {"line": references[key]}))
            references[key] = line
            owner = known.references.get((known.jurisdictions[code], reference))
            if owner and owner != public_id:
                errors.append(FieldError(line, name, "court_reference",
                                         _("already used by case %(public_id)s") % {"public_id": owner}))
    return errors, plan


def import_cases(path, progress=None, processes: int = 1) -> ImportResult:
    """Validate the JSONL file `path`, then (only if every record is valid) write it all at once.

    `progress`, if given, wraps the records of pass 2 (e.g. a tqdm factory taking `total`);
    `processes` may check a large file (see _checked_records)."""
    known = KnownValues.load()
    errors, plan = validate_file(path, known, processes)
    if errors:
        return ImportResult(errors=errors)
    records = (record for _line, record, _error in read_records(path))
    if progress is not None:
        records = progress(records, total=plan.count)
    return write_records(records, known, plan)


def write_records(records, known: KnownValues, plan: Plan) -> ImportResult:
    """Pass 2: write valid records in one transaction; return the counts.

    A record whose public id is in the database updates that case; any other creates a case."""
    from ..tasks import schedule_downloads_regeneration, schedule_search_words_refresh

    result = ImportResult()
    records = iter(records)
    with search_backend().bulk_indexer() as index_later, transaction.atomic(), large_page_cache():
        writer = _Writer(known, plan, index_later)
        with writes_behind():
            while chunk := list(islice(records, CHUNK_SIZE)):
                created, updated, unchanged = writer.write(chunk)
                result.created += created
                result.updated += updated
                result.unchanged += unchanged
        writer.indexing()
        writer.save_sequences()
        if result.created or result.updated:
            schedule_downloads_regeneration()
            facet_bitmaps.bump()  # bulk inserts send no signals
            schedule_search_words_refresh()
    log.info("cases_imported", created=result.created, updated=result.updated, unchanged=result.unchanged)
    return result


def _parse_datetime(value):
    if not value:
        return None
    parsed = datetime.datetime.fromisoformat(value)
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, datetime.timezone.utc)


def _child_age_band(band: str) -> bool:
    return band in Person.CHILD_AGE_BANDS


class _Writer:
    """Pass 2: writes chunks of valid records inside the caller's transaction."""

    def __init__(self, known: KnownValues, plan: Plan, index_later):
        self.known = known
        self.index_later = index_later
        self.indexing = lambda: None  # ends the indexing of the last chunk created
        self.term_ids = {path: known.terms.get(vocabulary, {}) for path, vocabulary in TERM_VOCABULARIES.items()}
        jurisdiction_ids = [known.jurisdictions[code] for code in plan.jurisdictions]
        for jurisdiction_id in jurisdiction_ids:
            CaseSequence.objects.get_or_create(jurisdiction_id=jurisdiction_id)
        # Locked until the import commits, so no case created meanwhile takes an imported number.
        self.sequences = dict(
            CaseSequence.objects.select_for_update().filter(jurisdiction_id__in=jurisdiction_ids)
            .values_list("jurisdiction_id", "last_number")
        )
        for code, number in plan.highest_number.items():
            jurisdiction_id = known.jurisdictions[code]
            self.sequences[jurisdiction_id] = max(self.sequences.get(jurisdiction_id, 0), number)
        self.now = timezone.now()
        self.tables = {model: Table(model, self.now) for model in
                       (Case, CaseTranslation, Proceeding, RouteCountry, Source, Person, Charge)}

    def save_sequences(self) -> None:
        for jurisdiction_id, number in self.sequences.items():
            CaseSequence.objects.filter(jurisdiction_id=jurisdiction_id, last_number__lt=number).update(last_number=number)

    def write(self, chunk: list[dict]) -> tuple[int, int, int]:
        """Write one chunk; return (created, updated, unchanged)."""
        existing = [r for r in chunk if r.get("public_id") in self.known.existing_cases]
        new = [r for r in chunk if r.get("public_id") not in self.known.existing_cases]
        if new:
            self._create(new)
        updated = 0
        if existing:
            wait_for_writes()  # the updates read the database
            ids = [self.known.existing_cases[r["public_id"]][0] for r in existing]
            cases = {c.public_id: c for c in load_public_cases(list(Case.objects.filter(pk__in=ids)))}
            updated = sum(self._update(cases[record["public_id"]], record) for record in existing)
        return len(new), updated, len(existing) - updated

    # --- Case fields --------------------------------------------------------------------------
    def _case_fields(self, record: dict) -> dict:
        texts = record.get("texts") or {}
        status = record.get("status") or Case.Status.PUBLISHED
        published_at = _parse_datetime(record.get("published_at"))
        if status == Case.Status.PUBLISHED and published_at is None:
            published_at = self.now
        fields = {
            "jurisdiction_id": self.known.jurisdictions[record["jurisdiction"]["code"]],
            "court_reference": record.get("court_reference") or "",
            "ecli": record.get("ecli") or "",
            "title": record["title"].strip(),
            "is_landmark": bool(record.get("is_landmark")),
            "is_synthetic": bool(record.get("is_synthetic")),
            "original_language": record.get("original_language") or "en",
            "tip_scope": get_path(record, "trafficking.scope") or "",
            "som_material_benefit": get_path(record, "smuggling.material_benefit"),
            "national_provisions": "\n".join(get_path(record, "legal.national_provisions") or []),
            "status": status,
            "published_at": published_at,
        }
        fields.update({name: texts.get(name) or "" for name in CASE_TEXTS})
        return fields

    def _new_public_id(self, jurisdiction_id: int, code: str) -> str:
        self.sequences[jurisdiction_id] = self.sequences.get(jurisdiction_id, 0) + 1
        return format_public_id(code, self.sequences[jurisdiction_id])

    # --- New cases, in bulk -------------------------------------------------------------------
    def _create(self, records: list[dict]) -> None:
        tables = self.tables
        cases = []
        for record in records:
            fields = self._case_fields(record)
            fields["public_id"] = record.get("public_id") or self._new_public_id(
                fields["jurisdiction_id"], record["jurisdiction"]["code"]
            )
            cases.append(fields)
        tables[Case].insert(cases, with_ids=True)
        for case in cases:
            self.known.existing_cases[case["public_id"]] = (case["id"], case["jurisdiction_id"], case["court_reference"])

        self._bulk_terms(cases, records)
        children = {model: [] for model in (CaseTranslation, Proceeding, RouteCountry, Source)}
        persons = []
        for case, record in zip(cases, records, strict=True):
            pk = case["id"]
            children[CaseTranslation] += self._translations(pk, record)
            children[Proceeding] += self._proceedings(pk, record)
            children[RouteCountry] += self._route(pk, record)
            children[Source] += [{"case_id": pk, **fields} for fields in self._source_fields(record)]
            persons += self._persons(pk, record)
        # This chunk's indexing goes on while the next chunk's rows are written (see bulk_indexer).
        previous, self.indexing = self.indexing, self._index(
            cases, children[CaseTranslation], children[Proceeding], children[Source])
        for model, rows in children.items():
            tables[model].insert(rows)
        tables[Person].insert([values for values, _label, _nationalities in persons], with_ids=True)
        self._bulk_nationalities(persons)
        labels: dict[int, dict[str, int]] = {}
        for values, label, _nationalities in persons:
            labels.setdefault(values["case_id"], {})[label] = values["id"]
        charges = []
        for case, record in zip(cases, records, strict=True):
            charges += self._charges(case["id"], record, labels.get(case["id"], {}))
        tables[Charge].insert(charges)
        previous()

    def _index(self, cases, translations, proceedings, sources):
        """Start indexing new published cases for search (what the search signals do for a single
        save), from their rows in memory, so that indexing costs no query to read them back; the
        function it returns ends it (see bulk_indexer: on PostgreSQL, the rows are written meanwhile)."""
        related = {case["id"]: ([], [], []) for case in cases}
        for position, rows in enumerate((translations, proceedings, sources)):
            for row in rows:
                related[row["case_id"]][position].append(SimpleNamespace(**row))
        documents = [(case["id"], parts_of(SimpleNamespace(**case), *related[case["id"]]))
                     for case in cases if case["status"] == Case.Status.PUBLISHED]
        return self.index_later(documents)

    def _bulk_terms(self, cases: list[dict], records: list[dict]) -> None:
        for path, field_name in TERM_FIELDS.items():
            through = Case._meta.get_field(field_name).remote_field.through
            ids = self.term_ids[path]
            rows = [
                (case["id"], ids[code])
                for case, record in zip(cases, records, strict=True)
                for code in dict.fromkeys(get_path(record, path) or [])
            ]
            insert_rows(through._meta.db_table, ("case_id", "term_id"), rows)

    def _bulk_nationalities(self, persons) -> None:
        through = Person.nationalities.through
        rows = [(values["id"], iso3) for values, _label, nationalities in persons for iso3 in dict.fromkeys(nationalities)]
        insert_rows(through._meta.db_table, ("person_id", "country_id"), rows)

    # --- Children of one case, as field values ------------------------------------------------
    def _translations(self, case_id: int | None, record: dict) -> list[dict]:
        return [
            {"case_id": case_id, "language": language, **{name: texts.get(name) or "" for name in TRANSLATED_TEXTS}}
            for language, texts in (record.get("translations") or {}).items()
        ]

    def _proceedings(self, case_id: int | None, record: dict) -> list[dict]:
        proceedings = [
            {
                "case_id": case_id,
                "order": item.get("order") if item.get("order") is not None else index,
                "court_name": item["court_name"],
                "court_level": item["court_level"],
                "reference": item.get("reference") or "",
                "date": datetime.date.fromisoformat(item["date"]) if item.get("date") else None,
                "decision_text": item.get("decision_text") or "",
                "outcome": item.get("outcome") or "",
                "is_latest": False,
            }
            for index, item in enumerate(record.get("proceedings") or [])
        ]
        # The same rule as Case.refresh_latest_proceeding: last by order, then date (unknown first).
        if proceedings:
            latest = max(enumerate(proceedings), key=lambda pair: (
                pair[1]["order"], pair[1]["date"] is not None, pair[1]["date"] or datetime.date.min, pair[0]
            ))[1]
            latest["is_latest"] = True
        return proceedings

    def _route(self, case_id: int, record: dict) -> list[dict]:
        route = get_path(record, "smuggling.route") or {}
        stops, order = [], 0
        for role in ROUTE_ROLES:
            for iso3 in dict.fromkeys(route.get(role) or []):
                stops.append({"case_id": case_id, "country_id": iso3, "role": role, "order": order})
                order += 1
        return stops

    def _source_fields(self, record: dict) -> list[dict]:
        return [
            {
                "kind": item["kind"],
                "title": item.get("title") or "",
                "url": item.get("url") or "",
                "language": item.get("language") or "",
                "sha256": item.get("sha256") or "",
                "size": item.get("size"),
                "redacted_text": item.get("redacted_text") or "",
            }
            for item in record.get("sources") or []
        ]

    def _person_fields(self, item: dict, order: int) -> dict:
        band = item.get("age_band") or ""
        return {
            "role": item["role"],
            "kind": item.get("kind") or Person.Kind.NATURAL,
            "sex": item.get("sex") or Person.Sex.UNKNOWN,
            "age_band": band,
            "is_child": bool(item.get("is_child")) or _child_age_band(band),
            "role_detail": item.get("role_detail") or "",
            "order": order,
        }

    def _persons(self, case_id: int, record: dict) -> list[tuple[dict, str, list[str]]]:
        """(field values, label, nationalities) of the new persons of a case, numbered within
        their role in the order of the record, so that their pseudonyms come out as in the record."""
        persons, positions = [], {}
        for item in record.get("persons") or []:
            positions[item["role"]] = positions.get(item["role"], 0) + 1
            values = {"case_id": case_id, **self._person_fields(item, positions[item["role"]])}
            persons.append((values, item.get("label") or "", item.get("nationalities") or []))
        return persons

    def _charges(self, case_id: int, record: dict, person_ids: dict[str, int]) -> list[dict]:
        return [
            {
                "case_id": case_id,
                "defendant_id": person_ids[item["defendant"]],
                "order": index,
                "legal_provision": item.get("legal_provision") or "",
                "charge": item["charge"],
                "verdict": item.get("verdict") or Charge.Verdict.PENDING,
                "imprisonment_months": item.get("imprisonment_months"),
                "fine_amount": Decimal(str(item["fine_amount"])) if item.get("fine_amount") is not None else None,
                "fine_currency": item.get("fine_currency") or "",
                "confiscation": bool(item.get("confiscation")),
                "confiscation_details": item.get("confiscation_details") or "",
                "compensation_amount": (Decimal(str(item["compensation_amount"]))
                                        if item.get("compensation_amount") is not None else None),
                "compensation_currency": item.get("compensation_currency") or "",
                "sentence_notes": item.get("sentence_notes") or "",
            }
            for index, item in enumerate(record.get("charges") or [])
        ]

    # --- Existing cases, one by one -----------------------------------------------------------
    def _update(self, case: Case, record: dict) -> bool:
        """Update `case` (prefetched) to match the record; return whether anything changed.

        Persons are matched by their position in their role (V1 is the first victim), so
        restricted identities stay with their person; uploaded documents absent from the record
        are kept. Parts the record leaves as they are are not touched."""
        current, incoming = case_record(case), self._comparable(record)
        forget_loaded_relations(case)  # the changes below query and write its relations afresh
        changed = False
        fields = self._case_fields(record)
        if not record.get("published_at") and case.published_at:  # keep the first publication date
            fields["published_at"] = case.published_at
        for name, value in fields.items():
            if getattr(case, name) != value:
                setattr(case, name, value)
                changed = True
        for path, field_name in TERM_FIELDS.items():
            codes = sorted(set(get_path(record, path) or []))
            if codes != get_path(current, path):
                ids = self.term_ids[path]
                getattr(case, field_name).set([ids[code] for code in codes])
                changed = True
        if incoming["translations"] != current["translations"]:
            case.translations.all().delete()
            CaseTranslation.objects.bulk_create(CaseTranslation(**values) for values in self._translations(case.pk, record))
            changed = True
        if incoming["proceedings"] != [_without(p, "is_latest") for p in current["proceedings"]]:
            case.proceedings.all().delete()
            Proceeding.objects.bulk_create(Proceeding(**values) for values in self._proceedings(case.pk, record))
            changed = True
        if incoming["route"] != current["smuggling"]["route"]:
            case.route.all().delete()
            RouteCountry.objects.bulk_create(RouteCountry(**values) for values in self._route(case.pk, record))
            changed = True
        if incoming["sources"] != current["sources"]:
            self._update_sources(case, record)
            changed = True
        if incoming["persons"] != current["persons"] or incoming["charges"] != [
            _charge_key(charge) for charge in current["charges"]
        ]:
            case.charges.all().delete()
            person_ids = self._update_persons(case, record)
            Charge.objects.bulk_create(Charge(**values) for values in self._charges(case.pk, record, person_ids))
            changed = True
        if changed:
            case.save()
        return changed

    def _comparable(self, record: dict) -> dict:
        """The parts of the record in the shape of `case_record`, to compare with a case."""
        route = get_path(record, "smuggling.route") or {}
        return {
            "translations": {
                language: {name: texts.get(name) or "" for name in TRANSLATED_TEXTS}
                for language, texts in sorted((record.get("translations") or {}).items())
            },
            "proceedings": [
                {**_without(p, "case_id", "is_latest"), "date": p["date"].isoformat() if p["date"] else None}
                for p in self._proceedings(None, record)
            ],
            "route": {role: list(dict.fromkeys(route.get(role) or [])) for role in ROUTE_ROLES},
            "sources": self._source_fields(record),
            "persons": [
                {"label": item.get("label") or "", **{
                    name: value for name, value in self._person_fields(item, 0).items() if name != "order"
                }, "nationalities": sorted(set(item.get("nationalities") or []))}
                for item in record.get("persons") or []
            ],
            "charges": [_charge_key(charge) for charge in record.get("charges") or []],
        }

    def _update_sources(self, case: Case, record: dict) -> None:
        existing = {(s.kind, s.url, s.sha256): s for s in case.sources.all()}
        keep = set()
        for fields in self._source_fields(record):
            key = (fields["kind"], fields["url"], fields["sha256"])
            source = existing.get(key)
            if source is None:
                source = Source(case=case)
            for name, value in fields.items():
                setattr(source, name, value)
            source.save()
            keep.add(source.pk)
        case.sources.exclude(pk__in=keep).filter(file="").delete()

    def _update_persons(self, case: Case, record: dict) -> dict[str, int]:
        by_role: dict[str, list[Person]] = {}
        for person in case.persons.order_by("order", "pk"):
            by_role.setdefault(person.role, []).append(person)
        positions: dict[str, int] = {}
        labels, keep = {}, set()
        for item in record.get("persons") or []:
            role = item["role"]
            position = positions[role] = positions.get(role, 0) + 1
            candidates = by_role.get(role, [])
            person = candidates[position - 1] if position <= len(candidates) else Person(case=case)
            fields = self._person_fields(item, position)
            if person.age is not None and fields["age_band"] and not _age_in_band(person.age, fields["age_band"]):
                person.age = None
            for name, value in fields.items():
                setattr(person, name, value)
            person.save()
            person.nationalities.set(item.get("nationalities") or [])
            labels[item.get("label") or ""] = person.pk
            keep.add(person.pk)
        case.persons.exclude(pk__in=keep).delete()
        return labels


def _without(item: dict, *keys: str) -> dict:
    return {name: value for name, value in item.items() if name not in keys}


def _charge_key(charge: dict) -> tuple:
    """A charge of a record, comparable whatever the spelling of its amounts ("1000" or "1000.00")."""
    def amount(name):
        return Decimal(str(charge[name])) if charge.get(name) is not None else None

    return (
        charge.get("defendant"), charge.get("legal_provision") or "", charge.get("charge"),
        charge.get("verdict") or Charge.Verdict.PENDING, charge.get("imprisonment_months"),
        amount("fine_amount"), charge.get("fine_currency") or "", bool(charge.get("confiscation")),
        charge.get("confiscation_details") or "", amount("compensation_amount"),
        charge.get("compensation_currency") or "", charge.get("sentence_notes") or "",
    )


def _age_in_band(age: int, band: str) -> bool:
    low, _dash, high = band.rstrip("+").partition("-")
    return int(low) <= age and (not high or age <= int(high))
