"""Who may see or do what on country profiles. Every view asks here; scoping by country goes
through gloact.accounts.scoping."""

from gloact.accounts.scoping import country_scope


def in_scope(user, country) -> bool:
    scope = country_scope(user)
    return scope is None or getattr(country, "pk", country) in scope


def may_view_restricted_profile(user, country) -> bool:
    """Contact details, stakeholder contacts, requests for assistance and readiness results:
    programme staff of that country, or global programme roles."""
    return user.has_perm("countries.view_restricted_profile") and in_scope(user, country)


def may_view_assessment(user, assessment) -> bool:
    return (
        user.has_perm("countries.answer_assessment") or user.has_perm("countries.review_assessment")
        or user.has_perm("countries.view_assessment")
    ) and in_scope(user, assessment.country_id)


def may_answer(user, assessment) -> bool:
    return user.has_perm("countries.answer_assessment") and in_scope(user, assessment.country_id)


def may_review(user, assessment) -> bool:
    return user.has_perm("countries.review_assessment") and in_scope(user, assessment.country_id)


def may_enter_statistics(user, country) -> bool:
    return user.has_perm("countries.enter_national_statistics") and in_scope(user, country)


def may_prioritise(user) -> bool:
    """The list of countries by readiness is for those who review every country."""
    return user.has_perm("countries.review_assessment") and country_scope(user) is None
