from django.db import models
from django.urls import reverse

from practice.models import Provider
from publishing.fields import RichTextField
from publishing.models import Orderable, Publishable


class Condition(Publishable, Orderable):
    """What patients search for: "chronic back pain", "knee osteoarthritis"."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(unique=True, help_text="The page's web address: /conditions/<slug>/")
    summary = models.TextField(blank=True, help_text="One or two plain sentences, shown in lists and under the title.")
    body = RichTextField()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("treatments:condition_detail", args=[self.slug])


class Treatment(Publishable, Orderable):
    """A procedure the clinic offers, such as stem cell therapy."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(unique=True, help_text="The page's web address: /treatments/<slug>/")
    summary = models.TextField(help_text="One or two plain sentences, shown in lists and under the title.")
    body = RichTextField(help_text="What it is, who it helps, how it is done and what to expect.")
    conditions = models.ManyToManyField(
        Condition, blank=True, related_name="treatments", help_text="Conditions this treatment is used for."
    )
    providers = models.ManyToManyField(
        Provider, blank=True, related_name="treatments", help_text="Who performs this treatment."
    )
    is_featured = models.BooleanField("featured", default=False, help_text="Show on the home page.")
    reviewed_by = models.ForeignKey(
        Provider,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_treatments",
        help_text="The clinician who checked this page's medical content.",
    )
    last_reviewed = models.DateField(null=True, blank=True, help_text="When they last checked it.")

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("treatments:treatment_detail", args=[self.slug])
