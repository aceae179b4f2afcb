"""Who may read and write every route of the site: a matrix of route x role, checked over HTTP.

Every named URL pattern (walked from the resolver: language-prefixed pages, the API, the back
office) must have an entry in MATRIX; a new route without one fails the test by name. An entry
says which roles may GET the page and which may POST to it (with a valid CSRF token); everyone
else must be refused: 403, 404 (another country's or another contributor's record is not even
confirmed to exist), 405, or a redirect to the login page. Entries with a bracketed label check the
same route against another object: a focal point of Mali against Niger's records, a contributor
against another contributor's draft.

The back office is checked from the admin registry: its index and the lists of a sample of its
models (one per app and every sensitive one), for every role, against the permissions each role's
group holds (gloact.accounts.roles).

Each request runs in a transaction that is rolled back, so that a POST (a logout, a submission)
does not change what the next request sees.
"""

import logging
from dataclasses import dataclass
from decimal import Decimal
from http.cookies import SimpleCookie
from types import SimpleNamespace
from typing import Callable

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from gloact.accounts.tests.factories import make_user

# --- Roles ---------------------------------------------------------------------------------

ANONYMOUS = "anonymous"
ROLES = ["practitioner", "contributor", "editor", "focal_point", "programme_officer", "programme_manager", "administrator"]
EVERYONE = frozenset([ANONYMOUS, *ROLES])
LOGGED_IN = frozenset(ROLES)
NOBODY = frozenset()
A = "MLI"  # the country of the focal point and the programme officer
B = "NER"  # another country, whose records they must not reach

EDITORS = frozenset(["editor", "administrator"])
CONTRIBUTORS = EDITORS | {"contributor"}
COUNTRY_STAFF = frozenset(["focal_point", "programme_officer"])
PROGRAMME = COUNTRY_STAFF | {"programme_manager", "administrator"}  # monitoring and country records
GLOBAL_PROGRAMME = frozenset(["programme_manager", "administrator"])
STAFF = EDITORS | PROGRAMME


def roles(*names) -> frozenset:
    unknown = set(names) - EVERYONE
    assert not unknown, unknown
    return frozenset(names)


# --- The matrix ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Access:
    get: frozenset
    post: frozenset
    kwargs: Callable = lambda w: {}
    route: str = ""  # the route name, when the entry's key is a labelled variant
    data: dict | None = None  # what the POST sends besides the CSRF token
    query: str = ""  # appended to the URL


def page(who, kwargs=lambda w: {}, **extra) -> Access:
    """Read-only: `who` may GET; nobody may POST."""
    return Access(get=frozenset(who), post=NOBODY, kwargs=kwargs, **extra)


def any_method(who, kwargs=lambda w: {}, **extra) -> Access:
    """A read-only view that answers POST as it answers GET (writes nothing)."""
    return Access(get=frozenset(who), post=frozenset(who), kwargs=kwargs, **extra)


def form(who, kwargs=lambda w: {}, **extra) -> Access:
    """A page with a form: `who` may GET and POST."""
    return Access(get=frozenset(who), post=frozenset(who), kwargs=kwargs, **extra)


def action(who, kwargs=lambda w: {}, **extra) -> Access:
    """POST only: `who` may POST; a GET is refused to all."""
    return Access(get=NOBODY, post=frozenset(who), kwargs=kwargs, **extra)


def case_id(attr):
    return lambda w: {"public_id": getattr(w, attr).public_id}


def pk(attr, name="pk"):
    return lambda w: {name: getattr(w, attr).pk}


