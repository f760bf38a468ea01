from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from practice.models import ClinicPhoto

from .models import PatientDocument, VisitGuide


class PlanYourVisitView(TemplateView):
    template_name = "visits/plan.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            guide=VisitGuide.objects.first(),
            documents=PatientDocument.objects.published(),
            clinic_photos=ClinicPhoto.objects.select_related("picture"),
            **kwargs,
        )


def document(request, pk, slug):
    """A published document's PDF, from whichever storage holds it."""
    record = get_object_or_404(PatientDocument.objects.published(), pk=pk)
    try:
        file = record.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("This document is no longer available.") from missing
    return FileResponse(file, content_type="application/pdf", filename=f"{slug}.pdf")
