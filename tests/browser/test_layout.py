"""Every public page reflows to 320px without sideways scrolling, and shows text at 200% with nothing cut off.

Each page is checked with the bare launch content and with everything filled in (a phone number in the
header, a long clinic name, notices and sources), on the narrowest common phones and on a desktop.
"""

import pytest

from tests.pages import PUBLIC_PAGES

from .checks import (
    BEYOND_THE_WINDOW,
    CLIPPED_ELEMENTS,
    DESKTOP,
    HORIZONTAL_OVERFLOW,
    SMALL_PHONES,
    open_all_answers,
    open_with_large_text,
)

NARROWEST = {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True}


@pytest.mark.parametrize(("path", "status"), PUBLIC_PAGES)
def test_public_page_does_not_scroll_sideways_at_320px(new_context, content, path, status):
    page = new_context(**NARROWEST).new_page()
    assert page.goto(path).status == status
    open_all_answers(page)

    assert page.evaluate(BEYOND_THE_WINDOW) == [], "sticks out of the window"
    assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0, "the page is wider than the window"
    assert page.evaluate(CLIPPED_ELEMENTS) == []


@pytest.mark.parametrize(("path", "status"), PUBLIC_PAGES)
def test_public_page_text_at_200_percent_is_not_cut_off(new_context, content, path, status):
    """The browser's own text-size setting doubled, on 360px and 390px phones and on a desktop."""
    for size in [*SMALL_PHONES, DESKTOP]:
        page, response = open_with_large_text(new_context, size, path)
        assert response.status == status
        open_all_answers(page)
        width = size["viewport"]["width"]

        assert page.evaluate("() => getComputedStyle(document.body).fontSize") == "36px"  # 1.125rem of 32px
        assert page.evaluate(BEYOND_THE_WINDOW) == [], f"at {width}px these stick out of the window"
        assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0, f"at {width}px the page is wider than the window"
        assert page.evaluate(CLIPPED_ELEMENTS) == [], f"at {width}px"
