"""The public representation of a published case, shared by the bulk exports, the API and search.

`case_record(case)` returns a plain, JSON-ready dict holding only what may be published: case
texts, translations, classification term codes, proceedings, persons by their public label,
charges, the route and sources (redacted text only). Restricted identities (PersonIdentity), the
text extracted from decision documents and the files of non-public documents never appear.

`load_public_cases(cases)` reads everything `case_record` needs for a batch of cases in a fixed
number of queries, whatever the batch's size: the related rows of each kind in one query (compiled
once, batch_queries.py), grouped in Python and held by each case as plain lists; the batch's
jurisdictions once each; term codes and persons' nationalities as strings (`case.public_codes`,
`person.public_nationalities`). Django's prefetching builds a queryset per case and relation, and a
model per term of each case: at 100,000 cases that cost more than the rest of the export together.
Rows that case_record only reads (translations, proceedings, charges, route, sources) are plain
rows with the model's attribute names, not models: making a model costs several times more, and an
export makes millions. Persons stay models, for the privacy rules. The lists are for reading: code
that then changes a case's relations must query them afresh (`forget_loaded_relations`).
"""

from collections import defaultdict
from types import SimpleNamespace

from django.db import connection

from .batch_queries import BatchQuery, in_ids, one_of, rows
from .models import Case, CaseTranslation, Charge, Jurisdiction, Person, Proceeding, RouteCountry, Source, Term

# (record key, Case field) of every classification that is a list of term codes.
TERM_FIELDS = {
    "crime_types": "crime_types",
    "decision_languages": "decision_languages",
    "trafficking.acts": "tip_acts",
    "trafficking.means": "tip_means",
    "trafficking.purposes": "tip_purposes",
    "trafficking.sectors": "exploitation_sectors",
    "smuggling.offences": "som_offences",
    "smuggling.aggravations": "som_aggravations",
    "smuggling.modes": "som_modes",
    "legal.articles": "legal_articles",
    "protection_measures": "protection_measures",
    "human_rights_aspects": "human_rights_aspects",
}
TRANSLATED_TEXTS = ("title", "summary", "reasoning", "commentary", "why_included")
CASE_TEXTS = ("summary", "reasoning", "commentary", "why_included")
ROUTE_ROLES = ("origin", "transit", "destination")
CHARGE_FIELDS = ("legal_provision", "charge", "verdict", "imprisonment_months", "fine_amount", "fine_currency",
                 "confiscation", "confiscation_details", "compensation_amount", "compensation_currency",
                 "sentence_notes")
SOURCE_FIELDS = ("kind", "title", "url", "language", "sha256", "size", "redacted_text")

# Age bands (see Person.AgeBand) as (first age, band): an exact age is not published, its band is.
_AGE_BANDS = ((50, "50+"), (35, "35-49"), (25, "25-34"), (18, "18-24"), (12, "12-17"), (0, "0-11"))


# The related rows case_record reads as plain rows, with the columns it reads: {relation: rows of
# the cases whose ids are given, in the order of the record (charges: see ordered_charges)}. Persons are
# read as models (load_public_cases).
_ROW_RELATIONS = {
    "translations": BatchQuery(lambda ids: CaseTranslation.objects.filter(case_id__in=ids).values(
        "case_id", "language", *TRANSLATED_TEXTS)),
    "proceedings": BatchQuery(lambda ids: Proceeding.objects.filter(case_id__in=ids).order_by(
        *Proceeding.PROCEDURAL_ORDER).values(
        "case_id", "order", "court_name", "court_level", "reference", "date", "decision_text", "outcome", "is_latest")),
    # Unordered: ordering by the defendant's order joins the persons, and PostgreSQL then reads all
    # charges (20 ms a batch, 1 ms without); ordered_charges orders them.
    "charges": BatchQuery(lambda ids: Charge.objects.filter(case_id__in=ids).order_by().values(
        "case_id", "pk", "defendant_id", "order", *CHARGE_FIELDS)),
    "route": BatchQuery(lambda ids: RouteCountry.objects.filter(case_id__in=ids).order_by("order", "pk").values(
        "case_id", "role", "country_id")),
    # Never extracted_text: it may name victims.
    "sources": BatchQuery(lambda ids: Source.objects.filter(case_id__in=ids).order_by("pk").values(
        "case_id", *SOURCE_FIELDS)),
}


# Unordered: Term's ordering joins the vocabularies.
_TERM_CODES = BatchQuery(lambda ids: Term.objects.filter(pk__in=ids).order_by().values("pk", "code"))
_TERMS = BatchQuery(lambda ids: Term.objects.filter(pk__in=ids))  # in Term's own ordering


