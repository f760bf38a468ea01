from seo.sitemaps import ListPagesSitemap, RecordSitemap

from .models import Condition, Treatment

sitemaps = {
    "treatment-lists": ListPagesSitemap(
        {
            "treatments:treatment_list": lambda: [Treatment.objects.published()],
            "treatments:condition_list": lambda: [Condition.objects.published()],
        }
    ),
    "treatments": RecordSitemap(Treatment),
    "conditions": RecordSitemap(Condition),
}
