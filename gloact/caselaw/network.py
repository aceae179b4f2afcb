"""The contributor network, read side: what each contributor sent and how much was published.

A contributor's cases are those linked to it (CaseContribution) and those created by its user
account. Entry point: `contributor_rows()`.
"""

from dataclasses import dataclass

from .models import Case, CaseContribution, Contributor

# A case counts as submitted once it left the contributor's draft.
NOT_SUBMITTED = {Case.Status.DRAFT}


@dataclass(frozen=True)
class ContributorRow:
    contributor: Contributor
    submitted: int
    published: int

    @property
    def acceptance_percent(self) -> float | None:
        return round(100 * self.published / self.submitted, 1) if self.submitted else None


def contributor_cases() -> dict[int, dict[int, str]]:
    """{contributor id: {case id: status}}, in two queries."""
    cases: dict[int, dict[int, str]] = {}
    for contributor_id, case_id, status in CaseContribution.objects.values_list(
        "contributor_id", "case_id", "case__status"
    ):
        cases.setdefault(contributor_id, {})[case_id] = status
    by_user = dict(Contributor.objects.exclude(user=None).values_list("user_id", "pk"))
    for user_id, case_id, status in Case.objects.filter(created_by__in=list(by_user)).values_list(
        "created_by_id", "pk", "status"
    ):
        cases.setdefault(by_user[user_id], {})[case_id] = status
    return cases


def contributor_rows(contributors=None) -> list[ContributorRow]:
    contributors = Contributor.objects.select_related("country", "organisation") if contributors is None else contributors
    cases = contributor_cases()
    rows = []
    for contributor in contributors:
        statuses = cases.get(contributor.pk, {}).values()
        rows.append(ContributorRow(
            contributor,
            submitted=sum(status not in NOT_SUBMITTED for status in statuses),
            published=sum(status == Case.Status.PUBLISHED for status in statuses),
        ))
    return rows
