from django.contrib import admin

from faq.models import Question

from .models import Condition, Treatment


class QuestionInline(admin.StackedInline):
    model = Question
    fields = ["question", "slug", "answer", "topic", "order", "is_published"]
    prepopulated_fields = {"slug": ["question"]}
    extra = 0
    verbose_name = "FAQ question"
    verbose_name_plural = "FAQ questions shown on this treatment's page"


@admin.register(Treatment)
class TreatmentAdmin(admin.ModelAdmin):
    list_display = ["name", "is_published", "is_featured", "order", "last_reviewed", "updated_at"]
    list_editable = ["is_published", "is_featured", "order"]
    list_filter = ["is_published", "is_featured", "conditions", "providers"]
    search_fields = ["name", "summary", "body"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["conditions", "providers"]
    inlines = [QuestionInline]
    fieldsets = [
        (None, {"fields": ["name", "summary", "body", "conditions", "providers"]}),
        ("Medical review", {"fields": ["reviewed_by", "last_reviewed"]}),
        ("Publishing", {"fields": ["is_published", "is_featured", "order", "slug"]}),
    ]


@admin.register(Condition)
class ConditionAdmin(admin.ModelAdmin):
    list_display = ["name", "is_published", "order", "updated_at"]
    list_editable = ["is_published", "order"]
    list_filter = ["is_published"]
    search_fields = ["name", "summary", "body"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "summary", "body", "is_published", "order", "slug"]