def _term_links(ids: list[int]) -> list[tuple[str, int, int]]:
    """(Case field, case id, term id) of every classification of the cases `ids`, in one query.
    The terms are not joined: PostgreSQL took longer to plan the twelve joins than to run them."""
    condition, condition_params = one_of("case_id", ids)
    parts, params = [], []
    for field in TERM_FIELDS.values():
        through = connection.ops.quote_name(Case._meta.get_field(field).remote_field.through._meta.db_table)
        parts.append(f"SELECT %s, case_id, term_id FROM {through} WHERE {condition}")  # nosec B608 # identifiers are model tables; values are bound parameters
        params += [field, *condition_params]
    return rows(" UNION ALL ".join(parts), params)


def _term_codes(ids: list[int]) -> dict[int, dict[str, list[str]]]:
    """{case id: {Case field: [term code]}} of every classification, in two queries."""
    links = _term_links(ids)
    term_ids = {term_id for _field, _case_id, term_id in links}
    code_of = {row["pk"]: row["code"] for row in _TERM_CODES(list(term_ids))}
    codes = {pk: {field: [] for field in TERM_FIELDS.values()} for pk in ids}
    for field, case_id, term_id in links:
        codes[case_id][field].append(code_of[term_id])
    return codes


def load_terms(case: Case) -> Case:
    """Give `case` the terms of every classification (case.tip_acts.all() and the like), in their
    vocabulary's order: two queries in all, rather than Django's one per field."""
    fields_of_term = defaultdict(list)
    for field, _case_id, term_id in _term_links([case.pk]):
        fields_of_term[term_id].append(field)
    fields = {field: [] for field in TERM_FIELDS.values()}
    for term in _TERMS(list(fields_of_term)):
        for field in fields_of_term[term.pk]:
            fields[field].append(term)
    case._prefetched_objects_cache = {**getattr(case, "_prefetched_objects_cache", {}), **fields}
    return case


def _nationalities(persons: list[Person]) -> dict[int, list[str]]:
    """{person id: [ISO3]}, in one query."""
    found: dict[int, list[str]] = defaultdict(list)
    if persons:
        through = connection.ops.quote_name(Person.nationalities.through._meta.db_table)
        condition, params = one_of("person_id", [person.pk for person in persons])
        for person_id, iso3 in rows(
            f"SELECT person_id, country_id FROM {through} WHERE {condition}", params,  # nosec B608 # identifiers are model tables; values are bound parameters
        ):
            found[person_id].append(iso3)
    return found


def _load_jurisdictions(cases: list[Case]) -> None:
    """Give each case its jurisdiction, with country and region, read once per batch: joined to
    each case's row, they were three models more per case."""
    missing = [case for case in cases if not Case.jurisdiction.is_cached(case)]
    found = Jurisdiction.objects.select_related("country__region").in_bulk({case.jurisdiction_id for case in missing})
    for case in missing:
        Case.jurisdiction.field.set_cached_value(case, found[case.jurisdiction_id])


def load_public_cases(cases: list[Case]) -> list[Case]:
    """Give `cases` everything case_record reads (see the module's docstring); returns them."""
    if not cases:
        return cases
    _load_jurisdictions(cases)
    ids = [case.pk for case in cases]
    loaded: dict[int, dict[str, list]] = {pk: {name: [] for name in (*_ROW_RELATIONS, "persons")} for pk in ids}
    for name, query in _ROW_RELATIONS.items():
        for row in query(ids):
            loaded[row["case_id"]][name].append(SimpleNamespace(**row))
    # Models, for the privacy rules (privacy.public_labels); the identity is read only to apply the
    # display rules of adult defendants.
    for person in Person.objects.filter(case_id__in=in_ids(ids)).select_related("identity"):
        loaded[person.case_id]["persons"].append(person)
    codes = _term_codes(ids)
    for case in cases:
        # Where Django keeps prefetched relations: case.persons.all() and the like return these lists.
        case._prefetched_objects_cache = loaded[case.pk]
        case.public_codes = codes[case.pk]
    persons = [person for case in cases for person in loaded[case.pk]["persons"]]
    nationalities = _nationalities(persons)
    for person in persons:
        person.public_nationalities = nationalities[person.pk]
    return cases


def forget_loaded_relations(case: Case) -> None:
    """Drop what load_public_cases gave `case`, so that its relations are queried afresh."""
    case._prefetched_objects_cache = {}
    case.__dict__.pop("public_codes", None)


def age_band(person: Person) -> str:
    if person.age_band:
        return person.age_band
    if person.age is None:
        return ""
    return next(band for first_age, band in _AGE_BANDS if person.age >= first_age)


