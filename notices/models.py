from django.db import models
from django.urls import reverse

from publishing.fields import RichTextField
from publishing.models import Orderable, Publishable
from review.models import Reviewable


class NoticeKind(models.TextChoices):
    """Notices clinics like this one commonly need, named only: the wording is the clinic's and its advisers'."""

    NONDISCRIMINATION = "nondiscrimination", "Nondiscrimination notice (Section 1557)"
    LANGUAGE_HELP = "language-help", "Free language help (Section 1557)"
    OPEN_PAYMENTS = "open-payments", "Open Payments database notice (California AB 1278)"
    GOOD_FAITH_ESTIMATE = "good-faith-estimate", "Good Faith Estimate for self-pay patients (No Surprises Act)"
    PRIVACY_PRACTICES = "privacy-practices", "Notice of Privacy Practices (HIPAA)"
    OTHER = "other", "Other notice"


class Placement(models.TextChoices):
    FOOTER = "footer", "At the foot of every page"
    FORM = "form", "On the consultation request form"
    TREATMENTS = "treatments", "On every treatment page"
    OWN_PAGE = "page", "On its own page, linked from the foot of every page"


class NoticeBoard:
    """The published notices, sorted by where they appear: one query for every page."""

    def __init__(self, notices):
        self.notices = list(notices)

    def placed(self, placement):
        return [notice for notice in self.notices if notice.placement == placement]

    @property
    def footer(self):
        return self.placed(Placement.FOOTER)

    @property
    def form(self):
        return self.placed(Placement.FORM)

    @property
    def treatments(self):
        return self.placed(Placement.TREATMENTS)

    @property
    def pages(self):
        return self.placed(Placement.OWN_PAGE)


class SiteNotice(Publishable, Reviewable, Orderable):
    """Wording the clinic must post on its website, shown where staff choose."""

    kind = models.CharField(
        "which notice",
        max_length=30,
        choices=NoticeKind.choices,
        default=NoticeKind.OTHER,
        help_text="Used for the list of notices clinics commonly need. The wording is yours to write.",
    )
    title = models.CharField(max_length=120, help_text="Shown as the notice's heading, or as its link in the footer.")
    slug = models.SlugField(unique=True, help_text="The notice's own web address, when it has one: /notices/<slug>/")
    body = RichTextField(help_text="The notice's exact wording, as your legal or compliance adviser approved it.")
    placement = models.CharField(
        "where it appears", max_length=20, choices=Placement.choices, default=Placement.OWN_PAGE
    )

    class Meta:
        ordering = ["order", "title"]
        verbose_name = "site notice"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("notices:notice_detail", args=[self.slug])


def missing_notice_kinds():
    """The commonly needed notices that no published notice covers yet."""
    covered = set(SiteNotice.objects.published().values_list("kind", flat=True))
    return [kind for kind in NoticeKind if kind != NoticeKind.OTHER and kind not in covered]
