"""Validation of case records (the JSONL format of docs/case-format.md) before anything is written.

`validate_record(record)` returns every problem of one record as FieldError(line, record, field,
message); it needs the known jurisdictions, countries and vocabulary terms, loaded once into
`KnownValues` so that validating a large file costs no query per record.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from gloact.core.lists import join_list

from ..languages import TEXT_LANGUAGES
from ..models import Case, Charge, Jurisdiction, Person, Proceeding, Source, Term
from ..models.jurisdiction import PUBLIC_ID_RE
from ..public import CASE_TEXTS, ROUTE_ROLES, TERM_FIELDS, TRANSLATED_TEXTS
from .. import vocabularies as v

# The vocabulary of each list of term codes in a record.
TERM_VOCABULARIES = {
    "crime_types": v.CRIME_TYPE,
    "decision_languages": v.LANGUAGE,
    "trafficking.acts": v.TIP_ACT,
    "trafficking.means": v.TIP_MEANS,
    "trafficking.purposes": v.TIP_PURPOSE,
    "trafficking.sectors": v.SECTOR,
    "smuggling.offences": v.SMUGGLING_OFFENCE,
    "smuggling.aggravations": v.SMUGGLING_AGGRAVATION,
    "smuggling.modes": v.SMUGGLING_MODE,
    "legal.articles": v.PROTOCOL_ARTICLE,
    "protection_measures": v.PROTECTION_MEASURE,
    "human_rights_aspects": v.HUMAN_RIGHTS_ASPECT,
}
if TERM_VOCABULARIES.keys() != TERM_FIELDS.keys():
    raise ImportError("bulk.records: TERM_VOCABULARIES and TERM_FIELDS must name the same fields")

LANGUAGE_CODES = {code for code, _label in TEXT_LANGUAGES}
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
MAX_LENGTHS = {"title": 500, "court_reference": 200, "ecli": 200}
_url = URLValidator()
# Allowed values, computed once: validating a large file checks them hundreds of thousands of times.
CASE_STATUSES = frozenset(Case.Status.values)
SCOPES = frozenset(Case.Scope.values)
COURT_LEVELS = frozenset(Proceeding.CourtLevel.values)
OUTCOMES = frozenset(Proceeding.Outcome.values)
ROLES = frozenset(Person.Role.values)
PERSON_KINDS = frozenset(Person.Kind.values)
SEXES = frozenset(Person.Sex.values)
AGE_BANDS = frozenset(Person.AgeBand.values)
VERDICTS = frozenset(Charge.Verdict.values)
SOURCE_KINDS = frozenset(Source.Kind.values)


@dataclass(frozen=True)
class FieldError:
    """One problem of one record: `line` in the file (None outside a file), `record` the public id
    or title that names the record, `field` a path such as "persons[2].role"."""

    line: int | None
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "record"
        name = f" ({self.record})" if self.record else ""
        return f"{where}{name}: {self.field}: {self.message}"


@dataclass
class KnownValues:
    """What records may refer to, read once from the database."""

    terms: dict[str, dict[str, int]]  # {vocabulary code: {term code: term id}}
    jurisdictions: dict[str, int]  # {code: id}
    countries: set[str]
    existing_cases: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # public_id: (id, juris., ref.)
    references: dict[tuple[int, str], str] = field(default_factory=dict)  # (jurisdiction id, reference): public_id

    @classmethod
    def load(cls, with_cases: bool = True) -> "KnownValues":
        from gloact.core.models import Country

        terms: dict[str, dict[str, int]] = {}
        for term_id, code, vocabulary in Term.objects.values_list("pk", "code", "vocabulary__code"):
            terms.setdefault(vocabulary, {})[code] = term_id
        known = cls(
            terms=terms,
            jurisdictions=dict(Jurisdiction.objects.values_list("code", "pk")),
            countries=set(Country.objects.values_list("iso3", flat=True)),
        )
        if with_cases:
            for case_id, public_id, jurisdiction_id, reference in Case.objects.values_list(
                "pk", "public_id", "jurisdiction_id", "court_reference"
            ):
                known.existing_cases[public_id] = (case_id, jurisdiction_id, reference)
                if reference:
                    known.references[(jurisdiction_id, reference)] = public_id
        return known


def record_name(record) -> str:
    if not isinstance(record, dict):
        return ""
    return str(record.get("public_id") or record.get("title") or "")[:80]


def get_path(record: dict, path: str, default=None):
    """record["trafficking"]["acts"] for path "trafficking.acts"; `default` where missing."""
    value = record
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            return default
        value = value[key]
    return value


class _Checker:
    """Collects the errors of one record; each check method names the field it checks."""

    def __init__(self, record: dict, line: int | None):
        self.record, self.line, self.errors = record, line, []
        self.name = record_name(record)

    def error(self, path: str, message: str) -> None:
        self.errors.append(FieldError(self.line, self.name, path, message))

    def text(self, path: str, value, required=False, max_length=None) -> None:
        if value is None:
            if required:
                self.error(path, _("is required"))
            return
        if not isinstance(value, str):
            self.error(path, _("must be a string"))
        elif required and not value.strip():
            self.error(path, _("is required"))
        elif max_length and len(value) > max_length:
            self.error(path, _("is longer than %(max)d characters") % {"max": max_length})

    def boolean(self, path: str, value, nullable=False) -> None:
        if value is None and nullable:
            return
        if value is not None and not isinstance(value, bool):
            self.error(path, _("must be true or false"))

    def choice(self, path: str, value, choices, blank=True) -> None:
        if value is None or (blank and value == ""):
            return
        if value not in choices:
            self.error(path, _("unknown value %(value)r (allowed: %(allowed)s)")
                       % {"value": value, "allowed": join_list(sorted(c for c in choices if c))})

    def integer(self, path: str, value) -> None:
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            self.error(path, _("must be a whole number, 0 or more"))

    def amount(self, path: str, value) -> None:
        if value is None:
            return
        try:
            Decimal(str(value))
        except InvalidOperation:
            self.error(path, _("must be a decimal number such as \"1000.00\""))

    def date(self, path: str, value, with_time=False) -> None:
        if value is None:
            return
        try:
            parse = datetime.datetime.fromisoformat if with_time else datetime.date.fromisoformat
            parse(value)
        except (TypeError, ValueError):
            self.error(path, _("must be an ISO 8601 date (YYYY-MM-DD)") if not with_time
                       else _("must be an ISO 8601 date and time"))

    def listing(self, path: str, value) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(path, _("must be a list"))
            return []
        return value

    def mapping(self, path: str, value) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(path, _("must be an object"))
            return {}
        return value


def validate_record(record, known: KnownValues | None = None, line: int | None = None) -> list[FieldError]:
    """Every problem of one record, in the order of its fields; an empty list when it may be imported.

    Checks types, required fields, enumerations, dates, and that jurisdictions, countries and term
    codes exist. Duplicates across records and against the database are checked by the importer."""
    if not isinstance(record, dict):
        return [FieldError(line, "", "(record)", _("must be a JSON object"))]
    known = known or KnownValues.load(with_cases=False)
    check = _Checker(record, line)

    jurisdiction = check.mapping("jurisdiction", record.get("jurisdiction"))
    code = jurisdiction.get("code")
    if not code:
        check.error("jurisdiction.code", _("is required"))
    elif code not in known.jurisdictions:
        check.error("jurisdiction.code", _("unknown jurisdiction %(code)r") % {"code": code})
    public_id = record.get("public_id")
    if public_id not in (None, ""):
        match = PUBLIC_ID_RE.match(public_id) if isinstance(public_id, str) else None
        if not match:
            check.error("public_id", _("must be a jurisdiction code and a number, e.g. MLI007"))
        elif code and match["code"] != code:
            check.error("public_id", _("does not start with the jurisdiction code %(code)s") % {"code": code})

    check.text("title", record.get("title"), required=True, max_length=MAX_LENGTHS["title"])
    for name in ("court_reference", "ecli"):
        check.text(name, record.get(name), max_length=MAX_LENGTHS[name])
    for name in ("is_landmark", "is_synthetic"):
        check.boolean(name, record.get(name))
    check.choice("original_language", record.get("original_language"), LANGUAGE_CODES, blank=False)
    check.choice("status", record.get("status"), CASE_STATUSES, blank=False)
    check.date("published_at", record.get("published_at"), with_time=True)

    texts = check.mapping("texts", record.get("texts"))
    for name in CASE_TEXTS:
        check.text(f"texts.{name}", texts.get(name))
    for language, translation in check.mapping("translations", record.get("translations")).items():
        check.choice(f"translations.{language}", language, LANGUAGE_CODES)
        translation = check.mapping(f"translations.{language}", translation)
        for name in TRANSLATED_TEXTS:
            check.text(f"translations.{language}.{name}", translation.get(name), required=(name == "summary"))

    for path, vocabulary in TERM_VOCABULARIES.items():
        codes = known.terms.get(vocabulary, {})
        for index, term_code in enumerate(check.listing(path, get_path(record, path))):
            if term_code not in codes:
                check.error(f"{path}[{index}]", _("unknown term %(code)r of vocabulary %(vocabulary)s")
                            % {"code": term_code, "vocabulary": vocabulary})
    check.choice("trafficking.scope", get_path(record, "trafficking.scope"), SCOPES)
    check.boolean("smuggling.material_benefit", get_path(record, "smuggling.material_benefit"), nullable=True)
    for role in ROUTE_ROLES:
        for index, iso3 in enumerate(check.listing(f"smuggling.route.{role}", get_path(record, f"smuggling.route.{role}"))):
            if iso3 not in known.countries:
                check.error(f"smuggling.route.{role}[{index}]", _("unknown country %(code)r") % {"code": iso3})
    for index, provision in enumerate(check.listing("legal.national_provisions", get_path(record, "legal.national_provisions"))):
        check.text(f"legal.national_provisions[{index}]", provision)

    _check_proceedings(check, record)
    defendants = _check_persons(check, record, known)
    _check_charges(check, record, defendants)
    _check_sources(check, record)
    return check.errors


def _check_proceedings(check: _Checker, record: dict) -> None:
    for index, proceeding in enumerate(check.listing("proceedings", record.get("proceedings"))):
        path = f"proceedings[{index}]"
        proceeding = check.mapping(path, proceeding)
        check.text(f"{path}.court_name", proceeding.get("court_name"), required=True)
        check.choice(f"{path}.court_level", proceeding.get("court_level"), COURT_LEVELS, blank=False)
        if not proceeding.get("court_level"):
            check.error(f"{path}.court_level", _("is required"))
        check.choice(f"{path}.outcome", proceeding.get("outcome"), OUTCOMES)
        check.date(f"{path}.date", proceeding.get("date"))
        check.integer(f"{path}.order", proceeding.get("order"))
        for name in ("reference", "decision_text"):
            check.text(f"{path}.{name}", proceeding.get(name))


def _check_persons(check: _Checker, record: dict, known: KnownValues) -> set[str]:
    """Check the persons; return the labels of the defendants (charges refer to them)."""
    labels, defendants = set(), set()
    for index, person in enumerate(check.listing("persons", record.get("persons"))):
        path = f"persons[{index}]"
        person = check.mapping(path, person)
        check.text(f"{path}.label", person.get("label"))
        label = person.get("label")
        if label in labels:
            check.error(f"{path}.label", _("label %(label)r is given twice") % {"label": label})
        labels.add(label)
        if not person.get("role"):
            check.error(f"{path}.role", _("is required"))
        check.choice(f"{path}.role", person.get("role"), ROLES)
        if person.get("role") == "defendant" and label:
            defendants.add(label)
        check.choice(f"{path}.kind", person.get("kind"), PERSON_KINDS)
        check.choice(f"{path}.sex", person.get("sex"), SEXES)
        check.choice(f"{path}.age_band", person.get("age_band"), AGE_BANDS)
        check.boolean(f"{path}.is_child", person.get("is_child"))
        check.text(f"{path}.role_detail", person.get("role_detail"))
        for n, iso3 in enumerate(check.listing(f"{path}.nationalities", person.get("nationalities"))):
            if iso3 not in known.countries:
                check.error(f"{path}.nationalities[{n}]", _("unknown country %(code)r") % {"code": iso3})
    return defendants


def _check_charges(check: _Checker, record: dict, defendants: set[str]) -> None:
    for index, charge in enumerate(check.listing("charges", record.get("charges"))):
        path = f"charges[{index}]"
        charge = check.mapping(path, charge)
        if charge.get("defendant") not in defendants:
            check.error(f"{path}.defendant", _("%(label)r is not the label of a defendant in persons")
                        % {"label": charge.get("defendant")})
        check.text(f"{path}.charge", charge.get("charge"), required=True)
        check.choice(f"{path}.verdict", charge.get("verdict"), VERDICTS)
        check.integer(f"{path}.imprisonment_months", charge.get("imprisonment_months"))
        for name in ("fine_amount", "compensation_amount"):
            check.amount(f"{path}.{name}", charge.get(name))
        check.boolean(f"{path}.confiscation", charge.get("confiscation"))
        for name in ("legal_provision", "fine_currency", "compensation_currency", "confiscation_details",
                     "sentence_notes"):
            check.text(f"{path}.{name}", charge.get(name))


def _check_sources(check: _Checker, record: dict) -> None:
    for index, source in enumerate(check.listing("sources", record.get("sources"))):
        path = f"sources[{index}]"
        source = check.mapping(path, source)
        check.choice(f"{path}.kind", source.get("kind"), SOURCE_KINDS, blank=False)
        url = source.get("url")
        if url:
            try:
                _url(url)
            except ValidationError:
                check.error(f"{path}.url", _("is not a valid URL"))
        elif source.get("kind") == Source.Kind.EXTERNAL_URL:
            check.error(f"{path}.url", _("is required for an external source"))
        sha256 = source.get("sha256")
        if sha256 and not (isinstance(sha256, str) and SHA256_RE.match(sha256)):
            check.error(f"{path}.sha256", _("must be 64 lower-case hexadecimal digits"))
        check.integer(f"{path}.size", source.get("size"))
        for name in ("title", "language", "redacted_text"):
            check.text(f"{path}.{name}", source.get(name))
