from django.contrib.auth import get_user_model

from gloact.accounts.models import Profile
from gloact.accounts.roles import assign_role
from gloact.core.models import Country

PASSWORD = "test-password-for-gloact"


def make_user(username: str, role: str | None = None, countries=(), **fields):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **fields)
    Profile.objects.create(user=user)
    if role:
        assign_role(user, role, Country.objects.filter(iso3__in=countries))
    return user
