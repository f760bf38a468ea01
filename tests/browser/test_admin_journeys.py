"""Journeys through the admin as the clinic's staff live them: the first sign-in of a new install, the front desk's
day, a content editor's view, and signing in when a code goes wrong. Screenshots go to test-artifacts/screenshots/."""

import base64
import datetime
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from playwright.sync_api import expect

from claims.checker import flagged_published_records
from review.models import reviewable_models

NEW_PASSWORD = "our-own-long-password-2026"


def code_for(key_text, drift=0):
    """The app's code now, or (drift=1) its next one: a code that signed in once is never accepted again."""
    key = key_text.replace(" ", "")
    return f"{totp(base64.b32decode(key + '=' * (-len(key) % 8)), drift=drift):06d}"


def checklist_titles(page):
    return [text.strip() for text in page.locator(".launch-checklist > ul > li > strong").all_inner_texts()]


def open_item(page, title):
    page.goto("/admin/")
    page.locator(".launch-checklist").get_by_role("link", name=title).click()


@pytest.fixture
def first_sign_in(context, site_url, settings, screenshots_folder):
    """A brand-new install: the first account signs in with the password `make run` printed."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    out = StringIO()
    call_command("create_first_staff_user", stdout=out)
    password = re.search(r"with password (\S+)", out.getvalue()).group(1)
    page = context.new_page()
    page.goto("/admin/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.password = password
    return page


def test_first_sign_in_sees_every_launch_task_and_each_goes_once_done_through_its_link(
    first_sign_in, settings, screenshots_folder
):
    page = first_sign_in
    expect(page.get_by_role("heading", name="Password change")).to_be_visible()
    expect(page.locator(".messagelist")).to_contain_text("Choose a password of your own now.")
    page.screenshot(path=screenshots_folder / "admin-first-sign-in-password.png", full_page=True)

    page.goto("/admin/")
    titles = checklist_titles(page)
    assert titles[:5] == [
        "Add the clinic's phone number",
        "Add the clinic's street address",
        "Add the clinic's opening hours",
        "Add the intake email addresses",
        "Set up outgoing email",
    ]
    assert re.fullmatch(r"\d+ pages never medically reviewed", titles[5])
    flagged = len(flagged_published_records())  # the launch content's own stem-cell wording
    assert titles[6:] == [
        f"Wording warnings on {flagged} published page{'s' if flagged != 1 else ''}",
        "1 staff account without sign-in codes",
        "Replace the one-time password of 'admin'",
    ]
    page.screenshot(path=screenshots_folder / "admin-launch-checklist.png", full_page=True)

    open_item(page, "Add the clinic's phone number")
    page.get_by_label("Phone").fill("(310) 555-0100")
    page.get_by_label("Street address").fill("2600 Example Boulevard, Suite 100")
    page.get_by_label("Intake email addresses").fill("frontdesk@example.com")
    page.get_by_text("Add another Opening hours").click()
    page.locator("#id_opening_hours-0-weekday").select_option(label="Monday")
    page.locator("#id_opening_hours-0-opens").fill("09:00")
    page.locator("#id_opening_hours-0-closes").fill("17:00")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.goto("/admin/")
    assert checklist_titles(page)[0] == "Set up outgoing email"

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # what EMAIL_URL does on the server
    page.goto("/admin/")
    assert "Set up outgoing email" not in checklist_titles(page)

    open_item(page, titles[5])
    expect(page.get_by_role("heading", name="Due for medical review")).to_be_visible()
    for model in reviewable_models():  # the clinicians' work, proved by the review journey's own tests
        model.objects.update(last_reviewed=datetime.date.today())
    page.goto("/admin/")
    assert not any(title.endswith("never medically reviewed") for title in checklist_titles(page))

    flagged = flagged_published_records()
    page.locator(".launch-checklist").get_by_role("link", name=f"Treatment: {flagged[0]}").click()
    expect(page.get_by_role("heading", name="Change treatment")).to_be_visible()
    for record in flagged:  # rewording is the claims journey's (tests/browser/test_claims_journey.py)
        type(record).objects.filter(pk=record.pk).update(is_published=False)
    page.goto("/admin/")
    assert not any(title.startswith("Wording warnings") for title in checklist_titles(page))

    page.locator(".launch-checklist").get_by_role("link", name="admin", exact=True).click()
    expect(page.get_by_role("heading", name="Set up sign-in codes")).to_be_visible()
    page.get_by_label("6-digit code").fill(code_for(page.locator("code").inner_text()))
    page.get_by_role("button", name="Confirm and sign in").click()
    page.goto("/admin/")
    assert checklist_titles(page) == ["Replace the one-time password of 'admin'"]

    open_item(page, "Replace the one-time password of 'admin'")
    page.locator("#id_old_password").fill(page.password)
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change my password").click()
    page.goto("/admin/")
    expect(page.locator(".launch-checklist")).to_have_count(0)
    assert get_user_model().objects.get(username="admin").check_password(NEW_PASSWORD)
    page.screenshot(path=screenshots_folder / "admin-home-ready.png", full_page=True)


@pytest.fixture
def staff_member(site_url, django_user_model, settings):
    """make(username, group) -> a member of staff in that group, with the test password."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    def make(username, group):
        user = django_user_model.objects.create_user(username, password=NEW_PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


def sign_in(page, username):
    page.goto("/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_content_editor_never_sees_the_security_section_or_the_inbox(context, staff_member, screenshots_folder):
    staff_member("editor", "Content editors")
    page = context.new_page()
    sign_in(page, "editor")
    # Reading the sections waits for nothing: wait for the home page first.
    expect(page.get_by_role("heading", name="Website content")).to_be_visible()
    sections = page.locator("#content-main .module caption").all_inner_texts()
    assert [name.strip().lower() for name in sections] == [
        "website pages",
        "clinic and providers",
        "reviews and wording",
    ]
    expect(page.get_by_role("link", name="Staff accounts")).to_have_count(0)
    expect(page.get_by_role("link", name="Consultation requests")).to_have_count(0)
    expect(page.locator(".launch-checklist")).to_have_count(0)
    expect(page.get_by_role("heading", name="Website content")).to_be_visible()
    page.screenshot(path=screenshots_folder / "admin-content-editor-home.png", full_page=True)
    assert page.goto("/admin/consultations/consultationrequest/").status == 403
    assert page.goto("/admin/auth/user/").status == 403


def test_a_wrong_code_then_the_right_one_and_recovery_codes_that_work_once(
    context, staff_member, settings, screenshots_folder
):
    settings.ADMIN_REQUIRE_2FA = True
    staff_member("frontdesk", "Front desk")
    page = context.new_page()
    sign_in(page, "frontdesk")
    key = page.locator("code").inner_text()
    page.get_by_label("6-digit code").fill(code_for(key))
    page.get_by_role("button", name="Confirm and sign in").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    codes = page.locator(".recovery-code-list code").all_inner_texts()
    assert len(codes) == 10
    page.screenshot(path=screenshots_folder / "admin-recovery-codes.png", full_page=True)
    page.get_by_role("link", name="I have kept my codes: continue").click()
    expect(page.get_by_role("heading", name="Home")).to_be_visible()
    page.get_by_role("button", name="Log out").click()

    sign_in(page, "frontdesk")
    page.get_by_label("6-digit code").fill("000000")
    page.get_by_role("button", name="Sign in").click()
    message = page.locator(".errorlist")
    expect(message).to_contain_text(
        "That code is not right, or has expired. Wait 1 second, then enter the newest code"
    )
    page.screenshot(path=screenshots_folder / "admin-wrong-code.png", full_page=True)
    page.wait_for_timeout(1100)
    page.get_by_label("6-digit code").fill(code_for(key, drift=1))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Home")).to_be_visible()
    page.get_by_role("button", name="Log out").click()

    for attempt in ("first", "second"):
        sign_in(page, "frontdesk")
        page.get_by_label("6-digit code").fill(codes[0])
        page.get_by_role("button", name="Sign in").click()
        if attempt == "first":
            expect(page.locator(".messagelist")).to_contain_text("You signed in with a recovery code: 9 left.")
            page.get_by_role("button", name="Log out").click()
    expect(page.locator(".errorlist")).to_contain_text("That recovery code is not right, or was used already.")
    assert StaticToken.objects.filter(device__user__username="frontdesk").count() == 9
