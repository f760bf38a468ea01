"""The launch checklist on the admin home page: what is still to do before going live, each with where to do it."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.asserts import assertContains

from claims.checker import flagged_published_records
from launch.checklist import open_items
from practice.models import Clinic, OpeningHours
from review.models import reviewable_models
from tests.browser.checks import fill_in_clinic_details
from treatments.models import Treatment

pytestmark = pytest.mark.django_db
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def everything_done(settings):
    settings.EMAIL_BACKEND = SMTP
    clinic = fill_in_clinic_details()
    clinic.intake_emails = "frontdesk@example.com"
    clinic.save()
    for model in reviewable_models():
        model.objects.update(last_reviewed=datetime.date.today())
    for record in flagged_published_records():  # the launch content's own warnings: out of sight until reworded
        type(record).objects.filter(pk=record.pk).update(is_published=False)
    for user in get_user_model().objects.filter(is_staff=True):
        TOTPDevice.objects.create(user=user, confirmed=True, name="phone")


def test_a_new_install_lists_every_launch_task():
    call_command("create_first_staff_user", stdout=StringIO())
    titles = [item.title for item in open_items()]
    assert titles[:5] == [
        "Add the clinic's phone number",
        "Add the clinic's street address",
        "Add the clinic's opening hours",
        "Add the intake email addresses",
        "Set up outgoing email",
    ]
    assert any(title.endswith("never medically reviewed") for title in titles)
    assert "1 staff account without sign-in codes" in titles
    assert titles[-1] == "Replace the one-time password of 'admin'"


def test_with_everything_done_the_checklist_is_gone(admin_client, settings):
    everything_done(settings)
    assert open_items() == []
    assert 'class="module launch-checklist"' not in admin_client.get("/admin/").content.decode()


def test_the_console_email_backend_is_called_out_as_telling_nobody(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    item = next(item for item in open_items() if item.title == "Set up outgoing email")
    assert "printed in the server's log, not sent, so nobody is told of new requests" in item.explanation
    settings.EMAIL_BACKEND = SMTP
    assert "Set up outgoing email" not in [item.title for item in open_items()]


def test_each_clinic_item_links_to_the_clinic_details_and_goes_once_filled_in(admin_client, settings):
    clinic_url = f"/admin/practice/clinic/{Clinic.objects.get().pk}/change/"
    assertContains(
        admin_client.get("/admin/"),
        f'<strong><a href="{clinic_url}">Add the clinic\'s phone number</a></strong>',
        html=True,
    )
    items = dict((item.title, item.url) for item in open_items())
    assert items["Add the clinic's phone number"] == clinic_url
    assert items["Add the intake email addresses"] == clinic_url
    Clinic.objects.update(phone="(310) 555-0100")
    OpeningHours.objects.create(clinic=Clinic.objects.get(), weekday=0, opens="09:00", closes="17:00")
    titles = [item.title for item in open_items()]
    assert "Add the clinic's phone number" not in titles
    assert "Add the clinic's opening hours" not in titles
    assert "Add the clinic's street address" in titles


def test_published_pages_with_unacknowledged_wording_are_listed_with_links(make_treatment):
    treatment = make_treatment("Knee injections", summary="This treatment cures knee pain.")

    def flagged():
        item = next(item for item in open_items() if item.title.startswith("Wording warnings"))
        return item.records

    assert ("Treatment: Knee injections", f"/admin/treatments/treatment/{treatment.pk}/change/") in flagged()
    Treatment.objects.filter(pk=treatment.pk).update(is_published=False)
    assert "Treatment: Knee injections" not in dict(flagged())


def test_the_one_time_password_item_goes_once_the_owner_changes_it():
    call_command("create_first_staff_user", stdout=StringIO())
    assert "Replace the one-time password of 'admin'" in [item.title for item in open_items()]
    user = get_user_model().objects.get(username="admin")
    user.set_password("a-password-of-my-own-42")
    user.save()
    assert "Replace the one-time password of 'admin'" not in [item.title for item in open_items()]


def test_only_administrators_see_the_checklist(django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x-long-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    client = Client()
    client.force_login(editor)
    assert "Before the site goes live" not in client.get("/admin/").content.decode()


def test_check_deploy_warns_about_email_and_intake_addresses(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    out = StringIO()
    call_command("check", "--deploy", stdout=out, stderr=out, fail_level="CRITICAL")
    assert "consultations.W001" in out.getvalue()
    assert "consultations.W002" in out.getvalue()
    settings.EMAIL_BACKEND = SMTP
    Clinic.objects.update(intake_emails="frontdesk@example.com")
    out = StringIO()
    call_command("check", "--deploy", stdout=out, stderr=out, fail_level="CRITICAL")
    assert "consultations.W00" not in out.getvalue()
