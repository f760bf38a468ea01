from django.core.management.base import BaseCommand

from review.due import send_reminders


class Command(BaseCommand):
    """Email each reviewer the pages due or overdue for their review. Safe to run daily from cron."""

    help = "Email reviewers the pages due for medical review (once a day at most for the same list)."

    def handle(self, *args, **options):
        self.stdout.write(f"Sent {send_reminders()} review reminder(s).")
