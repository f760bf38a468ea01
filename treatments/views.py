from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from faq.models import Question
from practice.models import Provider
from publishing.views import DraftPreviewMixin

from .models import Condition, Treatment


class TreatmentListView(ListView):
    paginate_by = 24

    def get_queryset(self):
        return Treatment.objects.published()


class TreatmentDetailView(DraftPreviewMixin, DetailView):
    model = Treatment

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("reviewed_by", "picture")
            .prefetch_related(
                Prefetch("conditions", queryset=Condition.objects.published()),
                Prefetch("providers", queryset=Provider.objects.published()),
                Treatment.page_questions.prefetch(),
                "notices",
                "sources",
            )
        )


class TreatmentQuestionListView(ListView):
    """All of a treatment's questions, for when it has more than its own page shows."""

    template_name = "treatments/treatment_questions.html"
    context_object_name = "questions"
    paginate_by = 25

    def get_queryset(self):
        treatments = Treatment.objects.visible_to(self.request.user)
        self.treatment = get_object_or_404(treatments, slug=self.kwargs["slug"])
        return Question.objects.published().filter(treatment=self.treatment).select_related("reviewed_by")

    def get_context_data(self, **kwargs):
        return super().get_context_data(treatment=self.treatment, **kwargs)


class ConditionListView(ListView):
    paginate_by = 24

    def get_queryset(self):
        return Condition.objects.published()


class ConditionDetailView(DraftPreviewMixin, DetailView):
    model = Condition

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("reviewed_by", "picture")
            .prefetch_related(Prefetch("treatments", queryset=Treatment.objects.published()), "sources")
        )
