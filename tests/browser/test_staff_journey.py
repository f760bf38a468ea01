"""Journey 4: a content editor changes the site in the admin, and patients see it on their next visit."""

import html

import pytest
from django.contrib.auth.models import Group
from django.utils.html import strip_tags
from playwright.sync_api import expect

from faq.models import Question
from treatments.models import Treatment

PASSWORD = "a-long-test-password"


@pytest.fixture
def editor_page(context, django_user_model, settings):
    """A member of staff in the "Content editors" group, signed in to the admin through its login form."""
    # The real hasher is slow on purpose; the sign-in form works the same with a fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    editor = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    page = context.new_page()
    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Home")).to_be_visible()
    return page


@pytest.fixture
def patient_page(new_context, site_url):
    """A patient's browser: no cookies, never signed in."""
    return new_context().new_page()


def open_in_admin(page, section, record):
    page.goto("/admin/")
    page.get_by_role("link", name=section, exact=True).click()
    page.get_by_role("link", name=record, exact=True).click()


def save(page):
    page.get_by_role("button", name="Save", exact=True).click()
    # A treatment's save runs the wording checks over all of its text: allow for a busy machine.
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully", timeout=20_000)


def test_edited_answer_and_summary_show_on_the_public_pages(editor_page, patient_page):
    question = Question.objects.order_by("order").first()
    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    old_answer = html.unescape(strip_tags(question.answer))[:60]
    new_answer = "Stem cells are cells that can become other kinds of cell. Ask us what that means for you."
    new_summary = "Stem cell therapy uses cells from your own body, taken from the hip or belly."
    patient_page.goto("/faq/")  # the pages as patients saw them before (and as the page cache may keep them)
    expect(patient_page.locator(f"details#{question.slug} .prose")).to_contain_text(old_answer)
    patient_page.goto(treatment.get_absolute_url())
    expect(patient_page.locator(".lead")).to_have_text(treatment.summary)

    open_in_admin(editor_page, "Questions", question.question)
    answer_editor = editor_page.locator(".field-answer [contenteditable='true']")
    answer_editor.click()
    editor_page.keyboard.press("ControlOrMeta+a")
    editor_page.keyboard.type(new_answer)
    save(editor_page)

    open_in_admin(editor_page, "Treatments", treatment.name)
    editor_page.get_by_label("Summary").fill(new_summary)
    save(editor_page)

    patient_page.goto("/faq/")
    patient_page.get_by_text(question.question).click()
    answer = patient_page.locator(f"details#{question.slug} .prose")
    expect(answer).to_contain_text(new_answer)
    expect(answer).not_to_contain_text(old_answer)
    patient_page.goto(treatment.get_absolute_url())
    expect(patient_page.locator(".lead")).to_have_text(new_summary)
    expect(patient_page.locator(f"details#{question.slug} .prose")).to_contain_text(new_answer)


def test_unpublished_treatment_is_gone_for_patients(editor_page, patient_page):
    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    patient_page.goto("/treatments/")
    expect(patient_page.get_by_role("link", name=treatment.name)).to_be_visible()

    open_in_admin(editor_page, "Treatments", treatment.name)
    editor_page.get_by_role("group", name="Publishing").get_by_label("Published").uncheck()
    save(editor_page)

    response = patient_page.goto(treatment.get_absolute_url())
    assert response.status == 404
    expect(patient_page.get_by_role("heading", level=1)).to_have_text("Sorry, we can't find that page")
    for listing in ["/treatments/", "/", "/conditions/chronic-back-pain/"]:
        patient_page.goto(listing)
        expect(patient_page.get_by_role("link", name=treatment.name)).to_have_count(0)
    editor_page.goto(treatment.get_absolute_url())
    expect(editor_page.get_by_text("Draft - not visible to patients.")).to_be_visible()
