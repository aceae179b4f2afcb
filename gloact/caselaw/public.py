"""The public representation of a published case, shared by the bulk exports, the API and search.

`case_record(case)` returns a plain, JSON-ready dict holding only what may be published: case
texts, translations, classification term codes, proceedings, persons by their public label,
charges, the route and sources (redacted text only). Restricted identities (PersonIdentity), the
text extracted from decision documents and the files of non-public documents never appear.

`public_cases_queryset()` loads published cases with everything `case_record` reads, in a fixed
number of queries per batch (no query per case); `attach_codes(cases)` then adds, with one query
for the batch, the term codes of every classification and the persons' nationalities as plain
strings (`case.public_codes`, `person.public_nationalities`). Building a model instance and a
related queryset for each term of each case cost more than the rest of the export together.
"""

from collections import defaultdict

from django.db import connection
from django.db.models import F, Prefetch

from .models import Case, Charge, Person, Proceeding, RouteCountry, Source, Term

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

# Age bands (see Person.AgeBand) as (first age, band): an exact age is not published, its band is.
_AGE_BANDS = ((50, "50+"), (35, "35-49"), (25, "25-34"), (18, "18-24"), (12, "12-17"), (0, "0-11"))


def public_cases_queryset(queryset=None):
    """Published cases (or `queryset`) with every relation `case_record` reads prefetched."""
    queryset = Case.objects.published() if queryset is None else queryset
    return queryset.select_related(
        "jurisdiction__country__region"
    ).prefetch_related(
        "translations",
        Prefetch("proceedings", queryset=Proceeding.objects.order_by("order", F("date").asc(nulls_first=True), "pk")),
        # The identity is read only to apply the display rules of adult defendants (privacy.py).
        Prefetch("persons", queryset=Person.objects.select_related("identity")),
        Prefetch("charges", queryset=Charge.objects.order_by("defendant__order", "defendant_id", "order", "pk")),
        Prefetch("route", queryset=RouteCountry.objects.order_by("order", "pk")),
        Prefetch("sources", queryset=Source.objects.order_by("pk")),
    )


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def attach_codes(cases: list[Case]) -> list[Case]:
    """Give each case (loaded by public_cases_queryset) `public_codes`, {Case field: [term code]}
    for every classification, and each of its persons `public_nationalities`, [ISO3]: one query
    each for the whole batch, no model instances."""
    if not cases:
        return cases
    ids = [case.pk for case in cases]
    marks = ", ".join(["%s"] * len(ids))
    term_table = connection.ops.quote_name(Term._meta.db_table)
    parts, params = [], []
    for field in TERM_FIELDS.values():
        through = connection.ops.quote_name(Case._meta.get_field(field).remote_field.through._meta.db_table)
        parts.append(f"SELECT %s, link.case_id, term.code FROM {through} link "  # nosec B608 # identifiers are model tables; values are bound parameters
                     f"JOIN {term_table} term ON term.id = link.term_id WHERE link.case_id IN ({marks})")
        params += [field, *ids]
    codes: dict[int, dict[str, list[str]]] = {pk: {field: [] for field in TERM_FIELDS.values()} for pk in ids}
    for field, case_id, code in _rows(" UNION ALL ".join(parts), params):
        codes[case_id][field].append(code)
    persons = [person for case in cases for person in case.persons.all()]
    nationalities: dict[int, list[str]] = defaultdict(list)
    if persons:
        through = Person.nationalities.through._meta.db_table
        for person_id, iso3 in _rows(
            f"SELECT person_id, country_id FROM {connection.ops.quote_name(through)} "  # nosec B608 # identifiers are model tables; values are bound parameters
            f"WHERE person_id IN ({', '.join(['%s'] * len(persons))})", [person.pk for person in persons],
        ):
            nationalities[person_id].append(iso3)
    for case in cases:
        case.public_codes = codes[case.pk]
    for person in persons:
        person.public_nationalities = nationalities[person.pk]
    return cases


def age_band(person: Person) -> str:
    if person.age_band:
        return person.age_band
    if person.age is None:
        return ""
    return next(band for first_age, band in _AGE_BANDS if person.age >= first_age)


def _codes(case: Case, field: str) -> list[str]:
    codes = getattr(case, "public_codes", None)  # from attach_codes; otherwise one query per field
    return sorted(codes[field] if codes is not None else (term.code for term in getattr(case, field).all()))


def _nationalities(person: Person) -> list[str]:
    iso3s = getattr(person, "public_nationalities", None)  # from attach_codes
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
            "nationalities": _nationalities(person),
            "role_detail": person.role_detail,
        }
        for person in persons
    ]


def _charges(case: Case, labels: dict[int, str]) -> list[dict]:
    return [
        {
            "defendant": labels[charge.defendant_id],
            "legal_provision": charge.legal_provision,
            "charge": charge.charge,
            "verdict": charge.verdict,
            "imprisonment_months": charge.imprisonment_months,
            "fine_amount": _amount(charge.fine_amount),
            "fine_currency": charge.fine_currency,
            "confiscation": charge.confiscation,
            "confiscation_details": charge.confiscation_details,
            "compensation_amount": _amount(charge.compensation_amount),
            "compensation_currency": charge.compensation_currency,
            "sentence_notes": charge.sentence_notes,
        }
        for charge in case.charges.all()
    ]


def _sources(case: Case) -> list[dict]:
    # Never extracted_text (may name victims) nor the file of a document that is not public.
    return [
        {
            "kind": source.kind,
            "title": source.title,
            "url": source.url,
            "language": source.language,
            "sha256": source.sha256,
            "size": source.size,
            "redacted_text": source.redacted_text,
        }
        for source in case.sources.all()
    ]


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
