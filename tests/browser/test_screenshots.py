"""Screenshots of every public page on phones and a desktop, checked for what a person looks at first.

In each one the header's phone link and the page's headings are whole (not cut by the window's edges),
the phone link is on the first screen, and nothing makes the page scroll sideways; on the 360px and
390px phones the text is at 200%, as people who need larger text set it.

They are written to test-artifacts/screenshots/ (git-ignored), named after the page's address and the
size, e.g. treatments-stem-cell-therapy-phone.png or home-360px-large-text.png.
"""

import struct

import pytest

from tests.pages import PUBLIC_PAGES, said_on

from .checks import DESKTOP, HORIZONTAL_OVERFLOW, PHONE, SMALL_PHONES, open_with_large_text

SIZES = [
    ("phone", PHONE, False),
    *[(f"{size['viewport']['width']}px-large-text", size, True) for size in SMALL_PHONES],
    ("desktop", DESKTOP, False),
]

# The boxes of the elements `selector` finds, in CSS pixels relative to the window.
# Elements not rendered (in a closed <details>, say) are left out.
BOXES = """selector => [...document.querySelectorAll(selector)].filter(el => el.checkVisibility()).map(el => {
  const box = el.getBoundingClientRect();
  return {text: el.textContent.trim().replace(/\\s+/g, ' '), left: box.left, right: box.right,
          top: box.top, bottom: box.bottom, width: box.width};
})"""
WINDOW_WIDTH = "() => document.documentElement.clientWidth"


def png_size(path):
    """(width, height) in pixels, from the PNG's header."""
    with path.open("rb") as file:
        header = file.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", header[16:24])


def whole_within(boxes, width):
    """The boxes that are cut by the window's left or right edge, or have no width at all."""
    return [box for box in boxes if box["width"] <= 0 or box["left"] < -0.5 or box["right"] > width + 0.5]


@pytest.mark.parametrize(("path", "status"), PUBLIC_PAGES)
def test_public_page_screenshots_show_the_phone_link_and_headings_whole(
    new_context, clinic_details, screenshots_folder, path, status
):
    name = path.strip("/").replace("/", "-").replace("?q=", "-") or "home"
    for size_name, size, large_text in SIZES:
        if large_text:
            page, response = open_with_large_text(new_context, size, path)
        else:
            page = new_context(**size).new_page()
            response = page.goto(path)
        assert response.status == status
        viewport = size["viewport"]
        shot = screenshots_folder / f"{name}-{size_name}.png"
        page.screenshot(path=shot, full_page=True)
        where = shot.name

        width = page.evaluate(WINDOW_WIDTH)
        assert width == viewport["width"], where
        assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0, f"{where}: the page scrolls sideways"
        assert png_size(shot)[0] == viewport["width"], f"{where}: the screenshot is wider than the window"

        (phone,) = page.evaluate(BOXES, "header a.header-phone")
        assert phone["text"] == f"{said_on(path, 'Call')} {clinic_details.phone}", where
        assert whole_within([phone], width) == [], f"{where}: the phone link is cut off: {phone}"
        assert phone["top"] >= 0 and phone["bottom"] <= viewport["height"], f"{where}: the phone link is off screen"

        (heading,) = page.evaluate(BOXES, "main h1")
        assert heading["text"], where
        assert heading["top"] < viewport["height"], f"{where}: the page's heading is below the first screen"
        headings = page.evaluate(BOXES, "main h1, main h2")
        assert whole_within(headings, width) == [], f"{where}: headings cut off"