MATRIX: dict[str, Access] = {
    # Site, accounts, two-factor authentication
    "healthz": page(EVERYONE),
    "robots_txt": page(EVERYONE),
    "sitemap": any_method(EVERYONE),
    "core:home": page(EVERYONE),
    "set_language": Access(get=EVERYONE, post=EVERYONE),  # a GET redirects back without switching
    "two_factor:login": form(EVERYONE),
    "two_factor:setup": form(LOGGED_IN),
    # Only during a setup in progress, or with a confirmed device (the matrix's users have none).
    "two_factor:qr": page(NOBODY),
    "two_factor:setup_complete": page(NOBODY),
    "two_factor:backup_tokens": form(NOBODY),
    "two_factor:profile": page(LOGGED_IN),
    # Without a verified device (as here) it only redirects to the account page.
    "two_factor:disable": form(EVERYONE),
    "accounts:account": any_method(LOGGED_IN),
    "accounts:logout": form(EVERYONE),  # GET asks to confirm; a POST without a session does nothing
    "accounts:password_reset": form(EVERYONE),
    "accounts:password_reset_done": page(EVERYONE),
    "accounts:password_reset_confirm": form(EVERYONE, lambda w: {"uidb64": "MQ", "token": "set-password"}),
    "accounts:password_reset_complete": page(EVERYONE),
    # Public API (read-only; no cookies, so no CSRF: a POST is 405)
    "api:openapi-json": any_method(EVERYONE),
    "api:openapi-view": any_method(EVERYONE),
    "api:api-root": page(NOBODY),  # Django Ninja names the prefix; it serves nothing
    "api:list_cases": page(EVERYONE),
    "api:get_case": page(EVERYONE, case_id("case")),
    "api:get_case [draft]": page(NOBODY, case_id("own_draft"), route="api:get_case"),
    "api:get_facets": page(EVERYONE),
    "api:list_vocabularies": page(EVERYONE),
    "api:get_vocabulary": page(EVERYONE, lambda w: {"code": "tip_means"}),
    # Case law: public pages and bulk data
    "caselaw:search": page(EVERYONE),
    "caselaw:feed": any_method(EVERYONE),
    "caselaw:countries": page(EVERYONE),
    "caselaw:articles": page(EVERYONE),
    "caselaw:case_detail": page(EVERYONE, case_id("case")),
    "caselaw:case_detail [draft]": page(NOBODY, case_id("own_draft"), route="caselaw:case_detail"),
    "downloads:page": page(EVERYONE),
    "downloads:file": page(EVERYONE, lambda w: {"format": "jsonl"}),
    "editorial:coverage": page(EVERYONE),
    "editorial:feedback": action(EVERYONE, case_id("case")),
    "privacy:takedown": form(EVERYONE),
    "privacy:takedown_received": page(EVERYONE),
    "contribute:model_case": page(EVERYONE),
    "contribute:suggest": form(EVERYONE),
    "contribute:suggestion_received": page(EVERYONE),
    # Case law: contributors' workspace (own drafts only) and editors' review
    "contribute:workspace": page(CONTRIBUTORS),
    "contribute:new": form(CONTRIBUTORS),
    "contribute:edit": form(CONTRIBUTORS, case_id("own_draft")),
    "contribute:edit [other's draft]": form(EDITORS, case_id("other_draft"), route="contribute:edit"),
    "contribute:autosave": action(CONTRIBUTORS, case_id("own_draft")),
    "contribute:autosave [other's draft]": action(EDITORS, case_id("other_draft"), route="contribute:autosave"),
    "contribute:resolve_comment": action(CONTRIBUTORS, pk("comment")),
    "contribute:resolve_comment [other's draft]": action(EDITORS, pk("other_comment"), route="contribute:resolve_comment"),
    "contribute:review_queue": page(EDITORS),
    "contribute:review": page(EDITORS, case_id("submitted")),
    "contribute:comment": action(EDITORS, case_id("submitted")),
    "contribute:transition": action(EDITORS, case_id("submitted"), data={"action": "start_review"}),
    "contribute:diff": page(EDITORS, case_id("submitted"), query="?a=1&b=2"),
    "contribute:suggestion_queue": page(EDITORS),
    "contribute:suggestion_detail": form(EDITORS, pk("suggestion")),
    "contribute:suggestion_file": page(EDITORS, pk("suggestion")),
    "editorial:quality": page(EDITORS),
    "editorial:quality_jurisdictions": page(EDITORS),
    "editorial:case_quality": page(EDITORS, case_id("case")),
    "editorial:broken_links": page(EDITORS),
    "editorial:contributors": page(EDITORS),
    "editorial:tasks": form(EDITORS),
    "editorial:coverage_detail": page(EDITORS),
    "editorial:insight": page(EDITORS),
    "privacy:check": form(EDITORS, case_id("case")),
    "privacy:original_file": page(EDITORS, pk("source")),
    # Results monitoring: country staff see their countries' reports; managers all of them
    "monitoring:index": page(PROGRAMME),
    "monitoring:dashboard": page(PROGRAMME, lambda w: {"code": w.programme.code}),
    "monitoring:indicator": page(PROGRAMME, lambda w: {"code": w.programme.code, "pk": w.indicator.pk}),
    "monitoring:logframe": page(PROGRAMME, lambda w: {"code": w.programme.code}),
    "monitoring:gender": page(PROGRAMME, lambda w: {"code": w.programme.code}),
    "monitoring:reports": form(PROGRAMME, lambda w: {"code": w.programme.code}),
    "monitoring:import": form(PROGRAMME, lambda w: {"code": w.programme.code}),
    "monitoring:report": page(PROGRAMME, pk("report_a")),
    "monitoring:report [B's]": page(GLOBAL_PROGRAMME, pk("report_b"), route="monitoring:report"),
    "monitoring:enter_value": form(PROGRAMME, lambda w: {"pk": w.report_a.pk, "indicator_pk": w.indicator.pk}),
    "monitoring:enter_value [B's]": form(
        GLOBAL_PROGRAMME, lambda w: {"pk": w.report_b.pk, "indicator_pk": w.indicator.pk}, route="monitoring:enter_value",
    ),
    "monitoring:submit": action(PROGRAMME, pk("report_a")),
    "monitoring:submit [B's]": action(GLOBAL_PROGRAMME, pk("report_b"), route="monitoring:submit"),
    "monitoring:review": action(PROGRAMME, pk("report_a")),
    "monitoring:review [B's]": action(GLOBAL_PROGRAMME, pk("report_b"), route="monitoring:review"),
    "monitoring:evidence": page(PROGRAMME, pk("evidence_a")),
    "monitoring:evidence [B's]": page(GLOBAL_PROGRAMME, pk("evidence_b"), route="monitoring:evidence"),
    "monitoring:toc": page(PROGRAMME, pk("toc")),
    "monitoring:toc_svg": page(PROGRAMME, pk("toc")),
    "monitoring:toc_json": page(PROGRAMME, pk("toc")),
    "monitoring:toc_compare": page(PROGRAMME, lambda w: {"pk": w.toc.pk, "other": w.toc.pk}),
    # Reports: staff generate reports and write narrative (country staff for their components only);
    # each programme's results page and its data are public
    "reporting:builder": page(PROGRAMME),
    "reporting:narratives": page(PROGRAMME),
    "reporting:narrative_add": form(PROGRAMME),
    "reporting:narrative_edit": form(PROGRAMME, pk("narrative_a")),
    "reporting:narrative_edit [programme level]": form(GLOBAL_PROGRAMME, pk("narrative"), route="reporting:narrative_edit"),
    "reporting:programme": page(EVERYONE, lambda w: {"code": w.programme.code}),
    "reporting:programme_csv": page(EVERYONE, lambda w: {"code": w.programme.code}),
    "reporting:programme_xlsx": page(EVERYONE, lambda w: {"code": w.programme.code}),
    # Country profiles: public profiles and statistics; readiness and restricted files for staff
    "countries:index": page(EVERYONE),
    "countries:profile": page(EVERYONE, lambda w: {"iso3": A}),
    "countries:statistics": page(EVERYONE, lambda w: {"iso3": A}),
    "countries:statistics_csv": page(EVERYONE, lambda w: {"iso3": A, "table": "trend"}),
    "countries:region_statistics": page(EVERYONE, lambda w: {"code": w.subregion}),
    "countries:region_statistics_csv": page(EVERYONE, lambda w: {"code": w.subregion}),
    "countries:statistics_upload": form(PROGRAMME, lambda w: {"iso3": A}),
    "countries:statistics_upload [B's]": form(GLOBAL_PROGRAMME, lambda w: {"iso3": B}, route="countries:statistics_upload"),
    "countries:readiness": page(PROGRAMME),
    "countries:priorities": page(GLOBAL_PROGRAMME),
    "countries:benchmark": page(PROGRAMME, pk("campaign")),
    # Country staff answer their country's open assessment; managers read and review, never answer.
    "countries:assessment": Access(PROGRAMME, COUNTRY_STAFF | {"administrator"}, pk("assessment_a")),
    "countries:assessment [B's, submitted]": page(GLOBAL_PROGRAMME, pk("assessment_b"), route="countries:assessment"),
    "countries:assessment_review": action(GLOBAL_PROGRAMME, pk("assessment_b")),
    "countries:evidence": page(PROGRAMME, pk("readiness_evidence_a")),
    "countries:evidence [B's]": page(GLOBAL_PROGRAMME, pk("readiness_evidence_b"), route="countries:evidence"),
    "countries:agreement": page(PROGRAMME, pk("agreement_a")),
    "countries:agreement [B's]": page(GLOBAL_PROGRAMME, pk("agreement_b"), route="countries:agreement"),
    # Activities and trainings: country staff keep their countries' workplans, events, participants
    # and learning records (another country's are a 404); managers all of them
    "activities:index": page(PROGRAMME),
    "activities:workplans": page(PROGRAMME),
    "activities:workplan_create": form(PROGRAMME),
    "activities:workplan": page(PROGRAMME, pk("workplan_a")),
    "activities:workplan [B's]": page(GLOBAL_PROGRAMME, pk("workplan_b"), route="activities:workplan"),
    "activities:workplan_edit": form(PROGRAMME, pk("workplan_a")),
    "activities:workplan_edit [B's]": form(GLOBAL_PROGRAMME, pk("workplan_b"), route="activities:workplan_edit"),
    "activities:workplan_signed_copy": page(PROGRAMME, pk("workplan_a")),
    "activities:workplan_signed_copy [B's]": page(GLOBAL_PROGRAMME, pk("workplan_b"), route="activities:workplan_signed_copy"),
    "activities:activity_create": form(PROGRAMME, pk("workplan_a")),
    "activities:activity_create [B's]": form(GLOBAL_PROGRAMME, pk("workplan_b"), route="activities:activity_create"),
    "activities:plan": page(PROGRAMME, lambda w: {"code": w.programme.code}),
    "activities:activity": page(PROGRAMME, pk("training_a")),
    "activities:activity [B's]": page(GLOBAL_PROGRAMME, pk("training_b"), route="activities:activity"),
    "activities:activity_edit": form(PROGRAMME, pk("training_a")),
    "activities:activity_edit [B's]": form(GLOBAL_PROGRAMME, pk("training_b"), route="activities:activity_edit"),
    "activities:attendance_add": action(PROGRAMME, pk("training_a")),
    "activities:attendance_add [B's]": action(GLOBAL_PROGRAMME, pk("training_b"), route="activities:attendance_add"),
    "activities:attendance_remove": action(PROGRAMME, lambda w: {"pk": w.training_a.pk, "attendance_pk": w.attendance_a.pk}),
    "activities:attendance_remove [B's]": action(
        GLOBAL_PROGRAMME, lambda w: {"pk": w.training_b.pk, "attendance_pk": w.attendance_b.pk},
        route="activities:attendance_remove",
    ),
    "activities:attendance_import": form(PROGRAMME, pk("training_a")),
    "activities:attendance_import [B's]": form(GLOBAL_PROGRAMME, pk("training_b"), route="activities:attendance_import"),
    "activities:attendance_template": page(PROGRAMME),
    "activities:event_certificates": page(PROGRAMME, pk("training_a")),
    "activities:event_certificates [B's]": page(GLOBAL_PROGRAMME, pk("training_b"), route="activities:event_certificates"),
    "activities:certificate": page(PROGRAMME, pk("attendance_a")),
    "activities:certificate [B's]": page(GLOBAL_PROGRAMME, pk("attendance_b"), route="activities:certificate"),
    "activities:participants": page(PROGRAMME),
    "activities:participant_create": form(PROGRAMME),
    "activities:duplicates": page(PROGRAMME),
    "activities:merge": form(PROGRAMME, lambda w: {"kept": w.participant_a.pk, "merged": w.duplicate_a.pk}),
    "activities:merge [B's]": form(
        GLOBAL_PROGRAMME, lambda w: {"kept": w.participant_b.pk, "merged": w.duplicate_b.pk}, route="activities:merge",
    ),
    "activities:participant": page(PROGRAMME, pk("participant_a")),
    "activities:participant [B's]": page(GLOBAL_PROGRAMME, pk("participant_b"), route="activities:participant"),
    "activities:participant_edit": form(PROGRAMME, pk("participant_a")),
    "activities:participant_edit [B's]": form(GLOBAL_PROGRAMME, pk("participant_b"), route="activities:participant_edit"),
    "activities:learning": page(PROGRAMME, pk("training_a")),
    "activities:learning [B's]": page(GLOBAL_PROGRAMME, pk("training_b"), route="activities:learning"),
    "activities:build_test": form(PROGRAMME, lambda w: {"pk": w.training_a.pk, "kind": "pre"}),
    "activities:build_test [B's]": form(GLOBAL_PROGRAMME, lambda w: {"pk": w.training_b.pk, "kind": "pre"},
                                        route="activities:build_test"),
    "activities:record_answers": form(
        PROGRAMME, lambda w: {"pk": w.training_a.pk, "kind": "pre", "participant_pk": w.participant_a.pk}),
    "activities:record_answers [B's]": form(
        GLOBAL_PROGRAMME, lambda w: {"pk": w.training_b.pk, "kind": "pre", "participant_pk": w.participant_b.pk},
        route="activities:record_answers",
    ),
    "activities:paper_scores": form(PROGRAMME, pk("training_a")),
    "activities:paper_scores [B's]": form(GLOBAL_PROGRAMME, pk("training_b"), route="activities:paper_scores"),
    "activities:cascade": page(PROGRAMME, pk("tot_a")),
    "activities:cascade [B's]": page(GLOBAL_PROGRAMME, pk("tot_b"), route="activities:cascade"),
    "activities:trainer_track": form(PROGRAMME, lambda w: {"pk": w.tot_a.pk, "participant_pk": w.trainer_a.pk}),
    "activities:trainer_track [B's]": form(
        GLOBAL_PROGRAMME, lambda w: {"pk": w.tot_b.pk, "participant_pk": w.trainer_b.pk}, route="activities:trainer_track",
    ),
    "activities:followup_rates": page(PROGRAMME),
    # Public links without login: the event's satisfaction form and a participant's follow-up survey
    # (an empty POST answers the form again with its errors)
    "activities:feedback": form(EVERYONE, lambda w: {"token": w.feedback_token}),
    "activities:followup_answer": form(EVERYONE, lambda w: {"token": w.followup_token}),
}


