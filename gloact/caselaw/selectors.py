"""Read-side queries of the public case law pages: one published case with everything its page
shows, similar cases, and the browse lists (countries by region, Protocol articles)."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import Http404

from gloact.core.models import Region

from . import vocabularies as v
from .models import Case, Jurisdiction, Person, Term
from .public import age_band, public_cases_queryset

# Classifications that make two cases "similar" (the elements of the offences).
ELEMENT_FIELDS = ("tip_acts", "tip_means", "tip_purposes", "exploitation_sectors", "som_offences",
                  "som_aggravations", "som_modes", "crime_types")
SAME_REGION_BONUS = 2


def published_case(public_id: str) -> Case:
    """The published case `public_id` with everything its page reads; 404 for any other status."""
    cases = public_cases_queryset().prefetch_related("protection_measures", "human_rights_aspects")
    case = cases.filter(public_id=public_id).first()
    if case is None:
        raise Http404("No published case with this id.")
    return case


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
    for charge in case.charges.all():
        grouped.setdefault(labels[charge.defendant_id], []).append(charge)
    return list(grouped.items())


def _region_id(case: Case):
    country = case.jurisdiction.country
    return country.region_id if country else None


def similar_cases(case: Case, limit: int = 5) -> list[Case]:
    """Published cases sharing the most element terms with `case` (one point per shared term),
    with a bonus for the same region; ties go to the more recently published."""
    scores: Counter = Counter()
    for field_name in ELEMENT_FIELDS:
        through = Case._meta.get_field(field_name).remote_field.through
        term_ids = [term.pk for term in getattr(case, field_name).all()]
        if not term_ids:
            continue
        shared = (through.objects.filter(term_id__in=term_ids, case__status=Case.Status.PUBLISHED)
                  .exclude(case_id=case.pk).values("case_id").annotate(n=Count("term_id")))
        scores.update({row["case_id"]: row["n"] for row in shared})
    if not scores:
        return []
    # Rank on plain tuples (thousands of candidates share a common term); load only the winners.
    region = _region_id(case)
    ranked = sorted(
        (
            (-(scores[pk] + (SAME_REGION_BONUS if region and candidate_region == region else 0)),
             -(published_at.timestamp() if published_at else 0), pk)
            for pk, candidate_region, published_at in Case.objects.filter(pk__in=scores)
            .values_list("pk", "jurisdiction__country__region_id", "published_at")
        )
    )[:limit]
    top = [pk for _score, _published, pk in ranked]
    cases = Case.objects.filter(pk__in=top).select_related("jurisdiction__country").prefetch_related(
        "translations", "crime_types"
    ).in_bulk()
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

