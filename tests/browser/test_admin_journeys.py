"""Journeys through the admin as the clinic's staff live them: the first sign-in of a new install, the front desk's
day, a content editor's view, and signing in when a code goes wrong. Screenshots go to test-artifacts/screenshots/."""

import base64
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from playwright.sync_api import expect

from claims.checker import flagged_published_records

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


def review_item_title(page):
    return next((title for title in checklist_titles(page) if title.endswith("never medically reviewed")), None)


def review_medical_content_through_its_link(page, screenshots_folder):
    """A clinician has checked each page: the practice manager records it, one page at a time, from the checklist."""
    today = timezone.localdate().isoformat()
    page.goto("/admin/")
    left = int(review_item_title(page).split()[0])
    for step in range(left):
        open_item(page, review_item_title(page))
        expect(page.get_by_role("heading", name="Due for medical review")).to_be_visible()
        rows = page.locator("#content table tbody tr")
        expect(rows).to_have_count(left - step)
        if step == 0:
            page.screenshot(path=screenshots_folder / "admin-due-for-review.png", full_page=True)
        rows.first.get_by_role("link").click()
        page.get_by_label("Medically reviewed by").select_option(label="Dr. Rostam Khoshsar")
        page.get_by_label("Last reviewed").fill(today)
        if step == 0:
            page.get_by_label("Last reviewed").scroll_into_view_if_needed()
            page.screenshot(path=screenshots_folder / "admin-record-a-medical-review.png")
        page.get_by_role("button", name="Save", exact=True).click()
        # Pages with wording to look at stay open after saving, with a warning; the others go back to their list.
        expect(page.locator(".messagelist")).to_contain_text(re.compile("was changed successfully|Saved, with"))
        page.goto("/admin/")
        if step < left - 1:
            assert (
                review_item_title(page)
                == f"{left - step - 1} page{'s' if left - step - 1 != 1 else ''} never medically reviewed"
            )
    assert review_item_title(page) is None


PLAIN_ANSWERS = {
    "What are stem cells?": "Stem cells are cells that can develop into other kinds of cells. Research is exploring "
    "whether they can ease some kinds of joint and back pain.",
    "Where can stem cell therapy be used?": "Your provider can tell you whether stem cell therapy may suit your "
    "condition, and what other treatments there are.",
    "How is stem cell therapy performed?": "It is an outpatient procedure: cells are taken from your own body, "
    "prepared, and injected into the area being treated.",
    "How long does it take for the stem cells to “work”?": "It varies from patient to patient. Your provider will "
    "explain what to expect and when to come back for a check-up.",
}
TRIAL = "Mesenchymal stem cell injections for knee osteoarthritis: a randomized trial"


def wording_links(page):
    item = page.locator(".launch-checklist > ul > li", has_text="Wording warnings on")
    return item.locator("li a").all_inner_texts()


def settle_wording_warnings_through_their_links(page, screenshots_folder):
    """The treatment's wording is kept with a reason and its source; each question's flagged answer is reworded."""
    page.goto("/admin/")
    links = wording_links(page)
    assert links[0] == "Treatment: Stem cell therapy"
    assert sorted(links[1:]) == sorted(f"Question: {question}" for question in PLAIN_ANSWERS)

    page.locator(".launch-checklist").get_by_role("link", name="Treatment: Stem cell therapy").click()
    expect(page.get_by_role("heading", name="Edit: Stem cell therapy")).to_be_visible()
    page.get_by_text("Add another Source").click()
    page.locator("input[name$='-0-title']").fill(TRIAL)
    page.locator("input[name$='-0-publisher']").fill("A medical journal")
    page.locator("input[name$='-0-year']").fill("2024")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("wording warning(s) to look at")
    page.get_by_label("I have checked these warnings and want to publish this wording").check()
    page.get_by_label("Why the wording is supported").fill(
        "The trial found less knee pain and signs of cartilage repair a year after one injection."
    )
    page.get_by_label("Source that supports it").select_option(label=f"{TRIAL} (A medical journal, 2024)")
    page.get_by_label("Why the wording is supported").scroll_into_view_if_needed()
    page.screenshot(path=screenshots_folder / "admin-keep-wording-with-its-source.png")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.goto("/admin/")
    assert "Treatment: Stem cell therapy" not in wording_links(page)

    for number, (question, answer) in enumerate(PLAIN_ANSWERS.items()):
        page.locator(".launch-checklist").get_by_role("link", name=f"Question: {question}").click()
        expect(page.get_by_role("heading", name=f"Edit: {question}")).to_be_visible()
        expect(page.locator("#id_answer_helptext .claims-warnings")).to_be_visible()
        # The editor's typing area, once drawn: before that the field's plain textarea answers to the same name.
        editor = page.locator("[contenteditable=true]").and_(page.get_by_role("textbox", name="Answer:", exact=True))
        editor.fill(answer)
        if number == 0:
            page.screenshot(path=screenshots_folder / "admin-reword-a-flagged-answer.png")
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
        page.goto("/admin/")
        assert f"Question: {question}" not in wording_links(page)


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

    review_medical_content_through_its_link(page, screenshots_folder)
    assert not any(title.endswith("never medically reviewed") for title in checklist_titles(page))
    page.screenshot(path=screenshots_folder / "admin-launch-checklist-reviewed.png", full_page=True)

    settle_wording_warnings_through_their_links(page, screenshots_folder)
    assert not any(title.startswith("Wording warnings") for title in checklist_titles(page))
    assert not flagged_published_records()
    page.screenshot(path=screenshots_folder / "admin-launch-checklist-wording-settled.png", full_page=True)

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
