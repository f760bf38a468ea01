"""Every public page passes axe-core's WCAG 2.2 A and AA rules and best practices.

On a phone and a desktop, and with text at 200% on 360px and 390px phones; with the bare launch content
and with everything filled in.
"""

import pytest

from tests.pages import PUBLIC_PAGES

from .checks import DESKTOP, PHONE, SMALL_PHONES, open_all_answers, open_with_large_text


@pytest.mark.parametrize(("path", "status"), PUBLIC_PAGES)
def test_public_page_has_no_accessibility_violations(new_context, content, axe, path, status):
    violations = []
    for size_name, size in [("phone", PHONE), ("desktop", DESKTOP)]:
        page = new_context(**size).new_page()
        assert page.goto(path).status == status
        open_all_answers(page)
        violations += [f"[{size_name}] {violation}" for violation in axe(page)]
    for size in SMALL_PHONES:
        page, response = open_with_large_text(new_context, size, path)
        assert response.status == status
        open_all_answers(page)
        violations += [f"[{size['viewport']['width']}px, 200% text] {violation}" for violation in axe(page)]

    assert not violations, f"axe-core found on {path} ({content}):\n" + "\n".join(violations)
