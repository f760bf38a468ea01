from django.core.management.base import BaseCommand

from consultations.models import ConsultationRequest
from consultations.services import notify_staff


class Command(BaseCommand):
    """Retry the staff emails that failed when requests arrived. Safe to run as often as you like (e.g. from cron)."""

    help = "Send the staff notifications that are still pending."

    def handle(self, *args, **options):
        pending = ConsultationRequest.objects.notification_pending().order_by("created_at")
        sent = sum(notify_staff(consultation) for consultation in pending)
        failed = len(pending) - sent
        self.stdout.write(f"Sent {sent} pending notification(s); {failed} still pending.")
