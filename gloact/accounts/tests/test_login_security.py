import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from .factories import PASSWORD, make_user

LOGIN = "/account/login/"


def attempt(client, username, password):
    return client.post(
        LOGIN,
        {"auth-username": username, "auth-password": password, "login_view-current_step": "auth"},
        REMOTE_ADDR="192.0.2.10",
    )


@pytest.mark.django_db
def test_login_with_correct_password(client):
    make_user("amina", "practitioner")
    response = attempt(client, "amina", PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("accounts:account")).status_code == 200


@pytest.mark.django_db
def test_account_is_locked_after_five_failures_even_with_the_right_password(client):
    make_user("amina", "practitioner")
    for _ in range(5):
        attempt(client, "amina", "wrong-password")
    locked = attempt(client, "amina", PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed login attempts" in locked.text
    assert client.get(reverse("accounts:account")).status_code == 302  # still logged out


@pytest.mark.django_db
def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["short1", "password1234", "123456789012"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("a-long-passphrase-nobody-guesses")


@pytest.mark.django_db
@override_settings(GLOACT_REQUIRE_2FA=True)
def test_privileged_roles_must_set_up_two_factor_in_production_mode(client):
    editor = make_user("editor", "editor")
    client.force_login(editor)
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and response["Location"] == reverse("two_factor:setup")
    assert client.get(reverse("two_factor:setup")).status_code == 200


@pytest.mark.django_db
@override_settings(GLOACT_REQUIRE_2FA=True)
def test_practitioners_are_not_forced_to_use_two_factor(client):
    client.force_login(make_user("practitioner", "practitioner"))
    assert client.get(reverse("core:home")).status_code == 200


@pytest.mark.django_db
@override_settings(GLOACT_REQUIRE_2FA=True)
def test_editor_with_a_device_must_log_in_with_a_token(client):
    editor = make_user("editor", "editor")
    TOTPDevice.objects.create(user=editor, name="default", confirmed=True)  # two_factor uses "default"
    response = attempt(client, "editor", PASSWORD)
    assert response.status_code == 200 and "token" in response.text.lower()
    assert client.get(reverse("accounts:account")).status_code == 302  # not logged in yet


@pytest.mark.django_db
def test_logout_requires_post(client):
    client.force_login(make_user("amina", "practitioner"))
    assert client.get(reverse("accounts:logout")).status_code == 200
    assert client.get(reverse("accounts:account")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:account")).status_code == 302
