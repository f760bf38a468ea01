import logging

import pytest
from django.core import mail
from django.core.management import call_command

from consultations.models import ConsultationRequest

pytestmark = pytest.mark.django_db
URL = "/request-consultation/"
PERSONAL = ("José", "García", "555-0123", "5550123", "jose@example.com", "Knee pain")


class BrokenEmailBackend:
    """An email backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server unreachable")


def test_staff_are_emailed_a_link_and_no_personal_data(client, valid_data, intake):
    client.post(URL, valid_data)
    consultation = ConsultationRequest.objects.get()
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["frontdesk@example.com", "manager@example.com"]
    assert f"/admin/consultations/consultationrequest/{consultation.pk}/change/" in email.body
    everything = email.subject + email.body
    for value in PERSONAL + ("Stem cell", "morning"):
        assert value not in everything
    assert consultation.notified_at is not None


def test_failed_email_keeps_the_request_and_marks_it_pending_then_retry_sends_it(client, valid_data, intake, settings):
    settings.EMAIL_BACKEND = "tests.consultations.test_notifications.BrokenEmailBackend"
    response = client.post(URL, valid_data)
    assert response.status_code == 302  # the patient is not told about our email trouble
    consultation = ConsultationRequest.objects.get()
    assert consultation.notified_at is None
    assert list(ConsultationRequest.objects.notification_pending()) == [consultation]

    call_command("send_pending_notifications", stdout=None)
    assert ConsultationRequest.objects.notification_pending().count() == 1  # still broken: still pending

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_notifications")
    call_command("send_pending_notifications")  # safe to run again: nothing sent twice
    assert len(mail.outbox) == 1
    assert ConsultationRequest.objects.notification_pending().count() == 0


def test_without_intake_addresses_the_request_is_saved_and_stays_pending(client, valid_data):
    client.post(URL, valid_data)
    assert ConsultationRequest.objects.notification_pending().count() == 1
    assert mail.outbox == []


def test_no_personal_data_is_logged_on_submit_notify_retry_and_admin(
    client, admin_client, valid_data, intake, settings, caplog
):
    caplog.set_level(logging.DEBUG)
    settings.EMAIL_BACKEND = "tests.consultations.test_notifications.BrokenEmailBackend"
    client.post(URL, valid_data)
    client.post(URL, valid_data | {"email": "broken"})  # an invalid one too
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_notifications")
    consultation = ConsultationRequest.objects.get()
    admin_client.get("/admin/consultations/consultationrequest/", {"q": "García"})
    admin_client.get(f"/admin/consultations/consultationrequest/{consultation.pk}/change/")
    assert caplog.records, "the path logs something, so this test can see a leak"
    logged = "\n".join(record.getMessage() + str(record.exc_info or "") for record in caplog.records)
    for value in PERSONAL:
        assert value not in logged
