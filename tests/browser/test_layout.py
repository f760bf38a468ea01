"""Every public page reflows to 320px without sideways scrolling, and shows text at 200% with nothing cut off."""

import pytest

from tests.pages import PUBLIC_PAGES

from .checks import CLIPPED_ELEMENTS, DESKTOP, HORIZONTAL_OVERFLOW, PHONE, open_all_answers

NARROWEST = {"viewport": {"width": 320, "height": 640}}


@pytest.mark.parametrize(("path", "status"), PUBLIC_PAGES)
def test_public_page_does_not_scroll_sideways_at_320px(new_context, clinic_details, path, status):
    page = new_context(**NARROWEST).new_page()
    assert page.goto(path).status == status
    open_all_answers(page)

    assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0, "the page is wider than the window"
    assert page.evaluate(CLIPPED_ELEMENTS) == []


@pytest.mark.parametrize(("path", "status"), PUBLIC_PAGES)
def test_public_page_text_at_200_percent_is_not_cut_off(new_context, clinic_details, path, status):
    """The browser's own text-size setting doubled, as a person would set it (page zoom would rescale everything)."""
    for size in [PHONE, DESKTOP]:
        context = new_context(**size)
        page = context.new_page()
        context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        assert page.goto(path).status == status
        open_all_answers(page)
        width = size["viewport"]["width"]

        assert page.evaluate("() => getComputedStyle(document.body).fontSize") == "36px"  # 1.125rem of 32px
        assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0, f"at {width}px the page is wider than the window"
        assert page.evaluate(CLIPPED_ELEMENTS) == [], f"at {width}px"
