from django.views.generic import DetailView, TemplateView

from publishing.views import DraftPreviewMixin
from treatments.models import Treatment

from .models import ClinicPhoto, Provider

# The home page stays short: all treatments are a link away.
FEATURED_ON_HOME_PAGE = 6


class HomeView(TemplateView):
    template_name = "practice/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            featured_treatments=Treatment.objects.featured()[:FEATURED_ON_HOME_PAGE],
            providers=Provider.objects.published().select_related("portrait"),
            clinic_photos=ClinicPhoto.objects.select_related("picture"),
            **kwargs,
        )


class ProviderDetailView(DraftPreviewMixin, DetailView):
    model = Provider

    def get_queryset(self):
        return super().get_queryset().select_related("portrait").prefetch_related(Provider.page_treatments.prefetch())
