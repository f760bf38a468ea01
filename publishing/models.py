from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone

from translations.shown import TranslatedQuerySet

from .permissions import view_permission


class PublishedQuerySet(TranslatedQuerySet):
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
        signed_in = user.is_active and (not settings.ADMIN_REQUIRE_2FA or user.is_verified())
        if signed_in and user.has_perm(view_permission(self.model)):
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
