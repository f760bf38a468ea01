import calendar
import datetime

from django.apps import apps
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


class Reviewable(models.Model):
    """Medical content: who checked it, when, and when it must be checked again."""

    reviewed_by = models.ForeignKey(
        "practice.Provider",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="medically reviewed by",
        help_text="The clinician who checked this content. Shown on the page.",
    )
    last_reviewed = models.DateField(null=True, blank=True, help_text="When they last checked it.")
    review_interval_months = models.PositiveSmallIntegerField(
        "review every (months)",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="How often this content must be checked again.",
    )

    class Meta:
        abstract = True

    @property
    def next_review_due(self):
        if self.last_reviewed is None:
            return None
        return add_months(self.last_reviewed, self.review_interval_months)

    def review_state(self, today=None, soon_days=30):
        """'never', 'overdue', 'due soon' or 'current'."""
        today = today or timezone.localdate()
        if self.next_review_due is None:
            return "never"
        if self.next_review_due < today:
            return "overdue"
        if self.next_review_due <= today + datetime.timedelta(days=soon_days):
            return "due soon"
        return "current"


def reviewable_models():
    return [model for model in apps.get_models() if issubclass(model, Reviewable)]


class ReviewReminder(models.Model):
    """That a reviewer was emailed about a given set of due pages on a given day, so they are not emailed twice."""

    reviewer = models.ForeignKey("practice.Provider", on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    digest = models.CharField(max_length=64, help_text="Fingerprint of the pages and their review state.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reviewer", "sent_on", "digest"], name="one_reminder_per_state_per_day")
        ]

    def __str__(self):
        return f"Reminder to {self.reviewer} on {self.sent_on}"
