from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from publishing.fields import RichTextField
from publishing.models import Orderable, Publishable
from translations.shown import TranslatedQuerySet

MAX_DOCUMENT_MEGABYTES = 10


class VisitGuide(models.Model):
    """What a patient needs to know before the first visit: one record, shown on /plan-your-visit/."""

    parking = models.TextField(blank=True, help_text="Where to park, what it costs, and any validation.")
    public_transport = models.TextField(blank=True, help_text="Bus or train lines and the nearest stop.")
    step_free_entrance = models.BooleanField("step-free entrance", default=False)
    lift = models.BooleanField("lift (elevator) to the clinic", default=False)
    accessible_restroom = models.BooleanField(default=False)
    access_notes = models.TextField(
        "more about access", blank=True, help_text="For example which door to use, or wheelchairs to borrow."
    )
    what_to_bring = RichTextField(help_text="For example photo ID, insurance card, medication list, imaging.")
    insurance = RichTextField("insurance", help_text="Which plans the clinic accepts, and what to check first.")
    self_pay = RichTextField("paying yourself", help_text="Prices or how to ask for them, and ways to pay.")
    patient_portal_url = models.URLField(
        "patient portal address",
        blank=True,
        help_text="Optional: shown as a link. Nothing from it loads on our pages.",
    )
    video_visits_url = models.URLField("video visits address", blank=True, help_text="Optional: shown as a link.")
    updated_at = models.DateTimeField("last updated", auto_now=True)

    objects = TranslatedQuerySet.as_manager()

    class Meta:
        verbose_name = "visit information"
        verbose_name_plural = "plan your visit"

    def __str__(self):
        return "Plan your visit"

    def get_absolute_url(self):
        return reverse("visits:plan")

    @property
    def access_features(self):
        features = [
            (self.step_free_entrance, _("Step-free entrance")),
            (self.lift, _("Lift (elevator) to the clinic")),
            (self.accessible_restroom, _("Accessible restroom")),
        ]
        return [label for present, label in features if present]


def validate_pdf(file):
    """A real PDF of sensible size: checked from the file's first bytes, not its name."""
    if file.size > MAX_DOCUMENT_MEGABYTES * 1024 * 1024:
        raise ValidationError(f"This file is larger than {MAX_DOCUMENT_MEGABYTES} MB. Please upload a smaller PDF.")
    file.seek(0)
    start = file.read(5)
    file.seek(0)
    if start != b"%PDF-":
        raise ValidationError("This file is not a PDF. Please save the document as PDF and upload that.")


class PatientDocument(Publishable, Orderable):
    """A form or leaflet patients can download before their visit (PDF)."""

    title = models.CharField(max_length=120, help_text='For example "New patient health questionnaire".')
    description = models.CharField(max_length=200, blank=True, help_text="Optional: one sentence on what it is for.")
    file = models.FileField(
        "PDF file",
        upload_to="documents/",
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=f"A PDF file, up to {MAX_DOCUMENT_MEGABYTES} MB.",
    )
    size = models.PositiveIntegerField(editable=False, default=0)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = "patient document"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("visits:document", args=[self.pk, slugify(self.title) or "document"])