def route_names(patterns=None, namespace=None):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from route_names(entry.url_patterns, ":".join(filter(None, [namespace, entry.namespace])) or None)
        elif isinstance(entry, URLPattern) and entry.name:
            yield ":".join(filter(None, [namespace, entry.name]))


def is_admin_route(name: str) -> bool:
    """The back office is checked from the admin registry (test_back_office_...), not listed."""
    return name.startswith("admin:")


def test_every_route_has_an_entry_in_the_matrix():
    covered = {access.route or key for key, access in MATRIX.items()}
    missing = sorted(name for name in set(route_names()) if not is_admin_route(name) and name not in covered)
    assert not missing, f"routes with no entry in MATRIX (say who may GET and POST them): {missing}"
    stale = sorted(covered - set(route_names()))
    assert not stale, f"MATRIX entries for routes that no longer exist: {stale}"


# --- The world: users and one object of each kind, built once ------------------------------


def build_world():
    from gloact.caselaw.models import Case, CaseSuggestion, FieldComment, Source
    from gloact.caselaw.suggestions import save_suggestion
    from gloact.caselaw.tests.documents import pdf_with_text
    from gloact.caselaw.tests.factories import make_case, make_published_case
    from gloact.caselaw.versions import record_version
    from gloact.core.models import Country
    from gloact.countries import demo as countries_demo
    from gloact.countries.evidence import attach_evidence as attach_readiness_evidence
    from gloact.countries.models import Answer, Assessment, AssistanceRequest, Campaign, StatisticsDataset, StatisticValue
    from gloact.monitoring.evidence import attach_evidence
    from gloact.monitoring.models import TheoryOfChange, ToCVersion
    from gloact.monitoring.tests.factories import add_value, make_indicator, make_period, make_programme, make_report

    w = SimpleNamespace()
    w.users = {role: make_user(f"matrix-{role}", role, [A]) for role in ROLES}
    other = make_user("matrix-other-contributor", "contributor")

    w.case = make_published_case(A, title="Synthetic matrix case")
    w.own_draft = make_case(A, created_by=w.users["contributor"], title="Own draft")
    w.other_draft = make_case(A, created_by=other, title="Another contributor's draft")
    w.submitted = make_case(A, created_by=other, status=Case.Status.SUBMITTED, title="Submitted case")
    w.comment = FieldComment.objects.create(case=w.own_draft, text="Check the date", author=w.users["editor"])
    w.other_comment = FieldComment.objects.create(case=w.other_draft, text="Check the court", author=w.users["editor"])
    w.source = Source(case=w.case, title="Judgment")
    w.source.file.save("judgment.txt", ContentFile(b"The court finds the accused guilty."), save=True)
    w.suggestion = CaseSuggestion(country=Country.objects.get(iso3=A), court="Synthetic court", what_happened="x")
    w.suggestion.file.save("decision.txt", ContentFile(b"A decision"), save=False)
    save_suggestion(w.suggestion, ip_hash="0" * 64, file_type="txt")

    w.programme = make_programme(countries=(A, B))
    w.indicator = make_indicator(w.programme)
    period = make_period(w.programme)
    w.report_a, w.report_b = make_report(w.programme, period, A), make_report(w.programme, period, B)
    manager = w.users["programme_manager"]
    w.evidence_a = attach_evidence(add_value(w.report_a, w.indicator, Decimal(3)),
                                   SimpleUploadedFile("a.csv", b"total\n3\n"), manager)
    w.evidence_b = attach_evidence(add_value(w.report_b, w.indicator, Decimal(4)),
                                   SimpleUploadedFile("b.csv", b"total\n4\n"), manager)
    from gloact.reporting.models import NarrativeEntry

    component_a = w.programme.components.create(country_id=A, implementing_partner="UNODC")
    w.narrative_a = NarrativeEntry.objects.create(programme=w.programme, component=component_a, period=period,
                                                  heading="context", text="Synthetic context of country A")
    w.narrative = NarrativeEntry.objects.create(programme=w.programme, period=period, heading="context", text="Synthetic context")
    record_version(w.submitted, w.users["editor"])
    Case.objects.filter(pk=w.submitted.pk).update(summary="Changed after submission.")
    record_version(Case.objects.get(pk=w.submitted.pk), w.users["editor"])
    theory = TheoryOfChange.objects.create(programme=w.programme, title="ToC", scope="national", country_id=A)
    w.toc = ToCVersion.objects.create(theory=theory, number=1, status=ToCVersion.Status.CURRENT)

    dataset = StatisticsDataset.objects.create(code="glotip-matrix", kind="global_report", title="GLOTIP (test)")
    StatisticValue.objects.create(dataset=dataset, row_number=1, country_id=A, area_code=A, indicator="detected_victims",
                                  dimension="total", category="Total", sex="total", age="total", year=2020, value=80)
    w.subregion = Country.objects.get(iso3=A).subregion.code
    countries_demo.load()  # readiness campaigns (Mali in draft, Niger submitted) and assistance requests
    w.campaign = Campaign.objects.filter(countries__iso3=B).first()
    w.assessment_a = Assessment.objects.get(campaign=w.campaign, country_id=A)
    w.assessment_b = Assessment.objects.get(campaign=w.campaign, country_id=B)
    for suffix, assessment in (("a", w.assessment_a), ("b", w.assessment_b)):
        answer = Answer.objects.filter(assessment=assessment).first() or Answer.objects.create(
            assessment=assessment, question=assessment.campaign.questionnaire.questions.first())
        evidence = attach_readiness_evidence(answer, SimpleUploadedFile(f"{suffix}.pdf", pdf_with_text("Evidence")), manager)
        setattr(w, f"readiness_evidence_{suffix}", evidence)
        agreement = AssistanceRequest.objects.filter(country_id=assessment.country_id).first()
        agreement.agreement_file.save(f"agreement-{suffix}.pdf", ContentFile(pdf_with_text("Agreement")), save=True)
        setattr(w, f"agreement_{suffix}", agreement)
    build_activities(w)
    return w


