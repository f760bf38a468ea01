"""The admin works under the Content-Security-Policy: sign-in with a second factor, the rich-text editor, saving."""

import base64

import pytest
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django_otp.oath import totp
from playwright.sync_api import expect

PASSWORD = "a-long-browser-test-password"
# Reported to the page's console by the browser itself whenever the policy blocks anything.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} line ${event.lineNumber}`);
});
"""


@pytest.fixture
def admin_page(context, site_url, settings):
    settings.ADMIN_REQUIRE_2FA = True
    get_user_model().objects.create_superuser("editor", "", PASSWORD)
    page = context.new_page()
    page.add_init_script(REPORT_VIOLATIONS)
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    return page


def code_for(key_text):
    key = key_text.replace(" ", "")
    return f"{totp(base64.b32decode(key + '=' * (-len(key) % 8))):06d}"


def test_staff_sign_in_and_edit_rich_text_with_no_policy_violation(admin_page):
    page = admin_page
    page.goto("/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("h1, #content h1").first).to_contain_text("Set up sign-in codes")
    expect(page.locator(".second-factor-qr svg")).to_be_visible()
    page.fill("#id_code", code_for(page.inner_text("code")))
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()

    about = FlatPage.objects.get(url="/about/")
    page.goto(f"/admin/flatpages/flatpage/{about.pk}/change/")
    editor = page.locator(".ProseMirror:visible").first
    expect(editor).to_be_visible()
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Typed in the editor under the policy.")
    page.click("input[name=_continue]")
    assert page.locator(".errornote, .errorlist").all_inner_texts() == []
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    about.refresh_from_db()
    assert "Typed in the editor under the policy." in about.content
    page.goto("/about/")
    expect(page.locator("main")).to_contain_text("Typed in the editor under the policy.")
    assert [error for error in page.console_errors if "violation" in error.lower()] == []
