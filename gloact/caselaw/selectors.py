"""Read-side queries of the public case law pages: one published case with everything its page
shows, similar cases, and the browse lists (countries by region, Protocol articles)."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.http import Http404

from gloact.core.models import Region

from . import vocabularies as v
from .batch_queries import BatchQuery
from .models import Case, CaseTranslation, Charge, Jurisdiction, Person, Proceeding, RouteCountry, Source, Term
from .public import age_band, load_terms, ordered_charges
from .search import bitmaps
from .search.similarity import similar_case_ids


# The relations of a case page whose rows need no other model: compiled once (batch_queries).
_PAGE_RELATIONS = {
    "translations": BatchQuery(lambda ids: CaseTranslation.objects.filter(case_id__in=ids)),
    "proceedings": BatchQuery(lambda ids: Proceeding.objects.filter(case_id__in=ids).order_by(
        *Proceeding.PROCEDURAL_ORDER)),
    "charges": BatchQuery(lambda ids: Charge.objects.filter(case_id__in=ids).order_by()),  # see public.ordered_charges
    "sources": BatchQuery(lambda ids: Source.objects.filter(case_id__in=ids).order_by("pk")),
}


def published_case(public_id: str) -> Case:
    """The published case `public_id` with everything its page reads, one query per relation (the
    page shows terms by label, so they are loaded whole, and route stops with their country);
    404 for any other status."""
    cases = Case.objects.published().select_related("jurisdiction__country__region").prefetch_related(
        # The identity is read only to apply the display rules of adult defendants (privacy).
        Prefetch("persons", queryset=Person.objects.select_related("identity").prefetch_related("nationalities")),
        Prefetch("route", queryset=RouteCountry.objects.select_related("country").order_by("order", "pk")),
    )
    case = cases.filter(public_id=public_id).first()
    if case is None:
        raise Http404("No published case with this id.")
    for name in _PAGE_RELATIONS:
        _load_relation({case.pk: case}, name)
    return load_terms(case)


def _load_relation(cases: dict[int, Case], name: str) -> None:
    """Give `cases` ({id: case}) their relation `name` (of _PAGE_RELATIONS) in one query, where
    Django's prefetching keeps it: case.translations.all() and the like return it."""
    related: dict[int, list] = {pk: [] for pk in cases}
    for row in _PAGE_RELATIONS[name](list(cases)):
        type(row).case.field.set_cached_value(row, cases[row.case_id])  # row.case: no query
        related[row.case_id].append(row)
    for pk, case in cases.items():
        case._prefetched_objects_cache = {**getattr(case, "_prefetched_objects_cache", {}), name: related[pk]}


@dataclass(frozen=True)
class PublicPerson:
    label: str
    person: Person
    age_band: str
    is_child: bool
    nationalities: list


def public_persons(case: Case) -> list[PublicPerson]:
    """Persons by their public label, in role order; nothing from their restricted identity."""
    labels = case.person_labels()
    roles = list(Person.Role.values)
    persons = sorted(case.persons.all(), key=lambda p: (roles.index(p.role), p.order, p.pk))
    return [PublicPerson(labels[p.pk], p, age_band(p), p.is_child, list(p.nationalities.all())) for p in persons]


def charges_by_defendant(case: Case) -> list[tuple[str, list]]:
    """[(defendant label, [charges])] in the order of the case."""
    labels = case.person_labels()
    grouped: dict[str, list] = {}
    for charge in ordered_charges(case):
        grouped.setdefault(labels[charge.defendant_id], []).append(charge)
    return list(grouped.items())


def similar_cases(case: Case, limit: int = 5) -> list[Case]:
    """Published cases sharing the most element terms with `case` (one point per shared term),
    with a bonus for the same region; ties go to the more recently published (search/similarity.py)."""
    structures = bitmaps.current()
    terms = {name: [term.pk for term in getattr(case, name).all()] for name in bitmaps.ELEMENT_FIELDS}
    country = case.jurisdiction.country
    region = structures.values["region"].get(str(country.region_id), 0) if country and country.region_id else 0
    top = similar_case_ids(structures, terms, region, case.pk, limit)
    # What the page shows of each: title (in the reader's language), public id, jurisdiction.
    cases = Case.objects.filter(pk__in=top).select_related("jurisdiction__country").in_bulk()
    _load_relation(cases, "translations")
    return [cases[pk] for pk in top]


@dataclass(frozen=True)
class RegionGroup:
    name: str
    code: str  # M49 region code, "" for international and regional courts
    jurisdictions: list[tuple[Jurisdiction, int]]


def jurisdictions_by_region(language: str) -> list[RegionGroup]:
    """Jurisdictions with published cases and their counts, grouped by the M49 region of the
    country (international and regional courts last)."""
    jurisdictions = Jurisdiction.objects.select_related("country").annotate(
        n=Count("cases", filter=Q(cases__status=Case.Status.PUBLISHED))
    ).filter(n__gt=0)
    regions = {r.code: r for r in Region.objects.filter(level=Region.Level.REGION)}
    groups: dict[str, list] = {}
    for jurisdiction in jurisdictions:
        code = jurisdiction.country.region_id if jurisdiction.country_id else ""
        groups.setdefault(code, []).append((jurisdiction, jurisdiction.n))
    result = []
    for code, members in groups.items():
        members.sort(key=lambda pair: pair[0].localized_name(language).casefold())
        name = regions[code].localized_name(language) if code in regions else ""
        result.append(RegionGroup(name, code, members))
    return sorted(result, key=lambda g: (g.code == "", g.name.casefold()))


def articles_with_counts() -> list[tuple[Term, int]]:
    """Every Protocol and Convention article with its number of published cases."""
    terms = Term.objects.of(v.PROTOCOL_ARTICLE).annotate(
        n=Count("cases_legal_articles", filter=Q(cases_legal_articles__status=Case.Status.PUBLISHED))
    ).order_by("order", "code")
    return [(term, term.n) for term in terms]

