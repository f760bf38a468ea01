"""Journeys 1 and 2: a patient on a phone asks for a consultation, by touch and by keyboard alone."""

import re

from playwright.sync_api import expect

from consultations.models import ConsultationRequest

# The form refuses submissions made within 3 seconds of being shown (a spam check); people are slower.
HUMAN_PAUSE_MS = 3200


def test_patient_on_a_phone_finds_stem_cell_therapy_and_asks_for_a_consultation(phone_page, clinic_details):
    page = phone_page
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Treatments").click()
    expect(page.locator("h1")).to_have_text("Treatments")
    page.get_by_role("link", name="Stem cell therapy").click()
    expect(page.locator("h1")).to_have_text("Stem cell therapy")

    answer = page.locator("details#what-are-stem-cells .prose")
    expect(answer).to_be_hidden()
    page.get_by_text("What are stem cells?").click()
    expect(answer).to_be_visible()

    page.get_by_role("link", name="Request a consultation").first.click()
    expect(page.locator("h1")).to_have_text("Request a consultation")
    expect(page.get_by_label("Treatment you are interested in")).to_have_value("stem-cell-therapy")

    page.get_by_label("Full name").fill("José García")
    page.get_by_label("Phone number").fill("310-555-01")  # the mistake: a digit short
    page.get_by_label(re.compile("I agree that the clinic may contact me")).check()
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    page.get_by_role("button", name="Send request").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("There is a problem with your request")
    summary.get_by_role("link", name=re.compile("Enter a US phone number")).click()
    expect(page.get_by_label("Phone number")).to_be_focused()
    expect(page.get_by_label("Phone number")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Full name")).to_have_value("José García")  # what was typed is kept

    page.get_by_label("Phone number").fill("310-555-0123")
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    page.get_by_role("button", name="Send request").click()

    expect(page.locator("h1")).to_have_text("Thank you: we have your request")
    expect(page.locator("main")).to_contain_text("will contact you by the end of the next working day")
    expect(page.locator("main")).to_contain_text("In an emergency, call 911.")
    expect(page.locator("main").get_by_role("link", name="(310) 555-0100")).to_have_attribute(
        "href", "tel:+13105550100"
    )
    request = ConsultationRequest.objects.get()
    assert (request.full_name, request.phone, request.status) == ("José García", "+13105550123", "new")
    assert request.treatment.slug == "stem-cell-therapy"


def focused(page):
    """What has keyboard focus, and whether a visible focus indicator is drawn around it."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            return {id: el.id || el.getAttribute('href') || el.tagName, visible: ring || style.boxShadow !== 'none'};
        }"""
    )


def tab(page, key="Tab"):
    page.keyboard.press(key)
    now = focused(page)
    assert now["visible"], f"no visible focus indicator on {now['id']}"
    return now["id"]


def test_the_form_can_be_completed_with_the_keyboard_alone(context, clinic_details):
    page = context.new_page()
    page.goto("/request-consultation/")

    assert tab(page) == "#main-content"  # the skip link comes first, and shows when focused
    expect(page.get_by_role("link", name="Skip to main content")).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"

    order = []
    while (current := tab(page)) != "id_full_name":
        order.append(current)
        assert len(order) < 10, f"never reached the form: {order}"
    page.keyboard.type("Ana Lima")
    assert tab(page) == "id_phone"
    page.keyboard.type("(213) 555-0199")
    assert tab(page) == "id_email"
    page.keyboard.type("ana@example.com")
    assert tab(page) == "id_preferred_contact_0"  # one stop per group of radio buttons
    page.keyboard.press("ArrowDown")  # Email
    assert tab(page) == "id_best_time_2"
    page.keyboard.press("ArrowUp")  # Afternoon
    assert tab(page) == "id_call_language"  # optional: the language to call in
    assert tab(page) == "id_treatment"
    assert tab(page) == "id_message"
    page.keyboard.type("Knee pain when walking.")
    assert tab(page) == "id_consent"
    page.keyboard.press("Space")
    assert tab(page) == "/privacy/#if-you-ask-for-a-consultation"  # the privacy notice link in the consent label
    assert tab(page, "Shift+Tab") == "id_consent"  # and back again
    tab(page)
    button = tab(page)
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Send request", button
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Thank you: we have your request")
    request = ConsultationRequest.objects.get()
    assert (request.full_name, request.phone, request.email) == ("Ana Lima", "+12135550199", "ana@example.com")
    assert (request.preferred_contact, request.best_time, request.message) == (
        "email",
        "afternoon",
        "Knee pain when walking.",
    )
    assert request.status == "new"


def test_the_form_submits_with_javascript_switched_off(no_script_page, clinic_details):
    page = no_script_page
    page.goto("/request-consultation/?treatment=stem-cell-therapy")
    page.get_by_label("Full name").fill("Li Wei")
    page.get_by_label("Email address").fill("li@example.com")
    page.get_by_label("Email", exact=True).check()
    page.get_by_label(re.compile("I agree that the clinic may contact me")).check()
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    page.get_by_role("button", name="Send request").click()

    expect(page.locator("h1")).to_have_text("Thank you: we have your request")
    request = ConsultationRequest.objects.get()
    assert (request.full_name, request.email, request.preferred_contact) == ("Li Wei", "li@example.com", "email")


def test_a_patient_who_forgets_their_name_is_told_what_to_do_and_can_send_again_at_once(phone_page, clinic_details):
    """The error says what to do; sent again at once, the form is timed from its first showing, not refused."""
    page = phone_page
    page.goto("/request-consultation/")
    page.get_by_label("Phone number").fill("(310) 555-0123")
    page.get_by_label(re.compile("I agree that the clinic may contact me")).check()
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    page.get_by_role("button", name="Send request").click()

    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Enter your name, so we know who to ask for when we get in touch.")
    summary.get_by_role("link", name=re.compile("Enter your name")).click()
    expect(page.get_by_label("Full name")).to_be_focused()
    page.keyboard.type("Ana Lima")
    page.get_by_role("button", name="Send request").click()  # well within 3 seconds of seeing the error

    expect(page.locator("h1")).to_have_text("Thank you: we have your request")
    assert ConsultationRequest.objects.get().full_name == "Ana Lima"


def test_the_consent_box_leads_to_what_the_form_keeps_and_its_one_cookie_ends_with_the_browser(context, settings):
    """The privacy notice says the form's cookie lasts for the browser session; the browser must agree."""
    page = context.new_page()
    page.goto("/request-consultation/")
    cookies = {cookie["name"]: cookie for cookie in context.cookies()}
    assert list(cookies) == ["csrftoken"]
    assert cookies["csrftoken"]["expires"] == -1  # a session cookie: deleted when the browser closes

    page.get_by_role("link", name="privacy notice", exact=True).click()
    heading = page.get_by_role("heading", name="If you ask for a consultation")
    expect(heading).to_be_in_viewport()
    section = page.locator("main")
    expect(section).to_contain_text("we store what you typed in it")
    expect(section).to_contain_text(f"for {settings.CONSULTATION_RETENTION_DAYS} days after it is closed")
