"""Quality score of a case: how complete the template sections that matter for its crime types
are, from 0 to 100, with the list of what is missing.

Every case is checked for its texts, latest ruling, source, legal articles and persons;
trafficking cases also for the act, means, purpose and sector; smuggling cases for the offences,
material benefit, modes and route. Entry points: `case_quality(case)`, `quality_rows(cases)` for
lists (with `quality_queryset` to load cases in a fixed number of queries), `jurisdiction_summary`.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from . import vocabularies as v
from .models import Case, Person


@dataclass(frozen=True)
class Check:
    code: str
    label: str
    test: object  # Case -> bool


def _text(name):
    return lambda case: bool(getattr(case, name).strip())


def _terms(name):
    return lambda case: bool(getattr(case, name).all())


def _latest_ruling_complete(case: Case) -> bool:
    latest = case.latest_proceeding
    return bool(latest and latest.date and latest.court_name.strip() and latest.outcome)


def _persons_described(case: Case) -> bool:
    """At least one person, and every natural person with a sex and an age or age band."""
    natural = [p for p in case.persons.all() if p.kind == Person.Kind.NATURAL]
    return bool(case.persons.all()) and all(
        p.sex != Person.Sex.UNKNOWN and (p.age is not None or p.age_band) for p in natural
    )


def _has_child_victim(case: Case) -> bool:
    return any(p.is_child and p.role == Person.Role.VICTIM for p in case.persons.all())


COMMON_CHECKS = [
    Check("summary", _("summary of the facts"), _text("summary")),
    Check("reasoning", _("legal reasoning"), _text("reasoning")),
    Check("latest_ruling", _("latest ruling with date, court and outcome"), _latest_ruling_complete),
    Check("source", _("at least one source"), lambda case: bool(case.sources.all())),
    Check("legal_articles", _("Protocol and Convention articles"), _terms("legal_articles")),
    Check("persons", _("persons with sex and age"), _persons_described),
    Check("commentary", _("commentary"), _text("commentary")),
    Check("why_included", _("why this case was included"), _text("why_included")),
]
TRAFFICKING_CHECKS = [
    Check("tip_acts", _("trafficking: acts"), _terms("tip_acts")),
    # For a child victim no means is needed (Protocol art. 3(c)): not missing then.
    Check("tip_means", _("trafficking: means"), lambda case: _has_child_victim(case) or bool(case.tip_means.all())),
    Check("tip_purposes", _("trafficking: purposes of exploitation"), _terms("tip_purposes")),
    Check("sectors", _("trafficking: sectors of exploitation"), _terms("exploitation_sectors")),
]
SMUGGLING_CHECKS = [
    Check("som_offences", _("smuggling: offences"), _terms("som_offences")),
    Check("som_material_benefit", _("smuggling: financial or other material benefit"),
          lambda case: case.som_material_benefit is not None),
    Check("som_modes", _("smuggling: modes"), _terms("som_modes")),
    Check("route", _("smuggling: route countries"), lambda case: bool(case.route.all())),
]
CRIME_TYPE_CHECK = Check("crime_types", _("crime type (trafficking or smuggling)"), _terms("crime_types"))


@dataclass(frozen=True)
class Quality:
    score: int  # 0-100
    missing: list = field(default_factory=list)  # labels of the checks that failed
    missing_codes: list = field(default_factory=list)


def checks_for(case: Case) -> list[Check]:
    checks = list(COMMON_CHECKS)
    codes = {t.code for t in case.crime_types.all()}
    if not codes & {v.TRAFFICKING, v.SMUGGLING}:
        checks.append(CRIME_TYPE_CHECK)
    if v.TRAFFICKING in codes:
        checks += TRAFFICKING_CHECKS
    if v.SMUGGLING in codes:
        checks += SMUGGLING_CHECKS
    return checks


def case_quality(case: Case) -> Quality:
    """The score of `case` (share of its checks passed, rounded) and what is missing."""
    checks = checks_for(case)
    failed = [check for check in checks if not check.test(case)]
    score = round(100 * (len(checks) - len(failed)) / len(checks))
    return Quality(score, [check.label for check in failed], [check.code for check in failed])


def quality_queryset(queryset=None):
    """Cases with everything the checks read prefetched (a fixed number of queries)."""
    queryset = Case.objects.all() if queryset is None else queryset
    return queryset.select_related("jurisdiction").prefetch_related(
        "crime_types", "tip_acts", "tip_means", "tip_purposes", "exploitation_sectors", "som_offences",
        "som_modes", "legal_articles", "proceedings", "sources", "route",
        Prefetch("persons", queryset=Person.objects.only("pk", "case_id", "kind", "sex", "age", "age_band",
                                                         "is_child", "role")),
    )


def quality_rows(cases) -> list[tuple[Case, Quality]]:
    return [(case, case_quality(case)) for case in cases]


def filter_rows(rows, min_score=None, max_score=None) -> list:
    return [(case, quality) for case, quality in rows
            if (min_score is None or quality.score >= min_score) and (max_score is None or quality.score <= max_score)]


SORTS = {
    "score": lambda row: (row[1].score, row[0].public_id),
    "-score": lambda row: (-row[1].score, row[0].public_id),
    "public_id": lambda row: row[0].public_id,
    "-updated": lambda row: -row[0].updated_at.timestamp(),
}


def sort_rows(rows, sort: str) -> list:
    return sorted(rows, key=SORTS.get(sort, SORTS["score"]))


def jurisdiction_summary(rows) -> list[dict]:
    """Per jurisdiction: number of cases and average score (rounded to one decimal)."""
    groups: dict = {}
    for case, quality in rows:
        groups.setdefault(case.jurisdiction, []).append(quality.score)
    return sorted(
        ({"jurisdiction": j, "cases": len(scores), "average": round(sum(scores) / len(scores), 1)}
         for j, scores in groups.items()),
        key=lambda row: (row["average"], row["jurisdiction"].code),
    )
