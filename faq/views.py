from django.db.models import F
from django.views.generic import DetailView, ListView

from publishing.views import DraftPreviewMixin

from .models import Question
from .schema import faq_page


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
            .select_related("topic", "reviewed_by")
            .order_by(F("topic__order").asc(nulls_last=True), "topic__name", "topic", "order", "question")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "faq_schema": [faq_page(context["questions"])]}


class QuestionDetailView(DraftPreviewMixin, DetailView):
    """One question's own page: where search results and shared links lead, whichever FAQ page it is on."""

    model = Question

    def get_queryset(self):
        return super().get_queryset().select_related("topic", "reviewed_by", "treatment")
