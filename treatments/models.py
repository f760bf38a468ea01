from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse

from practice.models import Provider
from publishing.fields import RichTextField
from publishing.models import FirstOnPage, Orderable, Publishable, PublishedQuerySet, SearchEngineFields
from review.models import Reviewable
from translations.shown import TranslatedQuerySet


class Condition(Publishable, Reviewable, SearchEngineFields, Orderable):
    """What patients search for: "chronic back pain", "knee osteoarthritis"."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(unique=True, help_text="The page's web address: /conditions/<slug>/")
    summary = models.TextField(blank=True, help_text="One or two plain sentences, shown in lists and under the title.")
    body = RichTextField()
    picture = models.ForeignKey(
        "images.Picture",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Optional: an illustration or diagram, shown under the summary and when the page is shared. "
        "Upload it with the + button or under Pictures.",
    )
    warning_signs = models.TextField(
        "when to get urgent help",
        blank=True,
        help_text="Signs that need emergency care rather than a consultation, one per line, e.g. "
        "“New numbness in the legs or groin”. Shown first on the page, in a box that says to call 911 or go "
        "to an emergency department. Check them with the page's medical review.",
    )
    sources = GenericRelation("claims.Source")

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("treatments:condition_detail", args=[self.slug])

    @property
    def warning_sign_list(self):
        return [line.strip() for line in self.warning_signs.splitlines() if line.strip()]


class PatientNotice(models.Model):
    """Wording patients must see before they ask for a treatment, e.g. a notice the law requires."""

    title = models.CharField(max_length=120, help_text="Shown as the notice's heading.")
    body = RichTextField(help_text="The notice's exact wording, as your legal or compliance adviser approved it.")
    updated_at = models.DateTimeField("last updated", auto_now=True)

    objects = TranslatedQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title


class TreatmentQuerySet(PublishedQuerySet):
    def featured(self):
        """Published treatments staff chose for the home page, in their set order."""
        return self.published().filter(is_featured=True)


class Treatment(Publishable, Reviewable, SearchEngineFields, Orderable):
    """A procedure the clinic offers, such as stem cell therapy."""

    class RegulatoryStatus(models.TextChoices):
        FDA_APPROVED = "fda-approved", "FDA-approved for this use"
        NOT_FDA_APPROVED = "not-fda-approved", "Not FDA-approved for this use"
        NOT_APPLICABLE = "not-applicable", "Not applicable"

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(unique=True, help_text="The page's web address: /treatments/<slug>/")
    summary = models.TextField(help_text="One or two plain sentences, shown in lists and under the title.")
    body = RichTextField(help_text="What it is, who it helps, how it is done and what to expect.")
    picture = models.ForeignKey(
        "images.Picture",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Optional: an illustration or diagram, shown under the summary and when the page is shared. "
        "Upload it with the + button or under Pictures.",
    )
    conditions = models.ManyToManyField(
        Condition, blank=True, related_name="treatments", help_text="Conditions this treatment is used for."
    )
    providers = models.ManyToManyField(
        Provider, blank=True, related_name="treatments", help_text="Who performs this treatment."
    )
    regulatory_status = models.CharField(
        max_length=20,
        choices=RegulatoryStatus.choices,
        default=RegulatoryStatus.NOT_APPLICABLE,
        help_text="Whether the U.S. Food and Drug Administration has approved this treatment for the uses "
        "described. Shown on the page in plain words.",
    )
    notices = models.ManyToManyField(
        PatientNotice,
        blank=True,
        related_name="treatments",
        help_text="Shown prominently on the page, before the button to request a consultation.",
    )
    sources = GenericRelation("claims.Source")
    is_featured = models.BooleanField(
        "featured", default=False, help_text="Show on the home page (the first six, in their set order)."
    )

    # Its page shows its first 10 questions, so it stays short and quick however many staff add;
    # all of them are on its questions page.
    page_questions = FirstOnPage("questions", 10, select_related=["reviewed_by"])

    objects = TreatmentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("treatments:treatment_detail", args=[self.slug])