FOLLOWUP_TOKEN = "matrix-follow-up-link"  # only its hash is stored, as for a link sent by e-mail


def build_activities(w):
    """For each country: a workplan with its signed copy, a delivered training with a completed
    attendance (certificates), a pre-test, two entries of one participant (to merge) and a training
    of trainers with a trainer it trained; the event's feedback link and a follow-up survey link."""
    from datetime import date, timedelta

    from django.utils import timezone

    from gloact.activities.followup import LINK_DAYS, hash_token
    from gloact.activities.models import Activity, FollowUpSurvey, KnowledgeTest
    from gloact.activities.tests.factories import make_activity, make_attendance, make_participant, make_workplan
    from gloact.activities.views_learning import feedback_token
    from gloact.caselaw.tests.documents import pdf_with_text

    delivered = Activity.Status.DELIVERED
    for suffix, country in (("a", A), ("b", B)):
        workplan = make_workplan(country, programme=w.programme, title=f"Matrix workplan {country}")
        workplan.signed_copy.save("signed.pdf", ContentFile(pdf_with_text("Signed workplan")), save=False)
        workplan.signed_copy_name = "signed.pdf"
        workplan.save()
        training = make_activity(workplan, code="T1", status=delivered, planned_start=date(2020, 3, 2))
        participant = make_participant("Awa", f"Matrix{suffix.upper()}", country=country)
        duplicate = make_participant("Awa", f"Matrix{suffix.upper()}", country=country)
        attendance = make_attendance(training, participant)
        KnowledgeTest.objects.create(activity=training, kind=KnowledgeTest.Kind.PRE)
        tot = make_activity(workplan, code="TOT1", kind=Activity.Kind.TRAINING_OF_TRAINERS, status=delivered,
                            planned_start=date(2020, 2, 3))
        trainer = make_participant("Moussa", f"Trainer{suffix.upper()}", country=country)
        make_attendance(tot, trainer)
        for name, value in (("workplan", workplan), ("training", training), ("participant", participant),
                            ("duplicate", duplicate), ("attendance", attendance), ("tot", tot), ("trainer", trainer)):
            setattr(w, f"{name}_{suffix}", value)

    w.feedback_token = feedback_token(w.training_a)
    now = timezone.now()
    FollowUpSurvey.objects.create(attendance=w.attendance_a, wave=FollowUpSurvey.Wave.SIX_MONTHS, due_on=now.date(),
                                  sent_at=now, expires_at=now + timedelta(days=LINK_DAYS),
                                  token_hash=hash_token(FOLLOWUP_TOKEN))
    w.followup_token = FOLLOWUP_TOKEN


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module, in a transaction rolled back at its end."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), transaction.atomic():
        original_media, settings.MEDIA_ROOT = settings.MEDIA_ROOT, str(media)
        try:
            w = build_world()
            # Logged in here, so that the sessions outlive each test's own rolled-back transaction.
            w.visitors = {ANONYMOUS: Visitor(), **{role: Visitor(user) for role, user in w.users.items()}}
            yield w
        finally:
            settings.MEDIA_ROOT = original_media
            transaction.set_rollback(True)


