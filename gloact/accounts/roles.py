"""The roles of gloact, each a Django group with its permissions.

Permissions are listed as "app_label.codename"; an app adds its own when it is built. A role
marked `country_scoped` sees and edits only the records of the countries on the user's profile.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

ALL = "*"


@dataclass(frozen=True)
class Role:
    code: str
    label: str
    permissions: tuple[str, ...] = ()
    country_scoped: bool = False
    staff: bool = False  # may use the back office
    requires_2fa: bool = False  # in production mode


def _crud(model: str, actions=("view", "add", "change", "delete")) -> tuple[str, ...]:
    app_label, name = model.split(".")
    return tuple(f"{app_label}.{action}_{name}" for action in actions)


# Results monitoring: country roles enter and submit their countries' reports; managers also
# configure programmes and indicators, and approve or return reports.
_MONITORING_MODELS = (
    "programme", "pillar", "component", "reportingperiod", "dimension", "dimensioncategory", "theoryofchange",
    "tocversion", "tocnode", "toclink", "tocassumption", "result", "standardindicator", "indicator", "baseline", "target",
    "periodreport", "indicatorvalue", "disaggregatedvalue", "evidencefile",
)
_MONITORING_ENTRY = tuple(f"monitoring.view_{m}" for m in _MONITORING_MODELS) + (
    "monitoring.view_reviewevent", "monitoring.add_periodreport", "monitoring.submit_periodreport",
    "monitoring.delete_evidencefile",
) + tuple(p for m in ("indicatorvalue", "disaggregatedvalue", "evidencefile") for p in _crud(f"monitoring.{m}", ("add", "change")))
_MONITORING_MANAGE = tuple(p for m in _MONITORING_MODELS for p in _crud(f"monitoring.{m}")) + (
    "monitoring.view_reviewevent", "monitoring.submit_periodreport", "monitoring.review_periodreport",
)

# Country profiles: country roles keep their countries' profiles, answer self-assessments and
# enter national statistics; managers also build questionnaires, run campaigns and review.
_COUNTRY_RECORDS = (
    "treatystatus", "nationallaw", "nationalprovision", "nationalstrategy", "coordinatingbody",
    "referralmechanism", "countryfocalpoint", "stakeholderprofile", "assistancerequest",
)
_COUNTRIES_ENTRY = tuple(p for m in _COUNTRY_RECORDS for p in _crud(f"countries.{m}")) + (
    "countries.view_assessment", "countries.answer_assessment", "countries.view_restricted_profile",
    "countries.enter_national_statistics", "countries.view_statisticsdataset", "caselaw.view_term",
)
_COUNTRIES_MANAGE = tuple(p for p in _COUNTRIES_ENTRY if p != "countries.answer_assessment") + tuple(
    p for m in ("pillar", "questionnaire", "question", "questionchoice", "campaign", "assistanceservice", "population")
    for p in _crud(f"countries.{m}")
) + ("countries.review_assessment", "countries.view_assessmentevent")

# Activities and trainings: country roles keep their countries' workplans, events, participants and
# learning records; managers also keep the question bank and which indicators activities feed.
_ACTIVITY_RECORDS = (
    "workplan", "activity", "participant", "participantmerge", "attendance", "knowledgetest", "testresult",
    "satisfactionresponse", "followupquestion", "followupsurvey", "trainertrack",
)
_ACTIVITIES_ENTRY = tuple(p for m in _ACTIVITY_RECORDS for p in _crud(f"activities.{m}")) + (
    "activities.view_question", "activities.view_indicatorfeed",
)
_ACTIVITIES_MANAGE = _ACTIVITIES_ENTRY + _crud("activities.question", ("add", "change", "delete")) + _crud(
    "activities.indicatorfeed", ("add", "change", "delete"))

# Reports: country roles write their countries' narrative and generate their components'
# reports (reporting/scope.py limits which); managers also edit report templates.
_REPORTING_ENTRY = ("reporting.generate_report", "reporting.view_reporttemplate", "reporting.view_templatesection") + _crud(
    "reporting.narrativeentry", ("view", "add", "change"))
_REPORTING_MANAGE = ("reporting.generate_report",) + tuple(
    p for m in ("reporttemplate", "templatesection", "narrativeentry") for p in _crud(f"reporting.{m}"))

ROLES = [
    Role("practitioner", _("Registered practitioner")),
    Role(
        "contributor",
        _("Case contributor"),
        permissions=tuple(
            p for m in ("case", "casetranslation", "proceeding", "person", "charge", "routecountry", "source")
            for p in _crud(f"caselaw.{m}", ("view", "add", "change"))
        ) + ("caselaw.view_term", "caselaw.view_vocabulary", "caselaw.view_jurisdiction"),
    ),
    Role(
        "editor",
        _("Case editor"),
        permissions=tuple(
            p for m in (
                "case", "casetranslation", "proceeding", "person", "personidentity", "charge", "routecountry",
                "source", "term", "vocabulary", "jurisdiction",
                "contributor", "casecontribution", "collectiontask",
                "casesuggestion", "fieldcomment",
                "takedownrequest", "privacyfindingdismissal",
            )
            for p in _crud(f"caselaw.{m}")
        ) + (
            "caselaw.view_restricted_identity", "caselaw.view_restrictedaccesslog", "caselaw.view_casesequence",
            "caselaw.view_linkcheck", "caselaw.view_casefeedback",
            "caselaw.publish_case", "caselaw.view_caseversion", "caselaw.view_workflowevent",
        ),
        staff=True,
        requires_2fa=True,
    ),
    Role(
        "focal_point",
        _("Country focal point"),
        permissions=_crud("core.organisation") + _MONITORING_ENTRY + _COUNTRIES_ENTRY + _ACTIVITIES_ENTRY + _REPORTING_ENTRY,
        country_scoped=True,
        staff=True,
    ),
    Role(
        "programme_officer",
        _("Programme officer"),
        permissions=_crud("core.organisation") + _MONITORING_ENTRY + _COUNTRIES_ENTRY + _ACTIVITIES_ENTRY + _REPORTING_ENTRY,
        country_scoped=True,
        staff=True,
    ),
    Role(
        "programme_manager",
        _("Programme manager"),
        permissions=_crud("core.organisation") + ("auditlog.view_logentry",) + _MONITORING_MANAGE + _COUNTRIES_MANAGE + _ACTIVITIES_MANAGE
        + _REPORTING_MANAGE,
        staff=True,
        requires_2fa=True,
    ),
    Role("administrator", _("Administrator"), permissions=(ALL,), staff=True, requires_2fa=True),
]
ROLES_BY_CODE = {role.code: role for role in ROLES}


def role_permissions(role: Role):
    if ALL in role.permissions:
        return Permission.objects.all()
    wanted = [p.split(".", 1) for p in role.permissions]
    found = Permission.objects.none()
    for app_label, codename in wanted:
        found |= Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return found


def sync_roles() -> None:
    """Create or update one group per role with exactly the role's permissions."""
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.code)
        group.permissions.set(role_permissions(role))


def sync_roles_after_migrate(sender, app_config=None, using="default", apps=global_apps, **kwargs):
    # Permissions of apps migrated later in the same run may not exist yet: create them first.
    for config in global_apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    sync_roles()


def user_roles(user) -> list[Role]:
    if not user.is_authenticated:
        return []
    names = {g.name for g in user.groups.all()}
    return [role for role in ROLES if role.code in names]


def assign_role(user, code: str, countries=()) -> None:
    """Give `user` a role (and, for country-scoped roles, the countries it covers)."""
    role = ROLES_BY_CODE[code]
    user.groups.add(Group.objects.get(name=role.code))
    if role.staff and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    if countries:
        from .models import Profile

        Profile.objects.get_or_create(user=user)[0].countries.add(*countries)
