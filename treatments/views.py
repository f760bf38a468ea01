from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from faq.models import Question
from practice.models import Provider
from publishing.views import DraftPreviewMixin

from .models import Condition, Treatment


class TreatmentListView(ListView):
    def get_queryset(self):
        return Treatment.objects.published()


class TreatmentDetailView(DraftPreviewMixin, DetailView):
    model = Treatment

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("reviewed_by")
            .prefetch_related(
                Prefetch("conditions", queryset=Condition.objects.published()),
                Prefetch("providers", queryset=Provider.objects.published()),
                Prefetch("questions", queryset=Question.objects.published().select_related("reviewed_by")),
                "notices",
                "sources",
            )
        )


class ConditionListView(ListView):
    def get_queryset(self):
        return Condition.objects.published()


class ConditionDetailView(DraftPreviewMixin, DetailView):
    model = Condition

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("reviewed_by")
            .prefetch_related(Prefetch("treatments", queryset=Treatment.objects.published()), "sources")
        )
