import calendar
import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone


class PublishedQuerySet(models.QuerySet):
    def published(self):
        """Published by staff, and inside its publish/unpublish dates if it has them."""
        now = timezone.now()
        return self.filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=now),
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now),
            is_published=True,
        )

    def visible_to(self, user):
        """What `user` may open: published records, and drafts too for staff who can view this model.

        Drafts need the same sign-in as the admin: with ADMIN_REQUIRE_2FA, the password alone is not enough.
        """
        opts = self.model._meta
        signed_in = user.is_active and (not settings.ADMIN_REQUIRE_2FA or user.is_verified())
        if signed_in and user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            return self
        return self.published()


class FirstOnPage:
    """The first `count` published records a relation holds, for the record's own page, and whether there are more.

    `Treatment.page_questions = FirstOnPage("questions", 10)`: `treatment.page_questions` is a list
    with a `more` flag. The page's view prefetches it with `Treatment.page_questions.prefetch()`
    (one query, however many there are); anywhere else, such as a review link's preview, the same
    lookup runs on first use.
    """

    def __init__(self, relation, count, select_related=()):
        self.relation, self.count, self.select_related = relation, count, select_related

    def __set_name__(self, owner, name):
        self.owner, self.to_attr = owner, f"_{name}"

    def prefetch(self):
        related = self.owner._meta.get_field(self.relation).related_model
        records = related.objects.published().select_related(*self.select_related)[: self.count + 1]
        return Prefetch(self.relation, queryset=records, to_attr=self.to_attr)

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.to_attr not in instance.__dict__:
            prefetch_related_objects([instance], self.prefetch())
        records = instance.__dict__[self.to_attr]
        first = FirstRecords(records[: self.count])
        first.more = len(records) > self.count
        return first


class FirstRecords(list):
    more = False


class Publishable(models.Model):
    """A record patients can read once staff publish it, optionally between two dates."""

    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="Only published pages are shown to patients. Staff can preview drafts on the site.",
    )
    publish_at = models.DateTimeField(
        "publish from",
        null=True,
        blank=True,
        help_text="Optional: keep it hidden until this date and time, then show it automatically.",
    )
    unpublish_at = models.DateTimeField(
        "unpublish at",
        null=True,
        blank=True,
        help_text="Optional: hide it automatically from this date and time.",
    )
    updated_at = models.DateTimeField("last updated", auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_live(self):
        """Whether patients can see it right now."""
        now = timezone.now()
        return (
            self.is_published
            and (self.publish_at is None or self.publish_at <= now)
            and (self.unpublish_at is None or self.unpublish_at > now)
        )


class Orderable(models.Model):
    order = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.", db_index=True)

    class Meta:
        abstract = True


class SearchEngineFields(models.Model):
    """What search engines show for a page, when it should differ from the page's own name and summary."""

    seo_title = models.CharField(
        "title in search results",
        max_length=70,
        blank=True,
        help_text="Optional. Leave empty to use the name. The clinic's name is added after it.",
    )
    meta_description = models.CharField(
        "description in search results",
        max_length=160,
        blank=True,
        help_text="Optional: one or two plain sentences, under 160 characters. Leave empty to use the summary.",
    )

    class Meta:
        abstract = True


def publishable_models():
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


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


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """A secret, expiring link that lets a reviewer without a staff account read a draft."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "review link"

    def __str__(self):
        return f"Review link for {self.record} (until {timezone.localtime(self.expires_at):%d %b %Y})"

    def get_absolute_url(self):
        return reverse("publishing:preview", args=[signing.dumps(self.pk, salt=PREVIEW_SALT)])

    @classmethod
    def from_token(cls, token):
        """The active link a token names, or None if it is forged, expired or revoked."""
        try:
            pk = signing.loads(token, salt=PREVIEW_SALT)
        except signing.BadSignature:
            return None
        return cls.objects.active().filter(pk=pk).first()


PREVIEW_SALT = "publishing.preview-link"


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
