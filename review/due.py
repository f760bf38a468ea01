"""Which medical content is due for review, and reminding the reviewers."""

import datetime
import hashlib

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from publishing.permissions import view_permission

from .models import ReviewReminder, reviewable_models

DUE_SOON_DAYS = 30


def review_queue(user=None, today=None):
    """Records never reviewed, overdue, or due within 30 days, oldest first, across all content types."""
    today = today or timezone.localdate()
    queue = []
    for model in reviewable_models():
        if user is not None and not user.has_perm(view_permission(model)):
            continue
        for record in model.objects.select_related("reviewed_by"):
            state = record.review_state(today, DUE_SOON_DAYS)
            if state != "current":
                queue.append((record, state))
    return sorted(queue, key=lambda item: (item[0].next_review_due or datetime.date.min, str(item[0])))


def admin_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def send_reminders(today=None):
    """Email each reviewer their due and overdue pages, at most once a day for the same list. Returns emails sent."""
    today = today or timezone.localdate()
    by_reviewer = {}
    for record, state in review_queue(today=today):
        if record.reviewed_by and record.reviewed_by.email:
            by_reviewer.setdefault(record.reviewed_by, []).append((record, state))
    sent = 0
    for reviewer, items in by_reviewer.items():
        lines = [
            f'- {record._meta.verbose_name.capitalize()} "{record}": {state}, due {record.next_review_due:%d %B %Y}\n'
            f"  {settings.SITE_URL}{admin_url(record)}"
            for record, state in items
        ]
        digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
        _, created = ReviewReminder.objects.get_or_create(reviewer=reviewer, sent_on=today, digest=digest)
        if not created:
            continue
        send_mail(
            subject=f"{len(items)} page(s) due for medical review",
            message="These pages on the clinic's website are due or overdue for your medical review:\n\n"
            + "\n".join(lines)
            + "\n\nWhen you have checked a page, update its review date in the admin.\n",
            from_email=None,
            recipient_list=[reviewer.email],
        )
        sent += 1
    return sent
