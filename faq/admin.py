from django.contrib import admin

from publishing.admin import PUBLISHING_FIELDS, ContentAdmin
from review.admin import REVIEW_FIELDSET

from .models import Question, Topic


@admin.register(Topic)
class TopicAdmin(ContentAdmin):
    list_display = ["name", "is_published", "order", "updated_at"]
    list_editable = ["is_published", "order"]
    list_filter = ["is_published"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", *PUBLISHING_FIELDS, "order", "slug"]


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    review_links = True
    list_display = ["question", "topic", "treatment", "is_published", "order", "last_reviewed", "updated_at"]
    list_editable = ["is_published", "order"]
    list_filter = ["is_published", "topic", "treatment"]
    search_fields = ["question", "answer"]
    list_select_related = ["topic", "treatment"]
    prepopulated_fields = {"slug": ["question"]}
    fieldsets = [
        (None, {"fields": ["question", "answer", "topic", "treatment"]}),
        REVIEW_FIELDSET,
        ("Publishing", {"fields": [*PUBLISHING_FIELDS, "order", "slug"]}),
    ]
