"""Synthetic, labelled demo content for the country profiles (idempotent): two readiness campaigns
with answers for a few GLO.ACT countries, stakeholders with invented institution names, focal
points without real names, and requests for assistance forming a timeline. Ratification dates are
not part of the demo: they are facts, entered from an official source or left "not recorded".
Statistics are not loaded here: `gloact import-glotip` loads UNODC's published data."""

import random
from datetime import date
from decimal import Decimal

from django.utils import timezone

from gloact.core.models import Country, Organisation

from .default_questionnaire import QUESTIONNAIRE_CODE
from .models import (
    Answer,
    AssessmentEvent,
    AssistanceRequest,
    AssistanceService,
    Campaign,
    CountryFocalPoint,
    Questionnaire,
    StakeholderProfile,
)
from .models.questionnaire import Question
from .readiness import open_campaign

# (title, sent, deadline, {iso3: status})
CAMPAIGNS = [
    ("Demo readiness campaign 2025 (synthetic)", date(2025, 2, 1), date(2025, 4, 30),
     {"MAR": "reviewed", "COL": "reviewed", "NPL": "reviewed"}),
    ("Demo readiness campaign 2026 (synthetic)", date(2026, 2, 1), date(2026, 12, 31),
     {"MLI": "draft", "NER": "submitted", "MAR": "reviewed", "COL": "reviewed", "NPL": "reviewed"}),
]
STAKEHOLDERS = {
    "MLI": [
        ("Demo Anti-Trafficking Police Unit", Organisation.Kind.LAW_ENFORCEMENT, "mou",
         "Investigates trafficking cases nationwide.", "Investigates smuggling networks at the northern borders."),
        ("Demo Child Protection Directorate", Organisation.Kind.SOCIAL_SERVICES, "informal",
         "Runs the referral of child victims.", ""),
    ],
    "NER": [
        ("Demo Agency against Trafficking and Smuggling", Organisation.Kind.GOVERNMENT, "mou",
         "Coordinates the national response.", "Coordinates the response to smuggling of migrants."),
    ],
}
PARTNER = ("Demo International Implementing Partner", Organisation.Kind.INTERNATIONAL)
REQUESTS = [
    ("MLI", "Training of prosecutors on the 2012 trafficking law (synthetic)", date(2025, 3, 10), "accepted",
     date(2025, 4, 2), "workplan", date(2025, 5, 15), ["training"], "Two regional workshops for prosecutors (demo)."),
    ("MLI", "Review of the draft law on smuggling of migrants (synthetic)", date(2026, 1, 20), "pending",
     None, "", None, ["legislative-assistance"], ""),
    ("NER", "Support to the national action plan (synthetic)", date(2025, 9, 5), "accepted",
     date(2025, 10, 1), "letter_of_intent", date(2025, 11, 12), ["strategy-support", "data"], ""),
]


def _answer_values(question: Question, rng: random.Random) -> dict:
    T = Question.AnswerType
    if question.answer_type == T.YES_NO:
        return {"value_bool": rng.random() < 0.6}
    if question.answer_type == T.SCALE:
        return {"value_number": Decimal(rng.randint(0, 4))}
    if question.answer_type == T.NUMBER:
        return {"value_number": Decimal(rng.choice([0, 3, 12, 60, 240]))}
    if question.answer_type == T.CHOICE:
        return {"value_choice": rng.choice(list(question.choices.all()))}
    return {"value_text": "Synthetic demo answer."}


def _campaigns() -> int:
    questionnaire = Questionnaire.objects.filter(code=QUESTIONNAIRE_CODE).first()
    if questionnaire is None:
        return 0
    created = 0
    for title, sent, deadline, statuses in CAMPAIGNS:
        campaign, was_created = Campaign.objects.get_or_create(
            title=title, defaults={"questionnaire": questionnaire, "opened_on": sent, "deadline": deadline,
                                   "is_synthetic": True},
        )
        created += was_created
        if not was_created:
            continue
        campaign.countries.set(Country.objects.filter(iso3__in=statuses))
        for assessment in open_campaign(campaign):
            rng = random.Random(f"{title}-{assessment.country_id}")  # nosec B311 # seeded generator for reproducible synthetic demo data
            status = statuses[assessment.country_id]
            if status != "draft":
                for question in questionnaire.questions.prefetch_related("choices"):
                    Answer.objects.create(assessment=assessment, question=question, **_answer_values(question, rng))
            now = timezone.now()
            if status in ("submitted", "reviewed"):
                assessment.submitted_at = now
                AssessmentEvent.objects.create(assessment=assessment, action="submitted", comment="Synthetic demo.")
            if status == "reviewed":
                assessment.reviewed_at = now
                AssessmentEvent.objects.create(assessment=assessment, action="reviewed", comment="Synthetic demo.")
            assessment.status = status
            assessment.save()
            created += 1
    return created


def _stakeholders() -> int:
    created = 0
    for iso3, entries in STAKEHOLDERS.items():
        country = Country.objects.get(iso3=iso3)
        partner, _ = Organisation.objects.get_or_create(
            name=f"{PARTNER[0]} ({country.name})", country=country, defaults={"kind": PARTNER[1]}
        )
        for name, kind, relationship, role_tip, role_som in entries:
            organisation, _ = Organisation.objects.get_or_create(
                name=f"{name} ({country.name})", country=country, defaults={"kind": kind}
            )
            profile, was_created = StakeholderProfile.objects.get_or_create(
                organisation=organisation,
                defaults={"role_tip": role_tip, "role_som": role_som, "relationship": relationship,
                          "contacts": "Demo contact desk, demo@example.org", "is_synthetic": True},
            )
            if was_created:
                profile.partners.add(partner)
                created += 1
        _fp, was_created = CountryFocalPoint.objects.get_or_create(
            country=country, function="National Project Officer (demo)",
            defaults={"name": "Demo focal point", "email": f"focal.{iso3.lower()}@example.org"},
        )
        created += was_created
    return created


def _requests() -> int:
    created = 0
    for iso3, subject, received, decision, decided, agreement, signed, services, activities in REQUESTS:
        request, was_created = AssistanceRequest.objects.get_or_create(
            country_id=iso3, subject=subject,
            defaults={"received_on": received, "decision": decision, "decided_on": decided,
                      "agreement_kind": agreement, "agreement_signed_on": signed,
                      "linked_activities": activities, "is_synthetic": True},
        )
        if was_created:
            request.services.set(AssistanceService.objects.filter(code__in=services))
            created += 1
    return created


def load() -> int:
    return _campaigns() + _stakeholders() + _requests()