# --- Requests ------------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def quiet_refusals():
    """Thousands of expected refusals would each be logged with a traceback; a server error still
    fails the test, since the test client raises it."""
    logging.disable(logging.CRITICAL)
    yield
    logging.disable(logging.NOTSET)


CSRF = "matrixcsrftokenmatrixcsrftoken32"  # a cookie and form field that match, as a browser sends


class Visitor:
    """A client for one role that puts its cookies back after each request (a POST may log out)."""

    def __init__(self, user=None):
        self.client = Client(enforce_csrf_checks=True, REMOTE_ADDR="192.0.2.50")
        if user is not None:
            self.client.force_login(user)
        self.client.cookies[settings.CSRF_COOKIE_NAME] = CSRF
        self.cookies = SimpleCookie(self.client.cookies.output(header="", sep=";"))

    def request(self, method, url, data=None):
        try:
            with transaction.atomic():
                if method == "GET":
                    response = self.client.get(url)
                else:
                    response = self.client.post(url, {"csrfmiddlewaretoken": CSRF, **(data or {})}, HTTP_X_CSRFTOKEN=CSRF)
                transaction.set_rollback(True)
        finally:
            self.client.cookies = SimpleCookie(self.cookies.output(header="", sep=";"))
        return response


LOGIN_PATHS = (reverse("two_factor:login"), "/admin/login/")


