"""The admin pages staff use most pass axe-core's WCAG 2.2 A and AA rules and best practices."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from claims.models import Source
from consultations.models import ConsultationRequest
from practice.models import Clinic, SpecialHours
from treatments.models import Treatment

from .checks import fill_in_clinic_details


@pytest.fixture
def admin_pages(site_url, django_user_model, settings):
    """The home page, the inbox, one request, the treatment form (with a source) and the clinic's details (with
    opening and special hours), as an administrator sees them."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    django_user_model.objects.create_superuser("manager", "", "a-long-test-password")
    fill_in_clinic_details()
    clinic = Clinic.objects.get()
    SpecialHours.objects.create(clinic=clinic, date=timezone.localdate(), is_closed=True, reason="Staff training")
    request = ConsultationRequest.objects.create(
        full_name="Ana Lima", phone="+13105550123", email="ana@example.com", consented_at=timezone.now()
    )
    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    Source.objects.create(
        record=treatment,
        title="Mesenchymal stem cells for knee osteoarthritis",
        publisher="A journal",
        year=2024,
    )
    return [
        "/admin/",
        "/admin/consultations/consultationrequest/",
        f"/admin/consultations/consultationrequest/{request.pk}/change/",
        f"/admin/practice/clinic/{clinic.pk}/change/",
        f"/admin/treatments/treatment/{treatment.pk}/change/",
    ]


WIDTHS = (1280, 1024)  # a desktop and the front desk's tablet
# Every rich-text field's editor is drawn (a contenteditable in place of its textarea): axe reads the
# editors staff use, never a page caught half-way through drawing them.
EDITORS_DRAWN = """() => {
  const fields = [...document.querySelectorAll("textarea")].filter(
    (textarea) =>
      !textarea.name.includes("__prefix__") &&  // an inline's hidden template row: drawn once "Add another" is used
      [...textarea.attributes].some((attribute) => attribute.name.startsWith("data-django-prose-editor"))
  );
  return document.querySelectorAll("[contenteditable=true]").length >= fields.length;
}"""


def test_the_admin_home_inbox_request_clinic_details_and_treatment_form_have_no_accessibility_violations(
    context, admin_pages, axe, screenshots_folder
):
    page = context.new_page()
    page.goto("/admin/")
    page.get_by_label("Username").fill("manager")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Home")).to_be_visible()
    violations = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for path in admin_pages:
            assert page.goto(path).status == 200
            page.wait_for_load_state("networkidle")
            page.wait_for_function(EDITORS_DRAWN)
            if path == admin_pages[-1]:  # axe checks the editors once they are drawn, not the textareas they hide
                editors = page.locator("[contenteditable=true]")
                expect(editors.and_(page.get_by_role("textbox", name="Body:", exact=True))).to_be_visible()
                expect(editors.and_(page.get_by_role("textbox", name="Answer:", exact=True))).to_have_count(4)
                page.screenshot(path=screenshots_folder / f"admin-treatment-form-{width}.png", full_page=True)
            violations += [f"[{path}, {width}px] {violation}" for violation in axe(page)]
    assert not violations, "axe-core found:\n" + "\n".join(violations)