def _codes(case: Case, field: str) -> list[str]:
    codes = getattr(case, "public_codes", None)  # from load_public_cases; otherwise a query per field
    return sorted(codes[field] if codes is not None else (term.code for term in getattr(case, field).all()))


def _nationalities_of(person: Person) -> list[str]:
    iso3s = getattr(person, "public_nationalities", None)  # from load_public_cases
    return sorted(iso3s if iso3s is not None else (country.iso3 for country in person.nationalities.all()))


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _amount(value) -> str | None:
    return None if value is None else str(value)


def _persons(case: Case, labels: dict[int, str]) -> list[dict]:
    roles = list(Person.Role.values)
    persons = sorted(case.persons.all(), key=lambda p: (roles.index(p.role), p.order, p.pk))
    return [
        {
            "label": labels[person.pk],
            "role": person.role,
            "kind": person.kind,
            "sex": person.sex,
            "age_band": age_band(person),
            "is_child": person.is_child,
            "nationalities": _nationalities_of(person),
            "role_detail": person.role_detail,
        }
        for person in persons
    ]


def ordered_charges(case: Case) -> list:
    """The charges of `case` in the order of the case: by their defendant's number, then their own
    (in Python: ordering by the defendant in SQL joins the persons, see _ROW_RELATIONS)."""
    defendant_order = {person.pk: person.order for person in case.persons.all()}
    return sorted(case.charges.all(), key=lambda c: (defendant_order[c.defendant_id], c.defendant_id, c.order, c.pk))


def _charges(case: Case, labels: dict[int, str]) -> list[dict]:
    return [
        {"defendant": labels[charge.defendant_id], **{name: getattr(charge, name) for name in CHARGE_FIELDS},
         "fine_amount": _amount(charge.fine_amount), "compensation_amount": _amount(charge.compensation_amount)}
        for charge in ordered_charges(case)
    ]


def _sources(case: Case) -> list[dict]:
    # Never extracted_text (may name victims) nor the file of a document that is not public.
    return [{name: getattr(source, name) for name in SOURCE_FIELDS} for source in case.sources.all()]


def case_record(case: Case) -> dict:
    """The public representation of one case (see docs/case-format.md)."""
    jurisdiction = case.jurisdiction
    country = jurisdiction.country
    labels = case.person_labels()
    route = {role: [stop.country_id for stop in case.route.all() if stop.role == role] for role in ROUTE_ROLES}
    return {
        "public_id": case.public_id,
        "court_reference": case.court_reference,
        "ecli": case.ecli,
        "title": case.title,
        "jurisdiction": {
            "code": jurisdiction.code,
            "name": jurisdiction.name,
            "kind": jurisdiction.kind,
            "country": country.iso3 if country else None,
            "region": country.region.name if country else None,
        },
        "crime_types": _codes(case, "crime_types"),
        "decision_languages": _codes(case, "decision_languages"),
        "is_landmark": case.is_landmark,
        "is_synthetic": case.is_synthetic,
        "original_language": case.original_language,
        "texts": {name: getattr(case, name) for name in CASE_TEXTS},
        "translations": {
            translation.language: {name: getattr(translation, name) for name in TRANSLATED_TEXTS}
            for translation in sorted(case.translations.all(), key=lambda t: t.language)
        },
        "proceedings": [
            {
                "order": proceeding.order,
                "court_name": proceeding.court_name,
                "court_level": proceeding.court_level,
                "reference": proceeding.reference,
                "date": _date(proceeding.date),
                "decision_text": proceeding.decision_text,
                "outcome": proceeding.outcome,
                "is_latest": proceeding.is_latest,
            }
            for proceeding in case.proceedings.all()
        ],
        "persons": _persons(case, labels),
        "charges": _charges(case, labels),
        "trafficking": {
            "acts": _codes(case, "tip_acts"),
            "means": _codes(case, "tip_means"),
            "purposes": _codes(case, "tip_purposes"),
            "sectors": _codes(case, "exploitation_sectors"),
            "scope": case.tip_scope,
        },
        "smuggling": {
            "material_benefit": case.som_material_benefit,
            "offences": _codes(case, "som_offences"),
            "aggravations": _codes(case, "som_aggravations"),
            "modes": _codes(case, "som_modes"),
            "route": route,
        },
        "legal": {
            "articles": _codes(case, "legal_articles"),
            "national_provisions": [line.strip() for line in case.national_provisions.splitlines() if line.strip()],
        },
        "protection_measures": _codes(case, "protection_measures"),
        "human_rights_aspects": _codes(case, "human_rights_aspects"),
        "sources": _sources(case),
        "published_at": _date(case.published_at),
        "updated_at": _date(case.updated_at),
    }
