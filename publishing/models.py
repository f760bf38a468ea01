from django.db import models


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """What `user` may open: published records, and drafts too for staff who can view this model."""
        opts = self.model._meta
        if user.is_active and user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            return self
        return self.published()


class Publishable(models.Model):
    """A record patients can read once staff publish it."""

    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="Only published pages are shown to patients. Staff can preview drafts on the site.",
    )
    updated_at = models.DateTimeField("last updated", auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True


class Orderable(models.Model):
    order = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.", db_index=True)

    class Meta:
        abstract = True
