from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.text import capfirst

from .rules import rule_for


class RecordQuerySet(models.QuerySet):
    def for_record(self, record):
        return self.filter(content_type=ContentType.objects.get_for_model(record), object_id=record.pk)


class Source(models.Model):
    """A published source behind what a page says, listed as a numbered "Sources" list on the page."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")

    title = models.CharField(max_length=300)
    publisher = models.CharField("publisher or journal", max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    url = models.URLField("web address", max_length=500, blank=True)
    doi = models.CharField("DOI", max_length=200, blank=True, help_text="For example 10.1056/NEJMoa2034577")
    pmid = models.CharField("PubMed ID", max_length=20, blank=True)
    date_checked = models.DateField(null=True, blank=True, help_text="When someone last checked it still says this.")
    order = models.PositiveIntegerField(default=0)

    objects = RecordQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.title} ({self.publisher}, {self.year})" if self.publisher and self.year else self.title

    @property
    def link(self):
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return self.url


def lists_sources(model):
    """Whether `model`'s records have sources of their own (a `sources = GenericRelation("claims.Source")`)."""
    return any(
        isinstance(field, GenericRelation) and field.related_model is Source for field in model._meta.private_fields
    )


def no_sources_note(model):
    """What staff are told where flagged wording cannot be kept, because the record has no sources to cite."""
    return (
        f"{capfirst(model._meta.verbose_name_plural)} have no sources of their own, so flagged wording here cannot "
        "be kept: change it before publishing."
    )


class ClaimAcknowledgement(models.Model):
    """A staff member's recorded decision to publish a flagged phrase, with the reason and the source behind it."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")

    rule = models.CharField(max_length=30, help_text="The code of the rule in claims/rules.py.")
    phrase = models.CharField(max_length=300)
    reason = models.TextField()
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="acknowledgements")
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    acknowledged_at = models.DateTimeField(auto_now_add=True)

    objects = RecordQuerySet.as_manager()

    class Meta:
        ordering = ["-acknowledged_at"]
        verbose_name = "kept wording"
        verbose_name_plural = "wording kept, with its source"
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f'"{self.phrase}" ({self.category})'

    @property
    def category(self):
        rule = rule_for(self.rule)
        return rule.category if rule else self.rule

    @property
    def key(self):
        return (self.rule, self.phrase.lower())
