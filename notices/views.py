from django.views.generic import DetailView

from publishing.views import DraftPreviewMixin

from .models import SiteNotice


class NoticeDetailView(DraftPreviewMixin, DetailView):
    model = SiteNotice
    context_object_name = "notice"

    def get_queryset(self):
        return super().get_queryset().select_related("reviewed_by")
