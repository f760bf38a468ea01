from django.conf import settings
from django.core.management.base import BaseCommand

from consultations.models import ConsultationRequest


class Command(BaseCommand):
    """Delete closed and spam requests once the retention period has passed (CONSULTATION_RETENTION_DAYS)."""

    help = "Delete closed and spam consultation requests older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run, **options):
        days = settings.CONSULTATION_RETENTION_DAYS
        expired = ConsultationRequest.objects.past_retention(days)
        if dry_run:
            self.stdout.write(f"Would delete {expired.count()} closed or spam request(s) older than {days} days.")
            return
        deleted, _ = expired.delete()
        self.stdout.write(f"Deleted {deleted} closed or spam request(s) older than {days} days.")
