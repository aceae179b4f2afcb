import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from gloact.accounts.demo import DEMO_ACCOUNTS
from gloact.accounts.roles import ROLES


@pytest.mark.django_db
def test_load_demo_is_idempotent_and_creates_one_account_per_role():
    from django.apps import apps

    call_command("load_demo", stdout=open("/dev/null", "w"))
    counts = {m: m.objects.count() for m in apps.get_models() if m._meta.app_label in {"core", "caselaw", "accounts"}}
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert {m: m.objects.count() for m in counts} == counts
    users = get_user_model().objects.filter(username__in=[u for u, _r, _c in DEMO_ACCOUNTS])
    assert {g.name for u in users for g in u.groups.all()} == {role.code for role in ROLES}
