"""One demo account per role, for trying gloact locally. Never created in production mode."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured

from gloact.core.models import Country

from .models import Profile
from .roles import assign_role

DEMO_PASSWORD = "demo-gloact-2026"  # nosec B105 # printed by `make run`; demo accounts are refused in production

# (username, role, countries)
DEMO_ACCOUNTS = [
    ("admin", "administrator", []),
    ("manager", "programme_manager", []),
    ("editor", "editor", []),
    ("contributor", "contributor", []),
    ("practitioner", "practitioner", []),
    ("focal.mali", "focal_point", ["MLI"]),
    ("officer.niger", "programme_officer", ["NER"]),
]


def create_demo_accounts() -> list[tuple[str, str]]:
    """Create the demo accounts that do not exist yet; return (username, role) of all of them."""
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo accounts are never created in production mode.")
    User = get_user_model()
    for username, role, countries in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_superuser = role == "administrator"
            user.save()
        Profile.objects.get_or_create(user=user)
        assign_role(user, role, Country.objects.filter(iso3__in=countries))
    return [(username, role) for username, role, _countries in DEMO_ACCOUNTS]
