from django.contrib import admin

from .models import Question, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "is_published", "order", "updated_at"]
    list_editable = ["is_published", "order"]
    list_filter = ["is_published"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["question", "topic", "treatment", "is_published", "order", "updated_at"]
    list_editable = ["is_published", "order"]
    list_filter = ["is_published", "topic", "treatment"]
    search_fields = ["question", "answer"]
    list_select_related = ["topic", "treatment"]
    prepopulated_fields = {"slug": ["question"]}
    fields = ["question", "answer", "topic", "treatment", "order", "is_published", "slug"]