def outcome(response) -> str:
    """'allowed', or why the request was refused."""
    status = response.status_code
    if status in (301, 302, 303) and response["Location"].split("?")[0].endswith(LOGIN_PATHS):
        return "login"
    if status in (403, 404, 405):
        return str(status)
    if status == 400 and b"CSRF" in response.content:
        return "csrf"
    return "allowed"  # a page, a download, a redirect after success, or a form's own 400


@pytest.mark.django_db
@pytest.mark.parametrize("role", [ANONYMOUS, *ROLES])
def test_every_route_answers_each_role_as_the_matrix_says(role, world):
    visitor = world.visitors[role]
    wrong = []
    for key, access in MATRIX.items():
        url = reverse(access.route or key, kwargs=access.kwargs(world)) + access.query
        for method, allowed in (("GET", access.get), ("POST", access.post)):
            got = outcome(visitor.request(method, url, access.data))
            if (got == "allowed") != (role in allowed):
                wrong.append(f"{method} {url} ({key}): {got}, expected {'allowed' if role in allowed else 'refused'}")
    assert not wrong, f"{role}:\n" + "\n".join(wrong)


# --- The back office -----------------------------------------------------------------------


def may_view_in_back_office(user, model) -> bool:
    """What the role's group grants (roles.py), not what the admin computes: staff status and the
    view or change permission of the model."""
    if not user.is_staff:
        return False
    content_type = ContentType.objects.get_for_model(model)
    codenames = {f"view_{model._meta.model_name}", f"change_{model._meta.model_name}"}
    return Permission.objects.filter(
        content_type=content_type, codename__in=codenames, group__user=user,
    ).exists()


