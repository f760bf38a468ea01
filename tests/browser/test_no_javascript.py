"""Journey 3: with JavaScript switched off, every public page works and its answers open."""

import html

import pytest
from django.utils.html import strip_tags
from playwright.sync_api import expect

from faq.models import Question
from tests.pages import PUBLIC_PAGES, said_on

BRAND_BLUE = "rgb(11, 83, 148)"  # --brand in site.css: the stylesheet loaded and applies.


@pytest.mark.parametrize(("path", "status"), PUBLIC_PAGES)
def test_public_page_renders_styled_without_javascript(no_script_page, path, status):
    page = no_script_page
    response = page.goto(path)

    assert response.status == status
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_be_visible()
    expect(page.get_by_role("navigation", name=said_on(path, "Main"))).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_contain_text("In an emergency, call 911.")
    expect(page.locator(".site-header")).to_have_css("background-color", BRAND_BLUE)


@pytest.mark.parametrize("path", ["/faq/", "/treatments/stem-cell-therapy/"])
def test_faq_answers_open_by_click_and_by_keyboard_without_javascript(no_script_page, path):
    page = no_script_page
    first, second = Question.objects.order_by("order")[:2]
    page.goto(path)

    for question, open_it in [(first, "click"), (second, "keyboard")]:
        details = page.locator(f"details#{question.slug}")
        answer = details.locator(".prose")
        expect(answer).to_be_hidden()
        if open_it == "click":
            details.get_by_text(question.question).click()
        else:
            details.locator("summary").focus()
            page.keyboard.press("Enter")
        expect(answer).to_be_visible()
        expect(answer).to_contain_text(html.unescape(strip_tags(question.answer)))
