from django.db import models
from django.db.models import Q
from django.urls import reverse

from publishing.fields import RichTextField
from publishing.models import Orderable, Publishable, PublishedQuerySet
from review.models import Reviewable
from treatments.models import Treatment


class Topic(Publishable, Orderable):
    """A heading that groups questions on the FAQ page."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(unique=True, help_text="The group's link on the FAQ page: /faq/#topic-<slug>")

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "question topic"

    def __str__(self):
        return self.name

    @property
    def anchor(self):
        # Prefixed so a topic and a question with the same slug never share an id.
        return f"topic-{self.slug}"

    def get_absolute_url(self):
        return reverse("faq:question_list") + f"#{self.anchor}"


class QuestionQuerySet(PublishedQuerySet):
    def published(self):
        """Published, and under no topic or a published one: a question in a draft topic waits with it."""
        return super().published().filter(Q(topic__isnull=True) | Q(topic__in=Topic.objects.published()))


class Question(Publishable, Reviewable, Orderable):
    question = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=255,
        unique=True,
        help_text="The question's own page, /faq/<slug>/, and its place on the FAQ page, /faq/#<slug>",
    )
    answer = RichTextField()
    topic = models.ForeignKey(
        Topic,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        help_text="The FAQ page group it appears under.",
    )
    treatment = models.ForeignKey(
        Treatment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        help_text="Also shown on this treatment's page.",
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "question"]

    def __str__(self):
        return self.question

    @property
    def is_live(self):
        return super().is_live and (self.topic is None or self.topic.is_live)

    def get_absolute_url(self):
        return reverse("faq:question_detail", args=[self.slug])
