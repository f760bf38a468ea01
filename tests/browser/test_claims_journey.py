"""Issue 7's staff journey: risky wording is flagged, acknowledged with a source, published and shown as reviewed."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from claims.models import ClaimAcknowledgement
from treatments.models import Treatment

PASSWORD = "a-long-browser-test-password"
TRIAL = "Injections for knee osteoarthritis: a randomized trial"


@pytest.fixture
def staff_page(context, site_url, settings):
    settings.ADMIN_REQUIRE_2FA = False  # the second factor has its own browser test
    get_user_model().objects.create_superuser("editor", "", PASSWORD)
    page = context.new_page()
    page.goto("/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()
    return page


def test_staff_acknowledge_a_risky_phrase_with_a_source_and_publish_a_reviewed_page(staff_page):
    page = staff_page
    page.goto("/admin/treatments/treatment/add/")
    page.fill("#id_name", "Knee injections")
    page.fill("#id_summary", "Knee injections cure arthritis pain.")
    page.click("input[name=_continue]")

    warning = page.locator("#id_summary_helptext .claims-warnings")
    expect(warning).to_contain_text('"cure arthritis pain"')
    expect(warning).to_contain_text("Promise of a cure")
    expect(page.locator(".messagelist")).to_contain_text("wording warning(s) to look at")

    page.get_by_text("Add another Source").click()
    page.locator("input[name$='-0-title']").fill(TRIAL)
    page.locator("input[name$='-0-publisher']").fill("A medical journal")
    page.locator("input[name$='-0-year']").fill("2024")
    page.click("input[name=_continue]")

    page.check("#id_is_published")
    page.click("input[name=_continue]")
    expect(page.locator(".errorlist").first).to_contain_text("unresolved warning")

    page.check("#id_acknowledge_claims")
    page.fill("#id_acknowledgement_reason", "The trial found pain relief for most participants.")
    page.select_option("#id_acknowledgement_source", label=f"{TRIAL} (A medical journal, 2024)")
    page.select_option("#id_reviewed_by", label="Dr. Rostam Khoshsar")
    page.fill("#id_last_reviewed", "2026-11-12")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    treatment = Treatment.objects.get(slug="knee-injections")
    assert treatment.is_published
    ack = ClaimAcknowledgement.objects.for_record(treatment).get()
    assert (ack.phrase, ack.acknowledged_by.username) == ("cure arthritis pain", "editor")

    page.goto("/treatments/knee-injections/")
    main = page.locator("main")
    expect(main).to_contain_text("Medically reviewed by Dr. Rostam Khoshsar on 12 November 2026.")
    expect(main.locator("#sources-heading + ol")).to_contain_text("Injections for knee osteoarthritis")
