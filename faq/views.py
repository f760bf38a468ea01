from django.db.models import Prefetch
from django.views.generic import ListView

from .models import Question, Topic


class QuestionListView(ListView):
    """Every published question, grouped under its topic; questions without one come last."""

    template_name = "faq/question_list.html"
    context_object_name = "topics"

    def get_queryset(self):
        questions = Question.objects.published().select_related("reviewed_by")
        return Topic.objects.published().prefetch_related(Prefetch("questions", queryset=questions))

    def get_context_data(self, **kwargs):
        other_questions = Question.objects.published().filter(topic__isnull=True).select_related("reviewed_by")
        return super().get_context_data(other_questions=other_questions, **kwargs)