# Lists that hold personal, restricted or security data, checked besides one list of each app.
SENSITIVE_LISTS = {
    "auth.user", "auth.group", "caselaw.case", "caselaw.person", "caselaw.source", "caselaw.restrictedaccesslog",
    "caselaw.takedownrequest", "monitoring.periodreport", "monitoring.indicatorvalue", "countries.assessment",
    "countries.assistancerequest", "auditlog.logentry", "axes.accessattempt", "otp_totp.totpdevice",
}


def back_office_sample() -> list:
    """From the admin registry: each app's first model and every sensitive one."""
    registered = sorted(admin.site._registry, key=lambda m: m._meta.label_lower)
    firsts = {m._meta.app_label: m for m in reversed(registered)}
    return [m for m in registered if m._meta.label_lower in SENSITIVE_LISTS or firsts[m._meta.app_label] is m]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [ANONYMOUS, *ROLES])
def test_back_office_lists_answer_each_role_by_its_permissions(role, world):
    visitor = world.visitors[role]
    user = world.users.get(role)
    index = outcome(visitor.request("GET", reverse("admin:index")))
    assert index == ("allowed" if role in STAFF else "login"), f"admin index for {role}: {index}"
    wrong = []
    for model in back_office_sample():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        expected = user is not None and may_view_in_back_office(user, model)
        got = outcome(visitor.request("GET", url))
        if (got == "allowed") != expected:
            wrong.append(f"{url}: {got}, expected {'allowed' if expected else 'refused'}")
    assert not wrong, f"{role}:\n" + "\n".join(wrong)


@pytest.mark.django_db
def test_back_office_keeps_country_staff_to_their_countries_records(world):
    """A focal point for Mali does not reach Niger's report in the back office, even by its id."""
    visitor = world.visitors["focal_point"]
    mine = visitor.request("GET", reverse("admin:monitoring_periodreport_change", args=[world.report_a.pk]))
    theirs = visitor.request("GET", reverse("admin:monitoring_periodreport_change", args=[world.report_b.pk]))
    assert outcome(mine) == "allowed"
    assert theirs.status_code == 302 and theirs["Location"] == reverse("admin:index")  # "does not exist"
    listing = visitor.request("GET", reverse("admin:monitoring_periodreport_changelist")).content.decode()
    assert f"/{world.report_a.pk}/change/" in listing and f"/{world.report_b.pk}/change/" not in listing

