"""Audit trail registration: every create, update and delete of domain data is logged with
who, when, and the values before and after (django-auditlog)."""

from auditlog.registry import auditlog
from django.apps import apps

# Reference data loaded by migration is not edited by users; everything else is audited.
# Statistics values are imported by the ten thousand and replaced as a whole; their dataset row
# (audited) records who imported what and when.
NOT_AUDITED = {("core", "country"), ("core", "region"), ("countries", "statisticvalue")}
AUDITED_APPS = {"core", "accounts", "caselaw", "monitoring", "countries", "activities", "reporting"}


def register_domain_models() -> None:
    for model in apps.get_models():
        key = (model._meta.app_label, model._meta.model_name)
        if model._meta.app_label in AUDITED_APPS and key not in NOT_AUDITED and not auditlog.contains(model):
            auditlog.register(model)


def audited_models() -> list:
    return [m for m in apps.get_models() if auditlog.contains(m)]
