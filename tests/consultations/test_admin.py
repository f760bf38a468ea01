import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from consultations.models import ConsultationRequest
from tests.conftest import page_text

pytestmark = pytest.mark.django_db
INBOX = "/admin/consultations/consultationrequest/"


def make_request(name="Ana Lima", **fields):
    values = {"full_name": name, "phone": "+13105550123", "consented_at": timezone.now(), **fields}
    return ConsultationRequest.objects.create(**values)


def client_in_group(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    return client, user


@pytest.fixture
def front_desk(django_user_model):
    return client_in_group(django_user_model, "Front desk", "frontdesk")


def test_front_desk_sees_the_inbox_newest_first(front_desk):
    client, _ = front_desk
    make_request("Older Patient", created_at=timezone.now() - datetime.timedelta(days=1))
    make_request("Newer Patient")
    text = page_text(client.get(INBOX))
    assert text.index("Newer Patient") < text.index("Older Patient")


def test_content_editor_cannot_open_the_inbox(django_user_model):
    client, _ = client_in_group(django_user_model, "Content editors", "editor")
    consultation = make_request()
    assert client.get(INBOX).status_code == 403
    assert client.get(f"{INBOX}{consultation.pk}/change/").status_code == 403
    assert client.get("/admin/treatments/treatment/").status_code == 200


def test_front_desk_cannot_edit_site_content(front_desk):
    client, _ = front_desk
    assert client.get("/admin/treatments/treatment/").status_code == 403


def test_inbox_filters_by_status_treatment_and_date_and_searches_name_phone_email(front_desk):
    client, _ = front_desk
    make_request("Ana Lima", email="ana@example.com")
    make_request("Ben Okafor", phone="+12135550199", status="closed")
    assert "Ben Okafor" not in page_text(client.get(INBOX, {"status__exact": "new"}))
    assert "Ben Okafor" in page_text(client.get(INBOX, {"q": "(213) 555-0199"}))
    assert "Ana Lima" not in page_text(client.get(INBOX, {"q": "(213) 555-0199"}))
    assert "Ana Lima" in page_text(client.get(INBOX, {"q": "ana@example"}))
    assert "Ana Lima" in page_text(client.get(INBOX, {"q": "Lima"}))
    assert client.get(INBOX, {"treatment__id__exact": "1"}).status_code == 200
    assert client.get(INBOX, {"created_at__year": "2026"}).status_code == 200
    assert client.get(INBOX, {"notification": "pending"}).status_code == 200


def test_changing_the_status_records_who_and_when(front_desk):
    client, user = front_desk
    consultation = make_request()
    response = client.post(f"{INBOX}{consultation.pk}/change/", {"status": "scheduled", "staff_notes": "Tue 10am"})
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.status == "scheduled"
    assert consultation.staff_notes == "Tue 10am"
    assert consultation.status_changed_by == user
    assert consultation.status_changed_at is not None
    assert consultation.full_name == "Ana Lima"  # what the patient sent is read-only


def test_bulk_mark_contacted(front_desk):
    client, user = front_desk
    first, second = make_request("A One"), make_request("B Two")
    client.post(INBOX, {"action": "mark_contacted", "_selected_action": [first.pk, second.pk]})
    assert set(ConsultationRequest.objects.values_list("status", "status_changed_by")) == {("contacted", user.pk)}


def test_admin_index_shows_how_many_requests_are_new(front_desk, django_user_model):
    client, _ = front_desk
    make_request()
    make_request()
    make_request(status="closed")
    assert "2 new consultation requests" in page_text(client.get("/admin/"))
    editor, _ = client_in_group(django_user_model, "Content editors", "editor")
    assert "new consultation request" not in page_text(editor.get("/admin/"))


def test_purge_deletes_only_old_closed_and_spam_requests(settings):
    settings.CONSULTATION_RETENTION_DAYS = 365
    old = timezone.now() - datetime.timedelta(days=400)
    recent = timezone.now() - datetime.timedelta(days=10)
    make_request("Old closed", status="closed", status_changed_at=old, created_at=old)
    make_request("Old spam", status="spam", created_at=old)
    keep = [
        make_request("Old but open", status="contacted", created_at=old),
        make_request("Recently closed", status="closed", status_changed_at=recent, created_at=old),
        make_request("New", created_at=old),
    ]
    from io import StringIO

    out = StringIO()
    call_command("purge_consultation_requests", "--dry-run", stdout=out)
    assert "Would delete 2" in out.getvalue()
    assert ConsultationRequest.objects.count() == 5
    call_command("purge_consultation_requests", stdout=out)
    assert "Deleted 2" in out.getvalue()
    assert set(ConsultationRequest.objects.all()) == set(keep)


def test_request_needs_a_phone_or_an_email_in_the_database_too():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        make_request(phone="", email="")


def test_request_name_in_admin_history_carries_no_personal_data():
    assert "Ana" not in str(make_request())


def test_the_inbox_shows_how_to_reach_each_patient_as_links_in_the_national_format(front_desk):
    client, _ = front_desk
    make_request(email="ana@example.com")
    response = client.get(INBOX)
    assertContains(response, "<h1>Consultation requests</h1>", html=True)
    assertContains(response, '<a href="tel:+13105550123">(310) 555-0123</a>', html=True)
    assertContains(response, '<a href="mailto:ana@example.com">ana@example.com</a>', html=True)
    assert "Phone call, any time" in page_text(response)
    assert "Not sure yet" in page_text(response)


def test_the_inbox_shows_when_each_request_arrived_in_clinic_time_and_how_long_ago(front_desk, settings):
    client, _ = front_desk
    arrived = datetime.datetime(2026, 3, 2, 3, 30, tzinfo=datetime.UTC)  # 7:30 p.m. the evening before, in Torrance
    consultation = make_request(created_at=arrived)
    text = page_text(client.get(INBOX))
    assert "Sun 1 Mar, 7:30 p.m." in text
    assert "Received (PST)" in text
    assert str(consultation) == f"Request #{consultation.pk} (2026-03-01)"


def test_one_click_on_the_request_page_marks_it_contacted_and_returns_to_the_filtered_inbox(front_desk):
    client, user = front_desk
    consultation = make_request()
    change_url = f"{INBOX}{consultation.pk}/change/?_changelist_filters=status__exact%3Dnew"
    assertContains(
        client.get(change_url),
        '<input type="submit" name="_mark_contacted" value="Mark as contacted" class="default">',
        html=True,
    )
    response = client.post(change_url, {"status": "new", "staff_notes": "", "_mark_contacted": "Mark as contacted"})
    assert response.status_code == 302
    assert response["Location"] == f"{INBOX}?status__exact=new"
    consultation.refresh_from_db()
    assert (consultation.status, consultation.status_changed_by) == ("contacted", user)
    assertNotContains(client.get(change_url), "Mark as contacted")
