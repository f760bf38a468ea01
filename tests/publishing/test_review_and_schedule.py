import datetime
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from publishing.models import PreviewLink, add_months
from publishing.review import review_queue
from tests.conftest import page_text

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def reviewer(make_provider):
    return make_provider("Jane Roe", honorific="Dr.", credentials="MD", email="jane@example.com")


def test_next_review_date_is_derived_from_the_last_review_and_interval(make_treatment, reviewer):
    treatment = make_treatment(
        "Nerve block", reviewed_by=reviewer, last_reviewed=datetime.date(2026, 11, 12), review_interval_months=12
    )
    assert treatment.next_review_due == datetime.date(2027, 11, 12)
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)


def test_pages_say_who_reviewed_them_and_when_the_next_review_is_due(
    client, make_treatment, make_condition, make_question, reviewer
):
    reviewed = {"reviewed_by": reviewer, "last_reviewed": datetime.date(2026, 11, 12)}
    treatment = make_treatment("Nerve block", **reviewed)
    condition = make_condition("Sciatica", **reviewed)
    make_question("Does it hurt?", treatment=treatment, **reviewed)
    expected = "Medically reviewed by Dr. Jane Roe, MD on 12 November 2026. Next review due November 2027."
    assert expected in page_text(client.get(treatment.get_absolute_url()))
    assert expected in page_text(client.get(condition.get_absolute_url()))
    assert "Medically reviewed by Dr. Jane Roe, MD on 12 November 2026." in page_text(client.get("/faq/"))


def test_review_queue_lists_overdue_due_soon_and_never_reviewed_oldest_first(make_treatment, make_question, reviewer):
    make_treatment("Current", reviewed_by=reviewer, last_reviewed=TODAY)
    make_treatment("Overdue", reviewed_by=reviewer, last_reviewed=TODAY - datetime.timedelta(days=400))
    make_question(
        "Due soon?", reviewed_by=reviewer, last_reviewed=add_months(TODAY, -12) + datetime.timedelta(days=10)
    )
    queue = [(str(record), state) for record, state in review_queue()]
    assert ("Current", "current") not in queue
    assert queue.index(("Overdue", "overdue")) < queue.index(("Due soon?", "due soon"))
    assert ("Stem cell therapy", "never") in queue  # the launch content is not reviewed yet
    assert queue[0][1] == "never"


def test_admin_index_links_to_the_due_for_review_page_with_a_count(admin_client, make_treatment, reviewer):
    make_treatment("Overdue", reviewed_by=reviewer, last_reviewed=TODAY - datetime.timedelta(days=400))
    index = page_text(admin_client.get("/admin/"))
    count = len(review_queue())
    assert f"{count} pages due for medical review" in index
    page = admin_client.get("/admin/review-due/")
    assert page.status_code == 200
    text = page_text(page)
    assert "Overdue" in text and "Dr. Jane Roe, MD" in text and "Never reviewed" in text


def test_due_for_review_page_is_for_staff_only(client):
    response = client.get("/admin/review-due/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_reminders_email_each_reviewer_their_due_pages_once_a_day(make_treatment, reviewer, make_provider):
    other = make_provider("Sam Lee", email="sam@example.com")
    make_treatment("Overdue", reviewed_by=reviewer, last_reviewed=TODAY - datetime.timedelta(days=400))
    make_treatment("Also overdue", reviewed_by=reviewer, last_reviewed=TODAY - datetime.timedelta(days=380))
    make_treatment("Sam's current", reviewed_by=other, last_reviewed=TODAY)
    call_command("send_review_reminders")
    call_command("send_review_reminders")  # same day, same state: not emailed again
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["jane@example.com"]
    assert "Overdue" in email.body and "Also overdue" in email.body and "/admin/treatments/treatment/" in email.body


def test_a_new_due_page_sends_a_new_reminder_the_same_day(make_treatment, reviewer):
    make_treatment("Overdue", reviewed_by=reviewer, last_reviewed=TODAY - datetime.timedelta(days=400))
    call_command("send_review_reminders")
    make_treatment("Newly overdue", reviewed_by=reviewer, last_reviewed=TODAY - datetime.timedelta(days=500))
    call_command("send_review_reminders")
    assert len(mail.outbox) == 2


def test_scheduled_record_appears_and_disappears_on_time_without_a_save(client, make_treatment, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the rule itself; the cached case is the next test
    now = timezone.now()
    later = make_treatment("Later", publish_at=now + datetime.timedelta(hours=1))
    ending = make_treatment("Ending", unpublish_at=now + datetime.timedelta(hours=1))
    assert client.get(later.get_absolute_url()).status_code == 404
    assert "Later" not in page_text(client.get("/treatments/"))
    assert client.get(ending.get_absolute_url()).status_code == 200

    with time_machine(now + datetime.timedelta(hours=2)):
        assert client.get(later.get_absolute_url()).status_code == 200
        assert "Later" in page_text(client.get("/treatments/"))
        assert client.get(ending.get_absolute_url()).status_code == 404


def test_the_page_cache_does_not_hold_back_a_scheduled_record(make_treatment):
    """A cached list page expires when a scheduled record is due to appear, though nobody saves anything."""
    soon = make_treatment("Soon", publish_at=timezone.now() + datetime.timedelta(seconds=2))
    assert "Soon" not in page_text(Client().get("/treatments/"))
    assert "Soon" not in page_text(Client().get("/treatments/"))  # served from the cache
    time.sleep((soon.publish_at - timezone.now()).total_seconds() + 0.1)
    assert "Soon" in page_text(Client().get("/treatments/"))


def test_staff_see_when_a_scheduled_draft_will_appear(staff_client, make_treatment):
    later = make_treatment("Later", publish_at=timezone.now() + datetime.timedelta(days=3))
    assert "It is scheduled to appear on" in page_text(staff_client.get(later.get_absolute_url()))


def time_machine(moment):
    from unittest import mock

    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_review_link_shows_a_draft_without_sign_in_and_is_never_indexed(admin_client, make_treatment):
    draft = make_treatment("Secret draft", is_published=False, body="<p>Draft body.</p>")
    admin_client.post(
        "/admin/treatments/treatment/", {"action": "create_review_links", "_selected_action": [draft.pk]}
    )
    link = PreviewLink.objects.get()
    response = Client().get(link.get_absolute_url())
    assert response.status_code == 200
    assert "Draft body." in page_text(response)
    assert "Draft - not visible to patients." in page_text(response)
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_review_link_stops_working_when_revoked_or_expired(admin_client, admin_user, make_question):
    draft = make_question("Draft question?", is_published=False)
    link = PreviewLink.objects.create(
        record=draft, created_by=admin_user, expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    assert Client().get(link.get_absolute_url()).status_code == 200
    admin_client.post("/admin/publishing/previewlink/", {"action": "revoke", "_selected_action": [link.pk]})
    assert Client().get(link.get_absolute_url()).status_code == 404

    expired = PreviewLink.objects.create(
        record=draft, created_by=admin_user, expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert Client().get(expired.get_absolute_url()).status_code == 404


def test_forged_review_link_is_404(client):
    assert client.get("/preview/1/").status_code == 404
    assert client.get("/preview/MQ:1xW3aa:forged/").status_code == 404
