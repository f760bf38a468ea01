from seo.sitemaps import ListPagesSitemap, RecordSitemap
from treatments.models import Treatment

from .models import Clinic, Provider

sitemaps = {
    "home": ListPagesSitemap(
        {"practice:home": lambda: [Clinic.objects.all(), Treatment.objects.featured(), Provider.objects.published()]}
    ),
    "providers": RecordSitemap(Provider),
}
