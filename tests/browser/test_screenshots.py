"""Screenshots of every public page on a phone and a desktop, for a person to look over.

They are written to test-artifacts/screenshots/ (git-ignored), named after the page's address and the
size, e.g. treatments-stem-cell-therapy-phone.png; the home page is home-phone.png.
"""

import pytest

from tests.pages import PUBLIC_PAGES

from .checks import DESKTOP, PHONE


@pytest.mark.parametrize(("path", "status"), PUBLIC_PAGES)
def test_screenshot_public_page_on_phone_and_desktop(new_context, clinic_details, screenshots_folder, path, status):
    name = path.strip("/").replace("/", "-") or "home"
    for size_name, size in [("phone", PHONE), ("desktop", DESKTOP)]:
        page = new_context(**size).new_page()
        assert page.goto(path).status == status
        shot = screenshots_folder / f"{name}-{size_name}.png"

        page.screenshot(path=shot, full_page=True)

        assert shot.stat().st_size > 0
