"""Staff sign-in: lockout after repeated failures, a second factor, and sessions that expire when idle."""

import datetime
import logging
import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.sites import issue_recovery_codes
from tests.conftest import page_text

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-staff-password-42"


@pytest.fixture
def staff_user():
    return get_user_model().objects.create_user("frontdesk", password=PASSWORD, is_staff=True, is_superuser=True)


def sign_in(client, password, username="frontdesk"):
    return client.post(reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"})


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_the_admin_answers_at_admin_url():
    assert reverse("admin:index") == f"/{settings.ADMIN_URL}"


def test_repeated_wrong_passwords_lock_the_account_even_with_the_right_one(client, staff_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong").status_code == 200
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    assert "Sign-in is locked for now" in locked.content.decode()
    assert sign_in(client, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_says_how_long_in_words_under_the_sites_name(client, staff_user, settings):
    """Staff read "Please wait 1 hour" on a page headed with the site's admin name, not Django's."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        locked = sign_in(client, "wrong")
    text = page_text(locked)
    assert "Please wait 1 hour and try again" in text
    assert admin.site.site_header in text
    assert "Django" not in text and "PT1H" not in text


def test_the_lockout_covers_the_address_for_other_usernames_too(client, staff_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong", username="someone-else")
    assert sign_in(client, PASSWORD).status_code == 429


def test_a_successful_sign_in_resets_the_failure_count(client, staff_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    assert AccessAttempt.objects.filter(username="frontdesk").count() == 0
    assert sign_in(client, "wrong").status_code == 200  # counting starts again from zero


def test_every_attempt_is_recorded_and_logged_without_the_password(client, staff_user, caplog):
    caplog.set_level(logging.DEBUG)
    sign_in(client, "wrong-secret-guess")
    sign_in(client, PASSWORD)
    assert AccessFailureLog.objects.filter(username="frontdesk").count() == 1
    assert AccessLog.objects.filter(username="frontdesk").count() == 1
    messages = [record.getMessage() for record in caplog.records]
    assert any("login failed" in message for message in messages)
    assert any("Successful login" in message for message in messages)
    for message in messages:
        assert "wrong-secret-guess" not in message and PASSWORD not in message
    for attempt in AccessAttempt.objects.all():
        assert "wrong-secret-guess" not in attempt.post_data


def test_staff_sessions_expire_after_the_idle_time_and_renew_on_each_request(client, staff_user, settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    sign_in(client, PASSWORD)
    first_expiry = client.session.get_expiry_date()
    client.get(reverse("admin:index"))
    assert client.session.get_expiry_date() >= first_expiry
    session = client.session
    session.set_expiry(-1)  # as if the idle time had passed
    session.save()
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


class TestSecondFactor:
    @pytest.fixture(autouse=True)
    def _second_factor_on(self, settings):
        settings.ADMIN_REQUIRE_2FA = True

    def test_first_sign_in_sets_up_an_authenticator_then_opens_the_admin(self, client, staff_user):
        response = sign_in(client, PASSWORD)
        response = client.get(response["Location"], follow=True)
        assert response.redirect_chain[-1][0].startswith(reverse("admin:second_factor"))
        content = response.content.decode()
        assert "Set up sign-in codes" in content and 'class="second-factor-qr"><svg' in content
        device = TOTPDevice.objects.get(user=staff_user, confirmed=False)
        assert client.get(reverse("admin:index")).status_code == 302  # not yet
        wrong = client.post(reverse("admin:second_factor"), {"code": "000000"})
        assert "That code is not right" in wrong.content.decode()
        device.refresh_from_db()
        device.throttling_failure_count = 0
        device.throttling_failure_timestamp = None
        device.save()
        response = client.post(reverse("admin:second_factor") + "?next=/admin/", {"code": current_code(device)})
        assert "Your recovery codes" in response.content.decode()
        assert client.get(reverse("admin:index")).status_code == 200
        device.refresh_from_db()
        assert device.confirmed

    def test_later_sign_ins_need_a_code_from_the_set_up_app(self, client, staff_user):
        device = TOTPDevice.objects.create(user=staff_user, name="Phone", confirmed=True)
        sign_in(client, PASSWORD)
        response = client.get(reverse("admin:index"), follow=True)
        content = response.content.decode()
        assert "Enter your sign-in code" in content and "second-factor-qr" not in content
        assert client.get(reverse("admin:treatments_treatment_changelist")).status_code == 302
        client.post(reverse("admin:second_factor"), {"code": current_code(device)})
        assert client.get(reverse("admin:treatments_treatment_changelist")).status_code == 200

    def test_the_second_factor_is_on_by_default_in_production(self):
        import subprocess
        import sys

        from tests.serving.test_security_headers import production_environment

        env = production_environment()
        env.pop("ADMIN_REQUIRE_2FA", None)
        result = subprocess.run(
            [sys.executable, "-c", "import clinic_site.settings as s; print(s.ADMIN_REQUIRE_2FA)"],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.strip() == "True"

    def test_a_wrong_code_says_when_to_try_again_and_the_right_one_then_works(self, client, staff_user):
        device = TOTPDevice.objects.create(user=staff_user, name="Phone", confirmed=True)
        sign_in(client, PASSWORD)
        wrong = page_text(client.post(reverse("admin:second_factor"), {"code": "000000"}))
        assert (
            "That code is not right, or has expired. Wait 1 second, then enter the newest code your app shows."
            in wrong
        )
        too_soon = page_text(client.post(reverse("admin:second_factor"), {"code": current_code(device)}))
        assert "Too many wrong codes in a row. Wait 1 second, then try again." in too_soon
        TOTPDevice.objects.filter(pk=device.pk).update(
            throttling_failure_timestamp=timezone.now() - datetime.timedelta(seconds=1)
        )  # as when the second has passed
        assert client.post(reverse("admin:second_factor"), {"code": current_code(device)}).status_code == 302
        assert client.get(reverse("admin:index")).status_code == 200

    def test_recovery_codes_are_shown_once_at_set_up_and_each_signs_in_once(self, client, staff_user):
        sign_in(client, PASSWORD)
        client.get(reverse("admin:second_factor"))
        device = TOTPDevice.objects.get(user=staff_user)
        shown = client.post(reverse("admin:second_factor"), {"code": current_code(device)})
        codes = re.findall(r"<code>([a-z2-7]{8})</code>", shown.content.decode())
        assert len(codes) == 10
        assert StaticDevice.objects.get(user=staff_user).token_set.count() == 10
        assert codes[0] not in client.get(reverse("admin:index")).content.decode()

        client.post(reverse("admin:logout"))
        sign_in(client, PASSWORD)
        used = client.post(reverse("admin:second_factor"), {"code": codes[0].upper()}, follow=True)
        assert "You signed in with a recovery code: 9 left." in page_text(used)
        assert client.get(reverse("admin:index")).status_code == 200

        client.post(reverse("admin:logout"))
        sign_in(client, PASSWORD)
        again = page_text(client.post(reverse("admin:second_factor"), {"code": codes[0]}))
        assert "That recovery code is not right, or was used already." in again
        assert client.get(reverse("admin:index")).status_code == 302

    def test_a_lost_phone_is_replaced_by_its_owner_after_a_recovery_code(self, client, staff_user):
        TOTPDevice.objects.create(user=staff_user, name="Old phone", confirmed=True)
        codes = issue_recovery_codes(staff_user)
        sign_in(client, PASSWORD)
        client.post(reverse("admin:second_factor"), {"code": codes[3]})
        response = client.post(reverse("admin:new_phone"), follow=True)
        assert "Set up sign-in codes" in page_text(response)
        assert not TOTPDevice.objects.filter(user=staff_user, confirmed=True).exists()
