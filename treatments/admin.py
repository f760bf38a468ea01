from django.contrib import admin

from claims.admin import SourceInline
from claims.forms import ClaimsWarningForm
from faq.models import Question
from publishing.admin import PUBLISHING_FIELDS, SEARCH_ENGINE_FIELDSET, ContentAdmin
from review.admin import REVIEW_FIELDSET

from .models import Condition, PatientNotice, Treatment


class QuestionInline(admin.StackedInline):
    model = Question
    form = ClaimsWarningForm
    fields = ["question", "slug", "answer", "topic", "order", "is_published"]
    prepopulated_fields = {"slug": ["question"]}
    extra = 0
    verbose_name = "FAQ question"
    verbose_name_plural = "FAQ questions shown on this treatment's page"


@admin.register(Treatment)
class TreatmentAdmin(ContentAdmin):
    review_links = True
    list_display = ["name", "is_published", "is_featured", "order", "regulatory_status", "last_reviewed", "updated_at"]
    list_editable = ["is_published", "is_featured", "order"]
    list_filter = ["is_published", "is_featured", "regulatory_status", "conditions", "providers"]
    search_fields = ["name", "summary", "body"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [QuestionInline, SourceInline]
    fieldsets = [
        (None, {"fields": ["name", "summary", "picture", "body"]}),
        ("Conditions and providers", {"fields": ["conditions", "providers"]}),
        ("Regulatory status and notices", {"fields": ["regulatory_status", "notices"]}),
        REVIEW_FIELDSET,
        ("Publishing", {"fields": [*PUBLISHING_FIELDS, "is_featured", "order", "slug"]}),
        SEARCH_ENGINE_FIELDSET,
    ]


@admin.register(Condition)
class ConditionAdmin(ContentAdmin):
    review_links = True
    list_display = ["name", "is_published", "order", "last_reviewed", "updated_at"]
    list_editable = ["is_published", "order"]
    list_filter = ["is_published"]
    search_fields = ["name", "summary", "body"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SourceInline]
    fieldsets = [
        (None, {"fields": ["name", "summary", "picture", "body"]}),
        ("When to get urgent help", {"fields": ["warning_signs"]}),
        REVIEW_FIELDSET,
        ("Publishing", {"fields": [*PUBLISHING_FIELDS, "order", "slug"]}),
        SEARCH_ENGINE_FIELDSET,
    ]


@admin.register(PatientNotice)
class PatientNoticeAdmin(ContentAdmin):
    list_display = ["title", "updated_at"]
    search_fields = ["title", "body"]
