"""Read-side queries of the country profiles: what a profile page shows, by part."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import access
from .models import (
    Assessment,
    AssistanceRequest,
    CoordinatingBody,
    CountryFocalPoint,
    NationalLaw,
    NationalProvision,
    NationalStrategy,
    ReferralMechanism,
    StakeholderProfile,
    TreatyStatus,
)
from .models.treaty import Instrument
from .scoring import assessment_scores

LATEST_CASES = 5


@dataclass
class CaselawCoverage:
    published: int = 0
    landmark: int = 0
    latest: list = field(default_factory=list)  # [(case, its texts in the reader's language, url of its page)]


def caselaw_coverage(country) -> CaselawCoverage:
    """Published case law of the country's national jurisdiction."""
    from gloact.caselaw.models import Case

    cases = Case.objects.published().filter(jurisdiction__country=country, jurisdiction__kind="national")
    latest = cases.order_by("-published_at").prefetch_related("translations")[:LATEST_CASES]
    language = get_language()
    return CaselawCoverage(
        published=cases.count(),
        landmark=cases.filter(is_landmark=True).count(),
        latest=[(case, case.texts_for(language), reverse("caselaw:case_detail", args=[case.public_id]))
                for case in latest],
    )


def treaty_statuses(country) -> list[tuple[str, TreatyStatus | None]]:
    """Each instrument with its recorded status, or None where nothing is recorded."""
    recorded = {s.instrument: s for s in TreatyStatus.objects.filter(country=country)}
    return [(label, recorded.get(code)) for code, label in Instrument.choices]


@dataclass
class TimelineEntry:
    on: date
    label: str
    request: AssistanceRequest


def assistance_timeline(requests) -> list[TimelineEntry]:
    entries = []
    for request in requests:
        entries.append(TimelineEntry(request.received_on, _("Request received"), request))
        if request.decided_on:
            entries.append(TimelineEntry(request.decided_on, request.get_decision_display(), request))
        if request.agreement_signed_on:
            label = request.get_agreement_kind_display() or _("Agreement signed")
            entries.append(TimelineEntry(request.agreement_signed_on, label, request))
    return sorted(entries, key=lambda e: e.on, reverse=True)


def readiness_history(country) -> list[tuple[Assessment, object]]:
    """Reviewed self-assessments of a country, oldest first, with their scores."""
    assessments = (
        Assessment.objects.filter(country=country, status=Assessment.Status.REVIEWED)
        .select_related("campaign__questionnaire").order_by("campaign__opened_on")
    )
    return [(a, assessment_scores(a)) for a in assessments]


@dataclass
class CountryProfile:
    country: object
    treaties: list
    laws: list
    strategies: list
    bodies: list
    referral_mechanism: ReferralMechanism | None
    focal_points: list
    stakeholders: list
    caselaw: CaselawCoverage
    restricted: bool
    requests: list = field(default_factory=list)
    timeline: list = field(default_factory=list)
    readiness: list = field(default_factory=list)


def country_profile(country, user) -> CountryProfile:
    restricted = access.may_view_restricted_profile(user, country)
    provisions = NationalProvision.objects.prefetch_related("protocol_articles")
    profile = CountryProfile(
        country=country,
        treaties=treaty_statuses(country),
        laws=list(NationalLaw.objects.filter(country=country).prefetch_related(Prefetch("provisions", provisions))),
        strategies=list(NationalStrategy.objects.filter(country=country)),
        bodies=list(CoordinatingBody.objects.filter(country=country)),
        referral_mechanism=ReferralMechanism.objects.filter(country=country).first(),
        focal_points=list(CountryFocalPoint.objects.filter(country=country).select_related("organisation")),
        stakeholders=list(
            StakeholderProfile.objects.filter(country=country).select_related("organisation")
            .prefetch_related("partners")
        ),
        caselaw=caselaw_coverage(country),
        restricted=restricted,
    )
    if restricted:
        profile.requests = list(
            AssistanceRequest.objects.filter(country=country).select_related("requested_by").prefetch_related("services")
        )
        profile.timeline = assistance_timeline(profile.requests)
        profile.readiness = readiness_history(country)
    return profile
