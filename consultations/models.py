import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from treatments.models import Treatment


class ConsultationRequestQuerySet(models.QuerySet):
    def notification_pending(self):
        return self.filter(notified_at__isnull=True)

    def past_retention(self, days, now=None):
        """Closed and spam requests whose last status change (or arrival) is more than `days` ago."""
        cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
        finished = self.filter(status__in=[ConsultationRequest.Status.CLOSED, ConsultationRequest.Status.SPAM])
        return finished.filter(
            Q(status_changed_at__lt=cutoff) | Q(status_changed_at__isnull=True, created_at__lt=cutoff)
        )


class ConsultationRequest(models.Model):
    """A patient's request to be contacted about a consultation. Holds personal data: keep it to the minimum."""

    class ContactMethod(models.TextChoices):
        PHONE = "phone", _("Phone call")
        EMAIL = "email", _("Email")

    class BestTime(models.TextChoices):
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")
        ANY = "any", _("Any time")

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        SCHEDULED = "scheduled", "Scheduled"
        CLOSED = "closed", "Closed"
        SPAM = "spam", "Spam"

    full_name = models.CharField(max_length=120)
    phone = models.CharField(max_length=20, blank=True, help_text="Stored as +1XXXXXXXXXX.")
    email = models.EmailField(blank=True)
    preferred_contact = models.CharField(
        "preferred contact method", max_length=10, choices=ContactMethod.choices, default=ContactMethod.PHONE
    )
    best_time = models.CharField("best time to reach", max_length=10, choices=BestTime.choices, default=BestTime.ANY)
    call_language = models.CharField(
        "language to talk in",
        max_length=16,
        blank=True,
        help_text="One of the site's languages, if the patient chose one.",
    )
    treatment = models.ForeignKey(
        Treatment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty when the patient was not sure yet.",
    )
    message = models.TextField(max_length=1000, blank=True)
    language = models.CharField(
        "language of the form",
        max_length=16,
        default=settings.LANGUAGE_CODE,
        editable=False,
        help_text="The language the patient read the form in: they may prefer to be called in it.",
    )
    consented_at = models.DateTimeField("consent given at")
    created_at = models.DateTimeField("received", default=timezone.now, db_index=True)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    status_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    staff_notes = models.TextField(blank=True, help_text="Only staff see these notes.")
    notified_at = models.DateTimeField(
        "staff notified at", null=True, blank=True, editable=False, help_text="Empty while the email is pending."
    )

    # What the patient fills in, in the form's order: the form, the admin and the write path all read this list.
    PATIENT_FIELDS = (
        "full_name",
        "phone",
        "email",
        "preferred_contact",
        "best_time",
        "call_language",
        "treatment",
        "message",
    )

    objects = ConsultationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(phone="", email=""), name="consultation_request_has_phone_or_email"),
        ]

    def __str__(self):
        return f"Request #{self.pk} ({timezone.localtime(self.created_at):%Y-%m-%d})"

    @property
    def phone_national(self):
        """+13105550142 as people in the US write it: (310) 555-0142."""
        digits = self.phone.removeprefix("+1")
        if len(digits) != 10 or not digits.isdigit():
            return self.phone
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"

    def get_admin_url(self):
        return reverse("admin:consultations_consultationrequest_change", args=[self.pk])

    def set_status(self, status, *, by):
        self.status = status
        self.status_changed_at = timezone.now()
        self.status_changed_by = by
