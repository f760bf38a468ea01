"""The front desk's day: sign in with a code, find the new request, call it from the inbox, mark it contacted."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from consultations.models import ConsultationRequest

from .checks import HORIZONTAL_OVERFLOW
from .test_admin_journeys import code_for

PASSWORD = "a-long-front-desk-password"
TABLET = {"viewport": {"width": 1024, "height": 768}}


@pytest.fixture
def front_desk_user(site_url, django_user_model, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ADMIN_REQUIRE_2FA = True
    user = django_user_model.objects.create_user("frontdesk", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Front desk"))
    return user


def sign_in_with_code(page):
    page.goto("/admin/")
    page.get_by_label("Username").fill("frontdesk")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("6-digit code").fill(code_for(page.locator("code").inner_text()))
    page.get_by_role("button", name="Confirm and sign in").click()
    page.get_by_role("link", name="I have kept my codes: continue").click()
    expect(page.get_by_role("heading", name="Home")).to_be_visible()


def make_request(**fields):
    values = {
        "full_name": "Maria Hernandez-Villanueva",
        "phone": "+13105550142",
        "email": "maria.hernandez-villanueva@example.com",
        "preferred_contact": "phone",
        "best_time": "morning",
        "consented_at": timezone.now(),
        **fields,
    }
    return ConsultationRequest.objects.create(**values)


def test_front_desk_finds_a_new_request_calls_it_and_marks_it_contacted(
    new_context, front_desk_user, screenshots_folder
):
    older = make_request(full_name="Ana Lima", created_at=timezone.now() - timezone.timedelta(hours=26))
    older.set_status("contacted", by=front_desk_user)
    older.save()
    request = make_request(created_at=timezone.now() - timezone.timedelta(minutes=40))
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in_with_code(page)
    expect(page.locator(".task-panel")).to_contain_text("1 new consultation request waiting to be contacted")
    expect(page.locator(".pending-notifications")).to_contain_text("because no intake email address is set")
    page.screenshot(path=screenshots_folder / "admin-front-desk-home.png", full_page=True)

    page.get_by_role("link", name="Open the inbox").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultation requests")
    row = page.locator("#result_list tbody tr", has_text="Maria Hernandez-Villanueva")
    call = row.get_by_role("link", name="(310) 555-0142")
    assert call.get_attribute("href") == "tel:+13105550142"
    assert row.get_by_role("link", name=request.email).get_attribute("href") == f"mailto:{request.email}"
    expect(row).to_contain_text("40 minutes ago")
    expect(row).to_contain_text("Phone call, morning")
    expect(row).to_contain_text("New")
    local = timezone.localtime(request.created_at)
    assert row.locator("time").get_attribute("datetime") == local.isoformat()
    for width in (1280, 1024):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0, f"the inbox scrolls sideways at {width}px"
        for column in ["Received", "Name", "How to reach them", "Prefers", "Treatment", "Status"]:
            header = page.locator("#result_list thead th", has_text=column).first
            box = header.bounding_box()
            assert box and box["x"] + box["width"] <= width, f"{column} is off the edge at {width}px"
        page.screenshot(path=screenshots_folder / f"admin-inbox-{width}.png", full_page=True)

    row.get_by_role("link", name="Maria Hernandez-Villanueva").click()
    page.screenshot(path=screenshots_folder / "admin-request.png", full_page=True)
    page.get_by_role("button", name="Mark as contacted").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultation requests")
    request.refresh_from_db()
    assert request.status == "contacted"
    assert request.status_changed_by == front_desk_user
