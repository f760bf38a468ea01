import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from review.due import review_queue
from review.models import add_months
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
