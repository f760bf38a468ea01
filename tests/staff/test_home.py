"""The admin home page by task: sections named as a clinic would, each group's work first, nothing lost silently."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from consultations.models import ConsultationRequest
from practice.models import Clinic
from staff.sites import SECTIONS
from tests.conftest import page_text

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


def signed_in(django_user_model, group=None, **fields):
    user = django_user_model.objects.create_user(
        fields.pop("username", "member"), password=PASSWORD, is_staff=True, **fields
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client, user


def make_request(**fields):
    values = {"full_name": "Ana Lima", "phone": "+13105550123", "consented_at": timezone.now(), **fields}
    return ConsultationRequest.objects.create(**values)


def section_names(client):
    return [app["name"] for app in client.get("/admin/").context["app_list"]]


def test_every_admin_section_is_named_for_the_clinic_in_task_order(admin_client):
    assert section_names(admin_client) == [
        "Front desk",
        "Website pages",
        "Clinic and providers",
        "Reviews and wording",
        "Accounts and security",
    ]


def test_every_registered_model_has_its_place_in_a_section():
    placed = {label for _, names in SECTIONS for label in names}
    registered = {model._meta.label for model in admin.site._registry}
    assert registered - placed == set()


def test_front_desk_sees_only_its_own_section(django_user_model):
    client, _ = signed_in(django_user_model, "Front desk")
    assert section_names(client) == ["Front desk"]


def test_content_editors_never_see_the_security_section_or_the_inbox(django_user_model):
    client, _ = signed_in(django_user_model, "Content editors")
    names = section_names(client)
    assert "Accounts and security" not in names
    assert "Front desk" not in names
    assert names[:2] == ["Website pages", "Clinic and providers"]
    assertNotContains(client.get("/admin/"), "Consultation requests")


def test_the_front_desk_panel_says_how_many_are_new_and_how_long_the_oldest_has_waited(django_user_model):
    client, _ = signed_in(django_user_model, "Front desk")
    make_request(created_at=timezone.now() - timezone.timedelta(hours=3))
    make_request()
    make_request(status="contacted")
    text = page_text(client.get("/admin/"))
    assert "2 new consultation requests waiting to be contacted; the oldest arrived 3 hours ago" in text
    assertContains(
        client.get("/admin/"), '<a href="/admin/consultations/consultationrequest/">Open the inbox</a>', html=True
    )


def test_content_editors_see_what_is_due_for_review_and_the_wording_to_fix(django_user_model):
    client, _ = signed_in(django_user_model, "Content editors")
    text = page_text(client.get("/admin/"))
    assert "due for medical review" in text
    assert re.search(r"Wording to fix on \d+ published pages?|No wording warnings on published pages", text)


def test_a_request_nobody_was_told_about_shows_a_banner_with_the_reason_on_every_page(django_user_model):
    client, _ = signed_in(django_user_model, "Front desk")
    make_request()
    for url in ["/admin/", "/admin/consultations/consultationrequest/"]:
        text = page_text(client.get(url))
        assert "1 new consultation request : nobody has been emailed about it" in text
        assert "because no intake email address is set." in text
        assert "Ask an administrator to add one in the clinic details." in text


def test_the_banner_says_when_mail_is_failing_and_goes_once_the_request_is_notified(django_user_model):
    client, _ = signed_in(django_user_model, "Front desk")
    Clinic.objects.update(intake_emails="frontdesk@example.com")
    request = make_request()
    assert "because the email could not be sent" in page_text(client.get("/admin/"))
    ConsultationRequest.objects.filter(pk=request.pk).update(notified_at=timezone.now())
    assertNotContains(client.get("/admin/"), "nobody has been emailed")


def test_staff_who_cannot_see_requests_get_no_banner(django_user_model):
    client, _ = signed_in(django_user_model, "Content editors")
    make_request()
    assertNotContains(client.get("/admin/"), "nobody has been emailed")


def test_the_first_account_is_asked_for_a_password_of_its_own_first(client):
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("create_first_staff_user", stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain == [("/admin/password_change/", 302)]
    assert "Choose a password of your own now." in page_text(response)
    assert client.get("/admin/").status_code == 200  # asked once a sign-in; the checklist keeps reminding
