from practice.models import Clinic
from seo.sitemaps import ListPagesSitemap

from .models import PatientDocument, VisitGuide

sitemaps = {
    "visit": ListPagesSitemap(
        {"visits:plan": lambda: [Clinic.objects.all(), VisitGuide.objects.all(), PatientDocument.objects.published()]}
    ),
}
