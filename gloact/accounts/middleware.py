from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from .roles import user_roles

# Pages an unverified privileged user may still reach: to set up a device or to leave.
EXEMPT_URL_NAMES = ("two_factor:setup", "two_factor:setup_complete", "two_factor:qr", "two_factor:login",
                    "accounts:logout", "set_language")


def requires_two_factor(user) -> bool:
    return user.is_superuser or any(role.requires_2fa for role in user_roles(user))


class RequireTwoFactorMiddleware:
    """In production, editors, managers and administrators must verify a second factor before
    using anything else; without a device they are sent to set one up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.GLOACT_REQUIRE_2FA
            and user.is_authenticated
            and not user.is_verified()
            and requires_two_factor(user)
            and not self._exempt(request.path)
        ):
            target = "two_factor:setup" if not user_has_device(user) else "accounts:logout"
            return redirect(reverse(target))
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        if path.startswith((settings.STATIC_URL, "/healthz", "/i18n/")):
            return True
        return any(path == reverse(name) for name in EXEMPT_URL_NAMES)
