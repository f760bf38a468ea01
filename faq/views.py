from django.db.models import F, Q
from django.views.generic import ListView

from .models import Question, Topic


class QuestionListView(ListView):
    """Published questions grouped under their topics in order, questions without one last.

    Paginated by question, so the page costs the same however many questions staff add.
    """

    template_name = "faq/question_list.html"
    context_object_name = "questions"
    paginate_by = 25

    def get_queryset(self):
        return (
            Question.objects.published()
            .filter(Q(topic__isnull=True) | Q(topic__in=Topic.objects.published()))
            .select_related("topic", "reviewed_by")
            .order_by(F("topic__order").asc(nulls_last=True), "topic__name", "topic", "order", "question")
        )
