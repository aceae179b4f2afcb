import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.core.audit import AUDITED_APPS, NOT_AUDITED, audited_models
from gloact.core.models import Organisation


@pytest.mark.django_db
def test_every_domain_model_is_audited():
    domain = [
        m for m in apps.get_models()
        if m._meta.app_label in AUDITED_APPS and (m._meta.app_label, m._meta.model_name) not in NOT_AUDITED
    ]
    assert domain and set(domain) <= set(audited_models())


@pytest.mark.django_db
def test_create_update_delete_are_logged_with_actor_and_values(client):
    manager = make_user("manager", "programme_manager")
    client.force_login(manager)
    client.post(reverse("admin:core_organisation_add"), {"name": "Shelter A", "kind": "cso", "country": "NPL"})
    org = Organisation.objects.get(name="Shelter A")
    client.post(reverse("admin:core_organisation_change", args=[org.pk]), {"name": "Shelter B", "kind": "cso", "country": "NPL"})
    client.post(reverse("admin:core_organisation_delete", args=[org.pk]), {"post": "yes"})

    entries = list(LogEntry.objects.get_for_model(Organisation).filter(object_pk=str(org.pk)).order_by("timestamp"))
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.DELETE]
    assert all(e.actor == manager for e in entries)
    assert entries[1].changes_dict["name"] == ["Shelter A", "Shelter B"]


@pytest.mark.django_db
def test_managers_browse_the_audit_trail_and_focal_points_cannot(client):
    Organisation.objects.create(name="Logged", kind="cso", country_id="MLI")
    url = reverse("admin:auditlog_logentry_changelist")
    client.force_login(make_user("manager", "programme_manager"))
    assert client.get(url).status_code == 200
    client.force_login(make_user("focal", "focal_point", ["MLI"]))
    assert client.get(url).status_code == 403
