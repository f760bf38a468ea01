from django.contrib.flatpages.models import FlatPage
from django.db import models


class PageDates(models.Model):
    """When a simple page last changed: flatpages keep no date of their own, and the sitemap gives one."""

    page = models.OneToOneField(FlatPage, on_delete=models.CASCADE, primary_key=True, related_name="dates")
    updated_at = models.DateTimeField("last updated", auto_now=True)

    class Meta:
        verbose_name = "page dates"
        verbose_name_plural = "page dates"

    def __str__(self):
        return f"{self.page} (updated {self.updated_at:%Y-%m-%d})"
