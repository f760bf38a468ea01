"""Every public page passes axe-core's WCAG 2.2 A and AA rules and best practices, on a phone and a desktop."""

import pytest

from tests.pages import PUBLIC_PAGES

from .checks import DESKTOP, PHONE, open_all_answers


@pytest.mark.parametrize(("path", "status"), PUBLIC_PAGES)
def test_public_page_has_no_accessibility_violations(new_context, clinic_details, axe, path, status):
    violations = []
    for size_name, size in [("phone", PHONE), ("desktop", DESKTOP)]:
        page = new_context(**size).new_page()
        assert page.goto(path).status == status
        open_all_answers(page)
        violations += [f"[{size_name}] {violation}" for violation in axe(page)]

    assert not violations, f"axe-core found on {path}:\n" + "\n".join(violations)
